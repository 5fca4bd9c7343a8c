#!/usr/bin/env node
// The `groundwork` command (serve, export, import…) as one file, dist/main/cli/groundwork.js, in
// place of tsc's. Node then reads one file instead of some 400 modules, and the zod locales that
// nothing uses are left out, so `serve` listens in a little over half the time (bench: start-up).
// Runs after tsc has checked and emitted main (`npm run build:main`); the desktop app's main
// process keeps tsc's modules. Native better-sqlite3 and what loads on first use stay outside.
// The bundle is groundwork-bundle.js; groundwork.js is main/cli/launch.ts as tsc emitted it, which
// runs the bundle with the V8 code cache made here by one run of `groundwork help`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/main/cli');
const bundle = path.join(out, 'groundwork-bundle.js');
const launcher = path.join(out, 'groundwork.js');

await build({
  input: path.join(root, 'main/cli/groundwork.ts'),
  platform: 'node',
  tsconfig: path.join(root, 'tsconfig.main.json'),
  // ws asks for its optional native helpers inside a try.
  external: [/^better-sqlite3($|\/)/, /^pg($|\/)/, /^playwright-core($|\/)/, /^electron($|\/)/, 'bufferutil', 'utf-8-validate'],
  // The launcher compiles the bundle with node:vm (to give it a code cache); import() has no loader
  // there, so playwright-core and pg, loaded on first use, are required instead.
  output: { file: bundle, format: 'cjs', sourcemap: true, dynamicImportInCjs: false },
  logLevel: 'warn',
});

// tsc's groundwork.js and its map give way to the launcher.
fs.rmSync(`${launcher}.map`, { force: true });
fs.copyFileSync(path.join(out, 'launch.js'), launcher);
fs.chmodSync(launcher, 0o755);
fs.rmSync(`${bundle}.cache`, { force: true });
const made = spawnSync(process.execPath, [launcher, 'help'], { env: { ...process.env, GROUNDWORK_CODE_CACHE_OUT: `${bundle}.cache` }, encoding: 'utf8' });
if (made.status !== 0) throw new Error(`groundwork help failed, so no code cache was made:\n${made.stdout}${made.stderr}`);
