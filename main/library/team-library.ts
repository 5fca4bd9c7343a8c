import type pg from 'pg';
import { GroundworkError } from '../../shared/errors';
import type { TemplateDocument } from '../../shared/fileformat/document';
import { parseDocument } from '../../shared/fileformat/validate';
import type { LibraryCaller, LibraryVersion } from '../../shared/model/library';
import { appliedLibrarySteps, checkLibrarySteps, withConnection, type LibraryUrl } from './connection';
import { LIBRARY_SCHEMA } from './schema';

const VERSIONS = `${LIBRARY_SCHEMA}.template_versions`;
const SUMMARY_COLUMNS = 'template_id, version, author, published_at, name, description, note';

/** A version's summary as a table holds it, the library's (a timestamp) or the local cache's (epoch ms). */
export interface VersionRow<Time = Date> {
  template_id: string;
  version: number;
  author: string;
  published_at: Time;
  name: string;
  description: string;
  note: string;
}

export const versionOf = (row: VersionRow<Date | number>): LibraryVersion => ({
  templateId: row.template_id,
  version: row.version,
  author: row.author,
  publishedAt: typeof row.published_at === 'number' ? row.published_at : row.published_at.getTime(),
  name: row.name,
  description: row.description,
  note: row.note,
});

export interface Publication {
  /** Made by the client when the trainer publishes, so a resend (from the outbox) lands once. */
  publishId: string;
  /** The library template it is a version of: the own template's id, the same for every version. */
  templateId: string;
  document: TemplateDocument;
  note: string;
}

/** The team library in PostgreSQL, as the trainer in the connection string sees it. One connection per call. */
export class TeamLibrary {
  constructor(readonly url: LibraryUrl) {}

  /** Connects and checks the library's schema first: a newer, older or missing one is refused before anything is read or written. */
  private connect<T>(doing: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    return withConnection(this.url, doing, async (client) => {
      checkLibrarySteps(await appliedLibrarySteps(client), this.url);
      return work(client);
    });
  }

  /**
   * Publishes the next version of the template in one transaction. A publish id already in the
   * library (the first attempt got through, its answer did not) returns that version again.
   */
  publish({ publishId, templateId, document, note }: Publication): Promise<LibraryVersion> {
    return this.connect('publishing', async (client) => {
      await client.query('BEGIN');
      try {
        // Publishes of the same template wait for each other, so each gets the next number.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [templateId]);
        const earlier = await client.query<VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${VERSIONS} WHERE publish_id = $1`, [publishId]);
        if (earlier.rows[0]) {
          await client.query('COMMIT');
          return versionOf(earlier.rows[0]);
        }
        const inserted = await client.query<VersionRow>(
          `INSERT INTO ${VERSIONS} (template_id, version, publish_id, name, description, note, content)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6 FROM ${VERSIONS} WHERE template_id = $1
           RETURNING ${SUMMARY_COLUMNS}`,
          [templateId, publishId, document.template.name, document.template.description, note, document],
        );
        await client.query('COMMIT');
        return versionOf(inserted.rows[0]);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if ((error as { code?: string }).code === '42501') throw await this.notOwner(client, templateId, error);
        throw error;
      }
    });
  }

  private async notOwner(client: pg.Client, templateId: string, error: unknown): Promise<unknown> {
    const first = await client.query<{ author: string; name: string }>(`SELECT author, name FROM ${VERSIONS} WHERE template_id = $1 AND version = 1`, [templateId]).catch(() => null);
    const owner = first?.rows[0];
    if (!owner) return error;
    return new GroundworkError('forbidden', `"${owner.name}" in the team library belongs to ${owner.author}, who first published it: only they publish its next versions. Duplicate it to publish your own.`);
  }

  /** Every version not withdrawn, by template name, newest version first. */
  list(): Promise<LibraryVersion[]> {
    return this.connect('reading the list', async (client) => {
      const { rows } = await client.query<VersionRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${VERSIONS} WHERE withdrawn_at IS NULL ORDER BY lower(name), template_id, version DESC`);
      return rows.map(versionOf);
    });
  }

  /** The role this connection is, and whether it may withdraw what others published. */
  caller(): Promise<LibraryCaller> {
    return this.connect('reading who you are', async (client) => {
      const { rows } = await client.query<LibraryCaller>(`SELECT current_user AS name, pg_has_role(current_user, 'groundwork_admin', 'MEMBER') AS admin`);
      return rows[0];
    });
  }

  /** A version's content, checked (and upgraded) like any file. */
  fetch(templateId: string, version: number): Promise<TemplateDocument> {
    return this.connect('fetching a template', async (client) => {
      const { rows } = await client.query<{ content: unknown; withdrawn_at: Date | null }>(`SELECT content, withdrawn_at FROM ${VERSIONS} WHERE template_id = $1 AND version = $2`, [templateId, version]);
      const row = rows[0];
      if (!row || row.withdrawn_at) throw new GroundworkError('not_found', `Version ${version} of this template is not in the team library${row ? ': it was withdrawn' : ''}.`);
      const parsed = parseDocument(row.content);
      if (!parsed.ok || parsed.document.kind !== 'template') throw new GroundworkError('invalid_input', `Version ${version} of this template in the team library is not a template this version of Groundwork can read.`);
      return parsed.document;
    });
  }

  /**
   * Withdraws every version of the template the caller may withdraw: the database lets only a
   * version's author or an administrator do it. Sessions made from it are local copies and stay.
   */
  withdraw(templateId: string): Promise<{ withdrawn: number }> {
    return this.connect('withdrawing a template', async (client) => {
      const { rowCount } = await client.query(`UPDATE ${VERSIONS} SET withdrawn_at = now(), withdrawn_by = current_user WHERE template_id = $1 AND withdrawn_at IS NULL`, [templateId]);
      if (rowCount) return { withdrawn: rowCount };
      const { rows } = await client.query<{ author: string; name: string }>(`SELECT author, name FROM ${VERSIONS} WHERE template_id = $1 AND withdrawn_at IS NULL ORDER BY version DESC LIMIT 1`, [templateId]);
      if (!rows[0]) throw new GroundworkError('not_found', 'That template is not in the team library (it may have been withdrawn already).');
      throw new GroundworkError('forbidden', `Only ${rows[0].author}, who published "${rows[0].name}", or a library administrator can withdraw it.`);
    });
  }
}
