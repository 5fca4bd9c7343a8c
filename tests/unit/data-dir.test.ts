import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MOVED_NOTE, oldServedShellDir, planAdoptOldData, prepareDataDir, resolveDataDir } from '../../main/store/data-dir';

const home = path.resolve('/home/facilitator');

describe('resolveDataDir: one folder for both shells', () => {
  it('GROUNDWORK_DATA_DIR wins over --data-dir, resolved to an absolute path', () => {
    const dir = resolveDataDir({ env: { GROUNDWORK_DATA_DIR: 'relative/data' }, platform: 'linux', home, flag: '/flag' });
    expect(dir).toBe(path.resolve('relative/data'));
    expect(path.isAbsolute(dir)).toBe(true);
  });

  it('an empty GROUNDWORK_DATA_DIR counts as unset; --data-dir comes next', () => {
    expect(resolveDataDir({ env: { GROUNDWORK_DATA_DIR: '' }, platform: 'linux', home, flag: 'flag-dir' })).toBe(path.resolve('flag-dir'));
  });

  it('Linux: Electron’s userData folder, $XDG_CONFIG_HOME/Groundwork (default ~/.config/Groundwork)', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe(path.join(home, '.config', 'Groundwork'));
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/xdg-config', XDG_DATA_HOME: '/xdg-data' }, platform: 'linux', home })).toBe(path.join('/xdg-config', 'Groundwork'));
    expect(resolveDataDir({ env: {}, platform: 'freebsd', home })).toBe(path.join(home, '.config', 'Groundwork'));
  });

  it('macOS: ~/Library/Application Support/Groundwork', () => {
    expect(resolveDataDir({ env: {}, platform: 'darwin', home })).toBe(path.join(home, 'Library', 'Application Support', 'Groundwork'));
  });

  it('Windows: %APPDATA%\\Groundwork, or AppData\\Roaming under the home folder', () => {
    expect(resolveDataDir({ env: { APPDATA: '/appdata' }, platform: 'win32', home })).toBe(path.join('/appdata', 'Groundwork'));
    expect(resolveDataDir({ env: {}, platform: 'win32', home })).toBe(path.join(home, 'AppData', 'Roaming', 'Groundwork'));
  });

  it('only Linux had a served-shell folder of its own', () => {
    expect(oldServedShellDir({ env: {}, platform: 'linux', home })).toBe(path.join(home, '.local', 'share', 'groundwork'));
    expect(oldServedShellDir({ env: { XDG_DATA_HOME: '/xdg' }, platform: 'linux', home })).toBe(path.join('/xdg', 'groundwork'));
    expect(oldServedShellDir({ env: {}, platform: 'darwin', home })).toBeNull();
    expect(oldServedShellDir({ env: {}, platform: 'win32', home })).toBeNull();
  });
});

describe('planAdoptOldData: the served shell’s old database moves in once', () => {
  const inputs = { env: {}, platform: 'linux' as const, home };
  const dataDir = resolveDataDir(inputs);
  const old = oldServedShellDir(inputs)!;
  const look = (files: string[], locked = false) => ({ exists: (file: string) => files.includes(file), oldFolderLocked: () => locked });
  const oldDb = path.join(old, 'groundwork.db');

  it('moves the database, its WAL and its backups when the new folder has none', () => {
    const plan = planAdoptOldData(inputs, dataDir, look([oldDb, `${oldDb}-wal`, path.join(old, 'backups')]));
    expect(plan).toEqual({ move: true, from: old, to: dataDir, entries: ['groundwork.db', 'groundwork.db-wal', 'backups'] });
  });

  it('never when the new folder already has a database, the old has none, a Groundwork holds the old one, or the dir was chosen', () => {
    expect(planAdoptOldData(inputs, dataDir, look([oldDb, path.join(dataDir, 'groundwork.db')]))).toEqual({ move: false });
    expect(planAdoptOldData(inputs, dataDir, look([]))).toEqual({ move: false });
    expect(planAdoptOldData(inputs, dataDir, look([oldDb], true))).toEqual({ move: false });
    expect(planAdoptOldData({ ...inputs, flag: '/srv' }, '/srv', look([oldDb]))).toEqual({ move: false });
    expect(planAdoptOldData({ ...inputs, env: { GROUNDWORK_DATA_DIR: '/t' } }, '/t', look([oldDb]))).toEqual({ move: false });
    expect(planAdoptOldData({ ...inputs, platform: 'darwin' }, dataDir, look([oldDb]))).toEqual({ move: false });
  });
});

describe('prepareDataDir', () => {
  let tmp: string;
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('creates a GROUNDWORK_DATA_DIR that does not exist yet (Electron’s app.setPath needs it)', () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-dd-'));
    const missing = path.join(tmp, 'not', 'there');
    expect(prepareDataDir({ env: { GROUNDWORK_DATA_DIR: missing }, platform: 'linux', home: tmp }, () => false)).toEqual({ dir: missing, moved: null });
    expect(fs.statSync(missing).isDirectory()).toBe(true);
  });

  it('moves the old served-shell database into the shared folder and leaves a note where it was', () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-dd-'));
    const old = path.join(tmp, '.local', 'share', 'groundwork');
    fs.mkdirSync(path.join(old, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(old, 'groundwork.db'), 'db');
    fs.writeFileSync(path.join(old, 'backups', 'b1.db'), 'backup');
    const { dir, moved } = prepareDataDir({ env: {}, platform: 'linux', home: tmp }, () => false);
    expect(dir).toBe(path.join(tmp, '.config', 'Groundwork'));
    expect(moved).toContain(`from ${old} to ${dir}`);
    expect(fs.readFileSync(path.join(dir, 'groundwork.db'), 'utf8')).toBe('db');
    expect(fs.readFileSync(path.join(dir, 'backups', 'b1.db'), 'utf8')).toBe('backup');
    expect(fs.existsSync(path.join(old, 'groundwork.db'))).toBe(false);
    expect(fs.readFileSync(path.join(old, MOVED_NOTE), 'utf8')).toContain(dir);
    // Once moved, the next start has nothing to do.
    expect(prepareDataDir({ env: {}, platform: 'linux', home: tmp }, () => false).moved).toBeNull();
  });
});
