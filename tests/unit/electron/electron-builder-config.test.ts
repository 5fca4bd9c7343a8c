import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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

  it('leaves native rebuilds to the beforePack hook, which exists', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('scripts/before-pack.cjs');
    expect(fs.existsSync(path.join(root, config.beforePack))).toBe(true);
    expect(fs.existsSync(path.join(root, 'node_modules/@electron/rebuild/package.json'))).toBe(true);
  });

  it('unpacks better-sqlite3’s native module from the asar', () => {
    expect(config.asarUnpack.some((glob: string) => glob.includes('better-sqlite3') && glob.endsWith('.node'))).toBe(true);
  });

  it('names the app and finds its icons in build/', () => {
    expect(config).toMatchObject({ appId: 'app.groundwork.desktop', productName: 'Groundwork', directories: { output: 'release', buildResources: 'build' } });
    for (const icon of ['build/icon.png', 'build/icon.svg']) expect(fs.existsSync(path.join(root, icon))).toBe(true);
  });

  it('registers the one-part .groundwork extension, which Windows Explorer and macOS match, on every platform', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'groundwork', name: 'Groundwork session', mimeType: 'application/x-groundwork+json' })]);
  });
});
