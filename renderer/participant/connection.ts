import type { ParticipantInput, ParticipantMethodName, ParticipantOutput } from '../../shared/api/participant-contract';
import { ROOM_CLOSED_CODE, ROOM_WS_PATH } from '../../shared/api/room-paths';
import type { Reply } from '../../shared/api/wire';

type Frame = { type: 'hello' } | { type: 'reply'; id: number; reply: Reply } | { type: 'event'; name: string; payload: unknown };

const RECONNECT_MS = 1000;
const OFFLINE: Reply = { ok: false, error: { code: 'unavailable', path: [], message: 'No connection to the room; trying again…' } };

export class CallFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

/**
 * The phone's one socket to the room: calls carry the token, events arrive in order, and the
 * socket comes back by itself after the Wi-Fi drops, until the room closes.
 */
export class RoomConnection {
  private currentToken: string | null = null;
  private socket!: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private readonly eventListeners = new Set<(name: string, payload: unknown) => void>();
  private readonly openListeners = new Set<() => void>();
  private ready!: Promise<void>;
  private markReady!: () => void;
  private stopped = false;

  constructor(private readonly url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ROOM_WS_PATH}`) {
    this.waitForSocket();
    this.connect();
  }

  private waitForSocket() {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  private connect() {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.markReady();
      this.openListeners.forEach((l) => l());
    });
    socket.addEventListener('message', (message) => {
      const frame = JSON.parse(String(message.data)) as Frame;
      if (frame.type === 'reply') {
        this.pending.get(frame.id)?.(frame.reply);
        this.pending.delete(frame.id);
      } else if (frame.type === 'event') {
        this.eventListeners.forEach((l) => l(frame.name, frame.payload));
      }
    });
    socket.addEventListener('close', (event) => {
      this.waitForSocket();
      this.pending.forEach((resolve) => resolve(OFFLINE));
      this.pending.clear();
      if (event.code === ROOM_CLOSED_CODE) this.eventListeners.forEach((l) => l('room.closed', {}));
      if (!this.stopped) setTimeout(() => this.connect(), RECONNECT_MS);
    });
  }

  get token(): string | null {
    return this.currentToken;
  }

  setToken(token: string | null): void {
    this.currentToken = token;
  }

  async call<M extends ParticipantMethodName>(method: M, input: ParticipantInput<M>): Promise<ParticipantOutput<M>> {
    await this.ready;
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      this.pending.set(id, resolve);
      this.socket.send(JSON.stringify({ id, method, input, ...(this.token && method !== 'room.join' ? { token: this.token } : {}) }));
    });
    if (!reply.ok) throw new CallFailed(reply.error.code, reply.error.message, reply.error.path);
    return reply.result as ParticipantOutput<M>;
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Every time the socket opens, the first time included. */
  onOpen(listener: () => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }
}

const STORAGE_KEY = 'groundwork-room';

export interface Saved {
  token: string;
  code: string;
}

export function loadSaved(): Saved | null {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
  } catch {
    return null;
  }
}

export function save(saved: Saved | null): void {
  if (saved) localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  else localStorage.removeItem(STORAGE_KEY);
}

/** The code the QR code carries in the URL's fragment (never sent to the server). */
export function codeFromUrl(): string {
  return /code=([A-Za-z0-9]{1,12})/.exec(location.hash)?.[1]?.toUpperCase() ?? '';
}
