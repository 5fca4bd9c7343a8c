import { ADMIN_ROLE, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA, SCHEMA_VERSION_TABLE, TRAINER_ROLE, type LibraryMigration } from './schema';
import { appliedLibrarySteps, refuseNewerLibrary, withConnection, type LibraryUrl } from './connection';

interface LibraryInitResult {
  /** The schema steps this run applied (none when the library was up to date). */
  applied: string[];
  /** The roles this run created (none when they existed). */
  rolesCreated: string[];
}

// Any constant: two inits at once wait for each other instead of racing to create the same things.
const INIT_LOCK = 0x67726e64;

/**
 * Creates the library's two roles, its schema and the steps it lacks, all in one transaction:
 * run again, it changes nothing; on a library newer than this version, it changes nothing and says so.
 * Needs a user who may create roles and schemas (the database's owner with CREATEROLE, or a superuser).
 */
export async function initLibrary(url: LibraryUrl, migrations: readonly LibraryMigration[] = LIBRARY_MIGRATIONS): Promise<LibraryInitResult> {
  return withConnection(url, 'setting up the library', async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK]);
      const applied = (await appliedLibrarySteps(client)) ?? [];
      refuseNewerLibrary(applied, url, migrations);
      const rolesCreated: string[] = [];
      for (const [role, options] of [
        [TRAINER_ROLE, 'NOLOGIN'],
        [ADMIN_ROLE, `NOLOGIN IN ROLE ${TRAINER_ROLE}`],
      ] as const) {
        const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        if (rowCount === 0) {
          await client.query(`CREATE ROLE ${role} ${options}`);
          rolesCreated.push(role);
        }
      }
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${LIBRARY_SCHEMA}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA_VERSION_TABLE} (seq integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const pending = migrations.slice(applied.length);
      for (const [i, migration] of pending.entries()) {
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${SCHEMA_VERSION_TABLE} (seq, name) VALUES ($1, $2)`, [applied.length + i + 1, migration.name]);
      }
      await client.query('COMMIT');
      return { applied: pending.map((m) => m.name), rolesCreated };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
  });
}
