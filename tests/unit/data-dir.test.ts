import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../main/store/data-dir';

const home = path.resolve('/home/facilitator');

describe('resolveDataDir', () => {
  it('GROUNDWORK_DATA_DIR wins over --data-dir and Electron, resolved to an absolute path', () => {
    const dir = resolveDataDir({ env: { GROUNDWORK_DATA_DIR: 'relative/data' }, platform: 'linux', home, flag: '/flag', electronUserData: '/electron' });
    expect(dir).toBe(path.resolve('relative/data'));
    expect(path.isAbsolute(dir)).toBe(true);
  });

  it('an empty GROUNDWORK_DATA_DIR counts as unset', () => {
    expect(resolveDataDir({ env: { GROUNDWORK_DATA_DIR: '' }, platform: 'linux', home, flag: 'flag-dir' })).toBe(path.resolve('flag-dir'));
  });

  it('--data-dir comes next, then Electron userData', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home, flag: '/srv/gw', electronUserData: '/electron' })).toBe(path.resolve('/srv/gw'));
    expect(resolveDataDir({ env: {}, platform: 'linux', home, electronUserData: '/electron/Groundwork' })).toBe('/electron/Groundwork');
  });

  it('falls back to the platform data folder', () => {
    expect(resolveDataDir({ env: {}, platform: 'linux', home })).toBe(path.join(home, '.local', 'share', 'groundwork'));
    expect(resolveDataDir({ env: { XDG_DATA_HOME: '/xdg' }, platform: 'linux', home })).toBe(path.join('/xdg', 'groundwork'));
    expect(resolveDataDir({ env: {}, platform: 'darwin', home })).toBe(path.join(home, 'Library', 'Application Support', 'Groundwork'));
    expect(resolveDataDir({ env: { APPDATA: '/appdata' }, platform: 'win32', home })).toBe(path.join('/appdata', 'Groundwork'));
    expect(resolveDataDir({ env: {}, platform: 'win32', home })).toBe(path.join(home, 'AppData', 'Roaming', 'Groundwork'));
  });
});
