import { isMethodName, methods, type Reply } from '../../shared/api';
import { GroundworkError, fromZodError } from '../../shared/errors';
import type { CallContext, Service } from '../service/service';

export type Dispatcher = (method: unknown, input: unknown, ctx: CallContext) => Promise<Reply>;

/**
 * The one path every call takes, whatever its transport: look the method up in the contract,
 * validate the input, run the service, check the output. Failures come back as typed errors.
 */
export function createDispatcher(service: Service, log: (error: unknown) => void = console.error): Dispatcher {
  return async (method, input, ctx) => {
    try {
      if (!isMethodName(method)) {
        throw new GroundworkError('unknown_method', `There is no method called ${JSON.stringify(String(method)).slice(0, 120)}`, ['method']);
      }
      const spec = methods[method];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      const run = service[method] as (input: unknown, ctx: CallContext) => unknown;
      const result = await run(parsed.data, ctx);
      return { ok: true, result: spec.output.parse(result) };
    } catch (error) {
      if (error instanceof GroundworkError) return { ok: false, error: error.toInfo() };
      log(error);
      return { ok: false, error: { code: 'internal', path: [], message: 'Something went wrong inside Groundwork; nothing was changed.' } };
    }
  };
}
