import WebSocket from 'ws';
import { ROOM_WS_PATH, type ParticipantInput, type ParticipantMethodName } from '../../shared/api/participant-contract';
import type { Reply } from '../../shared/api';

type Frame = { type: 'hello'; clientId: string } | { type: 'reply'; id: number; reply: Reply } | { type: 'event'; name: string; payload: unknown };

/** A phone, as a `ws` client of the room's listener: it keeps its token and every event it hears. */
export interface Phone {
  socket: WebSocket;
  token: string | null;
  events: { name: string; payload: unknown }[];
  call<M extends ParticipantMethodName>(method: M, input: ParticipantInput<M>): Promise<Reply>;
  /** Any method name, token and input, as a hostile client would send them. */
  raw(method: string, input: unknown, token?: string | null): Promise<Reply>;
  join(code: string, name: string): Promise<string>;
  waitForEvent(name: string, match?: (payload: unknown) => boolean): Promise<unknown>;
  closed: Promise<number>;
  close(): Promise<void>;
}

/** The address of the i-th of many phones (127.0.1.x…), as each phone in a room has its own: the room limits joins per address. */
export const phoneAddress = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

/** `from`: the phone's own address, any of 127.0.0.0/8, so a test can be several devices at once. */
export async function connectPhone(roomUrl: string, headers: Record<string, string> = {}, from?: string): Promise<Phone> {
  const socket = new WebSocket(new URL(ROOM_WS_PATH, roomUrl.replace(/^http/, 'ws')), { headers, localAddress: from });
  const pending = new Map<number, (reply: Reply) => void>();
  const events: Phone['events'] = [];
  const waiters: { name: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type === 'reply') {
      pending.get(frame.id)?.(frame.reply);
      pending.delete(frame.id);
    } else if (frame.type === 'event') {
      events.push({ name: frame.name, payload: frame.payload });
      for (const waiter of [...waiters]) {
        if (waiter.name === frame.name && waiter.match(frame.payload)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(frame.payload);
        }
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const phone: Phone = {
    socket,
    token: null,
    events,
    closed,
    raw: (method, input, token = phone.token) =>
      new Promise<Reply>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, input, ...(token ? { token } : {}) }), (error) => error && reject(error));
      }),
    call: (method, input) => phone.raw(method, input),
    async join(code, name) {
      const reply = await phone.raw('room.join', { code, name }, null);
      if (!reply.ok) throw new Error(`join failed: ${JSON.stringify(reply.error)}`);
      phone.token = (reply.result as { token: string }).token;
      return phone.token;
    },
    waitForEvent: (name, match = () => true) => {
      const seen = events.find((e) => e.name === name && match(e.payload));
      if (seen) return Promise.resolve(seen.payload);
      return new Promise((resolve) => waiters.push({ name, match, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return phone;
}
