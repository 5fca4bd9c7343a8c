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
