import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import { initialPresentation, type PresentationState } from '../../shared/model';
import { applyToTimers } from '../../shared/presentation/timer';
import type { Store } from '../store/store';
import type { EventHub } from './events';

type PresentationMethods = {
  [M in Extract<MethodName, `presentation.${string}`>]: (input: ParsedInput<M>) => MethodOutput<M>;
};

/**
 * Where the room is in each session's presentation. Kept in memory: it is the state of a live
 * room, not of the workshop's content, and starts afresh with the app.
 */
export function presentationService(store: Store, hub: EventHub, now: () => number = Date.now): PresentationMethods {
  const states = new Map<string, PresentationState>();
  const current = (sessionId: string) => {
    store.getSession(sessionId);
    return states.get(sessionId) ?? initialPresentation(sessionId);
  };
  const save = (state: PresentationState) => {
    states.set(state.sessionId, state);
    hub.publish('presentation.changed', state);
    return state;
  };
  return {
    'presentation.get': ({ sessionId }) => current(sessionId),
    'presentation.update': ({ sessionId, patch }) => save({ ...current(sessionId), ...patch }),
    'presentation.timer': ({ sessionId, itemId, action }) => {
      const state = current(sessionId);
      return save({ ...state, timers: applyToTimers(state.timers, itemId, action, now()) });
    },
  };
}
