/* global window, document, requestAnimationFrame */
/**
 * The room under load: 60 phones (`ws` clients of the room's listener on 127.0.0.2) each add 10
 * notes and place 3 dots at the same moment, with auto-accept on, while the facilitator's canvas
 * is open in Chromium. Measured: how long the phones wait for their replies, how long until every
 * note is on the board, and the canvas's frame times from the burst until a second after that.
 */
import WebSocket from 'ws';
import { startServe, tempDir } from './lib/serve.mjs';
import { frameStats, summary } from './lib/stats.mjs';
import { VIEWPORT } from './lib/browser.mjs';
import fs from 'node:fs';

const PHONES = 60;
const NOTES_EACH = 10;
const VOTES_EACH = 3;
const SEEDED = 30;
export const ROOM_HOST = '127.0.0.2';

/** A phone from its own address (127.0.subnet.x), as each phone in a room has: the room limits joins per address. */
export function phone(url, index, subnet = 1) {
  const socket = new WebSocket(new URL('/room/ws', url.replace(/^http/, 'ws')), { localAddress: `127.0.${subnet}.${index + 1}` });
  const pending = new Map();
  let nextId = 1;
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.type === 'reply') pending.get(frame.id)?.(frame.reply);
  });
  const p = {
    token: null,
    call: (method, input) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, input, token: p.token ?? undefined }));
      }),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(p));
    socket.once('error', reject);
  });
}

async function oneRun({ server, browser, run }) {
  const session = await server.call('session.create', { title: `Room load ${run}` });
  const boardId = session.boards[0].id;
  const seeded = Array.from({ length: SEEDED }, (_, i) => ({
    id: `n_seed${run}x${i}`,
    kind: 'note',
    position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 200 },
    size: null,
    data: { text: `seed ${i}`, category: 'idea', votes: 0 },
  }));
  await server.call('board.apply', { boardId, ops: seeded.map((node) => ({ type: 'node.add', node })) });
  await server.call('room.close', {});
  const room = await server.call('room.open', { sessionId: session.id });
  await server.call('room.updateSettings', { settings: { autoAccept: true, voteBudget: VOTES_EACH, inputBoardIds: [boardId] } });

  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${server.url}#/session/${session.id}/${boardId}`);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, SEEDED, { timeout: 60_000 });

  const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => phone(room.url, i)));
  await Promise.all(
    phones.map(async (p, i) => {
      const reply = await p.call('room.join', { code: room.code, name: `Phone ${i}` });
      p.token = reply.result.token;
    }),
  );

  await page.evaluate(() => {
    window.__roomFrames = [];
    let last = window.performance.now();
    const tick = (t) => {
      window.__roomFrames.push(t - last);
      last = t;
      if (!window.__roomStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = performance.now();
  const replies = [];
  phones.forEach((p, i) => {
    for (let n = 0; n < NOTES_EACH; n++) replies.push(p.call('note.add', { id: `k${n}`, boardId, text: `phone ${i} note ${n}`, category: 'idea' }));
    for (let v = 0; v < VOTES_EACH; v++) replies.push(p.call('vote.cast', { nodeId: seeded[(i * VOTES_EACH + v) % SEEDED].id }));
  });
  const answered = await Promise.all(replies);
  const repliesMs = performance.now() - started;
  const refused = answered.filter((r) => !r.ok).length;
  // Every note on the board in main; the canvas (which culls what is off screen) gets a second
  // more to apply the last edits, and its frames are counted until then.
  for (;;) {
    const board = await server.call('board.get', { id: boardId });
    if (board.nodes.filter((n) => n.kind === 'note').length >= SEEDED + PHONES * NOTES_EACH) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const drawnMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 1000));
  const deltas = await page.evaluate(() => {
    window.__roomStop = true;
    return window.__roomFrames;
  });
  phones.forEach((p) => p.close());
  await page.close();
  return { repliesMs, drawnMs, refused, frames: { ...frameStats(deltas), over50: deltas.filter((d) => d > 50).length } };
}

export async function benchRoom({ browser, runs, log }) {
  const dataDir = tempDir('room');
  process.env.GROUNDWORK_ROOM_HOST = ROOM_HOST;
  const server = await startServe(dataDir);
  try {
    const results = [];
    for (let run = 0; run < Math.min(runs, 3); run++) {
      log(`room: ${PHONES} phones × (${NOTES_EACH} notes + ${VOTES_EACH} dots), run ${run + 1}`);
      results.push(await oneRun({ server, browser, run }));
    }
    return {
      phones: PHONES,
      notes: PHONES * NOTES_EACH,
      votes: PHONES * VOTES_EACH,
      refused: results.reduce((sum, r) => sum + r.refused, 0),
      repliesMs: summary(results.map((r) => r.repliesMs)),
      drawnMs: summary(results.map((r) => r.drawnMs)),
      frames: {
        p50: summary(results.map((r) => r.frames.p50)),
        p95: summary(results.map((r) => r.frames.p95)),
        max: summary(results.map((r) => r.frames.max)),
        over50: summary(results.map((r) => r.frames.over50)),
        frames: summary(results.map((r) => r.frames.frames)),
      },
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const fig = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;

/** The room's figures for latest.md. */
export function roomSection(room) {
  if (!room) return '';
  if (room.error) return `### Room\nFailed: ${room.error}\n`;
  return [
    `### Room: ${room.phones} phones each add ${room.notes / room.phones} notes and place ${room.votes / room.phones} dots at once (auto-accept on; facilitator's canvas open at 1920×1080)`,
    '| figure | median (min–max) ms |',
    '|---|---|',
    `| every phone has its ${room.notes + room.votes} replies | ${fig(room.repliesMs)} |`,
    `| every note on the board (in main, sent to the canvas) | ${fig(room.drawnMs)} |`,
    `| canvas frame time during the burst, p50 | ${fig(room.frames.p50)} |`,
    `| canvas frame time during the burst, p95 | ${fig(room.frames.p95)} |`,
    `| canvas frame time during the burst, longest | ${fig(room.frames.max)} |`,
    `| frames over 50 ms during the burst (of ${room.frames.frames.median.toFixed(0)}) | ${fig(room.frames.over50)} |`,
    `| messages refused | ${room.refused} |`,
    '',
  ].join('\n');
}
