/**
 * Export: the PDF handout of a 10-board session (40 mixed nodes and their edges on each board,
 * an agenda, every appendix page), printed by the served shell's headless Chromium through the
 * contract, as the Export dialog asks for it: seconds from the call to the bytes.
 */
import { addOps, makeBoard } from './lib/board-data.mjs';
import { startServe, tempDir } from './lib/serve.mjs';
import { ms, now, summary } from './lib/stats.mjs';
import fs from 'node:fs';

const BOARDS = 10;
const NODES_PER_BOARD = 40;
const OPTIONS = { paper: 'a4', facilitator: 'Bench', findings: true, signals: true, notes: true };

async function tenBoardSession(server) {
  const session = await server.call('session.create', { title: 'Bench handout' });
  const boardIds = [session.boards[0].id];
  for (let i = 1; i < BOARDS; i++) boardIds.push((await server.call('board.create', { sessionId: session.id, title: `Board ${i + 1}` })).id);
  for (const [i, boardId] of boardIds.entries()) {
    for (const ops of addOps(makeBoard(NODES_PER_BOARD, `x${i}`))) await server.call('board.apply', { boardId, ops });
  }
  const items = boardIds.map((boardId, i) => ({ id: `bench_a${i}`, title: `Step ${i + 1}`, timeboxMinutes: 15, boardId, frameId: null, prompts: [] }));
  await server.call('session.setAgenda', { sessionId: session.id, items });
  return session.id;
}

export async function benchExport({ runs, log }) {
  const dataDir = tempDir('export');
  const server = await startServe(dataDir);
  try {
    const sessionId = await tenBoardSession(server);
    const seconds = [];
    let bytes = 0;
    // One unmeasured print first: it starts the printer's Chromium, which later exports find open.
    for (let run = 0; run <= runs; run++) {
      const start = now();
      const result = await server.call('export.pdf', { sessionId, options: OPTIONS, jobId: `bench_${run}` });
      if (run > 0) seconds.push(ms(start) / 1000);
      bytes = result.bytes;
    }
    const figure = { ...summary(seconds), boards: BOARDS, nodesPerBoard: NODES_PER_BOARD, bytes };
    log(`export: PDF of ${BOARDS} boards ${figure.median.toFixed(2)} s median [${figure.min.toFixed(2)}–${figure.max.toFixed(2)}], ${(bytes / 1024).toFixed(0)} KiB`);
    return figure;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
