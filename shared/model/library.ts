import { z } from 'zod';
import { LIMITS } from './limits';
import { Id, Title } from './schemas';

/** A change note: what a version changed, for the colleagues who use the one before. */
export const ChangeNote = z.string().trim().min(1, 'Say what changed in this version').max(LIMITS.longText);

/** One published version of a team library template (without its content, which is fetched when used). */
export const LibraryVersion = z.strictObject({
  templateId: Id,
  version: z.number().int().min(1),
  /** The PostgreSQL role that published it. */
  author: z.string().max(LIMITS.title),
  publishedAt: z.number().int(),
  name: Title,
  description: z.string().max(LIMITS.longText),
  note: ChangeNote,
});
export type LibraryVersion = z.infer<typeof LibraryVersion>;

/** A session made from a library template: which version, so the gallery can say when a newer one is out. */
export const LibraryOrigin = z.strictObject({ sessionId: Id, sessionTitle: z.string(), templateId: Id, version: z.number().int().min(1) });
export type LibraryOrigin = z.infer<typeof LibraryOrigin>;

/** Who this app is in the library: a template's Withdraw is offered to its author and to administrators. */
export const LibraryCaller = z.strictObject({ name: z.string().max(LIMITS.title), admin: z.boolean() });
export type LibraryCaller = z.infer<typeof LibraryCaller>;

/** What the gallery shows of the team library: always the local cache, with how fresh it is. */
export const LibraryState = z.strictObject({
  /** The library's address without its password (user@host:port/database), or null when none is set. */
  address: z.string().nullable(),
  /** The command line or environment (`--library-url`, GROUNDWORK_LIBRARY_URL) wins over the app's setting. */
  addressFrom: z.enum(['setting', 'command line']).nullable(),
  /** As the library said at the last sync; before one, the address's user, not known to be an administrator. */
  caller: LibraryCaller.nullable(),
  versions: z.array(LibraryVersion),
  syncedAt: z.number().int().nullable(),
  /** Publishes waiting in the outbox for the server. */
  waiting: z.array(z.strictObject({ templateId: Id, name: z.string(), note: z.string() })),
  origins: z.array(LibraryOrigin),
  /** Why the last sync did not reach the library (offline, a refused password…), or null when it did. */
  problem: z.string().nullable(),
  offline: z.boolean(),
});
export type LibraryState = z.infer<typeof LibraryState>;

/** A connection string; checked in main, where it is parsed. */
export const LibraryUrlText = z.string().trim().min(1, 'Give the library’s address').max(2000);
