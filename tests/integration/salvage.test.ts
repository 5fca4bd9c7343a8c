import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, Reply } from '../../shared/api';
import type { Backend } from '../../main/service/backend';
import { DATABASE_FILE, DatabaseDamagedError, openDatabase } from '../../main/store/database';
import { Store } from '../../main/store/store';
import { noteNode, sampleEdge } from '../helpers/sample';
import { tempDirForTest } from '../helpers/temp-dir';
import { thrownBy } from '../helpers/thrown';
import { backendForTest } from '../helpers/backend';

const start = (dataDir: string): Backend => backendForTest(dataDir);

async function reply<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<Reply<MethodOutput<M>>> {
  return (await backend.dispatch(method, input, { clientId: 'test' })) as Reply<MethodOutput<M>>;
}

async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await reply(backend, method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.result;
}

type Row = Record<string, unknown>;
type Table = 'sessions' | 'boards' | 'nodes' | 'edges';
type Rows = Record<Table, Map<string, Row>>;

function rowsOf(db: Database.Database): Rows {
  const read = (table: string) => new Map((db.prepare(`SELECT * FROM ${table}`).all() as Row[]).map((row) => [row.id as string, row]));
  return { sessions: read('sessions'), boards: read('boards'), nodes: read('nodes'), edges: read('edges') };
}

const NODES = 430;

/**
 * A closed groundwork.db (no -wal) with 3 sessions of 2 boards each; the first board holds 430
 * notes with enough text to fill many pages, and 60 edges between them.
 */
function databaseWithContent(dataDir: string): { file: string; rows: Rows; firstBoard: string } {
  const file = path.join(dataDir, DATABASE_FILE);
  const db = openDatabase(file);
  const store = new Store(db);
  const sessions = ['Acme offsite', 'Globex kickoff', 'Initech review'].map((title) => store.createSession({ title, client: '', workshopDate: null }));
  for (const session of sessions) store.createBoard(session.id, 'Signals');
  const firstBoard = sessions[0].boards[0].id;
  const notes = Array.from({ length: NODES }, (_, i) => noteNode({ position: { x: i * 10, y: 0 }, data: { text: `Signal ${i}: ${'the buyer talks about next year. '.repeat(3)}` } }));
  for (let i = 0; i < NODES; i += 50) store.applyOps(firstBoard, notes.slice(i, i + 50).map((node) => ({ type: 'node.add' as const, node })));
  store.applyOps(
    firstBoard,
    Array.from({ length: 60 }, (_, i) => ({ type: 'edge.add' as const, edge: sampleEdge(notes[i * 7], notes[i * 7 + 1]) })),
  );
  const rows = rowsOf(db);
  db.close();
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
  return { file, rows, firstBoard };
}

/** Deterministic garbage: no test depends on what a random run happens to hit. */
const garbage = (bytes: number, seed: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => (i * 131 + seed * 17 + ((i * i) >> 3)) & 0xff));

/** The pages the database's schema (sqlite_schema) is stored on. */
function schemaPages(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'").all() as { pageno: number }[]).map((r) => r.pageno);
  } finally {
    db.close();
  }
}

/** The page numbers of the nodes table's leaf pages, in file order. */
function leafPagesOfNodes(file: string): { pages: number[]; pageSize: number } {
  const db = new Database(file, { readonly: true });
  try {
    const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'nodes' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
    return { pages, pageSize: db.pragma('page_size', { simple: true }) as number };
  } finally {
    db.close();
  }
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    fs.closeSync(fd);
  }
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The set-aside file and whatever side files it has (-wal, -shm), with their bytes' hashes. */
function setAside(movedTo: string): Record<string, string> {
  const dir = path.dirname(movedTo);
  const names = fs.readdirSync(dir).filter((name) => name.startsWith(path.basename(movedTo)));
  return Object.fromEntries(names.map((name) => [name, sha256(path.join(dir, name))]));
}

/** Every salvaged row of `table` is its original, byte for byte; returns how many came back. */
function expectIntact(backend: Backend, original: Rows, table: Table): number {
  const back = rowsOf(backend.store.db)[table];
  for (const [id, row] of back) expect(row).toEqual(original[table].get(id));
  return back.size;
}

const salvagedOf = (result: MethodOutput<'app.salvage'>, kind: string) => result.kinds.find((k) => k.kind === kind);

describe('salvaging a damaged database', () => {
  it('brings back every row on intact pages when one page of nodes is destroyed, and says how many of each came back', async () => {
    const dataDir = tempDirForTest('salvage');
    const { file, rows, firstBoard } = databaseWithContent(dataDir);
    const { pages, pageSize } = leafPagesOfNodes(file);
    expect(pages.length).toBeGreaterThan(5);
    const hit = pages[Math.floor(pages.length / 2)];
    overwrite(file, (hit - 1) * pageSize, garbage(pageSize, 1));

    const backend = start(dataDir);
    const report = await call(backend, 'app.startupReport', {});
    expect(report).toMatchObject({ problem: 'damaged', canSalvage: true, salvaged: null });
    const before = setAside(report!.movedTo);

    const result = await call(backend, 'app.salvage', {});

    expect(expectIntact(backend, rows, 'sessions')).toBe(3);
    expect(expectIntact(backend, rows, 'boards')).toBe(6);
    const nodes = expectIntact(backend, rows, 'nodes');
    // One leaf page lost: the rows on it, no more.
    expect(nodes).toBeLessThan(NODES);
    expect(nodes).toBeGreaterThan(NODES - pageSize / 150);
    const edges = expectIntact(backend, rows, 'edges');
    expect(edges).toBeGreaterThan(0);
    expect(salvagedOf(result, 'nodes')).toEqual({ kind: 'nodes', salvaged: nodes, found: NODES });
    expect(salvagedOf(result, 'sessions')).toEqual({ kind: 'sessions', salvaged: 3, found: 3 });
    expect(result.message).toBe(`Salvaged 3 sessions, 6 boards, ${nodes} of ${NODES} nodes and ${edges} of 60 edges from the damaged file.`);

    // What came back is what the app reads: the board opens with the salvaged nodes.
    expect((await call(backend, 'board.get', { id: firstBoard })).nodes).toHaveLength(nodes);
    expect((await call(backend, 'session.list', {})).map((s) => s.title).sort()).toEqual(['Acme offsite', 'Globex kickoff', 'Initech review']);

    // The damaged file was never opened in place: the same files beside it, with the same bytes.
    expect(setAside(report!.movedTo)).toEqual(before);

    // The report now says what came back, and a second salvage is refused.
    expect(await call(backend, 'app.startupReport', {})).toMatchObject({ canSalvage: false, salvaged: result });
    expect(await reply(backend, 'app.salvage', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('drops orphans: the edges and nodes of a board whose row was lost do not come back', async () => {
    const dataDir = tempDirForTest('salvage');
    const { file, rows } = databaseWithContent(dataDir);
    const db = new Database(file, { readonly: true });
    const boardsPage = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'boards' AND pagetype = 'leaf'").all() as { pageno: number }[]).map((r) => r.pageno);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // The boards table fits one page: destroying it loses every board.
    expect(boardsPage).toHaveLength(1);
    overwrite(file, (boardsPage[0] - 1) * pageSize, garbage(pageSize, 2));

    const backend = start(dataDir);
    const result = await call(backend, 'app.salvage', {});
    expect(expectIntact(backend, rows, 'sessions')).toBe(3);
    expect(salvagedOf(result, 'boards')).toMatchObject({ salvaged: 0 });
    expect(salvagedOf(result, 'nodes')).toEqual({ kind: 'nodes', salvaged: 0, found: NODES });
    expect(salvagedOf(result, 'edges')).toMatchObject({ salvaged: 0 });
    expect(result.message).toMatch(/^Salvaged 3 sessions, 0 of 6 boards, 0 of 430 nodes and 0 of 60 edges/);
  });

  it('brings back most of the content when bytes across pages amid a board of nodes are overwritten', async () => {
    const dataDir = tempDirForTest('salvage');
    const { file, rows } = databaseWithContent(dataDir);
    const { pages, pageSize } = leafPagesOfNodes(file);
    // From the middle of a page amid the nodes, 12 KiB on: pages of the nodes and of whatever lies between them.
    // (Not the schema's pages, which are spread through the file as tables were added: without them nothing can be read.)
    const from = (pages[Math.floor(pages.length / 2)] - 1) * pageSize + pageSize / 2;
    const hit = (page: number) => page * pageSize > from && (page - 1) * pageSize < from + 3 * 4096;
    expect(schemaPages(file).filter(hit)).toEqual([]);
    overwrite(file, from, garbage(3 * 4096, 3));

    const backend = start(dataDir);
    expect(backend.startupReport).toMatchObject({ problem: 'damaged', canSalvage: true });
    await call(backend, 'app.salvage', {});
    expect(expectIntact(backend, rows, 'sessions')).toBe(3);
    expect(expectIntact(backend, rows, 'nodes')).toBeGreaterThan(NODES * 0.8);
    expectIntact(backend, rows, 'edges');
  });

  it('says nothing could be salvaged from a file whose header is destroyed', async () => {
    const dataDir = tempDirForTest('salvage');
    const { file } = databaseWithContent(dataDir);
    overwrite(file, 0, garbage(100, 4));

    const backend = start(dataDir);
    expect(backend.startupReport).toMatchObject({ problem: 'damaged', canSalvage: true });
    const result = await call(backend, 'app.salvage', {});
    expect(result).toEqual({ kinds: [], message: 'Nothing could be salvaged: the damaged file cannot be read at all (file is not a database).' });
    expect(await call(backend, 'session.list', {})).toEqual([]);
  });
});

describe('a 0-byte database file', () => {
  it('is reported as empty and moved aside, not silently made a new database', async () => {
    const dataDir = tempDirForTest('salvage');
    const file = path.join(dataDir, DATABASE_FILE);
    fs.writeFileSync(file, '');

    const backend = start(dataDir);
    const report = await call(backend, 'app.startupReport', {});
    expect(report).toMatchObject({ problem: 'damaged', canSalvage: false, detail: 'the file is empty (0 bytes)', message: expect.stringContaining('was empty (0 bytes') });
    expect(path.basename(report!.movedTo)).toMatch(/^groundwork\.db\.damaged-/);
    expect(fs.statSync(report!.movedTo).size).toBe(0);
    expect(await reply(backend, 'app.salvage', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call(backend, 'session.create', { title: 'Works on the new one' });
  });

  it('is refused by openDatabase (the one-shot commands) with words that say it was empty', () => {
    const dataDir = tempDirForTest('salvage');
    const file = path.join(dataDir, DATABASE_FILE);
    fs.writeFileSync(file, '');
    const error = thrownBy(DatabaseDamagedError, () => openDatabase(file));
    expect(error.damage).toBe('empty');
    expect(error.message).toContain('is empty (0 bytes)');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('but no file at all is a new install: no report', () => {
    const dataDir = tempDirForTest('salvage');
    expect(start(dataDir).startupReport).toBeNull();
  });
});
