#!/usr/bin/env node
// `npm run setup`: installs the dependencies, then makes the Electron build of better-sqlite3 in
// its own folder (scripts/electron-native.mjs; npm's Node build stays for the tests and `serve`).
// Where Electron's binary, its headers or a prebuilt binary cannot be downloaded (no internet, a
// locked-down network) it says so and still succeeds: Groundwork then runs as the served shell in
// a browser instead of a desktop window.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const command = fs.existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install';
const install = (env) => spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

/** The Electron build of better-sqlite3, in a process of its own: it needs the freshly installed node_modules. */
const electronNative = () => {
  console.log('\nMaking the Electron build of better-sqlite3…');
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], { cwd: root, stdio: 'inherit' }).status === 0;
};

if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && install({})) {
  const native = electronNative();
  console.log(native ? '\nGroundwork is installed. `npm start` opens the desktop app.' : '\nGroundwork is installed, but without the Electron build of better-sqlite3 (above: why): `npm start` runs it as the served shell in your browser.');
  process.exit(0);
}
if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) console.log('\nElectron could not be downloaded here; installing without its binary.');
if (!install({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) {
  console.error('\nThe install failed; the messages above say why.');
  process.exit(1);
}
electronNative();
console.log('\nGroundwork is installed without Electron: `npm start` runs it as the served shell in your browser.');
