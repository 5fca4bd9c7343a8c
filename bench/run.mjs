#!/usr/bin/env node
/**
 * `npm run bench`: builds what is stale, runs each section, and writes bench/results/latest.json
 * and latest.md (printed at the end). Not part of `npm test`.
 *
 *   node bench/run.mjs [--sections canvas,store,checks,startup,room,export,projector] [--sizes 500,1000,3000,5000] [--runs 5] [--out DIR]
 *
 * BENCH_APP_DIR=DIR measures the app built in DIR (default: this repository).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_DIR, BENCH_DIR, buildIfStale, gitDescribe } from './lib/app.mjs';
import { buildBare } from './bare/build.mjs';
import { FIGURE_BUDGET_MS, GESTURE_BUDGET_MS, GESTURE_STEPS, launch } from './lib/browser.mjs';
import { startServe, tempDir } from './lib/serve.mjs';
import { serveStatic } from './lib/static-server.mjs';
import { renderReport } from './report.mjs';

const SECTIONS = ['checks', 'store', 'startup', 'canvas', 'room', 'export', 'projector'];
const { values: args } = parseArgs({
  options: {
    sections: { type: 'string', default: SECTIONS.join(',') },
    sizes: { type: 'string', default: '500,1000,3000,5000' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(BENCH_DIR, 'results') },
  },
});
const sections = args.sections.split(',').filter(Boolean);
const sizes = args.sizes.split(',').map(Number);
const runs = Number(args.runs);
for (const s of sections) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; choose from ${SECTIONS.join(', ')}`);
if (!(runs >= 1) || sizes.some((n) => !(n >= 2))) throw new Error('--runs and --sizes take positive numbers');

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const cleanup = [];

/** Runs a section; a failure is recorded in the results and the other sections still run. */
async function section(name, fn) {
  if (!sections.includes(name)) return undefined;
  try {
    return await fn();
  } catch (error) {
    console.error(error);
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

async function main() {
  buildIfStale(log);
  const { commit, dirty } = gitDescribe();
  const results = {
    meta: {
      date: new Date().toISOString(),
      appDir: APP_DIR,
      commit: commit ?? process.env.BENCH_APP_COMMIT ?? null,
      dirty,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown CPU',
      memoryGiB: os.totalmem() / 2 ** 30,
      node: process.version,
      chromium: null,
      loadStart: os.loadavg(),
      loadEnd: null,
      runs,
      sizes,
      sections,
      gestureSteps: GESTURE_STEPS,
      gestureBudgetMs: GESTURE_BUDGET_MS,
      figureBudgetMs: FIGURE_BUDGET_MS,
      seconds: 0,
    },
  };

  // Node-only sections first: they need no browser.
  results.checks = await section('checks', async () => (await import('./checks.mjs')).benchChecks({ log }));
  results.store = await section('store', async () => (await import('./store.mjs')).benchStore({ runs, log }));

  const needsBrowser = ['startup', 'canvas', 'room', 'projector'].some((s) => sections.includes(s));
  const browser = needsBrowser ? await launch() : null;
  cleanup.push(() => browser?.close());
  if (browser) results.meta.chromium = browser.version();

  results.startup = await section('startup', async () => (await import('./startup.mjs')).benchStartup({ browser, runs, log }));
  results.canvas = await section('canvas', async () => {
    const { benchCanvas } = await import('./canvas.mjs');
    const flowDir = tempDir('flows');
    const dataDir = tempDir('canvas');
    cleanup.push(() => fs.rmSync(flowDir, { recursive: true, force: true }), () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const bare = await serveStatic([await buildBare(log), flowDir]);
    cleanup.push(() => bare.close());
    const server = await startServe(dataDir);
    cleanup.push(() => server.stop());
    const canvas = await benchCanvas({ server, browser, bare, flowDir, sizes, runs, log });
    results.canvasServerMemory = server.memory();
    return canvas;
  });

  results.export = await section('export', async () => (await import('./export.mjs')).benchExport({ runs, log }));
  results.room = await section('room', async () => (await import('./room.mjs')).benchRoom({ browser, runs, log }));
  results.projector = await section('projector', async () => (await import('./projector.mjs')).benchProjector({ browser, runs, log }));

  results.meta.loadEnd = os.loadavg();
  results.meta.seconds = (Date.now() - started) / 1000;
  const dir = path.resolve(args.out);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderReport(results);
  fs.writeFileSync(path.join(dir, 'latest.md'), markdown);
  log(`wrote ${path.relative(process.cwd(), path.join(dir, 'latest.json'))} and latest.md\n`);
  console.log(markdown);
}

try {
  await main();
} finally {
  for (const step of cleanup.reverse()) await step();
}
