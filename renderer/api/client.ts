import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Reply } from '../../shared/api';
import { GroundworkError } from '../../shared/errors';
import type { ConnectionState } from './socket-connection';
import { defaultTransport, type Transport } from './transport';

/** The renderer's one way to main: typed by the contract, whatever the transport. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  onReconnect(listener: () => void): () => void;
  connectionState(): ConnectionState;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
}

/** A reply's result, or its error thrown as a GroundworkError. */
export function resultOf(reply: Reply): unknown {
  if (!reply.ok) throw GroundworkError.from(reply.error);
  return reply.result;
}

function createClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      return resultOf(await transport.call(method, input)) as never;
    },
    on(name, listener) {
      return transport.onEvent((eventName, payload) => {
        if (eventName === name) listener(payload as EventPayload<typeof name>);
      });
    },
    onReconnect: (listener) => transport.onReconnect(listener),
    connectionState: () => transport.connectionState(),
    onConnectionState: (listener) => transport.onConnectionState(listener),
  };
}

let client: ApiClient | undefined;

export function api(): ApiClient {
  client ??= createClient(defaultTransport());
  return client;
}
