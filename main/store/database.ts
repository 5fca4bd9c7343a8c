import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { backupsDirFor, listBackups, moveDatabaseFiles, quickCheck, takeBackupSync, type BackupInfo } from './backups';
import { MIGRATIONS, type Migration } from './migrations';
import { DatabaseRefusedError } from './refused';
import type { Db } from './db';
import { openSqlite } from './sqlite';
import { fileStamp } from './file-stamp';

export { DatabaseRefusedError };

/** The file is damaged (or empty); it was moved aside (never overwritten) and the newest backup is named. */
export class DatabaseDamagedError extends DatabaseRefusedError {
  constructor(
    message: string,
    readonly movedTo: string,
    readonly newestBackup: string | null,
    /** What SQLite said is wrong with the file. */
    readonly detail: string,
    /** 'empty': the file has no bytes at all (a copy that failed, a full disk), so nothing in it can be salvaged. */
    readonly damage: 'damaged' | 'empty' = 'damaged',
  ) {
    super(message);
    this.name = 'DatabaseDamagedError';
  }
}

/** A schema step failed and was rolled back: the file is as it was, and a copy from just before it exists. */
export class MigrationFailedError extends DatabaseRefusedError {
  constructor(
    message: string,
    readonly step: string,
    readonly backup: string | null,
    /** What SQLite said when the step failed. */
    readonly detail: string,
    /** SQLite's result code (SQLITE_BUSY, SQLITE_CONSTRAINT_UNIQUE, …), or null when the failure was not SQLite's. */
    readonly sqliteCode: string | null,
  ) {
    super(message);
    this.name = 'MigrationFailedError';
  }
}

export const DATABASE_FILE = 'groundwork.db';

/**
 * The pragmas of every connection that writes the database. synchronous=FULL: in WAL mode each
 * commit fsyncs the -wal before it returns, so an edit main has acknowledged survives a power
 * cut, not only a crash of the app (NORMAL fsyncs only at checkpoints: a dead battery could roll
 * back the last few hundred acknowledged edits).
 */
const WRITER_PRAGMAS = ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000'] as const;

/**
 * Opens (or creates) the database and brings its schema up to date. It is checked first
 * (quick_check): a damaged file is moved aside, never written to. A database whose applied
 * migrations are not a prefix of the ones this build knows was written by another (newer)
 * version: it is refused before anything is written to it. Before any migration runs on a
 * database that has data, a backup is taken.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS, { openIn }: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) {
    if (openIn) refuseIfDamagedInUse(file, openIn);
    else {
      refuseIfEmpty(file);
      refuseIfDamaged(file);
    }
  }
  const db = openSqlite(file);
  try {
    checkMigrationsKnown(db, migrations);
    for (const pragma of WRITER_PRAGMAS) db.pragma(pragma);
    if (openIn && migrations.length > appliedMigrations(db).length) {
      throw new DatabaseRefusedError(
        `This database is open in ${openIn}, an older version of Groundwork; this version would have to update it first. Nothing was changed. Close ${openIn} and run the command again.`,
      );
    }
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

interface OpenOptions {
  /**
   * A shell holds the database (a one-shot command runs beside it; see the data dir's lock): a
   * damaged file is refused where it is, never moved from under the shell, and no schema step runs.
   * Names the holder, as the message should.
   */
  openIn?: string;
}

/** A database a running shell has open is checked, never moved: the shell decides what to do about damage. */
function refuseIfDamagedInUse(file: string, openIn: string): void {
  const problem = sizeOf(file) === 0 && sizeOf(`${file}-wal`) === 0 ? EMPTY_FILE_PROBLEM : damageFound(file);
  if (problem) {
    throw new DatabaseRefusedError(
      `Groundwork's database looks damaged (${problem}). It is open in ${openIn}, so it was left exactly where it is: close ${openIn} and start Groundwork again, which sets it aside and offers the newest backup.`,
    );
  }
}

const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/** Whether `error` is SQLite saying the file is not a sound database (not, say, busy or unreadable). */
function isDamage(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && DAMAGE_CODES.some((code) => error.code.startsWith(code));
}

/** What is wrong with the file, or null when quick_check says ok. Errors that are not damage propagate. */
function damageOf(db: Db): string | null {
  try {
    const result = quickCheck(db);
    return result === 'ok' ? null : result;
  } catch (error) {
    if (isDamage(error)) return error.message;
    throw error;
  }
}


/** Where a database set aside at `at` goes, beside it: <file>.damaged-<time> or <file>.not-updated-<time>. */
export const asidePath = (file: string, why: 'damaged' | 'not-updated', at: number) => `${file}.${why}-${fileStamp(at)}`;

function describeBackup(backup: BackupInfo | null, dir: string): string {
  if (!backup) return 'There is no backup to restore from.';
  return `Your newest backup is ${path.join(dir, backup.file)}, made ${new Date(backup.createdAt).toISOString()}. Start Groundwork again and choose "Restore from backup…" on the home screen to bring it back.`;
}

const EMPTY_FILE_PROBLEM = 'the file is empty (0 bytes)';

const sizeOf = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

/**
 * A 0-byte file is not a new install (that has no file at all): it is a copy that failed or a
 * disk that filled up, and SQLite would quietly make a fresh schema in it. A -wal with content
 * beside it still holds a database, which the check for damage reads.
 */
function refuseIfEmpty(file: string): void {
  if (sizeOf(file) === 0 && sizeOf(`${file}-wal`) === 0) throw setAsideDamaged(file, EMPTY_FILE_PROBLEM, 'empty');
}

/**
 * Checks the file on a read-only connection: unlike a writer's, its close never checkpoints a
 * -wal into the file, so a damaged database is moved aside exactly as it was found.
 */
function refuseIfDamaged(file: string): void {
  const problem = damageFound(file);
  if (problem) throw setAsideDamaged(file, problem);
}

/** What is wrong with the file (read on a read-only connection), or null when it is sound. */
function damageFound(file: string): string | null {
  let reader: Db | null = null;
  try {
    reader = openSqlite(file, { readonly: true, fileMustExist: true });
    return damageOf(reader);
  } catch (error) {
    if (!isDamage(error)) throw error;
    return error.message;
  } finally {
    reader?.close();
  }
}

/** Moves the (closed) damaged database's files to <file>.damaged-<time> and returns the error that says so. */
function setAsideDamaged(file: string, problem: string, damage: 'damaged' | 'empty' = 'damaged'): DatabaseDamagedError {
  const movedTo = asidePath(file, 'damaged', Date.now());
  moveDatabaseFiles(file, movedTo);
  const dir = backupsDirFor(file);
  const newest = listBackups(dir)[0] ?? null;
  const what = damage === 'empty' ? `Groundwork's database file is empty (0 bytes): it holds nothing, not even an empty database.` : `Groundwork's database is damaged (${problem}).`;
  return new DatabaseDamagedError(
    `${what} It was not changed or overwritten: it was moved to ${movedTo}. ${describeBackup(newest, dir)}`,
    movedTo,
    newest ? path.join(dir, newest.file) : null,
    problem,
    damage,
  );
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

function migrate(db: Db, file: string, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = appliedMigrations(db).length;
  const pending = migrations.slice(applied);
  if (pending.length === 0) return;
  // A database with no step applied yet is new: there is nothing in it to keep.
  const backupsDir = backupsDirFor(file);
  const backup = applied > 0 ? path.join(backupsDir, takeBackupSync(db, backupsDir, `before-${pending[0].name}`).file) : null;
  const record = db.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)');
  pending.forEach((migration, i) => {
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        record.run(applied + i + 1, migration.name, Date.now());
      })();
    } catch (error) {
      const problem = isDamage(error) ? error.message : damageOf(db);
      if (problem) {
        db.close();
        throw setAsideDamaged(file, problem);
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationFailedError(
        `Groundwork could not update its database to this version: step "${migration.name}" failed (${reason}). Nothing was lost: the step was undone, so the database is as it was before it${backup ? `; a copy made just before is at ${backup}` : ''}.`,
        migration.name,
        backup,
        reason,
        error instanceof Database.SqliteError ? error.code : null,
      );
    }
  });
}
