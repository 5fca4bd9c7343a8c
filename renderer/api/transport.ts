import { WS_PATH } from '../../shared/api/shell-paths';
import type { GroundworkBridge, Reply } from '../../shared/api/wire';
import { CO_FACILITATOR_ENDED_CODE, CO_FACILITATOR_PATHS, ENDED_FRAGMENT } from '../../shared/api/co-facilitator-paths';
import { isCoFacilitator } from '../state/address';
import { CALL_TIMEOUT_MS, SocketConnection, type ConnectionState, type SocketConnectionOptions } from './socket-connection';

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
function socketTransport(url: string, { WebSocket: WebSocketImpl, onClose }: Pick<SocketConnectionOptions, 'WebSocket' | 'onClose'> = {}): Transport {
  const connection = new SocketConnection({
    url,
    unavailableMessage: 'Groundwork could not be reached. Edits on the board wait and are saved once it is back; try this again then.',
    WebSocket: WebSocketImpl,
    onClose,
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
  if (!isCoFacilitator()) return socketTransport(`${scheme}://${location.host}${WS_PATH}`);
  // The token rides in the pairing's HttpOnly cookie. Once the host ends the access, the pairing
  // page says so (and takes a new code) instead of the editor retrying for ever.
  return socketTransport(`${scheme}://${location.host}${CO_FACILITATOR_PATHS.socket}`, {
    onClose: (event) => {
      if (event.code === CO_FACILITATOR_ENDED_CODE) location.assign(`${CO_FACILITATOR_PATHS.pairing}${ENDED_FRAGMENT}`);
    },
  });
}
