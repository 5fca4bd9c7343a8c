#!/usr/bin/env node
// `npm run setup`: installs the dependencies. Where Electron's binary cannot be downloaded
// (no internet, a locked-down network) it installs without it, and Groundwork runs as the
// served shell in a browser instead of a desktop window.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const command = fs.existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install';
const install = (env) => spawnSync('npm', [command, '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && install({})) {
  console.log('\nGroundwork is installed. `npm start` opens the desktop app.');
  process.exit(0);
}
console.log('\nElectron could not be downloaded here; installing without its binary.');
if (!install({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })) {
  console.error('\nThe install failed; the messages above say why.');
  process.exit(1);
}
console.log('\nGroundwork is installed without Electron: `npm start` runs it as the served shell in your browser.');
