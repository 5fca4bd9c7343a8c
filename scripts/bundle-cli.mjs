#!/usr/bin/env node
// The `groundwork` command (serve, export, import…) as one file, dist/main/cli/groundwork.js, in
// place of tsc's. Node then reads one file instead of some 400 modules, and the zod locales that
// nothing uses are left out, so `serve` listens in a little over half the time (bench: start-up).
// Runs after tsc has checked and emitted main (`npm run build:main`); the desktop app's main
// process keeps tsc's modules. Native better-sqlite3 and what loads on first use stay outside.
import path from 'node:path';
import { build } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');

await build({
  input: path.join(root, 'main/cli/groundwork.ts'),
  platform: 'node',
  tsconfig: path.join(root, 'tsconfig.main.json'),
  // ws asks for its optional native helpers inside a try.
  external: [/^better-sqlite3($|\/)/, /^pg($|\/)/, /^playwright-core($|\/)/, /^electron($|\/)/, 'bufferutil', 'utf-8-validate'],
  output: { file: path.join(root, 'dist/main/cli/groundwork.js'), format: 'cjs', sourcemap: true },
  logLevel: 'warn',
});
