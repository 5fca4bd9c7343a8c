import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroundworkError } from '../../shared/errors';
import type { Board } from '../../shared/model';
import { applyOps, createDoc, type Op } from '../../shared/ops';
import { noteNode, roleNode, sampleEdge, textNode } from '../helpers/sample';
import { countRows, openStoreIn, waitForClockPast, type OpenStore } from '../helpers/store';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { thrownBy } from '../helpers/thrown';

let dir: string;
let open: OpenStore;

beforeEach(() => {
  dir = makeTempDir('store');
  open = openStoreIn(dir);
});

afterEach(() => {
  if (open.db.open) open.close();
  removeDir(dir);
});

const refused = (run: () => unknown) => thrownBy(GroundworkError, run);

/** A session whose first board holds a small org map: a CEO over a CFO, a note tied to the CFO and a heading. */
function sessionWithContent(title = 'Acme offsite') {
  const { store } = open;
  const session = store.createSession({ title, client: 'Acme', workshopDate: '2026-11-22' });
  const boardId = session.boards[0].id;
  const ceo = roleNode({ position: { x: 0, y: 0 }, data: { person: 'Dana', title: 'CEO', stratum: 6 } });
  const cfo = roleNode({ position: { x: 0, y: 200 }, data: { person: 'Eli', title: 'CFO', stratum: 5 } });
  const note = noteNode({ position: { x: 300, y: 0 }, data: { text: 'Nobody owns pricing', category: 'weak-signal' } });
  const heading = textNode({ position: { x: 0, y: -100 }, size: { width: 400, height: 60 } });
  store.applyOps(boardId, [
    { type: 'node.add', node: ceo },
    { type: 'node.add', node: cfo },
    { type: 'node.add', node: note },
    { type: 'node.add', node: heading },
    { type: 'edge.add', edge: sampleEdge(ceo, cfo, { kind: 'reports-to' }) },
    { type: 'edge.add', edge: sampleEdge(note, cfo, { kind: 'relates', data: { label: 'worries' } }) },
  ]);
  return { session, boardId, ceo, cfo, note, heading };
}

describe('sessions', () => {
  it('lists sessions newest first, and an updated session moves to the top', () => {
    const { store } = open;
    const a = store.createSession({ title: 'Alpha', client: '', workshopDate: null });
    store.createSession({ title: 'Bravo', client: '', workshopDate: null });
    const c = store.createSession({ title: 'Charlie', client: '', workshopDate: null });
    expect(store.listSessions().map((s) => s.title)).toEqual(['Charlie', 'Bravo', 'Alpha']);

    waitForClockPast(c.updatedAt);
    store.updateSession(a.id, { client: 'Acme' });
    expect(store.listSessions().map((s) => s.title)).toEqual(['Alpha', 'Charlie', 'Bravo']);
  });

  it('searches by title or client, case-insensitively, every word having to match', () => {
    const { store } = open;
    store.createSession({ title: 'Strategy Offsite', client: 'Globex', workshopDate: '2026-11-22' });
    store.createSession({ title: 'Team kickoff', client: 'Initech', workshopDate: null });
    const titles = (query: string) => store.listSessions(query).map((s) => s.title);
    expect(titles('offsite')).toEqual(['Strategy Offsite']);
    expect(titles('GLOBEX')).toEqual(['Strategy Offsite']);
    expect(titles('initech KICK')).toEqual(['Team kickoff']);
    expect(titles('globex kickoff')).toEqual([]);
    expect(titles('2026-11')).toEqual(['Strategy Offsite']);
    expect(titles('  ')).toHaveLength(2);
  });

  it('creates a session with one empty board', () => {
    const session = open.store.createSession({ title: 'New', client: 'C', workshopDate: null });
    expect(session.boards).toHaveLength(1);
    expect(session.boards[0]).toMatchObject({ sessionId: session.id, position: 0, revision: 0 });
    expect(open.store.getBoard(session.boards[0].id)).toMatchObject({ nodes: [], edges: [], viewport: null });
  });

  it('updates only the given fields, and null clears the workshop date', () => {
    const { store } = open;
    const session = store.createSession({ title: 'Old', client: 'Acme', workshopDate: '2026-01-02' });
    expect(store.updateSession(session.id, { title: 'New' })).toMatchObject({ title: 'New', client: 'Acme', workshopDate: '2026-01-02' });
    expect(store.updateSession(session.id, { workshopDate: null })).toMatchObject({ title: 'New', client: 'Acme', workshopDate: null });
    expect(store.getSession(session.id)).toMatchObject({ title: 'New', client: 'Acme', workshopDate: null });
  });

  it('refuses an unknown session id as not_found naming id', () => {
    const error = refused(() => open.store.updateSession('s_missing', { title: 'x' }));
    expect(error.code).toBe('not_found');
    expect(error.path).toEqual(['id']);
  });

  it('duplicates a session with fresh ids everywhere, the same content and edges re-pointed to the copies', () => {
    const { store } = open;
    const { session, boardId } = sessionWithContent();
    const second = store.createBoard(session.id, 'Golden circle');
    store.applyOps(second.id, [{ type: 'node.add', node: textNode({ data: { text: 'Why' } }) }]);
    store.setViewport(boardId, { x: 10, y: -20, zoom: 1.5 });

    const copy = store.duplicateSession(session.id);
    expect(copy.id).not.toBe(session.id);
    expect(copy).toMatchObject({ title: 'Acme offsite (copy)', client: 'Acme', workshopDate: '2026-11-22' });
    expect(store.duplicateSession(session.id, 'Rehearsal').title).toBe('Rehearsal');

    const originals = store.getSession(session.id).boards.map((b) => store.getBoard(b.id));
    const copies = copy.boards.map((b) => store.getBoard(b.id));
    expect(copies).toHaveLength(2);
    const originalIds = new Set(originals.flatMap((b) => [b.id, ...b.nodes.map((n) => n.id), ...b.edges.map((e) => e.id)]));
    for (const board of copies) {
      for (const id of [board.id, ...board.nodes.map((n) => n.id), ...board.edges.map((e) => e.id)]) expect(originalIds.has(id)).toBe(false);
    }

    /** The board with ids replaced by their index, so original and copy compare by content. */
    const shape = (board: Board) => {
      const index = new Map(board.nodes.map((n, i) => [n.id, i]));
      return {
        title: board.title,
        position: board.position,
        viewport: board.viewport,
        revision: board.revision,
        nodes: board.nodes.map(({ id: _id, ...rest }) => rest),
        edges: board.edges.map(({ id: _id, source, target, ...rest }) => ({ ...rest, source: index.get(source), target: index.get(target) })),
      };
    };
    expect(copies.map(shape)).toEqual(originals.map((b) => ({ ...shape(b), revision: 0 })));
    for (const board of copies) {
      const own = new Set(board.nodes.map((n) => n.id));
      for (const edge of board.edges) expect(own.has(edge.source) && own.has(edge.target)).toBe(true);
    }
  });

  it('deletes a session with its boards, nodes and edges', () => {
    const { store, db } = open;
    const keep = sessionWithContent('Keep');
    const gone = sessionWithContent('Gone');
    store.createBoard(gone.session.id, 'Second');
    const boardIds = store.getSession(gone.session.id).boards.map((b) => b.id);
    const inBoards = `board_id IN (${boardIds.map(() => '?').join(', ')})`;
    expect(countRows(db, 'nodes', inBoards, ...boardIds)).toBe(4);
    expect(countRows(db, 'edges', inBoards, ...boardIds)).toBe(2);

    store.deleteSession(gone.session.id);
    expect(countRows(db, 'sessions', 'id = ?', gone.session.id)).toBe(0);
    expect(countRows(db, 'boards', 'session_id = ?', gone.session.id)).toBe(0);
    expect(countRows(db, 'nodes', inBoards, ...boardIds)).toBe(0);
    expect(countRows(db, 'edges', inBoards, ...boardIds)).toBe(0);
    expect(refused(() => store.getBoard(gone.boardId)).code).toBe('not_found');
    expect(refused(() => store.getSession(gone.session.id)).code).toBe('not_found');

    expect(countRows(db, 'nodes')).toBe(4);
    expect(countRows(db, 'edges')).toBe(2);
    expect(store.getBoard(keep.boardId).nodes).toHaveLength(4);
  });
});

describe('boards', () => {
  it('creates boards at the end, renames them, and reorders them', () => {
    const { store } = open;
    const session = store.createSession({ title: 'S', client: '', workshopDate: null });
    const first = session.boards[0];
    const second = store.createBoard(session.id, 'Second');
    const third = store.createBoard(session.id, 'Third');
    expect([second.position, third.position]).toEqual([1, 2]);
    expect(store.renameBoard(second.id, 'Decision makers')).toMatchObject({ id: second.id, title: 'Decision makers' });

    const reordered = store.reorderBoards(session.id, [third.id, first.id, second.id]);
    expect(reordered.map((b) => [b.id, b.position])).toEqual([
      [third.id, 0],
      [first.id, 1],
      [second.id, 2],
    ]);
    expect(store.getSession(session.id).boards.map((b) => b.title)).toEqual(['Third', 'Board 1', 'Decision makers']);
  });

  it('refuses a reorder that does not name every board exactly once', () => {
    const { store } = open;
    const session = store.createSession({ title: 'S', client: '', workshopDate: null });
    const a = session.boards[0].id;
    const b = store.createBoard(session.id, 'B').id;
    const other = store.createSession({ title: 'Other', client: '', workshopDate: null }).boards[0].id;
    for (const boardIds of [[a], [a, a], [a, b, b], [a, other], [b, a, other]]) {
      const error = refused(() => store.reorderBoards(session.id, boardIds));
      expect({ boardIds, code: error.code, path: error.path }).toEqual({ boardIds, code: 'invalid_input', path: ['boardIds'] });
    }
    expect(store.listBoards(session.id).map((x) => x.id)).toEqual([a, b]);
  });

  it('deletes a board and closes the gap in positions, but refuses to delete the last one', () => {
    const { store } = open;
    const session = store.createSession({ title: 'S', client: '', workshopDate: null });
    const b = store.createBoard(session.id, 'B');
    const c = store.createBoard(session.id, 'C');
    store.deleteBoard(b.id);
    expect(store.listBoards(session.id).map((x) => [x.id, x.position])).toEqual([
      [session.boards[0].id, 0],
      [c.id, 1],
    ]);
    store.deleteBoard(session.boards[0].id);
    const error = refused(() => store.deleteBoard(c.id));
    expect(error.code).toBe('conflict');
    expect(error.path).toEqual(['id']);
    expect(store.listBoards(session.id).map((x) => x.id)).toEqual([c.id]);
  });
});

describe('applyOps', () => {
  it('persists edits that survive closing and reopening the database, node order and viewport included', () => {
    const { boardId, ceo, cfo, note, heading } = sessionWithContent();
    const { store } = open;
    const late = roleNode({ data: { person: 'Late joiner' } });
    store.applyOps(boardId, [
      { type: 'node.move', id: ceo.id, position: { x: 15.5, y: -3 } },
      { type: 'node.resize', id: heading.id, size: null },
      { type: 'node.resize', id: cfo.id, size: { width: 180, height: 90 } },
      { type: 'node.update', id: cfo.id, data: { timeSpan: { value: 18, unit: 'months' }, notes: 'new in role' } },
      { type: 'node.add', node: late },
      { type: 'edge.add', edge: sampleEdge(ceo, late, { kind: 'reports-to' }) },
    ]);
    // Removing and re-adding a node moves it to the end of the drawing order, in memory and on disk alike.
    const edges = store.getBoard(boardId).edges.filter((e) => e.source === note.id || e.target === note.id);
    store.applyOps(boardId, [...edges.map((e): Op => ({ type: 'edge.remove', id: e.id })), { type: 'node.remove', id: note.id }]);
    store.applyOps(boardId, [{ type: 'node.add', node: note }]);
    store.applyOps(boardId, [{ type: 'edge.update', id: store.getBoard(boardId).edges[0].id, kind: 'relates', data: { label: 'funds', strength: 4 } }]);
    store.setViewport(boardId, { x: -120, y: 40, zoom: 0.75 });

    const before = store.getBoard(boardId);
    expect(before.nodes.map((n) => n.id)).toEqual([ceo.id, cfo.id, heading.id, late.id, note.id]);
    expect(before.viewport).toEqual({ x: -120, y: 40, zoom: 0.75 });
    open.close();

    open = openStoreIn(dir);
    expect(open.store.getBoard(boardId)).toEqual(before);
  });

  it('undoing a removal puts the node and its edges back at their places in the drawing order, on disk too', () => {
    const { boardId, cfo } = sessionWithContent();
    const { store } = open;
    const before = store.getBoard(boardId);
    const removal: Op[] = [
      ...before.edges.filter((e) => e.source === cfo.id || e.target === cfo.id).map((e): Op => ({ type: 'edge.remove', id: e.id })),
      { type: 'node.remove', id: cfo.id },
    ];
    const inverses = applyOps(createDoc(before.nodes, before.edges), removal);
    store.applyOps(boardId, removal);
    store.applyOps(boardId, [{ type: 'node.add', node: roleNode() }]);
    const added = store.getBoard(boardId).nodes.at(-1)!;
    store.applyOps(boardId, inverses);

    const order = (board: Board) => ({ nodes: board.nodes.map((n) => n.id), edges: board.edges.map((e) => e.id) });
    const expected = { nodes: [...order(before).nodes, added.id], edges: order(before).edges };
    expect(order(store.getBoard(boardId))).toEqual(expected);
    open.close();
    open = openStoreIn(dir);
    expect(order(open.store.getBoard(boardId))).toEqual(expected);
    open.store.applyOps(boardId, [{ type: 'node.add', node: textNode() }]);
    expect(open.store.getBoard(boardId).nodes.slice(0, -1).map((n) => n.id)).toEqual(expected.nodes);
  });

  it('increments the revision once per batch, however many ops it holds', () => {
    const { store } = open;
    const boardId = store.createSession({ title: 'S', client: '', workshopDate: null }).boards[0].id;
    const a = noteNode();
    const b = noteNode();
    expect(store.applyOps(boardId, [{ type: 'node.add', node: a }])).toBe(1);
    const revision = store.applyOps(boardId, [
      { type: 'node.add', node: b },
      { type: 'node.move', id: a.id, position: { x: 1, y: 1 } },
      { type: 'node.move', id: b.id, position: { x: 2, y: 2 } },
      { type: 'edge.add', edge: sampleEdge(a, b) },
    ]);
    expect(revision).toBe(2);
    expect(store.getBoard(boardId).revision).toBe(2);
    expect(store.getSession(store.sessionOfBoard(boardId)).boards[0].revision).toBe(2);
  });

  it('a batch with one invalid op writes nothing and leaves the cached board as it was', () => {
    const { boardId, ceo, cfo, note } = sessionWithContent();
    const { store, db } = open;
    const before = store.getBoard(boardId);
    const counts = () => ({ nodes: countRows(db, 'nodes'), edges: countRows(db, 'edges'), revision: store.getBoard(boardId).revision });
    const countsBefore = counts();
    const noteEdges = before.edges.filter((e) => e.source === note.id || e.target === note.id);

    const error = refused(() =>
      store.applyOps(boardId, [
        { type: 'node.move', id: ceo.id, position: { x: 999, y: 999 } },
        ...noteEdges.map((e): Op => ({ type: 'edge.remove', id: e.id })),
        { type: 'node.remove', id: note.id },
        { type: 'node.add', node: textNode() },
        { type: 'node.update', id: cfo.id, data: { stratum: 'V' } },
      ]),
    );
    expect(error.path).toEqual(['ops', 3 + noteEdges.length, 'data', 'stratum']);
    expect(counts()).toEqual(countsBefore);
    expect(store.getBoard(boardId)).toEqual(before);

    open.close();
    open = openStoreIn(dir);
    expect(open.store.getBoard(boardId)).toEqual(before);
  });

  it('a batch the database refuses (locked by another writer) leaves the cached board as it was', () => {
    const { boardId, cfo, note } = sessionWithContent();
    const { store, file } = open;
    const before = store.getBoard(boardId);
    const noteEdges = before.edges.filter((e) => e.source === note.id || e.target === note.id);
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      store.db.pragma('busy_timeout = 0');
      expect(() =>
        store.applyOps(boardId, [
          ...noteEdges.map((e): Op => ({ type: 'edge.remove', id: e.id })),
          { type: 'node.remove', id: note.id },
          { type: 'node.move', id: cfo.id, position: { x: 7, y: 7 } },
        ]),
      ).toThrow(/locked|busy/i);
      expect(store.getBoard(boardId)).toEqual(before);
    } finally {
      other.close();
    }
    expect(store.applyOps(boardId, [{ type: 'node.move', id: cfo.id, position: { x: 7, y: 7 } }])).toBe(before.revision + 1);
  });

  it('refuses a node or edge id already used on another board as a conflict, writing nothing', () => {
    const { store, db } = open;
    const first = sessionWithContent();
    const otherBoard = store.createBoard(first.session.id, 'Other').id;
    const edgeId = store.getBoard(first.boardId).edges[0].id;
    const local = noteNode();

    const nodeError = refused(() => store.applyOps(otherBoard, [{ type: 'node.add', node: local }, { type: 'node.add', node: roleNode({ id: first.ceo.id }) }]));
    expect(nodeError).toMatchObject({ code: 'conflict', path: ['ops', 1, 'node', 'id'] });

    const a = noteNode();
    const b = noteNode();
    const edgeError = refused(() =>
      store.applyOps(otherBoard, [
        { type: 'node.add', node: a },
        { type: 'node.add', node: b },
        { type: 'edge.add', edge: sampleEdge(a, b, { id: edgeId }) },
      ]),
    );
    expect(edgeError).toMatchObject({ code: 'conflict', path: ['ops', 2, 'edge', 'id'] });
    expect(countRows(db, 'nodes', 'board_id = ?', otherBoard)).toBe(0);
    expect(store.getBoard(otherBoard)).toMatchObject({ revision: 0, nodes: [], edges: [] });
  });

  it('refuses ops for an unknown board as not_found naming boardId', () => {
    const error = refused(() => open.store.applyOps('b_missing', [{ type: 'node.remove', id: 'x' }]));
    expect(error).toMatchObject({ code: 'not_found', path: ['boardId'] });
  });
});

describe('the database file', () => {
  it('is in WAL mode with foreign keys on', () => {
    expect(open.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(open.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const raw = new Database(open.file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });
});
