import type { Reply } from '../../shared/api/wire';

export type ConnectionState = 'connecting' | 'open' | 'offline';

type Frame = { type: 'hello' } | { type: 'reply'; id: number; reply: Reply } | { type: 'event'; name: string; payload: unknown };

interface SocketConnectionOptions {
  url: string;
  /** Said to the caller of a call that could not reach the other end. */
  unavailableMessage: string;
  /** How long a call may wait for the socket and its reply before it is answered as unavailable. */
  timeoutMs?: number;
  /** Called when the socket closes, with the close event (a room closed for good, say). */
  onClose?(event: CloseEvent): void;
  /** Tests pass a WebSocket for Node; the browser's is the default. */
  WebSocket?: typeof WebSocket;
  random?: () => number;
}

export const CALL_TIMEOUT_MS = 30_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/**
 * The wait before the next reconnect: doubling from 250 ms to 5 s, each wait a random part of its
 * ceiling from half to whole, so a room of phones whose Wi-Fi came back does not return as one.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** attempt);
  return Math.round(ceiling * (0.5 + random() / 2));
}

interface Call {
  frame: Record<string, unknown>;
  resolve(reply: Reply): void;
  timer: ReturnType<typeof setTimeout>;
  /** The socket the call went out on; null while it waits for one. */
  sentOn: WebSocket | null;
}

/**
 * One WebSocket to a Groundwork backend, for the editor and the phone page alike: calls with
 * replies, events in the order the server sent them, a reconnect with backoff and jitter after
 * a drop, and a timeout on every call. A call made while the socket is down waits for the next
 * one (never for a socket that was replaced); when its time is up it is answered as unavailable.
 */
export class SocketConnection {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private everOpened = false;
  private stopped = false;
  private current: ConnectionState = 'connecting';
  private readonly calls = new Map<number, Call>();
  private readonly eventListeners = new Set<(name: string, payload: unknown) => void>();
  private readonly openListeners = new Set<(reconnected: boolean) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly unavailable: Reply;
  private readonly WebSocketImpl: typeof WebSocket;

  constructor(private readonly options: SocketConnectionOptions) {
    this.unavailable = { ok: false, error: { code: 'unavailable', path: [], message: options.unavailableMessage } };
    this.WebSocketImpl = options.WebSocket ?? WebSocket;
    this.connect();
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Sends `frame` with a fresh id; resolves with the reply, or as unavailable once `timeoutMs` has passed. */
  call(frame: Record<string, unknown>, timeoutMs = this.options.timeoutMs ?? CALL_TIMEOUT_MS): Promise<Reply> {
    const id = this.nextId++;
    return new Promise<Reply>((resolve) => {
      const call: Call = {
        frame: { ...frame, id },
        resolve,
        sentOn: null,
        timer: setTimeout(() => this.timedOut(id), timeoutMs),
      };
      this.calls.set(id, call);
      if (this.current === 'open') this.send(call);
    });
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Every time the socket opens; `reconnected` is false the first time. */
  onOpen(listener: (reconnected: boolean) => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private setState(state: ConnectionState) {
    if (state === this.current) return;
    this.current = state;
    this.stateListeners.forEach((l) => l(state));
  }

  private connect() {
    const socket = new this.WebSocketImpl(this.options.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setState('open');
      for (const call of this.calls.values()) if (!call.sentOn) this.send(call);
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.openListeners.forEach((l) => l(reconnected));
    });
    socket.addEventListener('message', (message) => {
      if (this.socket !== socket) return;
      let frame: Frame;
      try {
        frame = JSON.parse(String(message.data)) as Frame;
      } catch {
        return;
      }
      if (frame.type === 'reply') this.settle(frame.id, frame.reply);
      else if (frame.type === 'event') this.eventListeners.forEach((l) => l(frame.name, frame.payload));
    });
    // A socket that fails also closes: the close does the work (without a listener, Node's ws throws).
    socket.addEventListener('error', () => undefined);
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // What went out on this socket will get no reply; what waits for a socket keeps waiting.
      for (const [id, call] of this.calls) if (call.sentOn === socket) this.settle(id, this.unavailable);
      this.setState('offline');
      this.options.onClose?.(event);
      if (!this.stopped) setTimeout(() => this.connect(), reconnectDelay(this.attempt++, this.options.random));
    });
  }

  private send(call: Call) {
    const socket = this.socket!;
    call.sentOn = socket;
    socket.send(JSON.stringify(call.frame));
  }

  private settle(id: number, reply: Reply) {
    const call = this.calls.get(id);
    if (!call) return;
    this.calls.delete(id);
    clearTimeout(call.timer);
    call.resolve(reply);
  }

  private timedOut(id: number) {
    const call = this.calls.get(id);
    if (!call) return;
    this.settle(id, this.unavailable);
    // No reply in all that time: the socket is likely dead without having said so. A new one
    // is cheaper than waiting for the operating system to notice.
    if (call.sentOn && call.sentOn === this.socket) this.socket.close();
  }
}
