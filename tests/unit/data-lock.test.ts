import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { oneShotPlan } from '../../main/cli/shared-data';
import { acquireDataLock, currentHolder, DataDirLockedError, decideOnLock, LOCK_FILE, lockedMessage, parseLock, type LockHolder } from '../../main/store/data-lock';

const host = os.hostname();
const holder: LockHolder = { pid: 4121, shell: 'desktop app', startedAt: '2026-11-22T09:14:03.000Z', host };
const alive = () => true;
const dead = () => false;

describe('decideOnLock', () => {
  it('takes over a lock taken before the computer last restarted, even when its pid is alive again (another process now)', () => {
    const holder: LockHolder = { pid: 4121, shell: 'desktop app', startedAt: '2026-11-22T09:14:03.000Z', host };
    const restartedAfter = Date.parse('2026-11-22T10:00:00.000Z');
    expect(decideOnLock({ holder, ageMs: 60_000 }, { host, bootedAt: restartedAfter }, () => true)).toMatchObject({ action: 'take-over', why: expect.stringContaining('restarted') });
    expect(decideOnLock({ holder, ageMs: 60_000 }, { host, bootedAt: Date.parse('2026-11-22T08:00:00.000Z') }, () => true)).toEqual({ action: 'refuse', holder });
  });

  it('refuses while the holder runs', () => {
    expect(decideOnLock({ holder, ageMs: 60_000 }, { host }, alive)).toEqual({ action: 'refuse', holder });
  });

  it('takes over a lock whose process is gone (a crash, a SIGKILL)', () => {
    expect(decideOnLock({ holder, ageMs: 60_000 }, { host }, dead)).toMatchObject({ action: 'take-over', why: expect.stringContaining('pid 4121') });
  });

  it('believes a holder on another machine, which it cannot check', () => {
    expect(decideOnLock({ holder: { ...holder, host: 'laptop-2' }, ageMs: 60_000 }, { host }, dead).action).toBe('refuse');
  });

  it('waits on an unreadable lock that is being written, and takes over one left unreadable', () => {
    expect(decideOnLock({ holder: null, ageMs: 100 }, { host }, dead).action).toBe('refuse');
    expect(decideOnLock({ holder: null, ageMs: 60_000 }, { host }, dead).action).toBe('take-over');
  });

  it('reads only a well-formed lock', () => {
    expect(parseLock(JSON.stringify(holder))).toEqual(holder);
    expect(parseLock('')).toBeNull();
    expect(parseLock('{"pid":"1","shell":"desktop app"}')).toBeNull();
  });

  it('names which shell holds it, its pid and since when, and what to do', () => {
    const message = lockedMessage(holder, '/data');
    expect(message).toContain('the desktop app (pid 4121, since 2026-11-22T09:14:03.000Z)');
    expect(message).toContain('wrote nothing');
    expect(message).toContain(path.join('/data', LOCK_FILE));
  });
});

describe('acquireDataLock in one process', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds the lock until released, refusing a second holder, then removes its file', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lock-'));
    const lock = acquireDataLock(dir, 'served shell');
    expect(currentHolder(dir)).toMatchObject({ pid: process.pid, shell: 'served shell' });
    expect(() => acquireDataLock(dir, 'desktop app')).toThrow(DataDirLockedError);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    acquireDataLock(dir, 'desktop app').release();
  });

  it('takes over a stale lock', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lock-'));
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...holder, pid: 999_999_999 }));
    const lock = acquireDataLock(dir, 'served shell', (pid) => pid === process.pid);
    expect(parseLock(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});

describe('oneShotPlan: the one-shot commands beside a running shell', () => {
  it('runs every command when no shell holds the data', () => {
    for (const command of ['export', 'import', 'templates list', 'backup'] as const) expect(oneShotPlan(command, null)).toEqual({ run: true, openIn: null, note: null });
  });

  it('reads beside a running shell, saying so', () => {
    for (const command of ['export', 'templates list', 'backup'] as const) {
      const plan = oneShotPlan(command, holder);
      expect(plan).toMatchObject({ run: true, openIn: expect.stringContaining('desktop app (pid 4121') });
      if (plan.run) expect(plan.note).toContain('reads what it has saved');
    }
  });

  it('refuses to import behind a running shell’s back, naming it and the way round', () => {
    const plan = oneShotPlan('import', holder);
    expect(plan.run).toBe(false);
    if (!plan.run) {
      expect(plan.message).toContain('nothing was imported');
      expect(plan.message).toContain('the desktop app (pid 4121');
      expect(plan.message).toContain('Import file…');
    }
  });
});
