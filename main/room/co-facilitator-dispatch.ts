import { coFacilitatorClaims, withinSession, type SessionOf } from '../../shared/api/co-facilitator-scope';
import { isMethodName, type Reply } from '../../shared/api';
import type { Dispatcher } from '../transport/dispatch';
import type { CoFacilitatorHolder } from './co-facilitators';

const refuse = (message: string): Reply => ({ ok: false, error: { code: 'forbidden', path: ['method'], message } });

/**
 * A co-facilitator's call: refused unless the method is in their scope and every session and
 * board id it names is their session's (shared/api/co-facilitator-scope.ts), then the host's own
 * dispatcher, which validates the input as for any call.
 */
export function coFacilitatorCall(dispatch: Dispatcher, sessionOf: SessionOf) {
  return (holder: CoFacilitatorHolder, method: unknown, input: unknown, clientId: string): Promise<Reply> => {
    if (!isMethodName(method)) return dispatch(method, input, { clientId });
    const claims = coFacilitatorClaims(method, input);
    if (!claims) return Promise.resolve(refuse(`A co-facilitator cannot call ${method}: only the host can`));
    if (!withinSession(claims, holder.sessionId, sessionOf)) return Promise.resolve(refuse('That is not part of the session you were paired for'));
    return dispatch(method, input, { clientId, name: holder.name });
  };
}
