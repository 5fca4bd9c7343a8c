/* global window, document */
/**
 * What the room waits for, as latencies (ms; each run's p50 and p95 of its samples, then the
 * median of the runs):
 *   edits  — the editor presenting (Present) and its audience window, two pages of one browser
 *            on one `groundwork serve`: from the key or mouse event in the editor (its dispatch
 *            time) to the frame painted in the audience window, for a label edit (Enter keeps
 *            it), a node drag (the button comes up) and a new node (Alt+N);
 *   typing — a key pressed in a role's label editor to the frame painted with the character, on
 *            a 500-node board at the working zoom, and the same in a bare textarea of the same
 *            browser: the floor, a key waiting for the next frame;
 *   phones — a participant's note and dot (auto-accept on) from the phone's send to the frame
 *            painted on the projector, alone and while 60 other phones send their burst (each
 *            sample then from a participant of its own, sending one note and one dot).
 * "Painted" is defined in lib/paint-probe.mjs; every time is on the Unix-epoch clock pages and
 * this process share.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { addOps, makeBoard } from './lib/board-data.mjs';
import { newPage, VIEWPORT } from './lib/browser.mjs';
import { installInputClock, installPaintWatch, installTypingProbe } from './lib/paint-probe.mjs';
import { nodeTarget, nodeTransform } from './lib/page-probe.mjs';
import { startServe, tempDir } from './lib/serve.mjs';
import { quantile, summary } from './lib/stats.mjs';
import { phone, ROOM_HOST } from './room.mjs';

/** Samples of each kind per run, after one unmeasured sample of each. */
const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES) || 20;
const EDIT_NODES = 40;
const TYPING_NODES = 500;
/** Keys per typing run: a p95 of 20 would be the second slowest key, one frame more or less by chance. */
const TYPING_SAMPLES = 60;
const BURST = { phones: 60, notes: 10, votes: 3 };
/** Probe notes and dots each phone figure sends (a phone may add 15 notes at once). */
const PHONE_SAMPLES = 5;
const SEEDED_NOTES = 30;

const epoch = () => performance.timeOrigin + performance.now();
const DRAG = { x: 60, y: 30 };

/** p50 and p95 of each run's samples, summarised over the runs. */
function latency(perRun) {
  return {
    p50: summary(perRun.map((samples) => quantile(samples, 0.5))),
    p95: summary(perRun.map((samples) => quantile(samples, 0.95))),
    samples: perRun[0]?.length ?? 0,
  };
}

async function waitPainted(page, key) {
  await page.waitForFunction((k) => window.__paint.painted[k] !== undefined, key, { polling: 50, timeout: 30_000 }).catch((error) => {
    throw new Error(`${key} was not painted in the audience window: ${error.message}`);
  });
  return page.evaluate((k) => window.__paint.painted[k], key);
}

const watch = (page, key, spec) => page.evaluate(([k, s]) => window.__paint.watch(k, s), [key, spec]);

/** Ids of `ids` whose nodes lie wholly inside the page's window. */
function inView(page, ids) {
  return page.evaluate((list) => {
    return list.filter((id) => {
      const el = document.querySelector(`.react-flow__node[data-id="${id}"]`);
      const box = el?.getBoundingClientRect();
      return box && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
    });
  }, ids);
}

/** A session whose one agenda item shows its first board, holding `board`'s nodes. */
async function presentedSession(server, title, ops) {
  const session = await server.call('session.create', { title });
  const boardId = session.boards[0].id;
  for (const batch of ops) await server.call('board.apply', { boardId, ops: batch });
  await server.call('session.setAgenda', { sessionId: session.id, items: [{ id: `a_${boardId}`, title, timeboxMinutes: 15, boardId, frameId: null, prompts: [] }] });
  return { sessionId: session.id, boardId };
}

/** The editor on the board, presenting: resolves with it and its audience window, both settled. */
async function present(context, server, { sessionId, boardId }, nodes) {
  const editor = await newPage(context);
  await editor.goto(`${server.url}#/session/${sessionId}/${boardId}`);
  // Painted as page-probe.mjs defines it: the editor culls a board of CULLING_MIN_NODES or more.
  await editor.waitForFunction(() => window.__bench.times.painted !== undefined, null, { timeout: 60_000, polling: 100 });
  const [audience] = await Promise.all([editor.waitForEvent('popup'), editor.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(VIEWPORT);
  await audience.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, nodes, { timeout: 60_000 });
  await settled(audience);
  await audience.evaluate(installPaintWatch);
  await editor.evaluate(installInputClock);
  await editor.bringToFront();
  return { editor, audience };
}

/** Resolves once the audience camera has stopped moving. */
const settled = (audience) => audience.waitForFunction(() => document.querySelector('main.audience[aria-busy="false"]'), null, { timeout: 30_000 });

const focusedField = (page, name) => page.waitForFunction((label) => document.activeElement?.getAttribute('aria-label') === label, name, { timeout: 10_000 });

/** One label edit, drag or new node in the editor; ms from its event to the audience's paint. */
const EDITS = {
  async label({ editor, audience, target, key }) {
    const { id } = target;
    await editor.mouse.click(target.x, target.y);
    await editor.keyboard.press('F2');
    await focusedField(editor, 'Edit person');
    const text = `Bench ${key}`;
    await editor.keyboard.type(text);
    await watch(audience, key, { id, text });
    await editor.keyboard.press('Enter');
    return (await waitPainted(audience, key)) - (await editor.evaluate(() => window.__inputAt.keydown));
  },
  async drag({ editor, audience, target, key, sample }) {
    await watch(audience, key, { moved: target.id, from: await audience.evaluate(nodeTransform, target.id) });
    const sign = sample % 2 ? -1 : 1;
    await editor.mouse.move(target.x, target.y);
    await editor.mouse.down();
    await editor.mouse.move(target.x + sign * DRAG.x, target.y + sign * DRAG.y, { steps: 5 });
    await editor.mouse.up();
    return (await waitPainted(audience, key)) - (await editor.evaluate(() => window.__inputAt.mouseup));
  },
  async add({ editor, audience, key }) {
    const known = await audience.evaluate(() => [...document.querySelectorAll('.react-flow__node')].map((el) => el.dataset.id));
    await watch(audience, key, { added: known });
    await editor.keyboard.press('Alt+n');
    const latency = (await waitPainted(audience, key)) - (await editor.evaluate(() => window.__inputAt.keydown));
    // The new note opens for typing: keep it, then delete it, so both windows' views stay as they were.
    await focusedField(editor, 'Edit note text');
    await editor.keyboard.press('Enter');
    await editor.keyboard.press('Delete');
    await audience.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, known.length);
    return latency;
  },
};

async function benchEdits({ server, browser, runs, log }) {
  const perRun = { label: [], drag: [], add: [] };
  for (let run = 0; run < runs; run++) {
    log(`projector: edits to the audience window, run ${run + 1} of ${runs}`);
    const board = makeBoard(EDIT_NODES, `e${run}`);
    const session = await presentedSession(server, `Edits ${run}`, addOps(board));
    // The editor at the working zoom (labels are edited on full cards), the board's top left in view.
    await server.call('board.setViewport', { boardId: session.boardId, viewport: { x: 120, y: 120, zoom: 1 } });
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const { editor, audience } = await present(context, server, session, EDIT_NODES);
      const roles = board.nodes.filter((n) => n.kind === 'role').map((n) => n.id);
      const samples = { label: [], drag: [], add: [] };
      // Each kind's samples in a row, new nodes last: the editor brings each new note into view,
      // which may scroll the roles the other edits need out of it.
      for (const kind of Object.keys(EDITS)) {
        for (let sample = -1; sample < SAMPLES; sample++) {
          // A role shown in both windows: the first is edited, the last dragged.
          await settled(audience);
          const shown = await inView(audience, roles);
          const target = await editor.evaluate(nodeTarget, kind === 'drag' ? shown.reverse() : shown);
          if (!target && kind !== 'add') throw new Error('no role is in view in both the editor and the audience window');
          const ms = await EDITS[kind]({ editor, audience, target, key: `${kind}-${run}-${sample + 1}`, sample });
          if (sample >= 0) samples[kind].push(ms);
        }
      }
      for (const kind of Object.keys(EDITS)) perRun[kind].push(samples[kind]);
    } finally {
      await context.close();
    }
  }
  return { nodes: EDIT_NODES, label: latency(perRun.label), drag: latency(perRun.drag), add: latency(perRun.add) };
}

/**
 * Keys pressed into the focused field, each timed from its keydown to the paint after its input
 * (installTypingProbe); the first key is unmeasured: the field's first input lays it out anew.
 */
async function typeKeys(page) {
  await page.evaluate(installTypingProbe);
  const keys = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= TYPING_SAMPLES; i++) {
    await page.keyboard.press(keys[i % keys.length]);
    await page.waitForFunction((n) => window.__typed.length >= n, i + 1, { polling: 20 });
  }
  return (await page.evaluate(() => window.__typed)).slice(1);
}

async function benchTyping({ server, browser, runs, log }) {
  const board = makeBoard(TYPING_NODES, 'ty');
  const { sessionId, boardId } = await presentedSession(server, 'Typing', addOps(board));
  // The working view: zoom 1 around a role near the middle of the board.
  const middle = board.nodes.filter((n) => n.kind === 'role')[Math.floor(board.nodes.length / 8)];
  await server.call('board.setViewport', { boardId, viewport: { x: 800 - middle.position.x, y: 400 - middle.position.y, zoom: 1 } });
  const perRun = [];
  const floorPerRun = [];
  for (let run = 0; run < runs; run++) {
    log(`projector: typing on a ${TYPING_NODES}-node board and in a bare textarea, run ${run + 1} of ${runs}`);
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await newPage(context);
      await page.goto(`${server.url}#/session/${sessionId}/${boardId}`);
      await page.locator(`.react-flow__node[data-id="${middle.id}"]`).waitFor({ timeout: 60_000 });
      const target = await page.evaluate(nodeTarget, [middle.id]);
      if (!target) throw new Error(`${middle.id} is not in view to type into`);
      await page.mouse.click(target.x, target.y);
      await page.keyboard.press('F2');
      await focusedField(page, 'Edit person');
      perRun.push(await typeKeys(page));
      await page.keyboard.press('Escape');
      // The floor any page reaches in this browser: a key waits for the next frame to be painted.
      const bare = await newPage(context);
      await bare.setContent('<textarea aria-label="Bare" style="font: 700 20px sans-serif; width: 300px"></textarea>');
      await bare.focus('textarea');
      floorPerRun.push(await typeKeys(bare));
    } finally {
      await context.close();
    }
  }
  return { nodes: TYPING_NODES, ...latency(perRun), floor: latency(floorPerRun) };
}

/**
 * Probes: a note and a dot at a time, `gapMs` apart, sample k sent by `phones[k % phones.length]`,
 * each timed from its send to the projector's paint.
 */
async function probe({ audience, phones, boardId, noteIds, tag, gapMs }) {
  const sends = [];
  for (let k = 0; k < PHONE_SAMPLES; k++) {
    const note = `note-${tag}-${k}`;
    const dot = `dot-${tag}-${k}`;
    await watch(audience, note, { text: `Probe ${tag} ${k}` });
    await watch(audience, dot, { votes: noteIds[k], count: 1 });
    const from = phones[k % phones.length];
    const sentNote = epoch();
    const noteReply = from.call('note.add', { id: `p${tag}x${k}`, boardId, text: `Probe ${tag} ${k}`, category: 'idea' });
    const sentDot = epoch();
    const dotReply = from.call('vote.cast', { nodeId: noteIds[k] });
    sends.push({ note, dot, sentNote, sentDot, replies: Promise.all([noteReply, dotReply]) });
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
    else await Promise.all([waitPainted(audience, note), waitPainted(audience, dot)]);
  }
  const notes = [];
  const dots = [];
  for (const s of sends) {
    for (const reply of await s.replies) if (!reply.ok) throw new Error(`a probe phone was refused: ${reply.error?.message}`);
    notes.push((await waitPainted(audience, s.note)) - s.sentNote);
    dots.push((await waitPainted(audience, s.dot)) - s.sentDot);
  }
  return { notes, dots };
}

async function joined(roomUrl, code, index, subnet) {
  const p = await phone(roomUrl, index, subnet);
  const reply = await p.call('room.join', { code, name: `Phone ${subnet}.${index}` });
  if (!reply.ok) throw new Error(`a phone could not join: ${reply.error?.message}`);
  p.token = reply.result.token;
  return p;
}

async function benchPhones({ server, browser, runs, log }) {
  const perRun = { alone: { notes: [], dots: [] }, burst: { notes: [], dots: [] } };
  for (let run = 0; run < runs; run++) {
    log(`projector: a phone's note and dot, alone and during ${BURST.phones} phones' burst, run ${run + 1} of ${runs}`);
    const notes = Array.from({ length: SEEDED_NOTES + 2 * PHONE_SAMPLES }, (_, i) => ({
      id: `n_p${run}x${i}`,
      kind: 'note',
      position: { x: (i % 8) * 260, y: Math.floor(i / 8) * 200 },
      size: null,
      data: { text: `seed ${i}`, category: 'idea', votes: 0 },
    }));
    const session = await presentedSession(server, `Phones ${run}`, [notes.map((node) => ({ type: 'node.add', node }))]);
    await server.call('room.close', {});
    const room = await server.call('room.open', { sessionId: session.sessionId });
    await server.call('room.updateSettings', { settings: { autoAccept: true, voteBudget: 2 * PHONE_SAMPLES, inputBoardIds: [session.boardId] } });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const phones = [];
    try {
      const { audience } = await present(context, server, session, notes.length);
      const probeIds = notes.slice(SEEDED_NOTES).map((n) => n.id);
      // Each run's phones come from addresses of their own: the room limits joins per address.
      const probePhone = await joined(room.url, room.code, 0, 100 + run);
      phones.push(probePhone);
      const alone = await probe({ audience, phones: [probePhone], boardId: session.boardId, noteIds: probeIds.slice(0, PHONE_SAMPLES), tag: `a${run}`, gapMs: 0 });
      // During the burst each sample is one participant's note and dot, from a phone with nothing
      // waiting. One phone sending a note every 100 ms would wait for the room's fair turns (each
      // turn takes one note from every phone, so its next note waits for the next turn): that is
      // the queue keeping a flooding phone from holding back the rest, not a participant's wait.
      const quiet = await Promise.all(Array.from({ length: PHONE_SAMPLES }, (_, i) => joined(room.url, room.code, i, 200 + run)));
      const bursting = await Promise.all(Array.from({ length: BURST.phones }, (_, i) => joined(room.url, room.code, i, 10 + run)));
      phones.push(...quiet, ...bursting);
      const burst = bursting.flatMap((p, i) => [
        ...Array.from({ length: BURST.notes }, (_, n) => p.call('note.add', { id: `k${n}`, boardId: session.boardId, text: `phone ${i} note ${n}`, category: 'idea' })),
        ...Array.from({ length: BURST.votes }, (_, v) => p.call('vote.cast', { nodeId: notes[(i * BURST.votes + v) % SEEDED_NOTES].id })),
      ]);
      const during = await probe({ audience, phones: quiet, boardId: session.boardId, noteIds: probeIds.slice(PHONE_SAMPLES), tag: `b${run}`, gapMs: 100 });
      await Promise.all(burst);
      for (const [kind, figures] of [
        ['alone', alone],
        ['burst', during],
      ]) {
        perRun[kind].notes.push(figures.notes);
        perRun[kind].dots.push(figures.dots);
      }
    } finally {
      phones.forEach((p) => p.close());
      await context.close();
    }
  }
  const of = (kind) => ({ notes: latency(perRun[kind].notes), dots: latency(perRun[kind].dots) });
  return { phones: BURST.phones, samples: PHONE_SAMPLES, alone: of('alone'), burst: of('burst') };
}

export async function benchProjector({ browser, runs, log }) {
  const dataDir = tempDir('projector');
  process.env.GROUNDWORK_ROOM_HOST = ROOM_HOST;
  const server = await startServe(dataDir);
  try {
    const edits = await benchEdits({ server, browser, runs, log });
    const typing = await benchTyping({ server, browser, runs, log });
    const phones = await benchPhones({ server, browser, runs, log });
    return { edits, typing, phones };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
