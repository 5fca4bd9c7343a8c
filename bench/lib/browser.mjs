/* global window, requestAnimationFrame */
/** Headless Chromium, opening a canvas page until painted, and measured gestures on it. */
import fs from 'node:fs';
import { chromium } from '@playwright/test';
import { driveGesture, installProbe, nodeTarget, nodeTransform, paneTarget, viewportTransform, waitForQuiet } from './page-probe.mjs';
import { frameStats } from './stats.mjs';

export const VIEWPORT = { width: 1920, height: 1080 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Pointer moves per gesture, one per frame: ≥ 120 frames per run unless the page is so slow that the budget ends it. */
export const GESTURE_STEPS = Number(process.env.BENCH_STEPS) || 125;
/** Longest a gesture may take (ms); a page that slow has missed every frame target many times over. */
export const GESTURE_BUDGET_MS = Number(process.env.BENCH_GESTURE_BUDGET_MS) || 2500;
/** Once a figure's runs have taken this long (ms), two runs are enough: its frames are far off target. */
export const FIGURE_BUDGET_MS = Number(process.env.BENCH_FIGURE_BUDGET_MS) || 12000;

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** CPU time (ms) used so far by each process this one started (the browser's among them), on Linux. */
function childrenCpuMs() {
  const stats = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command's name (which may hold spaces and parentheses): state, parent, … utime
      // and stime (clock ticks of 10 ms) are the 12th and 13th.
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(name), parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = new Set([process.pid]);
  for (let size = 0; ours.size !== size; ) {
    size = ours.size;
    for (const s of stats) if (ours.has(s.parent)) ours.add(s.pid);
  }
  return new Map(stats.filter((s) => s.pid !== process.pid && ours.has(s.pid)).map((s) => [s.pid, s.ms]));
}

/**
 * Resolves true once the browser has stood idle for `windowMs` (its processes used at most
 * `budgetMs` of CPU), false if it never did within `timeoutMs`. A browser that has just opened a
 * tab works on for a few hundred ms more, starting its renderer processes. A process that ended
 * meanwhile counts nothing; one that started counts all it used.
 */
export async function browserIdle({ windowMs = 300, budgetMs = 20, timeoutMs = 10_000 } = {}) {
  const until = Date.now() + timeoutMs;
  let before = childrenCpuMs();
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = childrenCpuMs();
    let used = 0;
    for (const [pid, ms] of now) used += Math.max(0, ms - (before.get(pid) ?? 0));
    if (used <= budgetMs) return true;
    before = now;
  }
  return false;
}

export async function newPage(context) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`  console error: ${message.text()}`);
  });
  await page.addInitScript(installProbe);
  return page;
}

/**
 * Navigates and waits for the probe's "painted" (see page-probe.mjs). Returns its times in ms
 * from navigation start, and the node and edge counts it settled on; with `expect`, throws unless
 * those are the whole board.
 */
export async function openUntilPainted(page, url, { expect, timeout = 180_000 } = {}) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.times.painted !== undefined, null, { timeout, polling: 100 });
  const result = await page.evaluate(() => ({
    times: { data: window.performance.getEntriesByName('bench:data')[0]?.startTime, ...window.__bench.times },
    final: window.__bench.final,
  }));
  if (expect && (result.final.nodes !== expect.nodes || result.final.edges !== expect.edges)) {
    throw new Error(`${url} settled with ${result.final.nodes} nodes and ${result.final.edges} edges, not ${expect.nodes} and ${expect.edges}`);
  }
  return { ...result.times, shownNodes: result.final.nodes, shownEdges: result.final.edges };
}

export const quiet = (page, timeout = 30_000) => page.evaluate(waitForQuiet, { count: 6, budget: 20, timeout });

/**
 * One measured gesture (see driveGesture): frames from the button going down until two frames
 * after it comes up, so a drag's drop, with its own work, is part of it. BENCH_INPUT=cdp sends
 * the moves through Playwright's page.mouse instead; each then waits for Chromium's input ack
 * (about 40 ms here), so a fast page idles between moves and its p50 shows the waiting.
 */
async function gesture(page, from, delta, watch) {
  if (process.env.BENCH_INPUT !== 'cdp') {
    const { deltas, moves, capped, drawn, drawnStamps, first, last } = await page.evaluate(driveGesture, { from, delta, steps: GESTURE_STEPS, budgetMs: GESTURE_BUDGET_MS, watch });
    // How long the eye waits for each new place the page draws: from the button going down to the
    // first, then from one to the next (a gesture that drew nothing waited all along).
    const marks = drawnStamps.length ? [first, ...drawnStamps] : [first, last];
    const drawnEvery = frameStats(marks.slice(1).map((s, i) => s - marks[i]).filter((d) => d > 0));
    return { ...frameStats(deltas), drawnEvery, moves, capped, drawnPerSecond: drawn / ((last - first) / 1000) };
  }
  await page.mouse.move(from.x, from.y);
  await page.evaluate(() => window.__bench.startFrames());
  await page.mouse.down();
  await page.mouse.move(from.x + delta.x, from.y + delta.y, { steps: GESTURE_STEPS });
  await page.mouse.up();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { ...frameStats(await page.evaluate(() => window.__bench.stopFrames())), moves: GESTURE_STEPS, capped: false };
}

/** Drags the first of `ids` that can be grabbed by `delta` screen px, and back on odd runs. */
export async function dragNode(page, ids, delta, run) {
  const target = await page.evaluate(nodeTarget, ids);
  if (!target) throw new Error('no node to drag is visible');
  const sign = run % 2 ? -1 : 1;
  const before = await page.evaluate(nodeTransform, target.id);
  const stats = await gesture(page, target, { x: sign * delta.x, y: sign * delta.y }, `.react-flow__node[data-id="${target.id}"]`);
  await quiet(page);
  // A gesture cut short after a few moves may not have got past the drag threshold.
  if (!stats.capped && before === (await page.evaluate(nodeTransform, target.id))) throw new Error(`dragging ${target.id} did not move it`);
  return { ...stats, node: target.id };
}

/** Pans the view by dragging the empty pane by `delta` screen px, and back on odd runs. */
export async function pan(page, delta, run) {
  const from = await page.evaluate(paneTarget);
  if (!from) throw new Error('no empty pane to pan by');
  const sign = run % 2 ? -1 : 1;
  const before = await page.evaluate(viewportTransform);
  const stats = await gesture(page, from, { x: sign * delta.x, y: sign * delta.y }, '.react-flow__viewport');
  await quiet(page);
  if (!stats.capped && before === (await page.evaluate(viewportTransform))) throw new Error('panning did not move the view');
  return stats;
}

/** The pane's size in CSS px: what a viewport must be centred in. */
export function paneSize(page) {
  return page.evaluate(() => {
    const box = window.document.querySelector('.react-flow__pane').getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
}
