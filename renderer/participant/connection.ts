import type { ParticipantInput, ParticipantMethodName, ParticipantOutput } from '../../shared/api/participant-contract';
import { ROOM_CLOSED_CODE, ROOM_WS_PATH } from '../../shared/api/room-paths';
import { SocketConnection } from '../api/socket-connection';

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
 * socket comes back by itself after the Wi-Fi drops (see SocketConnection).
 */
export class RoomConnection {
  private currentToken: string | null = null;
  private readonly connection: SocketConnection;
  private readonly eventListeners = new Set<(name: string, payload: unknown) => void>();

  constructor(url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ROOM_WS_PATH}`) {
    this.connection = new SocketConnection({
      url,
      unavailableMessage: 'No connection to the room; trying again…',
      onClose: (event) => {
        if (event.code === ROOM_CLOSED_CODE) this.eventListeners.forEach((l) => l('room.closed', {}));
      },
    });
    this.connection.onEvent((name, payload) => this.eventListeners.forEach((l) => l(name, payload)));
  }

  get token(): string | null {
    return this.currentToken;
  }

  setToken(token: string | null): void {
    this.currentToken = token;
  }

  async call<M extends ParticipantMethodName>(method: M, input: ParticipantInput<M>): Promise<ParticipantOutput<M>> {
    const reply = await this.connection.call({ method, input, ...(this.token && method !== 'room.join' ? { token: this.token } : {}) });
    if (!reply.ok) throw new CallFailed(reply.error.code, reply.error.message, reply.error.path);
    return reply.result as ParticipantOutput<M>;
  }

  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Whether the room's listener answers: false while it is closed or out of the phone's reach. */
  get reachable(): boolean {
    return this.connection.state === 'open';
  }

  onReachable(listener: (reachable: boolean) => void): () => void {
    return this.connection.onState((state) => listener(state === 'open'));
  }

  /** Every time the socket opens from now on, the first time included if it has not opened yet (`reachable` says). */
  onOpen(listener: () => void): () => void {
    return this.connection.onOpen(() => listener());
  }
}

const STORAGE_KEY = 'groundwork-room';

interface Saved {
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
