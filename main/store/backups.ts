import fs from 'node:fs';
import path from 'node:path';
import { GroundworkError } from '../../shared/errors';
import type { Db } from './db';
import { fileStamp } from './file-stamp';
import { openSqlite } from './sqlite';

/**
 * Copies of groundwork.db in <data dir>/backups, made with SQLite's own consistent copies: the
 * online backup API while the app runs, VACUUM INTO where the caller cannot wait (just before
 * a migration, inside the synchronous open). Each backup is one self-contained file.
 */

export const BACKUPS_DIR = 'backups';
export const KEEP_BACKUPS = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupInfo {
  /** The file's name inside the backups folder; the only way the API names a backup. */
  file: string;
  createdAt: number;
  bytes: number;
}

/** daily | manual | before-restore | before-<migration name> */
type BackupReason = string;

const NAME = /^groundwork-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([A-Za-z0-9_-]{1,80})\.db$/;
const PARTIAL = '.partial';

export const backupsDirFor = (dbFile: string) => path.join(path.dirname(dbFile), BACKUPS_DIR);

/** When the backup named `name` was made, read from its name (copies and restores keep names, not mtimes). */
function createdAtOf(name: string): number | null {
  const m = NAME.exec(name);
  const at = m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : NaN;
  // A name that looks like ours but holds no real time (month 13) is not a backup: listing it would fail the list.
  return Number.isFinite(at) ? at : null;
}

/** A fresh name for a backup made at `at`; a clash (two in one millisecond) moves it on by a millisecond. */
function newBackupName(dir: string, at: number, reason: BackupReason): string {
  for (let t = at; ; t++) {
    const name = `groundwork-${fileStamp(t)}-${reason.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}.db`;
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, name + PARTIAL))) return name;
  }
}

/** Every backup in `dir`, newest first. Other files there (an unfinished copy) are not backups. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const backups: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const createdAt = createdAtOf(name);
    if (createdAt === null) continue;
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) backups.push({ file: name, createdAt, bytes: stat.size });
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

/** Deletes all but the newest `keep` backups. */
function pruneBackups(dir: string, keep = KEEP_BACKUPS): void {
  for (const old of listBackups(dir).slice(keep)) fs.rmSync(path.join(dir, old.file), { force: true });
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** Renames a database file and whichever of its -wal, -shm and -journal exist, so they stay a set. */
export function moveDatabaseFiles(from: string, to: string): void {
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(from + suffix)) fs.renameSync(from + suffix, to + suffix);
  }
  fs.renameSync(from, to);
}

/**
 * Flushes a file (or, where the OS allows it, a folder's entries) to the disk, so a backup or a
 * restored database that a rename has put in place survives a power cut: without it the name
 * can reach the disk before the bytes it names.
 */
function fsyncPath(target: string): void {
  const folder = fs.statSync(target).isDirectory();
  let fd: number;
  try {
    fd = fs.openSync(target, folder ? 'r' : 'r+');
  } catch (error) {
    // Windows can neither open nor flush a folder; NTFS journals the rename itself.
    if (folder) return;
    throw error;
  }
  try {
    fs.fsyncSync(fd);
  } catch (error) {
    if (!folder) throw error;
  } finally {
    fs.closeSync(fd);
  }
}

/** Folds any -wal into the file and switches it to a rollback journal, so the file stands alone. */
function makeSelfContained(file: string): void {
  const db = openSqlite(file);
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/** "ok", or what SQLite's quick_check (or opening the file at all) says is wrong with it. */
export function quickCheck(db: Db): string {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function checkBackupFile(file: string): string {
  let db: Db | null = null;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    return quickCheck(db);
  } catch (error) {
    return messageOf(error);
  } finally {
    db?.close();
  }
}

function finish(dir: string, partial: string, name: string): BackupInfo {
  makeSelfContained(partial);
  fsyncPath(partial);
  fs.renameSync(partial, path.join(dir, name));
  fsyncPath(dir);
  pruneBackups(dir);
  return listBackups(dir).find((b) => b.file === name)!;
}

function removePartials(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (name.endsWith(PARTIAL)) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * A backup made at once, blocking: VACUUM INTO writes a transactionally consistent copy. Used
 * inside openDatabase, which is synchronous and must not migrate before the copy exists.
 */
export function takeBackupSync(db: Db, dir: string, reason: BackupReason, now = Date.now()): BackupInfo {
  fs.mkdirSync(dir, { recursive: true });
  const name = newBackupName(dir, now, reason);
  const partial = path.join(dir, name + PARTIAL);
  db.prepare('VACUUM INTO ?').run(partial);
  return finish(dir, partial, name);
}

/** Where a restore left things: the backup now in use, and the database it replaced, kept as a backup. */
export interface RestoreResult {
  restored: BackupInfo;
  replacedBy: string;
}

/** The open database a Backups instance works on; restore closes it and opens it again. */
export interface LiveDatabase {
  close(): void;
  reopen(): void;
}

/**
 * The backups of one database: daily at start, on demand, and restore. Keeps the newest
 * KEEP_BACKUPS. Backups run one at a time, and a restore waits for the one under way.
 */
export class Backups {
  readonly dir: string;
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dbFile: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.dir = backupsDirFor(dbFile);
  }

  list(): BackupInfo[] {
    return listBackups(this.dir);
  }

  newest(): BackupInfo | null {
    return this.list()[0] ?? null;
  }

  pathOf(file: string): string {
    return path.join(this.dir, file);
  }

  /** An online backup (SQLite's backup API, in steps between other work) of the open database. */
  create(db: Db, reason: BackupReason = 'manual'): Promise<BackupInfo> {
    const run = this.pending.then(async () => {
      fs.mkdirSync(this.dir, { recursive: true });
      removePartials(this.dir);
      const name = newBackupName(this.dir, this.clock(), reason);
      const partial = path.join(this.dir, name + PARTIAL);
      try {
        await db.backup(partial);
        return finish(this.dir, partial, name);
      } catch (error) {
        fs.rmSync(partial, { force: true });
        throw error;
      }
    });
    this.pending = run.catch(() => undefined);
    return run;
  }

  /** Whether the newest backup is a day old or more (or there is none). */
  isDailyDue(): boolean {
    const newest = this.newest();
    return !newest || this.clock() - newest.createdAt >= DAY_MS;
  }

  /** The start-up backup: made only when the newest one is a day old or more. */
  async dailyIfDue(db: Db): Promise<BackupInfo | null> {
    return this.isDailyDue() ? this.create(db, 'daily') : null;
  }

  /**
   * Puts backup `file` in place of the live database: checks it first, closes the database,
   * keeps the current file as a "before-restore" backup, copies the backup in and reopens.
   * If the copy cannot be opened, the previous file goes back and the database reopens as it was.
   */
  async restore(file: string, live: LiveDatabase): Promise<RestoreResult> {
    const chosen = this.list().find((b) => b.file === file);
    if (!chosen) throw new GroundworkError('not_found', `There is no backup called ${JSON.stringify(file)}.`, ['file']);
    const problem = checkBackupFile(this.pathOf(file));
    if (problem !== 'ok') throw new GroundworkError('conflict', `That backup is damaged and cannot be restored (${problem}). Choose an older one.`, ['file']);
    await this.pending;

    // Copied in beside the database first, so the swap itself is two renames: a crash between
    // them leaves the old file safe among the backups, as "before-restore".
    const incoming = `${this.dbFile}.restoring`;
    try {
      fs.copyFileSync(this.pathOf(file), incoming);
      fsyncPath(incoming);
    } catch (error) {
      fs.rmSync(incoming, { force: true });
      throw new GroundworkError('conflict', `The backup could not be copied in, so nothing was changed: ${messageOf(error)}`, ['file']);
    }
    live.close();
    const replacedBy = newBackupName(this.dir, this.clock(), 'before-restore');
    const replacedPath = this.pathOf(replacedBy);
    moveDatabaseFiles(this.dbFile, replacedPath);
    try {
      fs.renameSync(incoming, this.dbFile);
      fsyncPath(path.dirname(this.dbFile));
      live.reopen();
    } catch (error) {
      for (const leftover of [incoming, ...['', ...SIDE_FILES].map((suffix) => this.dbFile + suffix)]) fs.rmSync(leftover, { force: true });
      moveDatabaseFiles(replacedPath, this.dbFile);
      live.reopen();
      throw new GroundworkError('conflict', `That backup could not be opened, so nothing was changed: ${messageOf(error)}`, ['file']);
    }
    try {
      makeSelfContained(replacedPath);
    } catch (error) {
      // Still a sound copy with its -wal beside it; it only stays two files.
      console.warn(`The replaced database was kept as ${replacedPath} with its -wal file`, error);
    }
    pruneBackups(this.dir);
    return { restored: chosen, replacedBy };
  }
}
