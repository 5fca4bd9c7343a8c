import { WS_PATH, type GroundworkBridge, type Reply, type ServerFrame } from '../../shared/api';

/** How the client reaches main: Electron's preload bridge, or a WebSocket to the served shell. */
export interface Transport {
  call(method: string, input: unknown): Promise<Reply>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Called when the connection comes back after a drop, so the views reload what they show. */
  onReconnect(listener: () => void): () => void;
}

declare global {
  interface Window {
    groundwork?: GroundworkBridge;
  }
}

export function bridgeTransport(bridge: GroundworkBridge): Transport {
  return { call: bridge.call, onEvent: bridge.onEvent, onReconnect: () => () => {} };
}

const RECONNECT_DELAY_MS = 500;

const UNAVAILABLE: Reply = {
  ok: false,
  error: { code: 'unavailable', path: [], message: 'Lost the connection to Groundwork; trying again…' },
};

/**
 * Calls and events share one socket, so a call's reply and the events that follow it arrive in
 * the order main sent them. The socket reconnects by itself after a drop.
 */
export function socketTransport(url: string): Transport {
  let socket: WebSocket;
  let nextId = 1;
  let everOpened = false;
  let ready!: Promise<void>;
  let markReady!: () => void;
  const pending = new Map<number, (reply: Reply) => void>();
  const eventListeners = new Set<(name: string, payload: unknown) => void>();
  const reconnectListeners = new Set<() => void>();

  // Calls made while the connection is down wait here for the next socket.
  const waitForNextSocket = () => {
    ready = new Promise((resolve) => (markReady = resolve));
  };

  const connect = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      markReady();
      if (everOpened) reconnectListeners.forEach((l) => l());
      everOpened = true;
    });
    socket.addEventListener('message', (message) => {
      const frame = JSON.parse(String(message.data)) as ServerFrame;
      if (frame.type === 'reply') {
        pending.get(frame.id)?.(frame.reply);
        pending.delete(frame.id);
      } else if (frame.type === 'event') {
        eventListeners.forEach((l) => l(frame.name, frame.payload));
      }
    });
    socket.addEventListener('close', () => {
      waitForNextSocket();
      pending.forEach((resolve) => resolve(UNAVAILABLE));
      pending.clear();
      setTimeout(connect, RECONNECT_DELAY_MS);
    });
  };
  waitForNextSocket();
  connect();

  return {
    async call(method, input) {
      await ready;
      const id = nextId++;
      return new Promise<Reply>((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, input }));
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
  };
}

export function defaultTransport(): Transport {
  if (window.groundwork) return bridgeTransport(window.groundwork);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return socketTransport(`${scheme}://${location.host}${WS_PATH}`);
}
