import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { minimatch } from 'minimatch';
import { electronNativeFolder } from '../../../main/store/native-binding';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled?: boolean) => unknown };

const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be caught by that check if a key were misspelt', async () => {
    await expect(validateConfiguration({ ...structuredClone(config), npmRebuilt: false }, new DebugLogger(false))).rejects.toThrow(/npmRebuilt/);
  });

  it('never rebuilds node_modules: beforePack builds into the side folder, afterPack loads the packed build', () => {
    expect(config.npmRebuild).toBe(false);
    for (const hook of [config.beforePack, config.afterPack]) expect(fs.existsSync(path.join(root, hook))).toBe(true);
    const hooks = fs.readFileSync(path.join(root, config.beforePack), 'utf8');
    expect(hooks).not.toMatch(/@electron\/rebuild|npm rebuild/);
    const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.postdist).toBeUndefined();
    expect(Object.values(scripts).join('\n')).not.toMatch(/rebuild better-sqlite3/);
  });

  /** Whether electron-builder would pack `file` (a path under the app dir) given the `files` globs: the last matching pattern wins. */
  const packs = (file: string) =>
    (config.files as string[]).reduce((included, glob) => {
      const negated = glob.startsWith('!');
      return minimatch(file, negated ? glob.slice(1) : glob, { dot: true }) ? !negated : included;
    }, file.startsWith('node_modules/'));

  it('leaves playwright-core, better-sqlite3’s sources, intermediates and Node build, and the CLI’s code cache out of the installer', () => {
    for (const file of [
      'node_modules/playwright-core/package.json',
      'node_modules/playwright-core/lib/server/chromium/crBrowser.js',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/build/Release/obj.target/better_sqlite3/src/better_sqlite3.o',
      'node_modules/better-sqlite3/binding.gyp',
      'dist/main/cli/groundwork.js.map',
      'dist/main/cli/groundwork-bundle.js.cache',
    ]) {
      expect(packs(file), file).toBe(false);
    }
    for (const file of ['dist/main/electron/main.js', 'package.json', 'node_modules/better-sqlite3/lib/index.js', 'node_modules/better-sqlite3/package.json', 'node_modules/ws/index.js']) {
      expect(packs(file), file).toBe(true);
    }
  });

  it('ships the Electron build unpacked, as an extra resource where the app looks for it, on every platform', () => {
    const abi = fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
    for (const [key, platform] of [['linux', 'linux'], ['win', 'win32'], ['mac', 'darwin']]) {
      const folder = `${electronNativeFolder(abi, platform, '${arch}')}`;
      expect(config[key].extraResources, key).toContainEqual({ from: `build/native/${folder}`, to: `native/${folder}`, filter: ['better_sqlite3.node'] });
    }
    expect(fs.readFileSync(path.join(root, '.gitignore'), 'utf8')).toMatch(/^build\/native\/$/m);
  });

  it('sets the Electron fuses: no running as Node, no NODE_OPTIONS or --inspect, the app only from its checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('names the app and finds its icons in build/', () => {
    expect(config).toMatchObject({ appId: 'app.groundwork.desktop', productName: 'Groundwork', directories: { output: 'release', buildResources: 'build' } });
    for (const icon of ['build/icon.png', 'build/icon.svg']) expect(fs.existsSync(path.join(root, icon))).toBe(true);
  });

  it('registers the one-part .groundwork extension, which Windows Explorer and macOS match, on every platform', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'groundwork', name: 'Groundwork session', mimeType: 'application/x-groundwork+json' })]);
  });
});
