import WebSocket from 'ws';
import type { MethodInput, MethodName, Reply, ServerFrame } from '../../shared/api';

/** A `ws` client of the served shell that keeps every frame it receives, in order. */
export interface SocketClient {
  socket: WebSocket;
  clientId: string;
  /** Every frame received so far, hello first. */
  frames: ServerFrame[];
  /** Resolves with the first frame (already received or still to come) that matches. */
  waitFor<F extends ServerFrame>(match: (frame: ServerFrame) => frame is F): Promise<F>;
  waitFor(match: (frame: ServerFrame) => boolean): Promise<ServerFrame>;
  /** Sends a call frame and resolves with its reply. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Reply>;
  /** Sends raw text. */
  sendRaw(text: string): void;
  close(): Promise<void>;
}

/** `path` and `headers`: another socket than the facilitator's /ws, as a co-facilitator's with its cookie. */
export async function connectSocket(serverUrl: string, { path = '/ws', headers = {} }: { path?: string; headers?: Record<string, string> } = {}): Promise<SocketClient> {
  const socket = new WebSocket(new URL(path, serverUrl.replace(/^http/, 'ws')), { headers });
  const frames: ServerFrame[] = [];
  const waiters: { match: (frame: ServerFrame) => boolean; resolve: (frame: ServerFrame) => void }[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerFrame;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });

  const waitFor = (match: (frame: ServerFrame) => boolean): Promise<ServerFrame> => {
    const seen = frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      waiters.push({ match, resolve });
      socket.once('close', () => reject(new Error('the socket closed before the awaited frame came')));
    });
  };

  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const hello = await waitFor((frame) => frame.type === 'hello');

  let nextId = 1;
  return {
    socket,
    clientId: (hello as Extract<ServerFrame, { type: 'hello' }>).clientId,
    frames,
    waitFor: waitFor as SocketClient['waitFor'],
    call: async (method, input) => {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, input }));
      const frame = await waitFor((f) => f.type === 'reply' && f.id === id);
      return (frame as Extract<ServerFrame, { type: 'reply' }>).reply;
    },
    sendRaw: (text) => socket.send(text),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}

export const isEvent = (frame: ServerFrame): frame is Extract<ServerFrame, { type: 'event' }> => frame.type === 'event';
