import { randomUUID } from 'node:crypto';
import type { TemplateDocument } from '../../shared/fileformat/document';
import { LibraryCaller, type LibraryOrigin, type LibraryVersion } from '../../shared/model/library';
import type { Db } from '../store/db';
import { versionOf, type Publication, type VersionRow } from './team-library';

const URL_KEY = 'library.url';
const SYNCED_KEY = 'library.syncedAt';
const CALLER_KEY = 'library.caller';

/** The team library as this laptop last saw it, in the local SQLite: the gallery works from it offline. */
export class LibraryCache {
  constructor(private readonly db: Db) {}

  /** The connection string the trainer stored in the app, or null. */
  storedUrl(): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(URL_KEY) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** A new address is another library: what was cached from the old one is dropped; the outbox stays, to go to the new one. */
  storeUrl(url: string | null): void {
    this.db.transaction(() => {
      if (url === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(URL_KEY);
      else this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(URL_KEY, url);
      this.db.prepare('DELETE FROM library_versions').run();
      this.db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run(SYNCED_KEY, CALLER_KEY);
    })();
  }

  versions(): LibraryVersion[] {
    const rows = this.db.prepare('SELECT * FROM library_versions ORDER BY lower(name), template_id, version DESC').all() as VersionRow<number>[];
    return rows.map(versionOf);
  }

  syncedAt(): number | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(SYNCED_KEY) as { value: string } | undefined;
    return row ? Number(row.value) : null;
  }

  /** Who the library said this app is at the last sync, or null before one. */
  caller(): LibraryCaller | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(CALLER_KEY) as { value: string } | undefined;
    const parsed = row ? LibraryCaller.safeParse(JSON.parse(row.value)) : null;
    return parsed?.success ? parsed.data : null;
  }

  /** The list and the caller as the server just gave them, and when. */
  replaceVersions(versions: readonly LibraryVersion[], caller: LibraryCaller, at: number): void {
    const insert = this.db.prepare(
      'INSERT INTO library_versions (template_id, version, author, published_at, name, description, note) VALUES (@templateId, @version, @author, @publishedAt, @name, @description, @note)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM library_versions').run();
      for (const version of versions) insert.run(version);
      const setting = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      setting.run(SYNCED_KEY, String(at));
      setting.run(CALLER_KEY, JSON.stringify(caller));
    })();
  }

  /** A version this laptop has used, or null when it never fetched it. */
  content(templateId: string, version: number): TemplateDocument | null {
    const row = this.db.prepare('SELECT document FROM library_contents WHERE template_id = ? AND version = ?').get(templateId, version) as { document: string } | undefined;
    return row ? (JSON.parse(row.document) as TemplateDocument) : null;
  }

  /** Keeps a used version's content: a published version never changes, so it never needs fetching again. */
  keepContent(templateId: string, version: number, document: TemplateDocument): void {
    this.db.prepare('INSERT OR IGNORE INTO library_contents (template_id, version, document) VALUES (?, ?, ?)').run(templateId, version, JSON.stringify(document));
  }

  /** Puts a publish in the outbox, with the id that makes its delivery land once however often it is sent. */
  queue(templateId: string, document: TemplateDocument, note: string, at: number): Publication {
    const publication: Publication = { publishId: randomUUID(), templateId, document, note };
    this.db
      .prepare('INSERT INTO library_outbox (publish_id, template_id, note, document, queued_at) VALUES (?, ?, ?, ?, ?)')
      .run(publication.publishId, templateId, note, JSON.stringify(document), at);
    return publication;
  }

  /** The publishes waiting, oldest first. */
  outbox(): Publication[] {
    const rows = this.db.prepare('SELECT publish_id, template_id, note, document FROM library_outbox ORDER BY queued_at, rowid').all() as {
      publish_id: string;
      template_id: string;
      note: string;
      document: string;
    }[];
    return rows.map((row) => ({ publishId: row.publish_id, templateId: row.template_id, note: row.note, document: JSON.parse(row.document) as TemplateDocument }));
  }

  /** The publish reached the library (or was refused for good): it leaves the outbox. */
  settle(publishId: string): void {
    this.db.prepare('DELETE FROM library_outbox WHERE publish_id = ?').run(publishId);
  }

  /** Remembers that a session was made from a library version. */
  recordOrigin(sessionId: string, templateId: string, version: number): void {
    this.db.prepare('INSERT INTO library_origins (session_id, template_id, version) VALUES (?, ?, ?)').run(sessionId, templateId, version);
  }

  /** The sessions made from library templates, newest version of each template first. */
  origins(): LibraryOrigin[] {
    return this.db
      .prepare(
        `SELECT o.session_id AS sessionId, s.title AS sessionTitle, o.template_id AS templateId, o.version
         FROM library_origins o JOIN sessions s ON s.id = o.session_id ORDER BY o.template_id, o.version DESC, s.title`,
      )
      .all() as LibraryOrigin[];
  }
}
