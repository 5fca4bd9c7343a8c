import { isMethodName, methods, type Reply } from '../../shared/api';
import { GroundworkError, fromZodError } from '../../shared/errors';
import { refuseBrokenText } from '../../shared/text/well-formed';
import type { Atomically } from '../service/atomic';
import { isAsyncMethod, type CallContext, type Service } from '../service/methods';

export type Dispatcher = (method: unknown, input: unknown, ctx: CallContext) => Promise<Reply>;

const NOTHING_CHANGED = 'Something went wrong inside Groundwork; nothing was changed.';
const MAYBE_CHANGED = 'Something went wrong inside Groundwork after it did what you asked: reload to see where things stand.';

/** Without a database to hold a transaction (a test's bare service): the work runs as it is. */
const asItIs: Atomically = (work) => work();

/**
 * The one path every call takes, whatever its transport: look the method up in the contract,
 * refuse broken text, validate the input, run the service, check the output. Failures come back
 * as typed errors.
 *
 * A synchronous method runs with its output check inside `atomically` (one SQLite transaction,
 * see main/service/atomic.ts): an answer that fails its schema rolls the write back, so "nothing
 * was changed" is true. The few asynchronous methods (ASYNC_METHODS) cannot be held that way; when
 * theirs fails the check, the caller is told the change may have been made.
 */
export function createDispatcher(service: Service, log: (error: unknown) => void = console.error, atomically: Atomically = asItIs): Dispatcher {
  return async (method, input, ctx) => {
    let ranAsync = false;
    try {
      if (!isMethodName(method)) {
        throw new GroundworkError('unknown_method', `There is no method called ${JSON.stringify(String(method)).slice(0, 120)}`, ['method']);
      }
      const spec = methods[method];
      // Before the schema, over the raw input: every string is checked, the ones a schema lets
      // through unread (file.import's document) and the ones a future field adds.
      refuseBrokenText(input);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      const run = service[method] as (input: unknown, ctx: CallContext) => unknown;
      if (isAsyncMethod(method)) {
        const result = await run(parsed.data, ctx);
        ranAsync = true;
        return { ok: true, result: spec.output.parse(result) };
      }
      const result = atomically(() => {
        const answer = run(parsed.data, ctx);
        if (answer instanceof Promise) {
          answer.catch(log);
          throw new Error(`${method} answered with a promise: list it in ASYNC_METHODS (main/service/service.ts)`);
        }
        return spec.output.parse(answer);
      });
      return { ok: true, result };
    } catch (error) {
      if (error instanceof GroundworkError) return { ok: false, error: error.toInfo() };
      log(error);
      return { ok: false, error: { code: 'internal', path: [], message: ranAsync ? MAYBE_CHANGED : NOTHING_CHANGED } };
    }
  };
}
