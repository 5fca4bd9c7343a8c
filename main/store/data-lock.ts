import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseRefusedError } from './refused';

/**
 * One shell at a time on a data dir. SQLite would let two processes write one file, but each
 * shell keeps its windows live from its own event hub: edits made through the other would never
 * reach them. Node has no flock, so the lock is a file created exclusively (`wx`) that names its
 * holder; a holder whose process is gone left a stale lock, which the next shell takes over.
 */
export const LOCK_FILE = 'groundwork.lock';

export type ShellName = 'desktop app' | 'served shell';

export interface LockHolder {
  pid: number;
  shell: ShellName;
  /** ISO time the holder started. */
  startedAt: string;
  host: string;
}

/** The boot time from the uptime moves by a second or so between readings. */
const BOOT_TIME_SLACK_MS = 60_000;

/** When this machine last started, as the clock reads it now. */
const bootedAt = (): number => Date.now() - os.uptime() * 1000;

/** A lock file whose content cannot be read is being written right now, or was cut short by a crash. */
const UNREADABLE_GRACE_MS = 5_000;

export function parseLock(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (!Number.isInteger(value.pid) || (value.shell !== 'desktop app' && value.shell !== 'served shell')) return null;
    if (typeof value.startedAt !== 'string' || typeof value.host !== 'string') return null;
    return { pid: value.pid!, shell: value.shell, startedAt: value.startedAt, host: value.host };
  } catch {
    return null;
  }
}

type LockDecision = { action: 'refuse'; holder: LockHolder | null } | { action: 'take-over'; why: string };

/**
 * What to do about a lock file that is already there. A holder on this machine whose pid is gone
 * left it behind (a crash, a SIGKILL): take it over. A holder on another machine (a data dir on a
 * network share) cannot be checked, so it is believed.
 */
export function decideOnLock(
  existing: { holder: LockHolder | null; ageMs: number },
  self: { host: string; bootedAt?: number },
  isAlive: (pid: number) => boolean,
): LockDecision {
  const { holder, ageMs } = existing;
  if (!holder) return ageMs > UNREADABLE_GRACE_MS ? { action: 'take-over', why: 'its lock file was unreadable' } : { action: 'refuse', holder: null };
  if (holder.host !== self.host) return { action: 'refuse', holder };
  // After a restart (the battery died mid-workshop) the old pid may belong to another process now.
  if (self.bootedAt !== undefined && Date.parse(holder.startedAt) < self.bootedAt - BOOT_TIME_SLACK_MS) {
    return { action: 'take-over', why: `the computer has restarted since the ${holder.shell} that held it (pid ${holder.pid}) took it` };
  }
  if (!isAlive(holder.pid)) return { action: 'take-over', why: `the ${holder.shell} that held it (pid ${holder.pid}) is no longer running` };
  return { action: 'refuse', holder };
}

/** "the desktop app (pid 4121, since 22 Nov 2026, 09:14:03)". */
export function describeHolder(holder: LockHolder, formatTime: (iso: string) => string = (iso) => iso): string {
  return `the ${holder.shell} (pid ${holder.pid}${holder.host === os.hostname() ? '' : ` on ${holder.host}`}, since ${formatTime(holder.startedAt)})`;
}

export function lockedMessage(holder: LockHolder | null, dataDir: string, formatTime?: (iso: string) => string): string {
  const who = holder ? describeHolder(holder, formatTime) : 'another Groundwork that is starting right now';
  return [
    `Groundwork is already open on ${dataDir}: ${who} holds it.`,
    'Two Groundworks on one database would not see each other’s edits, so this one did not open it and wrote nothing.',
    `Use the one that is open, or close it and start again. If no Groundwork is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
  ].join(' ');
}

export class DataDirLockedError extends DatabaseRefusedError {
  constructor(
    message: string,
    readonly holder: LockHolder | null,
  ) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readExisting(file: string, now: number): { holder: LockHolder | null; ageMs: number } | null {
  try {
    const stat = fs.statSync(file);
    return { holder: parseLock(fs.readFileSync(file, 'utf8')), ageMs: now - stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The live holder of the data dir's lock, or null (no lock, or a stale one). For the one-shot commands. */
export function currentHolder(dataDir: string, isAlive = pidIsAlive): LockHolder | null {
  const existing = readExisting(path.join(dataDir, LOCK_FILE), Date.now());
  if (!existing?.holder) return null;
  return decideOnLock(existing, { host: os.hostname(), bootedAt: bootedAt() }, isAlive).action === 'refuse' ? existing.holder : null;
}

export interface DataLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): void;
}

/**
 * Takes the data dir's lock for this process or throws DataDirLockedError naming its holder.
 * Released by `release()`, and on any exit of the process that is not a crash.
 */
export function acquireDataLock(dataDir: string, shell: ShellName, isAlive = pidIsAlive): DataLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, shell, startedAt: new Date().toISOString(), host: os.hostname() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
      return held(file, holder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = readExisting(file, Date.now());
    if (!existing) continue;
    const decision = decideOnLock(existing, { host: holder.host, bootedAt: bootedAt() }, isAlive);
    if (decision.action === 'refuse') throw new DataDirLockedError(lockedMessage(decision.holder, dataDir), decision.holder);
    removeStale(file, existing.holder);
  }
  throw new DataDirLockedError(lockedMessage(null, dataDir), null);
}

/**
 * Moves the stale lock aside before deleting it, then checks that what moved is the lock judged
 * stale: two shells taking over at once must not delete the lock the faster one just made.
 */
function removeStale(file: string, stale: LockHolder | null): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = parseLock(fs.readFileSync(aside, 'utf8'));
  const same = moved === stale || (moved && stale && moved.pid === stale.pid && moved.startedAt === stale.startedAt);
  if (!same) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // A third shell made a lock in the meantime: it holds the dir, and the next attempt says so.
    }
  }
  fs.rmSync(aside, { force: true });
}

function held(file: string, holder: LockHolder): DataLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: after a takeover by someone else (we were judged dead), theirs stays.
    const current = readExisting(file, Date.now());
    if (current?.holder?.pid === holder.pid && current.holder.startedAt === holder.startedAt) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, holder, release };
}
