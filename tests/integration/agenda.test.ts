import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroundworkError } from '../../shared/errors';
import type { AgendaItem, BoardNode } from '../../shared/model';
import { roleNode, sampleNode } from '../helpers/sample';
import { openStoreIn, type OpenStore } from '../helpers/store';
import { makeTempDir, removeDir } from '../helpers/temp-dir';
import { thrownBy } from '../helpers/thrown';

let dir: string;
let open: OpenStore;

beforeEach(() => {
  dir = makeTempDir('agenda');
  open = openStoreIn(dir);
});

afterEach(() => {
  if (open.db.open) open.close();
  removeDir(dir);
});

const refused = (run: () => unknown) => thrownBy(GroundworkError, run);
const agendaRows = () => open.db.prepare('SELECT COUNT(*) FROM agenda_items').pluck().get() as number;

/** A session with two boards, a frame on the first, and an agenda of three items. */
function sessionWithAgenda() {
  const { store } = open;
  const session = store.createSession({ title: 'Acme offsite', client: 'Acme', workshopDate: null });
  const first = session.boards[0].id;
  const second = store.createBoard(session.id, 'Decision-makers').id;
  const frame = sampleNode('frame', { size: { width: 600, height: 400 }, data: { title: 'Who decides' } }) as BoardNode;
  const role = roleNode();
  store.applyOps(first, [
    { type: 'node.add', node: frame },
    { type: 'node.add', node: role },
  ]);
  const items: AgendaItem[] = [
    { id: 'a_welcome', title: 'Welcome', timeboxMinutes: 10, boardId: null, frameId: null, prompts: ['What brought you here?'] },
    { id: 'a_decide', title: 'Who decides', timeboxMinutes: 45, boardId: first, frameId: frame.id, prompts: ['Who signs?', 'Who can block?'] },
    { id: 'a_people', title: 'Influence', timeboxMinutes: 30, boardId: second, frameId: null, prompts: [] },
  ];
  store.setAgenda(session.id, items);
  return { sessionId: session.id, first, second, frame, role, items };
}

describe('the agenda of a session', () => {
  it('is stored item by item and comes back in order with the session', () => {
    const { sessionId, items } = sessionWithAgenda();
    expect(open.store.getSession(sessionId).agenda).toEqual(items);
    expect(agendaRows()).toBe(3);
    const reordered = [items[2], items[0]];
    expect(open.store.setAgenda(sessionId, reordered)).toEqual(reordered);
    expect(agendaRows()).toBe(2);
  });

  it('refuses a board of another session, a frame that is not a frame, a frame without a board, and duplicate ids, writing nothing', () => {
    const { sessionId, first, role, items } = sessionWithAgenda();
    const other = open.store.createSession({ title: 'Other', client: '', workshopDate: null });
    const before = open.store.getSession(sessionId);
    const attempt = (change: Partial<AgendaItem>, index = 1) => refused(() => open.store.setAgenda(sessionId, items.map((item, i) => (i === index ? { ...item, ...change } : item))));

    expect(attempt({ boardId: other.boards[0].id, frameId: null })).toMatchObject({ code: 'not_found', path: ['items', 1, 'boardId'] });
    expect(attempt({ frameId: role.id })).toMatchObject({ code: 'not_found', path: ['items', 1, 'frameId'] });
    expect(attempt({ boardId: null })).toMatchObject({ code: 'invalid_input', path: ['items', 1, 'frameId'] });
    expect(attempt({ id: 'a_welcome' })).toMatchObject({ code: 'invalid_input', path: ['items', 1, 'id'] });
    expect(refused(() => open.store.setAgenda(other.id, [{ ...items[0], boardId: null }]))).toMatchObject({ code: 'conflict', path: ['items', 0, 'id'] });
    expect(open.store.getSession(sessionId)).toEqual(before);
    expect(first).toBe(before.boards[0].id);
  });

  it('deleting a board keeps its items but unlinks them from the board and its frame', () => {
    const { sessionId, first, items } = sessionWithAgenda();
    open.store.deleteBoard(first);
    expect(open.store.getSession(sessionId).agenda).toEqual([items[0], { ...items[1], boardId: null, frameId: null }, items[2]]);
  });

  it('removing a frame shows no frame; undoing the removal brings the link back', () => {
    const { sessionId, first, frame, items } = sessionWithAgenda();
    open.store.applyOps(first, [{ type: 'node.remove', id: frame.id }]);
    expect(open.store.getSession(sessionId).agenda[1]).toEqual({ ...items[1], frameId: null });
    open.store.applyOps(first, [{ type: 'node.add', node: frame }]);
    expect(open.store.getSession(sessionId).agenda[1]).toEqual(items[1]);
  });

  it('a duplicated session gets its own agenda, pointing at its own boards and frames', () => {
    const { sessionId, items } = sessionWithAgenda();
    const copy = open.store.duplicateSession(sessionId);
    const [boardA, boardB] = copy.boards;
    const frameCopy = open.store.getBoard(boardA.id).nodes.find((n) => n.kind === 'frame')!;
    expect(copy.agenda).toEqual([
      { ...items[0], id: expect.not.stringMatching(items[0].id) },
      { ...items[1], id: expect.not.stringMatching(items[1].id), boardId: boardA.id, frameId: frameCopy.id },
      { ...items[2], id: expect.not.stringMatching(items[2].id), boardId: boardB.id },
    ]);
    open.store.setAgenda(copy.id, []);
    expect(open.store.getSession(sessionId).agenda).toEqual(items);
  });

  it('goes with its session when the session is deleted', () => {
    const { sessionId } = sessionWithAgenda();
    open.store.deleteSession(sessionId);
    expect(agendaRows()).toBe(0);
  });
});
