import fs from 'node:fs';
import { backupsDirFor, listBackups, moveDatabaseFiles, type BackupInfo } from './backups';
import { asidePath, DatabaseDamagedError, MigrationFailedError, openDatabase } from './database';
import type { Db } from './db';
import { MIGRATIONS, type Migration } from './migrations';
import type { SalvageResult } from './salvage';

/**
 * What start-up found wrong with the database and did about it: the file was set aside (never
 * changed) and Groundwork started on an empty one. The facilitator reads it on the home screen
 * (or in `serve`'s output) and restores the newest backup or carries on empty.
 */
export interface StartupReport {
  /** 'damaged': SQLite says the file is not sound. 'update-failed': a schema step failed on its data. */
  problem: 'damaged' | 'update-failed';
  /** What happened and what was done, in plain words. */
  message: string;
  /** What SQLite said, for the curious and for logs. */
  detail: string;
  /** Where the database's file is now, exactly as it was found. */
  movedTo: string;
  /** The newest backup when it happened (after a failed update, the copy made just before it); null when there is none. */
  newestBackup: BackupInfo | null;
  /** Whether "Salvage what is readable" is offered: a damaged file with bytes in it, not salvaged yet. */
  canSalvage: boolean;
  /** What a salvage brought back into the empty database; null until one ran. */
  salvaged: SalvageResult | null;
}

interface OpenedAtStartup {
  db: Db;
  report: StartupReport | null;
}

/**
 * SQLite's result codes (prefixes) that blame the machine, not the file: another process holds a
 * lock, the disk is full or read-only, the OS refused. A fresh database would fail the same way,
 * and the file itself is fine, so it stays where it is.
 */
const MACHINE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_NOMEM', 'SQLITE_NOLFS', 'SQLITE_AUTH', 'SQLITE_INTERRUPT'];

/**
 * Whether start-up sets the database aside and starts empty after `error`, or refuses to start.
 * A damaged file was already moved aside. A failed update step is set aside too when it was the
 * data that failed it (not the machine) and there was a database to begin with. Anything else
 * (a database from a newer version above all) is refused and left exactly where it is.
 */
export function startupFallback(error: unknown, existedBefore: boolean): 'start-empty' | 'refuse' {
  if (error instanceof DatabaseDamagedError) return 'start-empty';
  if (!(error instanceof MigrationFailedError) || !existedBefore) return 'refuse';
  const code = error.sqliteCode;
  return code !== null && MACHINE_CODES.some((prefix) => code.startsWith(prefix)) ? 'refuse' : 'start-empty';
}

const newestBackupOf = (file: string): BackupInfo | null => listBackups(backupsDirFor(file))[0] ?? null;

function damagedReport(error: DatabaseDamagedError, file: string): StartupReport {
  const empty = error.damage === 'empty';
  return {
    problem: 'damaged',
    message: empty
      ? `Groundwork's database file was empty (0 bytes, as after a copy that failed or a full disk), so Groundwork started with an empty database. The empty file was not changed: it was moved aside to ${error.movedTo}.`
      : `Groundwork's database was damaged, so Groundwork started with an empty one. The damaged file was not changed or overwritten: it was moved aside to ${error.movedTo}.`,
    detail: error.detail,
    movedTo: error.movedTo,
    newestBackup: newestBackupOf(file),
    canSalvage: !empty,
    salvaged: null,
  };
}

function setAsideNotUpdated(error: MigrationFailedError, file: string, now: number): StartupReport {
  const movedTo = asidePath(file, 'not-updated', now);
  moveDatabaseFiles(file, movedTo);
  return {
    problem: 'update-failed',
    message: `Groundwork could not update its database to this version (step "${error.step}" failed), so it started with an empty one. Your database was not changed: it was moved aside, as it was, to ${movedTo}. The version of Groundwork you used before can still open it.`,
    detail: error.detail,
    movedTo,
    newestBackup: newestBackupOf(file),
    // The file is sound: the version used before opens it whole, which beats any salvage.
    canSalvage: false,
    salvaged: null,
  };
}

/** Removes a half-made fresh database and puts the set-aside file back where it was. */
function putBack(movedTo: string, file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  moveDatabaseFiles(movedTo, file);
}

/**
 * Opens the database at start-up. When the file is damaged or an update step fails on its data,
 * the file is set aside untouched and an empty database is opened in its place, with a report
 * saying so; if even the empty one cannot be opened, a not-updated file goes back where it was
 * and the first error is thrown. Everything else openDatabase refuses is thrown as it is.
 */
export function openAtStartup(file: string, migrations: readonly Migration[] = MIGRATIONS, now: () => number = Date.now): OpenedAtStartup {
  const existedBefore = fs.existsSync(file);
  try {
    return { db: openDatabase(file, migrations), report: null };
  } catch (error) {
    if (startupFallback(error, existedBefore) === 'refuse') throw error;
    const report = error instanceof DatabaseDamagedError ? damagedReport(error, file) : setAsideNotUpdated(error as MigrationFailedError, file, now());
    try {
      return { db: openDatabase(file, migrations), report };
    } catch (fresh) {
      console.error('An empty database could not be opened in place of the one set aside', fresh);
      if (report.problem === 'update-failed') putBack(report.movedTo, file);
      throw error;
    }
  }
}
