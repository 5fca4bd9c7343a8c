/**
 * Store: board.apply throughput on a real database opened as the app opens it (WAL,
 * synchronous=FULL: one fsync per commit, so every figure is a durable one), at three depths —
 * the Store itself, the service's dispatcher (input validation, events), and HTTP to a
 * `groundwork serve` child — opening a 5,000-node board, and importing it as a session file.
 */
import path from 'node:path';
import { dist } from './lib/app.mjs';
import { addOps, makeBoard } from './lib/board-data.mjs';
import { call, startServe, tempDir } from './lib/serve.mjs';
import { ms, now, summary } from './lib/stats.mjs';

const { openDatabase, DATABASE_FILE } = dist('main/store/database');
const { Store } = dist('main/store/store');
const { startBackend } = dist('main/service/backend');

const BOARD_NODES = 5000;
const CTX = { clientId: 'bench' };

async function dispatch(backend, method, input) {
  const reply = await backend.dispatch(method, input, CTX);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.result;
}

/** node.move ops over the board's nodes, each to a spot it is not at yet. */
function moveOps(board) {
  let serial = 0;
  return (count) =>
    Array.from({ length: count }, () => {
      const node = board.nodes[serial % board.nodes.length];
      const shift = 16 * (1 + Math.floor(serial++ / board.nodes.length));
      return { type: 'node.move', id: node.id, position: { x: node.position.x + shift, y: node.position.y } };
    });
}

/** ops/s over `runs` runs of `batches` calls of `size` ops each. */
async function throughput({ runs, batches, size, apply, ops }) {
  await apply(ops(size)); // warm the statements and the path
  const values = [];
  for (let run = 0; run < runs; run++) {
    const work = Array.from({ length: batches }, () => ops(size));
    const start = now();
    for (const batch of work) await apply(batch);
    values.push((batches * size) / (ms(start) / 1000));
  }
  return { ...summary(values), opsPerRun: batches * size, batchSize: size };
}

/** ms per run of `fn` after one warm-up; `fn` may pass the part to time to `measure`, else all of it is timed. */
async function timed(runs, fn) {
  const values = [];
  for (let run = -1; run < runs; run++) {
    let inner;
    const measure = (part) => {
      const start = now();
      part();
      inner = ms(start);
    };
    const start = now();
    await fn(measure);
    if (run >= 0) values.push(inner ?? ms(start));
  }
  return summary(values);
}

export async function benchStore({ runs, log }) {
  const dir = tempDir('store');
  const file = path.join(dir, DATABASE_FILE);
  const backend = startBackend(dir);
  const pragmas = { journal_mode: backend.store.db.pragma('journal_mode', { simple: true }), synchronous: backend.store.db.pragma('synchronous', { simple: true }) };
  const session = await dispatch(backend, 'session.create', { title: 'Bench store' });
  const boardId = session.boards[0].id;
  const board = makeBoard(BOARD_NODES, 's');
  for (const ops of addOps(board)) await dispatch(backend, 'board.apply', { boardId, ops });
  const ops = moveOps(board);
  const store = backend.store;

  log('store: board.apply throughput');
  const apply = {
    storeSingle: await throughput({ runs, batches: 1000, size: 1, ops, apply: (batch) => store.applyOps(boardId, batch) }),
    storeBatch100: await throughput({ runs, batches: 100, size: 100, ops, apply: (batch) => store.applyOps(boardId, batch) }),
    serviceSingle: await throughput({ runs, batches: 500, size: 1, ops, apply: (batch) => dispatch(backend, 'board.apply', { boardId, ops: batch }) }),
    serviceBatch100: await throughput({ runs, batches: 50, size: 100, ops, apply: (batch) => dispatch(backend, 'board.apply', { boardId, ops: batch }) }),
  };

  log('store: opening a 5,000-node board');
  // SQLite → Board object: getBoard on a fresh connection and Store, so neither the doc cache nor
  // SQLite's page cache helps (the OS file cache does; the file was just written).
  const open = {
    sqliteToBoard: await timed(runs, (measure) => {
      const db = openDatabase(file);
      try {
        measure(() => {
          if (new Store(db).getBoard(boardId).nodes.length !== BOARD_NODES) throw new Error('board did not load whole');
        });
      } finally {
        db.close();
      }
    }),
  };
  // The service cold: a new backend (as after a restart) answering board.get, with its output validation.
  open.serviceCold = await timed(runs, async () => {
    const fresh = startBackend(dir);
    try {
      await dispatch(fresh, 'board.get', { id: boardId });
    } finally {
      fresh.close();
    }
  });
  backend.close();

  log('store: over HTTP (groundwork serve)');
  const server = await startServe(dir);
  try {
    const http = {
      single: await throughput({ runs, batches: 300, size: 1, ops, apply: (batch) => call(server.url, 'board.apply', { boardId, ops: batch }) }),
      batch100: await throughput({ runs, batches: 30, size: 100, ops, apply: (batch) => call(server.url, 'board.apply', { boardId, ops: batch }) }),
    };
    open.httpWarm = await timed(runs, async () => {
      const result = await call(server.url, 'board.get', { id: boardId });
      if (result.nodes.length !== BOARD_NODES) throw new Error('board did not load whole');
    });
    // A facilitator opening a colleague's .groundwork file: the whole 5,000-node session, new ids minted.
    const document = await call(server.url, 'session.export', { id: session.id });
    open.httpImport = await timed(runs, async () => {
      const result = await call(server.url, 'file.import', { document });
      if (result.kind !== 'session') throw new Error('the file did not import as a session');
    });
    const memory = server.memory();
    return { pragmas, boardNodes: BOARD_NODES, apply: { ...apply, httpSingle: http.single, httpBatch100: http.batch100 }, open, serverMemoryAfterStoreBench: memory };
  } finally {
    await server.stop();
  }
}
