import { z } from 'zod';
import { type ErrorInfo } from '../errors';

/** What every transport carries back for a call: a result or a typed error, never a throw. */
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorInfo };

/** The WebSocket frames of the served shell. */
export const CallFrame = z.object({
  id: z.number().int().min(0),
  method: z.string().max(100),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrame>;

export type ServerFrame =
  | { type: 'hello'; clientId: string }
  | { type: 'reply'; id: number; reply: Reply }
  | { type: 'event'; name: string; payload: unknown };

/** The object the Electron preload exposes as `window.groundwork`: the contract's client, nothing else. */
export interface GroundworkBridge {
  call(method: string, input: unknown): Promise<Reply>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

export const IPC_CHANNELS = { call: 'groundwork:call', event: 'groundwork:event' } as const;
/** Sent with HTTP calls so the caller's own edits are not echoed back to its socket. */
export const CLIENT_ID_HEADER = 'x-groundwork-client';
