import { describe, expect, it } from 'vitest';
import { afterElectronExit, electronEnv, exitCodeOf, spawnFailure, startPlan } from '../../../scripts/start-plan.mjs';

const native = { file: '/repo/build/native/electron-v145-linux-x64/better_sqlite3.node', exists: true };

describe('npm start: which shell', () => {
  it('opens the desktop app when Electron and its build of better-sqlite3 are there', () => {
    expect(startPlan({ binary: '/e/electron', native, isRoot: false })).toEqual({ shell: 'electron', command: '/e/electron' });
  });

  it('falls back to the served shell, saying why, when the binary is missing', () => {
    const plan = startPlan({ binary: { missing: 'never downloaded' }, native, isRoot: false });
    expect(plan).toEqual({ shell: 'served', why: 'Electron is not available on this machine (never downloaded).' });
  });

  it('falls back when the Electron build of better-sqlite3 is missing, saying how to make it', () => {
    const plan = startPlan({ binary: '/e/electron', native: { ...native, exists: false }, isRoot: false });
    expect(plan.shell).toBe('served');
    if (plan.shell === 'served') {
      expect(plan.why).toContain(native.file);
      expect(plan.why).toContain('node scripts/electron-native.mjs');
    }
  });

  it('never turns the sandbox off: as root it serves instead', () => {
    const plan = startPlan({ binary: '/e/electron', native, isRoot: true });
    expect(plan.shell).toBe('served');
    if (plan.shell === 'served') expect(plan.why).toContain('root');
  });

  it('says why when spawning Electron fails', () => {
    expect(spawnFailure(Object.assign(new Error('spawn EACCES'), { code: 'EACCES' }))).toBe('Electron could not be started (its binary is not executable).');
    expect(spawnFailure(Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }))).toContain('missing');
  });
});

describe('npm start: what it passes on', () => {
  it('passes Electron’s exit code through', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(3, null)).toBe(3);
  });

  it('never exits 0 when Electron was killed: 128 + the signal', () => {
    expect(exitCodeOf(null, 'SIGKILL', { SIGKILL: 9 })).toBe(137);
    expect(exitCodeOf(null, 'SIGTERM', { SIGTERM: 15 })).toBe(143);
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137);
    expect(exitCodeOf(null, null)).toBe(1);
  });

  it('clears ELECTRON_RUN_AS_NODE from Electron’s environment and keeps the rest', () => {
    const env = { ELECTRON_RUN_AS_NODE: '1', PATH: '/bin', GROUNDWORK_DATA_DIR: '/d' };
    expect(electronEnv(env)).toEqual({ PATH: '/bin', GROUNDWORK_DATA_DIR: '/d' });
    expect(env.ELECTRON_RUN_AS_NODE).toBe('1');
  });
});

describe('npm start: when Electron stops', () => {
  const signals = { SIGABRT: 6, SIGTERM: 15 };

  it('serves instead, saying why, when Electron fails as it starts (the sandbox helper aborting it)', () => {
    const next = afterElectronExit({ code: null, signal: 'SIGABRT', ranMs: 800, stoppedByUser: false }, signals);
    expect(next).toMatchObject({ action: 'serve', why: expect.stringContaining('chrome-sandbox') });
    expect(afterElectronExit({ code: 1, signal: null, ranMs: 300, stoppedByUser: false }, signals).action).toBe('serve');
  });

  it('passes the exit code on after a run, a clean quit, or a stop the user asked for', () => {
    expect(afterElectronExit({ code: 0, signal: null, ranMs: 200, stoppedByUser: false }, signals)).toEqual({ action: 'exit', code: 0 });
    expect(afterElectronExit({ code: 1, signal: null, ranMs: 60_000, stoppedByUser: false }, signals)).toEqual({ action: 'exit', code: 1 });
    expect(afterElectronExit({ code: null, signal: 'SIGTERM', ranMs: 1_000, stoppedByUser: true }, signals)).toEqual({ action: 'exit', code: 143 });
  });
});
