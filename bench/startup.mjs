/* global window */
/**
 * Start-up: `groundwork serve` spawned on a fresh copy of a data dir that holds one session with
 * a 100-node board, and a browser (already running) opening it in a fresh context (empty HTTP
 * cache). The context and its blank tab are made before the spawn, and the spawn waits until the
 * browser is idle, as a facilitator's browser is open before the app starts: Playwright's set-up
 * and the browser's own work after it (starting its renderer processes: together about a second
 * here) are not the app's start-up. Three moments, each in ms from the spawn:
 *   listening  — serve prints "Groundwork is running at …";
 *   home       — the home page lists the session and its "New session" button can be pressed;
 *   canvas     — after a click on the session, its board is painted (page-probe.mjs's definition).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dist } from './lib/app.mjs';
import { addOps, makeBoard } from './lib/board-data.mjs';
import { browserIdle, newPage, VIEWPORT } from './lib/browser.mjs';
import { startServe, tempDir } from './lib/serve.mjs';
import { summary } from './lib/stats.mjs';

const { startBackend } = dist('main/service/backend');
const NODES = 100;
const epoch = () => performance.timeOrigin + performance.now();

async function seed() {
  const dir = tempDir('startup-seed');
  const backend = startBackend(dir);
  try {
    const reply = await backend.dispatch('session.create', { title: 'Start-up bench' }, { clientId: 'bench' });
    const boardId = reply.result.boards[0].id;
    for (const ops of addOps(makeBoard(NODES, 'u'))) {
      const applied = await backend.dispatch('board.apply', { boardId, ops }, { clientId: 'bench' });
      if (!applied.ok) throw new Error(applied.error.message);
    }
  } finally {
    backend.close();
  }
  return dir;
}

async function once(browser, seedDir, log) {
  const dir = tempDir('startup');
  fs.cpSync(seedDir, dir, { recursive: true });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await newPage(context);
  if (!(await browserIdle())) log('  start-up: the browser was still busy after 10 s; timed anyway');
  const spawned = epoch();
  let server;
  try {
    server = await startServe(dir);
    await page.goto(server.url, { waitUntil: 'commit' });
    const home = await page.waitForFunction(
      () => {
        const link = window.document.querySelector('a.session-title');
        const create = window.document.querySelector('.home-header button.primary');
        return link && create && !create.disabled ? window.performance.timeOrigin + window.performance.now() : false;
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    const homeAt = await home.jsonValue();
    await page.evaluate(() => window.document.querySelector('a.session-title').click());
    await page.waitForFunction(() => window.__bench.times.painted !== undefined, null, { polling: 100, timeout: 60_000 });
    const { paintedAt, final } = await page.evaluate(() => ({ paintedAt: window.performance.timeOrigin + window.__bench.times.painted, final: window.__bench.final }));
    if (final.nodes !== NODES || final.edges !== NODES - 1) throw new Error(`the board settled with ${final.nodes} nodes and ${final.edges} edges`);
    return { listening: server.listeningMs, home: homeAt - spawned, canvas: paintedAt - spawned };
  } finally {
    await context.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchStartup({ browser, runs, log }) {
  log(`start-up: cold serve to a painted ${NODES}-node board, ${runs} runs`);
  const seedDir = await seed();
  const results = [];
  for (let run = -1; run < runs; run++) {
    const result = await once(browser, seedDir, log);
    if (run >= 0) results.push(result);
  }
  fs.rmSync(seedDir, { recursive: true, force: true });
  const pick = (key) => summary(results.map((r) => r[key]));
  return { nodes: NODES, listening: pick('listening'), home: pick('home'), canvas: pick('canvas') };
}
