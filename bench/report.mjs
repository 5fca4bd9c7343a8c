/** The markdown of a bench run: targets first, then each section's figures, then what they mean. */
import { roomSection } from './room.mjs';

const num = (value, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';

/** "median [min–max]" of a summary. */
const fig = (s, digits = 0, unit = '') => (s && s.runs ? `${num(s.median, digits)}${unit} [${num(s.min, digits)}–${num(s.max, digits)}]` : '–');
const x = (ratio) => (Number.isFinite(ratio) ? `${num(ratio, 2)}×` : '–');
const mark = (ok) => (ok === undefined ? '–' : ok ? 'met' : '**missed**');

const DRAG_TARGET_MS = 16.7;
/** Ours against bare React Flow, for drag and pan p50 and p95, at every size and in both views. */
const RATIO_TARGET = 1.0;
/** Frame times come in whole frames: 16.8 ms against 16.7 is one frame either way, no slower. */
const FRAME_MS = 1000 / 60;
const noSlower = (ours, bare) => Math.round(ours / FRAME_MS) <= Math.round((bare * RATIO_TARGET) / FRAME_MS);
const TARGET_NODES = 3000;
/**
 * What ours is held against bare by: the time between the frames that draw the gesture at a new
 * place, where both pages have it (results before 2026-12-05, or taken with BENCH_INPUT=cdp,
 * have only every frame's time).
 */
const compared = (ours, bare) => (ours.drawnEvery && bare.drawnEvery ? [ours.drawnEvery, bare.drawnEvery] : [ours, bare]);
const OPEN_NODES = 5000;

function targets(results) {
  const rows = [];
  const canvas = Array.isArray(results.canvas) ? results.canvas : [];
  const VIEWS = [
    ['fit', 'fitted view'],
    ['working', 'working view, zoom 1'],
  ];
  const at = canvas.find((c) => c.nodes === TARGET_NODES);
  for (const [view, label] of VIEWS) {
    for (const gesture of ['drag', 'pan']) {
      if (!at) continue;
      const ours = at[view].ours[gesture].p95;
      rows.push([`${gesture} p95 at ${num(TARGET_NODES)} nodes (${label}) ≤ ${DRAG_TARGET_MS} ms (one frame)`, `${fig(ours, 1, ' ms')}`, mark(Math.round(ours.median / FRAME_MS) <= 1)]);
    }
  }
  for (const c of canvas) {
    for (const [view, label] of VIEWS) {
      const figures = ['drag', 'pan'].flatMap((gesture) => {
        const [ours, bare] = compared(c[view].ours[gesture], c[view].bare[gesture]);
        return ['p50', 'p95'].map((q) => ({ gesture, q, ours: ours[q].median, bare: bare[q].median }));
      });
      const measured = figures.map((f) => `${f.gesture} ${f.q} ${x(f.ours / f.bare)}`).join(', ');
      const by = ['drag', 'pan'].every((g) => c[view].ours[g].drawnEvery && c[view].bare[g].drawnEvery) ? 'time between drawn moves' : 'frame times';
      rows.push([`drag and pan p50 and p95 at ${num(c.nodes)} nodes (${label}) ≤ ${num(RATIO_TARGET, 1)}× bare (${by}, in whole frames)`, measured, mark(figures.every((f) => noSlower(f.ours, f.bare)))]);
    }
  }
  const big = canvas.find((c) => c.nodes === OPEN_NODES);
  for (const [view, label] of [
    ['fit', 'fitted view'],
    ['working', 'working view'],
  ]) {
    if (!big) continue;
    const open = big[view].open;
    rows.push([`open a ${num(OPEN_NODES)}-node board (${label}) ≤ 1 s`, fig(open.ours.painted, 0, ' ms'), mark(open.ours.painted.median <= 1000)]);
    rows.push([`open a ${num(OPEN_NODES)}-node board (${label}) no slower than bare`, `${x(open.ratio)} (bare ${fig(open.bare.painted, 0, ' ms')})`, mark(open.ratio <= 1)]);
  }
  const store = results.store?.apply;
  if (store) rows.push(['durable board.apply in batches of 100 ≥ 20,000 ops/s (Store)', fig(store.storeBatch100, 0, ' ops/s'), mark(store.storeBatch100.median >= 20000)]);
  if (results.checks?.checkBoard) rows.push(['checks on a 1,000-role map ≤ 5 ms', fig(results.checks.checkBoard, 2, ' ms'), mark(results.checks.checkBoard.median <= 5)]);
  rows.push(...roomWaitsTargets(results));
  const pdf = results.export;
  if (pdf?.median !== undefined) rows.push([`PDF of a ${pdf.boards}-board session ≤ 3 s`, fig(pdf, 2, ' s'), mark(pdf.median <= 3)]);
  else rows.push(['PDF of a 10-board session ≤ 3 s', pdf?.error ? `failed: ${pdf.error}` : 'not measured', '–']);
  return table(['Target', 'Measured: median [min–max]', ''], rows);
}

const EDIT_TO_PROJECTOR_MS = 50;
const TYPING_MS = 16.7;
const PHONE_TO_PROJECTOR_MS = 300;
const BURST_FRAME_MS = 33;
const LISTENING_MS = 300;
const BOARD_PAINTED_MS = 1500;
const EDITS = [
  ['label', 'a label edit'],
  ['drag', 'a node drag'],
  ['add', 'a new node'],
];

/** The targets of what the room waits for: the projector, typing, the phones, start-up. */
function roomWaitsTargets(results) {
  const rows = [];
  const within = (s, limit, digits = 0) => [fig(s, digits, ' ms'), mark(s?.runs ? s.median <= limit : undefined)];
  const projector = results.projector;
  if (projector?.edits) {
    for (const [kind, label] of EDITS) rows.push([`edit to projector p95, ${label} ≤ ${EDIT_TO_PROJECTOR_MS} ms`, ...within(projector.edits[kind].p95, EDIT_TO_PROJECTOR_MS)]);
    const floor = projector.typing.floor ? `; a bare textarea, same runs: ${fig(projector.typing.floor.p95, 1, ' ms')}` : '';
    rows.push([`typing p95 on a ${num(projector.typing.nodes)}-node board ≤ ${TYPING_MS} ms (one frame${floor})`, ...within(projector.typing.p95, TYPING_MS, 1)]);
    for (const [when, label] of [
      ['alone', 'alone'],
      ['burst', `during ${projector.phones.phones} phones' burst`],
    ]) {
      rows.push([`a phone's note on the projector p95, ${label} (auto-accept) ≤ ${PHONE_TO_PROJECTOR_MS} ms`, ...within(projector.phones[when].notes.p95, PHONE_TO_PROJECTOR_MS)]);
      rows.push([`a phone's dot on the projector p95, ${label} ≤ ${PHONE_TO_PROJECTOR_MS} ms`, ...within(projector.phones[when].dots.p95, PHONE_TO_PROJECTOR_MS)]);
    }
  } else if (projector?.error) rows.push(['edit to projector, typing, a phone to the projector', `failed: ${projector.error}`, '–']);
  if (results.room?.frames) {
    const p95 = results.room.frames.p95;
    const frames = Math.round(BURST_FRAME_MS / FRAME_MS);
    rows.push([`facilitator's canvas frame p95 during ${results.room.phones} phones' burst ≤ ${BURST_FRAME_MS} ms (${frames} frames)`, fig(p95, 1, ' ms'), mark(p95?.runs ? Math.round(p95.median / FRAME_MS) <= frames : undefined)]);
  }
  const startup = results.startup;
  if (startup?.listening) {
    rows.push([`\`serve\` listening, cold ≤ ${num(LISTENING_MS)} ms`, ...within(startup.listening, LISTENING_MS)]);
    rows.push([`board painted, from a cold start ≤ ${num(BOARD_PAINTED_MS)} ms`, ...within(startup.canvas, BOARD_PAINTED_MS)]);
  }
  return rows;
}

function projectorSection(p) {
  const row = (label, s) => [label, fig(s.p50, 1), fig(s.p95, 1)];
  const head = ['figure', 'p50, ms: median [min–max]', 'p95, ms: median [min–max]'];
  const phones = p.phones;
  return [
    `### What the room waits for: edits to the projector (${num(p.edits.nodes)}-node board, ${p.edits.label.samples} samples of each per run), typing, a phone's note and dot`,
    table(head, [
      ...EDITS.map(([kind, label]) => row(`edit to projector: ${label}, from the editor's event to the audience window's paint`, p.edits[kind])),
      row(`typing: a key in a role's label editor to the character painted (${num(p.typing.nodes)}-node board, zoom 1, ${p.typing.samples} keys a run)`, p.typing),
      ...(p.typing.floor ? [row(`typing in a bare textarea in the same browser: the floor, a key waiting for the next frame`, p.typing.floor)] : []),
      row(`a phone's note to the projector's paint, alone (auto-accept on)`, phones.alone.notes),
      row(`a phone's dot to the projector's paint, alone`, phones.alone.dots),
      row(`a phone's note to the projector's paint, while ${phones.phones} phones send their burst (each sample a phone of its own, sending one note)`, phones.burst.notes),
      row(`a phone's dot to the projector's paint, while ${phones.phones} phones send their burst (each sample a phone of its own)`, phones.burst.dots),
    ]),
  ].join('\n');
}

function exportSection(pdf) {
  const what = `${pdf.boards} boards of ${pdf.nodesPerBoard} mixed nodes and their edges, an agenda and every appendix page (boards that do not fit legibly are tiled)`;
  return ['### Export', table(['figure', 'seconds: median [min–max]', 'PDF size', 'target'], [[`PDF handout: ${what}, printed by the served shell's headless Chromium, kept open from the export before (a first export also starts it: about 0.3–0.8 s more)`, fig(pdf, 2, ' s'), `${num(Math.round(pdf.bytes / 1024))} KiB`, '≤ 3 s']])].join('\n');
}

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function openSection(canvas, view, title) {
  const rows = canvas.map((c) => {
    const o = c[view].open;
    return [num(c.nodes), fig(o.ours.painted), fig(o.bare.painted), x(o.ratio), `${num(o.ours.shownNodes)} / ${num(o.bare.shownNodes)}`, c.nodes === OPEN_NODES ? '≤ 1,000 ms and ≤ 1.00×' : ''];
  });
  const steps = canvas.flatMap((c) =>
    ['ours', 'bare'].map((kind) => {
      const s = c[view].open[kind].steps;
      return [num(c.nodes), kind, num(s.data.median), num(s.firstNode.median), num(s.allNodes.median), num(s.ready.median), num(c[view].open[kind].painted.median)];
    }),
  );
  return [
    title,
    table(['nodes', 'ours', 'bare React Flow', 'ours / bare', 'nodes shown, ours / bare', 'target'], rows),
    '',
    'Where the time goes (medians, ms from navigation start):',
    '',
    table(['nodes', 'page', 'data in the page', 'first node in DOM', 'all shown nodes in DOM', 'ready: measured, edges drawn', 'painted'], steps),
  ].join('\n');
}

function framesSection(canvas, view, title) {
  const rows = [];
  for (const c of canvas) {
    for (const gesture of ['drag', 'pan']) {
      const ours = c[view].ours[gesture];
      const bare = c[view].bare[gesture];
      const ratio = `≤ ${num(RATIO_TARGET, 1)}×`;
      const compared = !!(ours.drawnEvery && bare.drawnEvery);
      for (const q of ['p50', 'p95', 'max']) {
        const target = [q === 'p95' && c.nodes === TARGET_NODES && `≤ ${DRAG_TARGET_MS} ms`, q !== 'max' && !compared && ratio].filter(Boolean).join(' and ');
        rows.push([num(c.nodes), gesture, q, fig(ours[q], 1), fig(bare[q], 1), x(c[view].ratio[gesture][q]), target]);
      }
      if (compared)
        for (const q of ['p50', 'p95']) rows.push([num(c.nodes), gesture, `${q} between drawn moves`, fig(ours.drawnEvery[q], 1), fig(bare.drawnEvery[q], 1), x(c[view].ratio[gesture].drawnEvery[q]), ratio]);
      const frames = (g) => `${num(g.frames.median)}${g.capped ? ` (${g.capped} of ${g.frames.runs} runs capped)` : g.frames.runs < c.runs ? ` (${g.frames.runs} runs)` : ''}`;
      rows.push([num(c.nodes), gesture, 'frames per run', frames(ours), frames(bare), '', '']);
      if (ours.drawnPerSecond && bare.drawnPerSecond) rows.push([num(c.nodes), gesture, 'moves drawn per second', fig(ours.drawnPerSecond, 1), fig(bare.drawnPerSecond, 1), x(ours.drawnPerSecond.median / bare.drawnPerSecond.median), '']);
    }
  }
  return [title, table(['nodes', 'gesture', 'figure', 'ours (ms)', 'bare React Flow (ms)', 'ours / bare', 'target'], rows)].join('\n');
}

/** PRAGMA synchronous as SQLite numbers it. */
const SYNCHRONOUS = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };

function storeSection(store, memory) {
  const a = store.apply;
  const o = store.open;
  // Only FULL and EXTRA fsync every commit; a run of an older build (NORMAL) is not called durable.
  const durable = store.pragmas.synchronous >= 2;
  const apply = durable ? 'durable board.apply' : 'board.apply (not fsynced per commit)';
  const rows = [
    [`${apply}, Store.applyOps, 1 op per batch${durable ? ' (one fsync per op)' : ''}`, fig(a.storeSingle, 0, ' ops/s'), ''],
    [`${apply}, Store.applyOps, batches of 100${durable ? ' (one fsync per 100 ops)' : ''}`, fig(a.storeBatch100, 0, ' ops/s'), '≥ 20,000 ops/s'],
    ['board.apply, service dispatcher (validation + events), 1 op per batch', fig(a.serviceSingle, 0, ' ops/s'), ''],
    ['board.apply, service dispatcher, batches of 100', fig(a.serviceBatch100, 0, ' ops/s'), ''],
    ['board.apply over HTTP to `groundwork serve`, 1 op per request', fig(a.httpSingle, 0, ' ops/s'), ''],
    ['board.apply over HTTP, batches of 100', fig(a.httpBatch100, 0, ' ops/s'), ''],
    [`open a ${num(store.boardNodes)}-node board: SQLite → Board (Store.getBoard, fresh connection and Store)`, fig(o.sqliteToBoard, 1, ' ms'), ''],
    [`open a ${num(store.boardNodes)}-node board: board.get on a new backend (SQLite + output validation)`, fig(o.serviceCold, 1, ' ms'), ''],
    [`open a ${num(store.boardNodes)}-node board: board.get over HTTP, server warm`, fig(o.httpWarm, 1, ' ms'), ''],
    ...(o.httpImport ? [[`import it as a session file (file.import over HTTP, new ids, one transaction)`, fig(o.httpImport, 1, ' ms'), '']] : []),
  ];
  if (memory) rows.push(['peak memory of the backend process (VmHWM) at the end of the canvas runs', `${num(memory.peakMiB, 1)} MiB (RSS then ${num(memory.rssMiB, 1)} MiB)`, '']);
  return [`### Store (journal_mode=${store.pragmas.journal_mode}, synchronous=${SYNCHRONOUS[store.pragmas.synchronous] ?? store.pragmas.synchronous})`, table(['figure', 'median [min–max]', 'target'], rows)].join('\n');
}

function checksSection(checks) {
  const found = Object.entries(checks.findings)
    .map(([code, n]) => `${n} ${code}`)
    .join(', ');
  return [
    `### Checks: ${num(checks.roles)} roles, ${num(checks.decisionMakers)} decision-makers, ${num(checks.edges)} edges (${found})`,
    table(
      ['figure', `ms per full run: median [min–max] of ${checks.checkBoard.runs}`, 'target'],
      [
        ['checkBoard (both)', fig(checks.checkBoard, 2), '≤ 5 ms'],
        ['levels of work (checkOrgMap)', fig(checks.orgMap, 2), ''],
        ['decision-makers (checkDecisionMakers)', fig(checks.decisionMakerChecks, 3), ''],
      ],
    ),
  ].join('\n');
}

function startupSection(s) {
  return [
    `### Start-up: served shell, cold, to a usable canvas (${s.nodes}-node board)`,
    table(
      ['moment', 'ms from spawning `groundwork serve`: median [min–max]'],
      [
        ['listening (URL printed)', fig(s.listening)],
        ['home page interactive', fig(s.home)],
        ['board painted after a click on the session', fig(s.canvas)],
      ],
    ),
  ].join('\n');
}

const definitions = ({ steps, budgetSeconds, figureSeconds }) => `### Definitions
- Every figure is the median of the runs shown, with [min–max]; before the measured runs come unmeasured warm-up runs (one open of each page, one apply batch, 20 checks).
- **Painted**: each frame the page counts its nodes (\`.react-flow__node\`), edges (\`.react-flow__edge\`) and the nodes React Flow still hides for measuring. *Ready* is the last change of those counts before they hold still for 20 frames with no node hidden: every node that will be shown is in the DOM and measured, with its edges (without culling that is the whole board, and the bench checks it). *Painted* is two requestAnimationFrame callbacks after ready, so that frame has been drawn. **Open** is painted in ms since navigation start of a fresh page (\`page.goto\` of the board's URL; scripts in the HTTP cache). Ours: \`#/session/S/B\` on \`groundwork serve\`; it loads the app, then the board over the WebSocket. Bare: the bench's React Flow page, which fetches the same graph as JSON.
- **Bare React Flow**: \`bench/bare/main.tsx\`, \`<ReactFlow>\` with default nodes (labelled like ours), the same positions and edges, \`useNodesState\`/\`useEdgesState\`, and our canvas's viewport options (fitView with padding 0.2 and maxZoom 1.25, minZoom 0.02, maxZoom 4) and snapping grid (16 px). The bare page sets onlyRenderVisibleElements only when our canvas is seen to cull (it shows fewer nodes than the board has at the working view); otherwise both mount every node.
- **Frame times**: requestAnimationFrame deltas from the button going down until two frames after it comes up. The gesture is driven in the page: one mousemove per frame (as Chromium delivers a real mouse), ${steps} moves, a drag of one node by (240, 120) px or a pan of the empty pane by (300, 150) px, back the other way on alternate runs. A gesture that would run past ${budgetSeconds} s lets go early; such runs are counted as *capped* and have fewer frames. A figure whose runs have taken more than ${figureSeconds} s in all stops after two runs (the frames row then gives the number of runs): at seconds per frame, more runs would say nothing new and the bench would take hours. **Moves drawn per second**: the frames in which the node dragged, or the view panned, is drawn at a new place, per second of the gesture (higher is better). A page that renders two moves at once draws fewer of them, and its frames between are short because nothing changed, so its frame times flatter it: bare React Flow's drag waits for React's scheduler to render its \`useNodesState\` update; ours renders each move as it comes. **Between drawn moves**: the times from the button going down to the first frame that draws the node (or the view) at a new place, then from each such frame to the next: how long the eye waits for each new picture of the gesture. The ratio targets hold ours against bare by these (since 2026-12-05; before, by every frame's time, in which bare's empty frames counted as fast ones). Neither figure is the lag from a move to its picture; ours draws a move in the frame it comes in, bare in a later one. At zoom 1 a snapped drag draws about 15 places, so its p95 between drawn moves is about its longest wait. Both pages snap nodes to the same 16 px grid, so at zoom 1 a drag of 2 px a move draws a new place only every few moves. A node is grabbed where neither of its handles is under the pointer (zoomed far out, a bare node's handles cover its centre, and pressing one draws a connection instead: before 2026-12-04 bare's drags at 3,000 and 5,000 nodes fitted moved nothing).
- **Frames during the burst** are requestAnimationFrame deltas too, so they come in whole frames: the ${BURST_FRAME_MS} ms target is two frames at 60 Hz (33.4 ms meets it).
- **Views**: *fitted*, the view a new board opens with (fit view, the whole board on both pages; before 2026-12-05 the floor was minZoom 0.05, where our canvas, narrower beside its side panel, could not fit a 5,000-node board: it showed the board cut at its edges, a few percent of its nodes culled, and Chromium painted the board again on every frame of a pan). Our canvas stores that view on its first open, and later opens use it. *Working*, zoom 1 centred on the dragged node, about 20 nodes on screen: a board reopened where the facilitator left it (ours opens it as the board's stored viewport, bare as its defaultViewport).
- **Store**: a real \`groundwork.db\` in a temp dir opened with the app's openDatabase (WAL, synchronous=FULL: every commit fsyncs the -wal before board.apply returns, so an acknowledged edit survives a power cut; *durable* figures pay that fsync, one per batch). Throughput moves existing nodes of a 5,000-node board (\`node.move\`).
- **Edit to projector**: the editor presenting the board (Present) and its audience window, two pages of one browser on one \`groundwork serve\`. From the input event in the editor (its \`timeStamp\`: Enter keeping a typed label, the mouse button coming up at the end of a drag, Alt+N adding a note) to the audience window's paint of the frame that first shows the change; a phone's note or dot is timed from the phone's send. *Paint* is the end of the main thread's work on that frame, when a message posted from a requestAnimationFrame callback of the frame runs: the next frame's for a change made between frames, the frame under way's for a change the page makes in its own requestAnimationFrame callbacks (where our renderer applies what main sends; before 328e913 such changes were counted a frame late). Every time is \`performance.timeOrigin + performance.now()\`, one clock for both pages and the bench. **Typing**: a key going down in a role's label editor to the paint after its \`input\` event; the same keys in a bare textarea of the same browser give the floor (a key comes between frames, and its character is painted with the next one, up to a frame later). Each run gives a p50 and a p95 of its samples (after one unmeasured sample of each).
- **A phone's note and dot**: one probe phone sends a note and a dot, waits until the projector has painted both, and again (alone). During the burst (60 phones each sending 10 notes and 3 dots at once) a note and a dot go every 100 ms, each pair from another phone that has nothing waiting: the room takes notes in fair turns (one from every phone a turn), so one phone sending a note every 100 ms would see its notes wait turn after turn behind everyone's (before 2026-12-05 one phone sent every sample).
- **Start-up**: \`groundwork serve\` spawned on a copy of a data dir holding one 100-node board, timed from the spawn; the browser is already running, with a fresh context (empty HTTP cache) and its blank tab made before the spawn, and the spawn waits until the browser's processes have stood idle for 300 ms, as a facilitator's browser is open before the app starts (since 2026-12-04: before, the browser's own work after opening the tab, starting its renderer processes, ran alongside and counted: about 0.1 s more to listening and 0.6 s more to the board painted on this machine).
- Headless Chromium at 1920×1080 with software rendering (--disable-gpu): raster runs on the CPU, so paint-heavy pages pay for it in frame time.`;

export function renderReport(results) {
  const parts = [`# Groundwork bench (${results.meta.date})`, ''];
  const m = results.meta;
  parts.push(
    `App ${m.commit ?? 'unknown commit'}${m.dirty ? ' (with uncommitted changes)' : ''} from \`${m.appDir}\`; ${m.cpus} × ${m.cpuModel}, ${num(m.memoryGiB, 1)} GiB; Node ${m.node}; Chromium ${m.chromium ?? '–'}; load average ${m.loadStart.map((l) => num(l, 2)).join(' ')} at the start, ${m.loadEnd.map((l) => num(l, 2)).join(' ')} at the end; ${m.runs} runs per figure; took ${num(m.seconds)} s.`,
    '',
    '## Targets',
    targets(results),
    '',
    '## Figures',
    '',
  );
  const canvas = Array.isArray(results.canvas) ? results.canvas : null;
  if (canvas) {
    const culling = canvas.some((c) => c.working.culling);
    parts.push(
      openSection(canvas, 'fit', '### Open a board, fitted view (a new board): ms from navigation start to painted'),
      '',
      openSection(canvas, 'working', `### Open a board, working view (zoom 1, stored viewport): ms from navigation start to painted${culling ? ' (our canvas culls: the bare page is measured with onlyRenderVisibleElements too)' : ''}`),
      '',
      framesSection(canvas, 'fit', '### Frame times, fitted view'),
      '',
      framesSection(canvas, 'working', '### Frame times, working view (zoom 1)'),
      '',
    );
  } else if (results.canvas?.error) parts.push(`### Canvas\nFailed: ${results.canvas.error}`, '');
  if (results.store?.apply) parts.push(storeSection(results.store, results.canvasServerMemory), '');
  else if (results.store?.error) parts.push(`### Store\nFailed: ${results.store.error}`, '');
  if (results.checks?.checkBoard) parts.push(checksSection(results.checks), '');
  else if (results.checks?.error) parts.push(`### Checks\nFailed: ${results.checks.error}`, '');
  if (results.export?.median !== undefined) parts.push(exportSection(results.export), '');
  else if (results.export?.error) parts.push(`### Export\nFailed: ${results.export.error}`, '');
  if (results.startup?.canvas) parts.push(startupSection(results.startup), '');
  else if (results.startup?.error) parts.push(`### Start-up\nFailed: ${results.startup.error}`, '');
  if (results.room) parts.push(roomSection(results.room));
  if (results.projector?.edits) parts.push(projectorSection(results.projector), '');
  else if (results.projector?.error) parts.push(`### What the room waits for\nFailed: ${results.projector.error}`, '');
  parts.push(definitions({ steps: m.gestureSteps, budgetSeconds: num(m.gestureBudgetMs / 1000), figureSeconds: num(m.figureBudgetMs / 1000) }), '');
  return parts.join('\n');
}
