/**
 * Canvas: for each board size, our served app and the bare React Flow page on the same graph:
 * time from navigation to painted, and frame times while dragging one node and while panning,
 * at two views — the fitted view a new board opens with, and a working view at zoom 1 (a board
 * reopened where the facilitator left it). Our runs and the bare page's alternate, so load from
 * elsewhere on the machine falls on both alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addOps, makeBoard, toBareFlow } from './lib/board-data.mjs';
import { dragNode, FIGURE_BUDGET_MS, newPage, openUntilPainted, pan, paneSize, quiet, VIEWPORT } from './lib/browser.mjs';
import { summariseFrames, summary } from './lib/stats.mjs';

const DRAG = { x: 240, y: 120 };
const PAN = { x: 300, y: 150 };
const WORKING_ZOOM = 1;
const PAGES = ['ours', 'bare'];

/** Role ids nearest the middle of the graph: the node each page drags, and the working view's centre. */
function dragCandidates(board) {
  const xs = board.nodes.map((n) => n.position.x);
  const ys = board.nodes.map((n) => n.position.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return board.nodes
    .filter((n) => n.kind === 'role')
    .map((n) => ({ node: n, d: Math.hypot(n.position.x - cx, n.position.y - cy) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 60)
    .map(({ node }) => node);
}

/**
 * `runs` runs of `measure` on each page, alternating pages. A page whose runs have used up
 * FIGURE_BUDGET_MS stops after two: at seconds per frame, more runs say nothing new.
 */
async function alternate(runs, measure) {
  const results = { ours: [], bare: [] };
  const spent = { ours: 0, bare: 0 };
  for (let run = 0; run < runs; run++) {
    for (const kind of PAGES) {
      if (run >= 2 && spent[kind] > FIGURE_BUDGET_MS) continue;
      const start = Date.now();
      results[kind].push(await measure(kind, run));
      spent[kind] += Date.now() - start;
    }
  }
  return results;
}

const pick = (runs, key) => summary(runs.map((t) => t[key]).filter((v) => v !== undefined));

/** Opens each page `runs` times, after one unmeasured open (which fills the HTTP cache) when `warm`. */
async function measureOpen({ contexts, urls, expect, runs, warm = true }) {
  const open = { ours: [], bare: [] };
  for (const kind of warm ? PAGES : []) {
    const page = await newPage(contexts[kind]);
    await openUntilPainted(page, urls[kind], { expect: expect[kind] });
    await page.close();
  }
  const measured = await alternate(runs, async (kind) => {
    const page = await newPage(contexts[kind]);
    try {
      return await openUntilPainted(page, urls[kind], { expect: expect[kind] });
    } finally {
      await page.close();
    }
  });
  for (const kind of PAGES) open[kind] = measured[kind];
  return Object.fromEntries(
    PAGES.map((kind) => [
      kind,
      {
        painted: pick(open[kind], 'painted'),
        shownNodes: open[kind][0].shownNodes,
        steps: { data: pick(open[kind], 'data'), firstNode: pick(open[kind], 'firstNode'), allNodes: pick(open[kind], 'allNodes'), ready: pick(open[kind], 'ready') },
      },
    ]),
  );
}

/** Drags and pans `runs` times on each page, alternating pages; returns frame summaries per page. */
async function measureGestures({ contexts, urls, runs, candidates }) {
  const pages = {};
  for (const kind of PAGES) {
    pages[kind] = await newPage(contexts[kind]);
    await openUntilPainted(pages[kind], urls[kind]);
    await quiet(pages[kind]);
  }
  const ids = candidates.map((n) => n.id);
  const drags = await alternate(runs, (kind, run) => dragNode(pages[kind], ids, DRAG, run));
  const pans = await alternate(runs, (kind, run) => pan(pages[kind], PAN, run));
  for (const kind of PAGES) await pages[kind].close();
  const result = {};
  for (const kind of PAGES) {
    result[kind] = {
      drag: { ...summariseFrames(drags[kind]), capped: drags[kind].filter((r) => r.capped).length, node: drags[kind][0].node },
      pan: { ...summariseFrames(pans[kind]), capped: pans[kind].filter((r) => r.capped).length },
    };
  }
  return result;
}

const ratio = (ours, bare) => ours.median / bare.median;
const quantileRatios = (ours, bare) => ({ p50: ratio(ours.p50, bare.p50), p95: ratio(ours.p95, bare.p95), max: ratio(ours.max, bare.max) });
const frameRatios = (ours, bare) => ({ ...quantileRatios(ours, bare), ...(ours.drawnEvery && bare.drawnEvery && { drawnEvery: quantileRatios(ours.drawnEvery, bare.drawnEvery) }) });
const withRatios = (g) => ({ ...g, ratio: { drag: frameRatios(g.ours.drag, g.bare.drag), pan: frameRatios(g.ours.pan, g.bare.pan) } });

function describe(label, g) {
  const f = (x) => `p95 ${x.p95.median.toFixed(1)} ms (${x.frames.median} frames${x.capped ? `, ${x.capped} capped` : ''})`;
  return `${label}: drag ${f(g.drag)}, pan ${f(g.pan)}`;
}

async function measureSize({ server, bare, flowDir, contexts, size, runs, log }) {
  const board = makeBoard(size, `c${size}x`);
  const session = await server.call('session.create', { title: `Bench canvas ${size}` });
  const boardId = session.boards[0].id;
  for (const ops of addOps(board)) await server.call('board.apply', { boardId, ops });
  const file = `flow-${size}.json`;
  fs.writeFileSync(path.join(flowDir, file), JSON.stringify(toBareFlow(board)));
  const whole = { nodes: board.nodes.length, edges: board.edges.length };
  const candidates = dragCandidates(board);
  const ourUrl = `${server.url}#/session/${session.id}/${boardId}`;
  const fitUrls = { ours: ourUrl, bare: `${bare.url}?data=${file}` };

  // Fitted view. Our first open fits the view and stores it (onMoveEnd); later opens use it.
  // Both pages show the whole board (before 2026-12-05 ours, beside its side panel, could not at
  // its minZoom of 0.05 once a board was wide enough, 5,000 nodes: see the report's definitions).
  const fitOpen = await measureOpen({ contexts, urls: fitUrls, expect: { bare: whole }, runs });
  log(`  fit view, open: ours ${fitOpen.ours.painted.median.toFixed(0)} ms, bare ${fitOpen.bare.painted.median.toFixed(0)} ms`);
  const fit = await measureGestures({ contexts, urls: fitUrls, runs, candidates });
  for (const kind of PAGES) log(`  fit view, ${describe(kind, fit[kind])}`);

  // Working view: zoom 1, centred on the node both pages drag; ours as the board's stored viewport.
  const probe = await newPage(contexts.ours);
  await openUntilPainted(probe, ourUrl);
  const pane = await paneSize(probe);
  await probe.close();
  const centre = { x: candidates[0].position.x + 100, y: candidates[0].position.y + 60 };
  const viewport = { x: pane.width / 2 - centre.x * WORKING_ZOOM, y: pane.height / 2 - centre.y * WORKING_ZOOM, zoom: WORKING_ZOOM };
  await server.call('board.setViewport', { boardId, viewport });
  // If our canvas culls (onlyRenderVisibleElements), the bare page does too, as the bench compares like with like.
  const check = await newPage(contexts.ours);
  const shown = (await openUntilPainted(check, ourUrl)).shownNodes;
  await check.close();
  const culling = shown < whole.nodes;
  // The bare page fills the window: the node is centred in that.
  const bareView = { x: VIEWPORT.width / 2 - centre.x * WORKING_ZOOM, y: VIEWPORT.height / 2 - centre.y * WORKING_ZOOM };
  const workUrls = { ours: ourUrl, bare: `${fitUrls.bare}&x=${bareView.x}&y=${bareView.y}&zoom=${WORKING_ZOOM}${culling ? '&culling=1' : ''}` };
  const workExpect = culling ? {} : { ours: whole, bare: whole };
  // The caches are warm from the fitted view's opens.
  const workOpen = await measureOpen({ contexts, urls: workUrls, expect: workExpect, runs, warm: false });
  log(`  working view, open: ours ${workOpen.ours.painted.median.toFixed(0)} ms (${workOpen.ours.shownNodes} nodes shown), bare ${workOpen.bare.painted.median.toFixed(0)} ms (${workOpen.bare.shownNodes})`);
  const work = await measureGestures({ contexts, urls: workUrls, runs, candidates });
  for (const kind of PAGES) log(`  working view, ${describe(kind, work[kind])}`);

  return {
    nodes: size,
    edges: board.edges.length,
    runs,
    fit: { open: { ...fitOpen, ratio: ratio(fitOpen.ours.painted, fitOpen.bare.painted) }, ...withRatios(fit) },
    working: { zoom: WORKING_ZOOM, culling, open: { ...workOpen, ratio: ratio(workOpen.ours.painted, workOpen.bare.painted) }, ...withRatios(work) },
  };
}

export async function benchCanvas({ server, browser, bare, flowDir, sizes, runs, log }) {
  const contexts = { ours: await browser.newContext({ viewport: VIEWPORT }), bare: await browser.newContext({ viewport: VIEWPORT }) };
  try {
    const results = [];
    for (const size of sizes) {
      log(`canvas: ${size} nodes`);
      results.push(await measureSize({ server, bare, flowDir, contexts, size, runs, log }));
    }
    return results;
  } finally {
    for (const kind of PAGES) await contexts[kind].close();
  }
}
