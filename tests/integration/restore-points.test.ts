import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTO_RESTORE_POINT_INTERVAL_MS } from '../../main/service/restore-points';
import { MAX_AUTO_RESTORE_POINTS } from '../../main/store/restore-points';
import { recordEvents, startTestServer, type HeardEvents, type TestServer } from '../helpers/backend';
import { clockedService } from '../helpers/clocked-service';
import { normaliseIds, sampleSessionDocument } from '../helpers/documents';
import { noteNode, roleNode } from '../helpers/sample';

let app: TestServer;
let events: HeardEvents;

beforeAll(async () => {
  app = await startTestServer();
  events = recordEvents(app);
});
afterAll(() => app.close());
beforeEach(() => events.clear());

async function sampleSession() {
  const result = await app.call('file.import', { document: sampleSessionDocument() });
  if (result.kind !== 'session') throw new Error('expected a session');
  return result.session;
}

const nodeCount = (document: { boards: { nodes: unknown[] }[] }) => document.boards.reduce((sum, b) => sum + b.nodes.length, 0);

describe('restore points over the API', () => {
  it('takes a named restore point and lists them newest first, without their documents', async () => {
    const session = await sampleSession();
    const first = await app.call('snapshot.create', { sessionId: session.id, name: 'Morning' });
    await app.call('board.apply', { boardId: session.boards[0].id, ops: [{ type: 'node.add', node: noteNode() }] });
    const second = await app.call('snapshot.create', { sessionId: session.id, name: '  Before the break  ' });

    expect(first).toMatchObject({ name: 'Morning', reason: 'manual', nodeCount: nodeCount(sampleSessionDocument()) });
    expect(second).toMatchObject({ name: 'Before the break', reason: 'manual', nodeCount: first.nodeCount + 1 });
    const list = await app.call('snapshot.list', { sessionId: session.id });
    expect(list).toEqual([second, first]);
    expect(Object.keys(list[0]).sort()).toEqual(['createdAt', 'id', 'name', 'nodeCount', 'reason']);
  });

  it('previews a restore point as the session exported when it was taken', async () => {
    const session = await sampleSession();
    const exported = await app.call('session.export', { id: session.id });
    const point = await app.call('snapshot.create', { sessionId: session.id, name: 'As imported' });
    await app.call('board.apply', { boardId: session.boards[0].id, ops: [{ type: 'node.add', node: roleNode() }] });

    const preview = await app.call('snapshot.preview', { id: point.id });
    expect(normaliseIds(preview)).toEqual(normaliseIds(exported));
    expect(preview.boards.map((b) => b.id)).toEqual(session.boards.map((b) => b.id));
  });

  it('restores the content, keeps the session, takes a before-restore point, and restoring that undoes the restore', async () => {
    const session = await sampleSession();
    const original = await app.call('session.export', { id: session.id });
    const point = await app.call('snapshot.create', { sessionId: session.id, name: 'Original' });
    await app.call('board.delete', { id: session.boards[1].id });
    await app.call('board.apply', { boardId: session.boards[0].id, ops: [{ type: 'node.add', node: noteNode({ data: { text: 'Added later' } }) }] });
    await app.call('session.update', { id: session.id, title: 'Renamed meanwhile' });
    const edited = await app.call('session.export', { id: session.id });
    events.clear();

    const restored = await app.call('snapshot.restore', { id: point.id });
    expect(restored.id).toBe(session.id);
    expect(restored.title).toBe('Renamed meanwhile');
    expect(restored.boards.map((b) => b.title)).toEqual(session.boards.map((b) => b.title));
    // Fresh ids, as an import mints them: the old boards are gone.
    expect(restored.boards.some((b) => session.boards.some((old) => old.id === b.id))).toBe(false);
    const after = await app.call('session.export', { id: session.id });
    expect(normaliseIds(after).boards).toEqual(normaliseIds(original).boards);
    expect(normaliseIds(after).agenda).toEqual(normaliseIds(original).agenda);
    expect(events.heard).toContainEqual({ name: 'session.changed', payload: { sessionId: session.id, deleted: false } });

    const list = await app.call('snapshot.list', { sessionId: session.id });
    expect(list.map((p) => p.reason)).toEqual(['before-restore', 'manual']);
    const undo = list[0];
    expect(undo.nodeCount).toBe(nodeCount(edited));
    expect(normaliseIds(await app.call('snapshot.preview', { id: undo.id })).boards).toEqual(normaliseIds(edited).boards);

    await app.call('snapshot.restore', { id: undo.id });
    const undone = await app.call('session.export', { id: session.id });
    expect(normaliseIds(undone).boards).toEqual(normaliseIds(edited).boards);
    expect((await app.call('snapshot.list', { sessionId: session.id })).map((p) => p.reason)).toEqual(['before-restore', 'before-restore', 'manual']);
  });

  it('refuses unknown sessions and restore points with not_found, writing nothing', async () => {
    for (const [method, input, path] of [
      ['snapshot.list', { sessionId: 's_missing' }, ['sessionId']],
      ['snapshot.create', { sessionId: 's_missing', name: 'x' }, ['sessionId']],
      ['snapshot.preview', { id: 'p_missing' }, ['id']],
      ['snapshot.restore', { id: 'p_missing' }, ['id']],
    ] as const) {
      const { status, body } = await app.post(method, input);
      expect({ method, status }).toEqual({ method, status: 404 });
      expect(body).toMatchObject({ ok: false, error: { code: 'not_found', path } });
    }
    expect(events.heard).toEqual([]);
  });

  it('refuses a restore point without a name', async () => {
    const session = await app.call('session.create', { title: 'Unnamed' });
    const { status, body } = await app.post('snapshot.create', { sessionId: session.id, name: '   ' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['name'] } });
    expect(await app.call('snapshot.list', { sessionId: session.id })).toEqual([]);
  });

  it('goes with its session when the session is deleted', async () => {
    const session = await app.call('session.create', { title: 'Short-lived' });
    const point = await app.call('snapshot.create', { sessionId: session.id, name: 'Kept?' });
    await app.call('session.delete', { id: session.id });
    expect((await app.post('snapshot.preview', { id: point.id })).status).toBe(404);
  });
});

describe('automatic restore points', () => {
  const at = clockedService('restore-points', Date.UTC(2026, 10, 22, 9, 0));
  const ctx = { clientId: 'test' };

  const minutes = (n: number) => n * 60_000;
  const edit = async (boardId: string) => at.service['board.apply']({ boardId, ops: [{ type: 'node.add', node: noteNode() }] }, ctx);
  const list = async (sessionId: string) => at.service['snapshot.list']({ sessionId }, ctx);

  it('are taken after 10 minutes of editing, and not before', async () => {
    const session = await at.service['session.create']({ title: 'Editing' }, ctx);
    const boardId = session.boards[0].id;
    await edit(boardId);
    at.clock += minutes(9);
    await edit(boardId);
    expect(await list(session.id)).toEqual([]);

    at.clock += minutes(1);
    await edit(boardId);
    const [auto] = await list(session.id);
    expect(auto).toMatchObject({ reason: 'auto', name: '', createdAt: at.clock, nodeCount: 3 });

    // The next one is due 10 minutes after that one, edits in between or not.
    at.clock += AUTO_RESTORE_POINT_INTERVAL_MS - 1;
    await edit(boardId);
    expect(await list(session.id)).toHaveLength(1);
    at.clock += 1;
    await edit(boardId);
    expect((await list(session.id)).map((p) => p.reason)).toEqual(['auto', 'auto']);
  });

  it('count from any restore point: a named one taken recently puts the next automatic one off', async () => {
    const session = await at.service['session.create']({ title: 'Named first' }, ctx);
    const boardId = session.boards[0].id;
    await edit(boardId);
    at.clock += minutes(8);
    await at.service['snapshot.create']({ sessionId: session.id, name: 'By hand' }, ctx);
    at.clock += minutes(5);
    await edit(boardId);
    expect((await list(session.id)).map((p) => p.reason)).toEqual(['manual']);
    at.clock += minutes(5);
    await edit(boardId);
    expect((await list(session.id)).map((p) => p.reason)).toEqual(['auto', 'manual']);
  });

  it(`keep at most ${MAX_AUTO_RESTORE_POINTS} automatic points per session, the newest, and every named one`, async () => {
    const session = await at.service['session.create']({ title: 'Long day' }, ctx);
    const boardId = session.boards[0].id;
    await at.service['snapshot.create']({ sessionId: session.id, name: 'Kept by name' }, ctx);
    await edit(boardId);
    const times: number[] = [];
    for (let i = 0; i < MAX_AUTO_RESTORE_POINTS + 5; i++) {
      at.clock += AUTO_RESTORE_POINT_INTERVAL_MS;
      await edit(boardId);
      times.push(at.clock);
    }
    const points = await list(session.id);
    const autos = points.filter((p) => p.reason === 'auto');
    expect(autos).toHaveLength(MAX_AUTO_RESTORE_POINTS);
    expect(autos.map((p) => p.createdAt)).toEqual(times.slice(-MAX_AUTO_RESTORE_POINTS).reverse());
    expect(points.filter((p) => p.reason === 'manual').map((p) => p.name)).toEqual(['Kept by name']);
  });
});
