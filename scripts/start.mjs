#!/usr/bin/env node
// `npm start`: the desktop app where Electron and its build of better-sqlite3 are installed;
// otherwise the served shell, saying why and printing its URL. Runs after `npm run build`.
// The decisions are in start-plan.mjs (tested); this file only acts on them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, installedElectron } from './electron-native.mjs';
import { electronNativeFile } from './native-build.mjs';
import { afterElectronExit, electronEnv, exitCodeOf, spawnFailure, startPlan } from './start-plan.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

function binary() {
  const found = electronBinary();
  return found ?? { missing: 'its binary was never downloaded: the install ran with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline' };
}

let stoppedByUser = false;
const forward = (child) => {
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      stoppedByUser = true;
      child.kill(signal);
    });
};

function serve(why) {
  console.log(why);
  console.log('Starting Groundwork as the served shell instead: open the URL below in your browser.');
  const child = spawn(process.execPath, [path.join(root, 'dist/main/cli/groundwork.js'), 'serve', ...args], { stdio: 'inherit' });
  forward(child);
  child.on('exit', (code, signal) => process.exit(exitCodeOf(code, signal)));
}

const nativeFile = electronNativeFile(root, { abi: installedElectron().abi, platform: process.platform, arch: process.arch });
const plan = startPlan({ binary: binary(), native: { file: nativeFile, exists: fs.existsSync(nativeFile) }, isRoot: process.getuid?.() === 0 });

if (plan.shell === 'served') {
  serve(plan.why);
} else {
  const started = Date.now();
  const child = spawn(plan.command, [root, ...args], { stdio: 'inherit', env: electronEnv(process.env) });
  forward(child);
  child.once('error', (error) => serve(spawnFailure(error)));
  child.on('exit', (code, signal) => {
    const next = afterElectronExit({ code, signal, ranMs: Date.now() - started, stoppedByUser });
    if (next.action === 'serve') serve(next.why);
    else process.exit(next.code);
  });
}
