import type pg from 'pg';
import { GroundworkError } from '../../shared/errors';
import { LIBRARY_MIGRATIONS, SCHEMA_VERSION_TABLE, type LibraryMigration } from './schema';

/** How long a connection attempt may take before the library counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;

/** The library's address, checked: a postgres:// or postgresql:// URL, shown without its password. */
export interface LibraryUrl {
  connectionString: string;
  /** host:port/database, for messages. */
  where: string;
  user: string;
}

/** Reads a connection string, or throws a message naming what is wrong with it (never echoing a password). */
export function parseLibraryUrl(text: string): LibraryUrl {
  const example = 'postgresql://USER:PASSWORD@HOST:5432/DATABASE';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new GroundworkError('invalid_input', `The team library's address is not a connection string. Give one like ${example}.`, ['url']);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new GroundworkError('invalid_input', `The team library's address must start with postgresql:// (it starts with ${url.protocol}//). Give one like ${example}.`, ['url']);
  }
  if (!url.hostname) throw new GroundworkError('invalid_input', `The team library's address names no server. Give one like ${example}.`, ['url']);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  return {
    connectionString: url.toString(),
    where: `${url.hostname}:${url.port || 5432}/${database}`,
    user: decodeURIComponent(url.username) || '(default user)',
  };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08003', '08001']);

/** Whether the error means the server could not be reached or went away (the outbox keeps the publish then). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof GroundworkError && error.code === 'unavailable';
}

/** PostgreSQL's or the network's error as a message that names what is wrong, for the trainer. */
function describeLibraryError(error: unknown, url: LibraryUrl, doing: string): GroundworkError {
  if (error instanceof GroundworkError) return error;
  const code = (error as { code?: string }).code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (UNREACHABLE.has(code) || /timeout expired|Connection terminated due to connection timeout/i.test(detail)) {
    return new GroundworkError('unavailable', `The team library at ${url.where} cannot be reached (${detail}). Check the address and the network; nothing was changed.`);
  }
  if (CONNECTION_LOST.has(code) || /Connection terminated/i.test(detail)) {
    return new GroundworkError('unavailable', `The team library at ${url.where} went away while ${doing} (${detail}). Nothing was half-done: PostgreSQL undid the unfinished transaction.`);
  }
  if (code === '28P01') return new GroundworkError('forbidden', `The team library at ${url.where} refused the password of user "${url.user}". Check the user and password in the address.`);
  if (code === '28000') return new GroundworkError('forbidden', `The team library at ${url.where} does not let user "${url.user}" log in (${detail}).`);
  if (code === '3D000') return new GroundworkError('not_found', `The team library's server has no database ${url.where.split('/')[1]}. Check the database name in the address.`);
  if (code === '42501') return new GroundworkError('forbidden', `The team library refused: ${detail}. Is user "${url.user}" a member of groundwork_trainer?`);
  return new GroundworkError('internal', `The team library at ${url.where} failed while ${doing}: ${detail}`);
}

/** Opens one connection, runs `work` on it, closes it; every failure comes out as a message for the trainer. */
export async function withConnection<T>(url: LibraryUrl, doing: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // Loaded on first use: most runs never reach a library, and pg costs `serve` a tenth of its start-up.
  const { Client } = (await import('pg')).default;
  const client = new Client({ connectionString: url.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'groundwork' });
  // A server that goes away between queries emits 'error' on the idle client; the next query fails with it.
  client.on('error', () => {});
  try {
    await client.connect();
    return await work(client);
  } catch (error) {
    throw describeLibraryError(error, url, doing);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The names of the schema steps the library has applied, in order; null when it has no library schema at all. */
export async function appliedLibrarySteps(client: pg.Client): Promise<string[] | null> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [SCHEMA_VERSION_TABLE]);
  if (!rows[0].exists) return null;
  const applied = await client.query<{ name: string }>(`SELECT name FROM ${SCHEMA_VERSION_TABLE} ORDER BY seq`);
  return applied.rows.map((row) => row.name);
}

/** Refuses a library set up by a newer Groundwork (a schema step this version does not know), before anything is read or written. */
export function refuseNewerLibrary(applied: readonly string[], url: LibraryUrl, migrations: readonly LibraryMigration[]): void {
  applied.forEach((name, i) => {
    if (migrations[i]?.name !== name) {
      throw new GroundworkError(
        'conflict',
        `The team library at ${url.where} was set up by a newer version of Groundwork (it has schema step "${name}", which this version does not know). Nothing was read or changed. Update Groundwork to use it.`,
      );
    }
  });
}

/** Refuses a library this version cannot work with: never set up, set up by a newer Groundwork, or not yet updated. */
export function checkLibrarySteps(applied: string[] | null, url: LibraryUrl, migrations: readonly LibraryMigration[] = LIBRARY_MIGRATIONS): void {
  if (applied === null || applied.length === 0) {
    throw new GroundworkError('not_found', `The database ${url.where} holds no team library yet. An administrator sets it up once with: groundwork library init --library-url URL`);
  }
  refuseNewerLibrary(applied, url, migrations);
  if (applied.length < migrations.length) {
    throw new GroundworkError('conflict', `The team library at ${url.where} was set up by an older version of Groundwork. An administrator updates it with: groundwork library init --library-url URL`);
  }
}
