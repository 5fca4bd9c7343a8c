import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/model/limits';
import { startBackend } from '../../main/service/backend';
import { startTestServer, type TestServer } from '../helpers/backend';
import { sampleSessionDocument, sampleTemplateDocument } from '../helpers/documents';
import { roleNode } from '../helpers/sample';
import { connectSocket } from '../helpers/ws-client';

/**
 * Issue 14, "input and output agree": a title ending in a lone UTF-16 surrogate used to be stored,
 * come back from SQLite as three U+FFFD, fail the answer's check ("nothing was changed", though it
 * was) and from then on fail every session.list. Now every entry refuses it, naming the field, and
 * rows an older version stored that way are read repaired.
 */

const BROKEN = 'contains a broken character (a lone UTF-16 surrogate)';
const refused = (field: (string | number)[]) => ({
  ok: false,
  error: { code: 'invalid_input', path: field, message: `${field.join('.')}: ${BROKEN}` },
});

let app: TestServer;
let sessionId: string;
let boardId: string;

beforeEach(async () => {
  app = await startTestServer();
  const session = await app.call('session.create', { title: 'Acme offsite', client: 'Acme' });
  sessionId = session.id;
  boardId = session.boards[0].id;
});

afterEach(() => app.close());

/** Everything the refused calls could have written. */
async function state() {
  return {
    sessions: await app.call('session.list', {}),
    session: await app.call('session.get', { id: sessionId }),
    board: await app.call('board.get', { id: boardId }),
    templates: await app.call('template.list', {}),
  };
}

describe('a lone surrogate is refused at every entry, naming the field, and nothing is written', () => {
  it('session.create: a title ending in one, at its limit or not, over HTTP', async () => {
    const before = await state();
    for (const title of ['Sales\uD800', `${'x'.repeat(LIMITS.title - 1)}\uD800`, '\uDC00Sales']) {
      const { status, body } = await app.post('session.create', { title });
      expect({ title, status, body }).toEqual({ title, status: 400, body: refused(['title']) });
    }
    expect(await state()).toEqual(before);
    // The list goes on answering: the reproduction of the issue ended with it failing for every row.
    expect((await app.post('session.list', {})).body).toMatchObject({ ok: true });
  });

  it('keeps a well-formed pair (an emoji) as it was sent', async () => {
    const created = await app.call('session.create', { title: 'Sales 😀' });
    expect(created.title).toBe('Sales 😀');
    expect((await app.call('session.list', {})).map((s) => s.title)).toContain('Sales 😀');
  });

  it('board.rename and session.update', async () => {
    const before = await state();
    expect((await app.post('board.rename', { id: boardId, title: 'Org\uD83D' })).body).toEqual(refused(['title']));
    expect((await app.post('session.update', { id: sessionId, client: 'Acme\uDE00' })).body).toEqual(refused(['client']));
    expect(await state()).toEqual(before);
  });

  it('a node label in board.apply ops', async () => {
    const before = await state();
    const node = roleNode({ data: { person: 'Dana\uD800' } });
    const { status, body } = await app.post('board.apply', { boardId, ops: [{ type: 'node.add', node: roleNode() }, { type: 'node.add', node }] });
    expect({ status, body }).toEqual({ status: 400, body: refused(['ops', 1, 'node', 'data', 'person']) });
    expect(await state()).toEqual(before);
  });

  it('file.import: a document with one anywhere inside, and an unknown key with one', async () => {
    const before = await state();
    const document = sampleSessionDocument();
    document.boards[1].nodes[0].data = { ...document.boards[1].nodes[0].data, name: 'Anna\uD800' } as never;
    expect((await app.post('file.import', { document })).body).toEqual(refused(['document', 'boards', 1, 'nodes', 0, 'data', 'name']));
    const template = { ...sampleTemplateDocument(), ['extra\uDBFF']: 1 };
    expect((await app.post('file.import', { document: template })).body).toEqual(refused(['document', 'extra\uFFFD']));
    expect(await state()).toEqual(before);
  });

  it('over the WebSocket, the same refusal', async () => {
    const socket = await connectSocket(app.url);
    try {
      expect(await socket.call('session.create', { title: 'Sales\uD800' })).toEqual(refused(['title']));
    } finally {
      await socket.close();
    }
    expect((await app.call('session.list', {})).map((s) => s.title)).toEqual(['Acme offsite']);
  });
});

/** Writes as the older version did: better-sqlite3 stores a lone surrogate as bytes no UTF-8 reader takes. */
function corrupt(sql: string, ...params: unknown[]) {
  app.backend.store.db.prepare(sql).run(...params);
}

describe('rows an older version stored with a lone surrogate are listed, repaired, not a failing list', () => {
  it('session.list, session.get and a rename of a session whose title was at its limit', async () => {
    const longTitle = `${'x'.repeat(LIMITS.title - 1)}\uD800`;
    corrupt('UPDATE sessions SET title = ?, client = ? WHERE id = ?', longTitle, 'Acme\uDC00', sessionId);
    corrupt("UPDATE boards SET title = 'Org\uD800' WHERE id = ?", boardId);
    await app.call('session.create', { title: 'Healthy' });

    const repaired = `${'x'.repeat(LIMITS.title - 1)}\uFFFD`;
    const sessions = await app.call('session.list', {});
    expect(sessions.map((s) => s.title).sort()).toEqual(['Healthy', repaired].sort());
    expect(sessions.find((s) => s.id === sessionId)).toMatchObject({ title: repaired, client: 'Acme\uFFFD' });
    expect(await app.call('session.list', { query: 'acme' })).toHaveLength(1);
    const session = await app.call('session.get', { id: sessionId });
    expect(session.boards[0].title).toBe('Org\uFFFD');
    expect(await app.call('session.update', { id: sessionId, title: 'Renamed' })).toMatchObject({ title: 'Renamed' });
  });

  it('a board’s node labels and agenda, so the session exports to a file that imports again', async () => {
    const node = roleNode({ data: { person: 'Dana' } });
    await app.call('board.apply', { boardId, ops: [{ type: 'node.add', node }] });
    await app.call('session.setAgenda', { sessionId, items: [{ id: 'item-1', title: 'Welcome', timeboxMinutes: 10, boardId: null, frameId: null, prompts: ['Why?'] }] });
    corrupt('UPDATE nodes SET data = ? WHERE id = ?', JSON.stringify({ ...node.data, person: 'Dana\uD800' }), node.id);
    corrupt('UPDATE agenda_items SET title = ?, prompts = ? WHERE id = ?', 'Welcome\uD800', JSON.stringify(['Why\uDC00']), 'item-1');
    // The doc cached before the raw write would hide it: a restarted backend reads the rows.
    const restarted = startBackend(app.dataDir);
    try {
      const get = async (method: 'board.get' | 'session.export', id: string) => {
        const reply = await restarted.dispatch(method, { id }, { clientId: 'test' });
        if (!reply.ok) throw new Error(JSON.stringify(reply.error));
        return reply.result as never;
      };
      const board: { nodes: { data: { person: string } }[] } = await get('board.get', boardId);
      expect(board.nodes[0].data.person).toBe('Dana\uFFFD');
      const document = await get('session.export', sessionId);
      expect(document).toMatchObject({ agenda: [{ title: 'Welcome\uFFFD', prompts: ['Why\uFFFD'] }] });
      expect((await app.post('file.import', { document })).body).toMatchObject({ ok: true, result: { kind: 'session' } });
    } finally {
      restarted.close();
    }
  });

  it('template.list, snapshot.list and backup.list', async () => {
    const template = await app.call('template.saveFromSession', { sessionId, name: 'Own', description: '', boardIds: [boardId], keepContent: true });
    const document = JSON.parse(app.backend.store.db.prepare('SELECT document FROM templates WHERE id = ?').pluck().get(template.id) as string);
    document.template.name = 'Own\uD800';
    corrupt('UPDATE templates SET name = ?, document = ? WHERE id = ?', 'Own\uD800', JSON.stringify(document), template.id);
    const point = await app.call('snapshot.create', { sessionId, name: 'Before lunch' });
    corrupt('UPDATE snapshots SET name = ? WHERE id = ?', `${'s'.repeat(LIMITS.title - 1)}\uD800`, point.id);
    const backups = path.join(app.dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    // Our name's shape, but no real time: it is not a backup, and must not fail the list.
    fs.writeFileSync(path.join(backups, 'groundwork-2026-13-45T99-00-00-000Z-manual.db'), '');

    expect((await app.call('template.list', {})).find((t) => t.id === template.id)).toMatchObject({ name: 'Own\uFFFD' });
    expect(await app.call('snapshot.list', { sessionId })).toMatchObject([{ name: `${'s'.repeat(LIMITS.title - 1)}\uFFFD` }]);
    expect(await app.call('backup.list', {})).toEqual([]);
  });
});
