import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { reconnectDelay, SocketConnection } from '../../renderer/api/socket-connection';
import { freePort } from '../helpers/free-port';

/** A tiny backend on 127.0.0.1 that answers `echo` and never answers `silence`. */
function startEcho(port: number): Promise<WebSocketServer> {
  return new Promise((resolve) => {
    const server: WebSocketServer = new WebSocketServer({ host: '127.0.0.1', port }, () => resolve(server));
    server.on('connection', (socket) =>
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { id: number; method: string; input: unknown };
        if (frame.method === 'echo') socket.send(JSON.stringify({ type: 'reply', id: frame.id, reply: { ok: true, result: frame.input } }));
      }),
    );
  });
}

const stop = (server: WebSocketServer) =>
  new Promise<void>((resolve) => {
    for (const client of server.clients) client.terminate();
    server.close(() => resolve());
  });


const open: SocketConnection[] = [];
const servers: WebSocketServer[] = [];
afterEach(async () => {
  open.splice(0).forEach((c) => c.stop());
  await Promise.all(servers.splice(0).map(stop));
});

function connect(port: number, timeoutMs?: number) {
  const connection = new SocketConnection({
    url: `ws://127.0.0.1:${port}/`,
    unavailableMessage: 'unreachable',
    timeoutMs,
    WebSocket: NodeWebSocket as unknown as typeof WebSocket,
  });
  open.push(connection);
  return connection;
}

describe('the one connection module', () => {
  it('sends a call made while the server is down once it is back, through several failed reconnects', async () => {
    const port = await freePort();
    const connection = connect(port);
    const reply = connection.call({ method: 'echo', input: 'made offline' });
    // Let a few reconnects fail first: a call must not wait on a socket that was replaced.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(connection.state).toBe('offline');
    servers.push(await startEcho(port));
    expect(await reply).toEqual({ ok: true, result: 'made offline' });
    expect(connection.state).toBe('open');
  });

  it('answers a call with no reply as unavailable when its time is up, and opens a new socket', async () => {
    const port = await freePort();
    servers.push(await startEcho(port));
    const connection = connect(port, 300);
    const reopened = new Promise<boolean>((resolve) => connection.onOpen((again) => again && resolve(true)));
    expect(await connection.call({ method: 'silence', input: null })).toEqual({ ok: false, error: { code: 'unavailable', path: [], message: 'unreachable' } });
    expect(await reopened).toBe(true);
    expect(await connection.call({ method: 'echo', input: 2 })).toEqual({ ok: true, result: 2 });
  });

  it('answers the calls on a socket that drops as unavailable at once', async () => {
    const port = await freePort();
    const server = await startEcho(port);
    const connection = connect(port, 60_000);
    expect(await connection.call({ method: 'echo', input: 1 })).toEqual({ ok: true, result: 1 });
    const lost = connection.call({ method: 'silence', input: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stop(server);
    expect((await lost).ok).toBe(false);
  });

  it('waits longer after each failed reconnect, up to 5 s, each wait jittered between half and all of its ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => reconnectDelay(attempt, () => 1))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(reconnectDelay(3, () => 0)).toBe(1000);
  });
});
