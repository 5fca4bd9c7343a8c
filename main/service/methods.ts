import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';

export interface CallContext {
  /** The window, tab or socket the call came from; its own edits are not echoed back to it. */
  clientId: string;
  /** The co-facilitator's name on a call from their laptop; the host's own windows have none. */
  name?: string;
}

/**
 * The methods that wait on something outside the database (a listener, a printer, a file copy):
 * they cannot run inside one SQLite transaction with their output check, as the others do (see
 * main/service/atomic.ts). Their answers are not read from stored text, which is repaired on read
 * anyway; the dispatcher says so truthfully when one still fails its check.
 */
const ASYNC_METHODS = {
  'backup.restore': true,
  'export.pdf': true,
  'room.status': true,
  'room.open': true,
  'room.close': true,
  'room.updateSettings': true,
  'room.moderate': true,
  'room.settings': true,
  'room.reveal': true,
  'library.sync': true,
  'library.publish': true,
  'library.use': true,
  'library.withdraw': true,
} as const satisfies Partial<Record<MethodName, true>>;
type AsyncMethod = keyof typeof ASYNC_METHODS;

export function isAsyncMethod(method: MethodName): method is AsyncMethod {
  return Object.hasOwn(ASYNC_METHODS, method);
}

/** A method not listed in ASYNC_METHODS must answer synchronously: the type says so. */
export type Service = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => M extends AsyncMethod ? Promise<MethodOutput<M>> : MethodOutput<M>;
};
