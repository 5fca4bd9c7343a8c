import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

export const DATABASE_FILE = 'groundwork.db';

/**
 * Opens (or creates) the database and brings its schema up to date. A database whose applied
 * migrations are not a prefix of the ones this build knows was written by another (newer)
 * version: it is refused before anything is written to it.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    checkMigrationsKnown(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function appliedMigrations(db: Db): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  if (!table) return [];
  return (db.prepare('SELECT name FROM migrations ORDER BY seq').all() as { name: string }[]).map((r) => r.name);
}

function checkMigrationsKnown(db: Db, migrations: readonly Migration[]): void {
  const applied = appliedMigrations(db);
  applied.forEach((name, i) => {
    if (migrations[i]?.name !== name) {
      throw new DatabaseRefusedError(
        `This database (${db.name}) was written by a newer or different version of Groundwork: it has schema step "${name}", which this version does not know. It was left untouched. Update Groundwork to open it.`,
      );
    }
  });
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = appliedMigrations(db).length;
  const record = db.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)');
  migrations.slice(applied).forEach((migration, i) => {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(applied + i + 1, migration.name, Date.now());
    })();
  });
}
