import { WS_PATH, type GroundworkBridge, type Reply } from '../../shared/api';
import { CALL_TIMEOUT_MS, SocketConnection, type ConnectionState } from './socket-connection';

/** How the client reaches main: Electron's preload bridge, or a WebSocket to the served shell. */
export interface Transport {
  call(method: string, input: unknown): Promise<Reply>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
  /** Called when the connection comes back after a drop, so the views reload what they show. */
  onReconnect(listener: () => void): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    groundwork?: GroundworkBridge;
  }
}

function bridgeTransport(bridge: GroundworkBridge): Transport {
  return {
    call: bridge.call,
    onEvent: bridge.onEvent,
    onReconnect: () => () => {},
    connectionState: () => 'open',
    onConnectionState: () => () => {},
  };
}

/** Calls that rightly take longer than the usual timeout: a handout of many boards, a large file. */
const SLOW_CALLS: Record<string, number> = {
  'export.pdf': 10 * 60_000,
  'file.import': 2 * 60_000,
  'backup.restore': 2 * 60_000,
  'snapshot.restore': 2 * 60_000,
};

/**
 * Calls and events share one socket, so a call's reply and the events that follow it arrive in
 * the order main sent them. The socket reconnects by itself after a drop.
 */
function socketTransport(url: string, WebSocketImpl?: typeof WebSocket): Transport {
  const connection = new SocketConnection({
    url,
    unavailableMessage: 'Groundwork could not be reached. Edits on the board wait and are saved once it is back; try this again then.',
    WebSocket: WebSocketImpl,
  });
  return {
    call: (method, input) => connection.call({ method, input }, SLOW_CALLS[method] ?? CALL_TIMEOUT_MS),
    onEvent: (listener) => connection.onEvent(listener),
    onReconnect: (listener) =>
      connection.onOpen((reconnected) => {
        if (reconnected) listener();
      }),
    connectionState: () => connection.state,
    onConnectionState: (listener) => connection.onState(listener),
  };
}

export function defaultTransport(): Transport {
  if (window.groundwork) return bridgeTransport(window.groundwork);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return socketTransport(`${scheme}://${location.host}${WS_PATH}`);
}
