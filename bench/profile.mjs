#!/usr/bin/env node
/**
 * Where a canvas page spends a gesture or an open: `node bench/profile.mjs [options]`. Not part of
 * `npm run bench`; this is how the causes of the missed targets were found (see the issue notes).
 *
 *   --page ours|bare       which page (default ours)
 *   --size N               board size (default 1000)
 *   --action open|drag|pan what to profile (default pan)
 *   --view fit|working     the fitted view or zoom 1 (default fit)
 *   --steps N              pointer moves (default 20)
 *   --css "…"              a style sheet added to the page first: try a fix before making it
 *   --unminified           serve the page built without minification, so functions keep their names
 *   --tasks                also list the main thread's long tasks (over 50 ms) in order, with what filled them
 *   --inclusive            also list named functions by their time including what they call
 *   --window FROM-TO       only JavaScript sampled FROM to TO ms after the profile starts (e.g. one long task)
 *   --allocations          profile what JavaScript allocates (V8's sampling heap profiler) instead of its time
 *   --trace-only           no JavaScript profile: script runs at full speed, for thread times as the bench sees them
 *   --mutations            also list what the gesture changed in the DOM (element, attribute or children), by count
 *   --keep PREFIX          also keep PREFIX.trace.json (Chromium's trace, for DevTools' Performance panel) and
 *                          PREFIX.cpuprofile (V8's profile)
 *
 * Prints, per frame, the time on each thread kind (raster workers, the renderer's main thread and
 * its main phases), then the JavaScript functions with the most self time (V8's CPU profiler).
 */
/* global window, document, MutationObserver */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_DIR, BENCH_DIR, dist } from './lib/app.mjs';
import { buildBare } from './bare/build.mjs';
import { addOps, makeBoard, toBareFlow } from './lib/board-data.mjs';
import { startServe, tempDir } from './lib/serve.mjs';
import { serveStatic } from './lib/static-server.mjs';

const { values: opt } = parseArgs({
  options: {
    page: { type: 'string', default: 'ours' },
    size: { type: 'string', default: '1000' },
    action: { type: 'string', default: 'pan' },
    view: { type: 'string', default: 'fit' },
    steps: { type: 'string', default: '20' },
    css: { type: 'string', default: '' },
    unminified: { type: 'boolean', default: false },
    tasks: { type: 'boolean', default: false },
    inclusive: { type: 'boolean', default: false },
    window: { type: 'string', default: '' },
    keep: { type: 'string', default: '' },
    mutations: { type: 'boolean', default: false },
    'trace-only': { type: 'boolean', default: false },
    allocations: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
  },
});
process.env.BENCH_STEPS = opt.steps;
process.env.BENCH_GESTURE_BUDGET_MS ??= '600000';
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
// After the settings above: browser.mjs reads them when it loads.
const { launch, newPage, openUntilPainted, pan, dragNode, quiet, VIEWPORT, paneSize } = await import('./lib/browser.mjs');
const size = Number(opt.size);
/** renderer/state/flow.ts: from this many nodes our canvas culls (onlyRenderVisibleElements). */
const CULLING_MIN_NODES = 20;

/** Our renderer built without minification, served by the real backend in this process. */
async function unminifiedServer(dataDir) {
  const out = path.join(BENCH_DIR, '..', 'node_modules', '.cache', 'groundwork-bench', 'renderer-unminified');
  const { build } = await import('vite');
  await build({ configFile: path.join(APP_DIR, 'vite.config.ts'), root: path.join(APP_DIR, 'renderer'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true, minify: false, sourcemap: false } });
  const backend = dist('main/service/backend').startBackend(dataDir);
  const server = await dist('main/transport/http-server').serve(backend, { host: '127.0.0.1', port: 0, rendererDir: out });
  const { call } = await import('./lib/serve.mjs');
  return { url: server.url, call: (method, input) => call(server.url, method, input), stop: async () => (await server.close(), backend.close()) };
}

function summariseTrace(file, frames) {
  const events = JSON.parse(fs.readFileSync(file, 'utf8')).traceEvents;
  const threads = {};
  for (const e of events) if (e.name === 'thread_name') threads[`${e.pid}:${e.tid}`] = e.args.name;
  const sums = {};
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const thread = threads[`${e.pid}:${e.tid}`] ?? 'other';
    const key = `${thread.replace(/\d+$/, '')} | ${e.name}`;
    sums[key] = (sums[key] ?? 0) + e.dur / 1000;
  }
  const wanted = [
    ['raster (worker threads)', 'ThreadPoolForegroundWorker | DisplayItemList::Raster'],
    ['main thread, all tasks', 'CrRendererMain | RunTask'],
    ['  script (rAF, events, timers)', ['CrRendererMain | FunctionCall', 'CrRendererMain | EventDispatch', 'CrRendererMain | TimerFire', 'CrRendererMain | v8.run']],
    ['  style + layout', 'CrRendererMain | LocalFrameView::RunStyleAndLayoutLifecyclePhases'],
    ['  paint', 'CrRendererMain | Paint'],
    ['  layerize (PaintArtifactCompositor::Update)', 'CrRendererMain | PaintArtifactCompositor::Update'],
    ['  hit testing', 'CrRendererMain | HitTest'],
    ['  garbage collection', ['CrRendererMain | MajorGC', 'CrRendererMain | MinorGC', 'CrRendererMain | V8.GC_MC_BACKGROUND_MARKING']],
  ];
  console.log(frames === 1 ? '\nin all, ms:' : `\nper frame (${frames} frames), ms:`);
  for (const [label, keys] of wanted) {
    const total = [].concat(keys).reduce((sum, k) => sum + (sums[k] ?? 0), 0);
    console.log(`  ${(total / frames).toFixed(1).padStart(8)}  ${label}`);
  }
  if (opt.tasks) listLongTasks(events, threads);
}

/** The main thread's tasks over 50 ms, from the first: when, how long, and the events that filled them. */
function listLongTasks(events, threads) {
  const main = events.filter((e) => e.ph === 'X' && e.dur && threads[`${e.pid}:${e.tid}`] === 'CrRendererMain').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask');
  const start = main[0]?.ts ?? 0;
  console.log('\nlong main-thread tasks (ms from the first event: duration, then the largest events inside):');
  for (const task of tasks.filter((t) => t.dur > 50_000)) {
    const inside = {};
    const count = {};
    for (const e of main) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      inside[e.name] = (inside[e.name] ?? 0) + e.dur / 1000;
      count[e.name] = (count[e.name] ?? 0) + 1;
    }
    const top = Object.entries(inside).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, ms]) => `${name} ×${count[name]} ${ms.toFixed(0)}`);
    console.log(`  ${((task.ts - start) / 1000).toFixed(0).padStart(7)}  ${(task.dur / 1000).toFixed(0).padStart(6)}  ${top.join(', ')}`);
  }
}

function summariseProfile(profile, top) {
  if (!profile) return;
  if (profile.allocations) return summariseAllocations(profile.allocations.head, top);
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  const [from, to] = opt.window ? opt.window.split('-').map(Number) : [0, Infinity];
  let at = 0;
  profile.samples.forEach((id, i) => {
    at += (dt[i] ?? 0) / 1000;
    if (at >= from && at <= to) hits.set(id, (hits.get(id) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  for (const [id, time] of hits) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'}  ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + time);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nJavaScript self time, top ${top} of ${total.toFixed(0)} ms sampled:`);
  [...self.entries()]
    .filter(([k]) => !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, v]) => console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`));
  if (opt.inclusive) listInclusive(profile, byId, hits, top);
}

/** Functions by what they allocated themselves, then named functions by what they and their callees allocated. */
function summariseAllocations(head, top) {
  const self = new Map();
  const inclusive = new Map();
  const keyOf = ({ functionName, url, lineNumber }) => `${functionName || '(anonymous)'}  ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`;
  const walk = (node, stack) => {
    const key = keyOf(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + node.selfSize);
    const named = node.callFrame.functionName && node.callFrame.url && !stack.has(key);
    if (named) stack.add(key);
    for (const k of stack) inclusive.set(k, (inclusive.get(k) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, stack);
    if (named) stack.delete(key);
  };
  walk(head, new Set());
  const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1).padStart(7)} MB`;
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nJavaScript allocations (sampled, those since collected too), ${mb(total).trim()} in all; by function:`);
  [...self].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(`  ${mb(v)}  ${k}`));
  console.log(`\nincluding callees, named functions:`);
  [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(`  ${mb(v)}  ${k}`));
}

/** Named functions by the time spent in them and what they call (each counted once per stack). */
function listInclusive(profile, byId, hits, top) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map();
  for (const [id, time] of hits) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at).callFrame;
      if (!functionName || !url) continue;
      const key = `${functionName}  ${url.split('/').pop()}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + time);
    }
  }
  console.log(`\nJavaScript time including callees, top ${top} named functions:`);
  [...inclusive.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([k, v]) => console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`));
}

/** In the page: counts each kind of DOM change from now on, keyed by the element and what changed. */
function recordMutations() {
  const counts = {};
  const describe = (node) => (node.nodeType === 1 ? `${node.tagName.toLowerCase()}${[...node.classList].slice(0, 2).map((c) => `.${c}`).join('')}` : `#${node.nodeName}`);
  new MutationObserver((records) => {
    for (const r of records) {
      const key = `${describe(r.target)} ${r.type === 'attributes' ? `[${r.attributeName}]` : r.type === 'childList' ? `children +${r.addedNodes.length} -${r.removedNodes.length}` : 'text'}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__mutations = counts;
}

function listMutations(counts, frames) {
  console.log(`\nDOM changes during the gesture (${frames} frames), most frequent first:`);
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 20)
    .forEach(([key, n]) => console.log(`  ${String(n).padStart(6)}  ${key}`));
}

function keep(traceFile, profile) {
  if (!opt.keep) return;
  fs.copyFileSync(traceFile, `${opt.keep}.trace.json`);
  if (profile && !profile.allocations) fs.writeFileSync(`${opt.keep}.cpuprofile`, JSON.stringify(profile));
}

async function main() {
  const dataDir = tempDir('profile');
  const server = opt.page === 'ours' ? (opt.unminified ? await unminifiedServer(dataDir) : await startServe(dataDir)) : null;
  const flowDir = tempDir('profile-flow');
  const bare = opt.page === 'bare' ? await serveStatic([await buildBare(console.log, { minify: !opt.unminified }), flowDir]) : null;
  const browser = await launch();
  try {
    const board = makeBoard(size, 'p');
    let url;
    let boardId;
    if (server) {
      const session = await server.call('session.create', { title: 'Profile' });
      boardId = session.boards[0].id;
      for (const ops of addOps(board)) await server.call('board.apply', { boardId, ops });
      url = `${server.url}#/session/${session.id}/${boardId}`;
    } else {
      fs.writeFileSync(path.join(flowDir, 'flow.json'), JSON.stringify(toBareFlow(board)));
      url = `${bare.url}?data=flow.json`;
    }
    const context = await browser.newContext({ viewport: VIEWPORT });
    const ids = board.nodes.filter((n) => n.kind === 'role').sort((a, b) => Math.abs(a.position.x - 4000) - Math.abs(b.position.x - 4000)).map((n) => n.id);
    const mid = board.nodes[Math.floor(size / 2)];
    if (opt.view === 'working') {
      const probe = await newPage(context);
      await openUntilPainted(probe, url);
      const pane = await paneSize(probe);
      await probe.close();
      const viewport = { x: pane.width / 2 - mid.position.x - 100, y: pane.height / 2 - mid.position.y - 60, zoom: 1 };
      if (server) await server.call('board.setViewport', { boardId, viewport });
      // As in the bench: on a board our canvas culls, the bare page culls too.
      else url += `&x=${viewport.x}&y=${viewport.y}&zoom=1${size >= CULLING_MIN_NODES ? '&culling=1' : ''}`;
      ids.unshift(mid.id);
    }
    if (opt.action === 'open') {
      // A first open, in its own page, warms the HTTP cache as in the bench.
      const warm = await newPage(context);
      await openUntilPainted(warm, url);
      await warm.close();
    }
    const page = await newPage(context);
    const cdp = await context.newCDPSession(page);
    const traceFile = path.join(dataDir, 'trace.json');
    const startProfiler = async () => {
      if (opt['trace-only']) return;
      if (opt.allocations) return cdp.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    };
    const stopProfiler = async () => {
      if (opt['trace-only']) return null;
      if (opt.allocations) return { allocations: (await cdp.send('HeapProfiler.stopSampling')).profile };
      return (await cdp.send('Profiler.stop')).profile;
    };
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'cc', 'blink', 'benchmark'];
    if (opt.action === 'open') {
      await browser.startTracing(page, { path: traceFile, categories });
      await startProfiler();
      const times = await openUntilPainted(page, url);
      const profile = await stopProfiler();
      await browser.stopTracing();
      console.log('open:', JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)]))));
      summariseTrace(traceFile, 1);
      summariseProfile(profile, Number(opt.top));
      keep(traceFile, profile);
    } else {
      await openUntilPainted(page, url);
      if (opt.css) await page.addStyleTag({ content: opt.css });
      await quiet(page);
      await browser.startTracing(page, { path: traceFile, categories });
      if (opt.mutations) await page.evaluate(recordMutations);
      await startProfiler();
      const result = opt.action === 'drag' ? await dragNode(page, ids, { x: 240, y: 120 }, 0) : await pan(page, { x: 300, y: 150 }, 0);
      const profile = await stopProfiler();
      if (opt.mutations) listMutations(await page.evaluate(() => window.__mutations), result.frames);
      await browser.stopTracing();
      console.log(`${opt.page} ${opt.action}, ${size} nodes, ${opt.view} view${opt.css ? `, with css ${opt.css}` : ''}:`);
      console.log(`  frames ${result.frames} (${result.moves} moves${result.capped ? ", capped" : ""}): p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`);
      const every = result.drawnEvery;
      if (every) console.log(`  between drawn moves (${every.frames}): p50 ${every.p50.toFixed(1)} ms, p95 ${every.p95.toFixed(1)} ms, max ${every.max.toFixed(1)} ms`);
      summariseTrace(traceFile, result.frames);
      summariseProfile(profile, Number(opt.top));
      keep(traceFile, profile);
    }
    await page.evaluate(() => window.__bench);
  } finally {
    await browser.close();
    await server?.stop();
    await bare?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(flowDir, { recursive: true, force: true });
  }
}

await main();
