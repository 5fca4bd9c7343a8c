import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../shared/api';
import type { Op } from '../../shared/ops';
import { startTestServer, type TestServer } from '../helpers/backend';
import { noteNode, roleNode } from '../helpers/sample';
import { connectSocket, isEvent, type SocketClient } from '../helpers/ws-client';

let app: TestServer;
let boardId: string;
const clients: SocketClient[] = [];

beforeAll(async () => {
  app = await startTestServer();
  boardId = (await app.call('session.create', { title: 'Live workshop' })).boards[0].id;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(() => app.close());

async function connect(): Promise<SocketClient> {
  const client = await connectSocket(app.url);
  clients.push(client);
  return client;
}

/** The frames a client received after `from`, up to and including the reply to a fresh call. */
async function framesUntilNextReply(client: SocketClient, from: number): Promise<ServerFrame[]> {
  await client.call('board.get', { id: boardId });
  return client.frames.slice(from);
}

describe('the WebSocket at /ws', () => {
  it('greets each client with a hello frame carrying its own clientId', async () => {
    const a = await connect();
    const b = await connect();
    expect(a.frames[0]).toEqual({ type: 'hello', clientId: a.clientId });
    expect(a.clientId).toMatch(/^ws_[a-z0-9]+$/);
    expect(b.clientId).not.toBe(a.clientId);
  });

  it('answers a call with a reply frame that carries the same id', async () => {
    const a = await connect();
    a.sendRaw(JSON.stringify({ id: 41, method: 'board.get', input: { id: boardId } }));
    a.sendRaw(JSON.stringify({ id: 42, method: 'session.get', input: { id: 's_missing' } }));
    const [first, second] = await Promise.all([
      a.waitFor((f) => f.type === 'reply' && f.id === 41),
      a.waitFor((f) => f.type === 'reply' && f.id === 42),
    ]);
    expect(first).toMatchObject({ type: 'reply', id: 41, reply: { ok: true, result: { id: boardId } } });
    expect(second).toMatchObject({ type: 'reply', id: 42, reply: { ok: false, error: { code: 'not_found', path: ['id'] } } });
  });

  it("sends A's board.apply to B as board.changed with revision and ops, and A gets only its reply", async () => {
    const a = await connect();
    const b = await connect();
    const mark = a.frames.length;
    const ops: Op[] = [{ type: 'node.add', node: roleNode({ data: { person: 'Facilitator' } }) }];

    const reply = await a.call('board.apply', { boardId, ops });
    expect(reply).toMatchObject({ ok: true });
    const revision = (reply as { result: { revision: number } }).result.revision;

    const event = await b.waitFor(isEvent);
    expect(event).toEqual({ type: 'event', name: 'board.changed', payload: { boardId, revision, ops } });
    const seenByA = await framesUntilNextReply(a, mark);
    expect(seenByA.map((f) => f.type)).toEqual(['reply', 'reply']);
  });

  it('an HTTP call naming B as its client does not echo to B but reaches A', async () => {
    const a = await connect();
    const b = await connect();
    const markB = b.frames.length;
    const ops: Op[] = [{ type: 'node.add', node: noteNode({ data: { text: 'From the browser tab of B' } }) }];

    const { revision } = await app.call('board.apply', { boardId, ops }, { clientId: b.clientId });

    expect(await a.waitFor(isEvent)).toEqual({ type: 'event', name: 'board.changed', payload: { boardId, revision, ops } });
    const seenByB = await framesUntilNextReply(b, markB);
    expect(seenByB.filter(isEvent)).toEqual([]);
  });

  it('answers a malformed frame with an invalid_input reply and keeps the socket open', async () => {
    const a = await connect();
    for (const text of ['not json', '{"id": "one", "method": "board.get"}', '[]', JSON.stringify({ id: -5, method: 'board.get', input: {} })]) {
      const mark = a.frames.length;
      a.sendRaw(text);
      const frame = await a.waitFor((f) => f.type === 'reply' && a.frames.indexOf(f) >= mark);
      expect(frame).toMatchObject({ type: 'reply', id: -1, reply: { ok: false, error: { code: 'invalid_input' } } });
    }
    expect(a.socket.readyState).toBe(WebSocket.OPEN);
    expect(await a.call('board.get', { id: boardId })).toMatchObject({ ok: true });
  });

  it('validates call input and method names like every other transport', async () => {
    const a = await connect();
    expect(await a.call('board.get', {} as { id: string })).toMatchObject({ ok: false, error: { code: 'invalid_input', path: ['id'] } });
    a.sendRaw(JSON.stringify({ id: 9, method: 'board.explode', input: {} }));
    expect(await a.waitFor((f) => f.type === 'reply' && f.id === 9)).toMatchObject({ reply: { ok: false, error: { code: 'unknown_method' } } });
  });

  it('refuses a WebSocket upgrade on any other path', async () => {
    const socket = new WebSocket(new URL('/elsewhere', app.url.replace(/^http/, 'ws')));
    const outcome = await new Promise<string>((resolve) => {
      socket.once('open', () => resolve('open'));
      socket.once('error', () => resolve('error'));
    });
    expect(outcome).toBe('error');
  });
});
