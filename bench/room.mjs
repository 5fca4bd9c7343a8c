/* global window, document, requestAnimationFrame */
/**
 * The room under load: 60 phones (`ws` clients of the room's listener on 127.0.0.2) each add 10
 * notes and place 3 dots at the same moment, with auto-accept on, while the facilitator's canvas
 * is open in Chromium. Measured: how long the phones wait for their replies, how long until every
 * note is on the board, and the canvas's frame times from the burst until a second after that.
 * Then a voting session: the same 60 phones place 3 dots each in one timed vote and answer one
 * poll at once; main's clock ends the vote and its results land on the canvas's notes together.
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
const VOTE_NOTES = 30;
const VOTE_SECONDS = 10;
const POLL_CHOICES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

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

/** Records the page's frame times from now until `stopFrames`. */
function startFrames(page) {
  return page.evaluate(() => {
    window.__roomFrames = [];
    window.__roomStop = false;
    let last = window.performance.now();
    const tick = (t) => {
      window.__roomFrames.push(t - last);
      last = t;
      if (!window.__roomStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrames(page) {
  const deltas = await page.evaluate(() => {
    window.__roomStop = true;
    return window.__roomFrames;
  });
  return { ...frameStats(deltas), over50: deltas.filter((d) => d > 50).length };
}

async function joinAll(room) {
  const phones = await Promise.all(Array.from({ length: PHONES }, (_, i) => phone(room.url, i)));
  await Promise.all(
    phones.map(async (p, i) => {
      const reply = await p.call('room.join', { code: room.code, name: `Phone ${i}` });
      p.token = reply.result.token;
    }),
  );
  return phones;
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

  const phones = await joinAll(room);

  await startFrames(page);
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
  const frames = await stopFrames(page);
  phones.forEach((p) => p.close());
  await page.close();
  return { repliesMs, drawnMs, refused, frames };
}

/**
 * One timed vote and one poll: every phone places its dots at once, then main's clock ends the
 * vote and its results become the notes' counts on the open canvas; then every phone answers the
 * poll at once. The canvas's frames are counted from the dots' burst until a second after the
 * results are drawn.
 */
async function votingRun({ server, browser, run }) {
  const session = await server.call('session.create', { title: `Voting load ${run}` });
  const boardId = session.boards[0].id;
  const notes = Array.from({ length: VOTE_NOTES }, (_, i) => ({
    id: `n_vote${run}x${i}`,
    kind: 'note',
    position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 200 },
    size: null,
    data: { text: `signal ${i}`, category: 'idea', votes: 0 },
  }));
  await server.call('board.apply', { boardId, ops: notes.map((node) => ({ type: 'node.add', node })) });
  await server.call('room.close', {});
  const room = await server.call('room.open', { sessionId: session.id, boardId });
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${server.url}#/session/${session.id}/${boardId}`);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, VOTE_NOTES, { timeout: 60_000 });
  const phones = await joinAll(room);
  await Promise.all(phones.map((p) => p.call('room.state', {})));

  const started = await server.call('vote.start', {
    sessionId: session.id,
    rules: { boardId, frameId: null, dotsPerPerson: VOTES_EACH, maxPerNote: 2, seconds: VOTE_SECONDS },
  });
  const voteId = started.votes[0].id;
  await startFrames(page);
  const burst = performance.now();
  const dots = await Promise.all(
    phones.flatMap((p, i) => Array.from({ length: VOTES_EACH }, (_, v) => p.call('vote.dot', { voteId, nodeId: notes[(i * VOTES_EACH + v) % VOTE_NOTES].id, delta: 1 }))),
  );
  const dotsMs = performance.now() - burst;
  // Main's clock ends the vote; the canvas shows its results once every note carries its count.
  await page.waitForFunction(
    (total) => [...document.querySelectorAll('.react-flow__node .vote-count')].reduce((sum, el) => sum + Number(el.textContent), 0) === total,
    PHONES * VOTES_EACH,
    { timeout: (VOTE_SECONDS + 30) * 1000, polling: 'raf' },
  );
  const revealedMs = performance.now() - burst;
  await new Promise((r) => setTimeout(r, 1000));
  const frames = await stopFrames(page);
  const { votes } = await server.call('vote.status', { sessionId: session.id });
  const counted = votes[0].results.reduce((sum, r) => sum + r.dots, 0);

  const poll = await server.call('poll.start', { sessionId: session.id, poll: { question: 'Which stratum is the buyer you meet most?', choices: POLL_CHOICES } });
  const pollId = poll.polls[0].id;
  const asked = performance.now();
  const answers = await Promise.all(phones.map((p, i) => p.call('poll.answer', { pollId, choice: i % POLL_CHOICES.length })));
  const answersMs = performance.now() - asked;
  const closed = await server.call('poll.close', { pollId });
  phones.forEach((p) => p.close());
  await page.close();
  return {
    dotsMs,
    revealedMs,
    answersMs,
    refused: [...dots, ...answers].filter((r) => !r.ok).length,
    counted,
    answered: closed.polls[0].answered,
    frames,
  };
}

const framesSummary = (results) => ({
  p50: summary(results.map((r) => r.frames.p50)),
  p95: summary(results.map((r) => r.frames.p95)),
  max: summary(results.map((r) => r.frames.max)),
  over50: summary(results.map((r) => r.frames.over50)),
  frames: summary(results.map((r) => r.frames.frames)),
});

export async function benchRoom({ browser, runs, log }) {
  const dataDir = tempDir('room');
  process.env.GROUNDWORK_ROOM_HOST = ROOM_HOST;
  const server = await startServe(dataDir);
  try {
    const results = [];
    const voting = [];
    for (let run = 0; run < Math.min(runs, 3); run++) {
      log(`room: ${PHONES} phones × (${NOTES_EACH} notes + ${VOTES_EACH} dots), run ${run + 1}`);
      results.push(await oneRun({ server, browser, run }));
      log(`room: ${PHONES} phones × ${VOTES_EACH} dots in a ${VOTE_SECONDS} s vote + 1 poll answer, run ${run + 1}`);
      voting.push(await votingRun({ server, browser, run }));
    }
    return {
      phones: PHONES,
      notes: PHONES * NOTES_EACH,
      votes: PHONES * VOTES_EACH,
      refused: results.reduce((sum, r) => sum + r.refused, 0),
      repliesMs: summary(results.map((r) => r.repliesMs)),
      drawnMs: summary(results.map((r) => r.drawnMs)),
      frames: framesSummary(results),
      voting: {
        seconds: VOTE_SECONDS,
        dots: PHONES * VOTES_EACH,
        refused: voting.reduce((sum, r) => sum + r.refused, 0),
        // Every dot counted once and every phone's answer kept, in every run.
        countedOnce: voting.every((r) => r.counted === PHONES * VOTES_EACH && r.answered === PHONES),
        dotsMs: summary(voting.map((r) => r.dotsMs)),
        revealedMs: summary(voting.map((r) => r.revealedMs)),
        answersMs: summary(voting.map((r) => r.answersMs)),
        frames: framesSummary(voting),
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
    ...(room.voting ? votingLines(room) : []),
  ].join('\n');
}

function votingLines({ phones, voting }) {
  return [
    `### Room: ${phones} phones place ${voting.dots / phones} dots each in one ${voting.seconds} s vote, then answer one poll (canvas open at 1920×1080)`,
    '| figure | median (min–max) ms |',
    '|---|---|',
    `| every phone has its ${voting.dots} dot replies | ${fig(voting.dotsMs)} |`,
    `| main's clock ended the vote and the canvas shows every result (from the first dot) | ${fig(voting.revealedMs)} |`,
    `| every phone has its poll answer's reply | ${fig(voting.answersMs)} |`,
    `| canvas frame time from the dots to the results, p50 | ${fig(voting.frames.p50)} |`,
    `| canvas frame time from the dots to the results, p95 | ${fig(voting.frames.p95)} |`,
    `| canvas frame time from the dots to the results, longest | ${fig(voting.frames.max)} |`,
    `| frames over 50 ms (of ${voting.frames.frames.median.toFixed(0)}) | ${fig(voting.frames.over50)} |`,
    `| every dot and answer counted once | ${voting.countedOnce ? 'yes' : 'NO'} |`,
    `| messages refused | ${voting.refused} |`,
    '',
  ];
}
