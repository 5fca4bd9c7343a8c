import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import { initialPresentation, type BoardNode, type PresentationState } from '../../shared/model';
import { moveOn, patched, withMeasurement } from '../../shared/presentation/move';
import { revealItems } from '../../shared/presentation/reveal';
import { presentationSteps } from '../../shared/presentation/steps';
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
  const stepsOf = (sessionId: string) => {
    const { boards, agenda } = store.getSession(sessionId);
    const framesOf = (boardId: string) => store.getBoard(boardId).nodes.filter((n): n is Extract<BoardNode, { kind: 'frame' }> => n.kind === 'frame');
    return presentationSteps({ boards, agenda, framesOf });
  };
  const revealCount = (step: { boardId: string; frameId: string | null } | undefined) =>
    step ? revealItems(new Map(store.getBoard(step.boardId).nodes.map((n) => [n.id, n])), step.frameId).length : 0;
  return {
    'presentation.get': ({ sessionId }) => current(sessionId),
    'presentation.update': ({ sessionId, patch }) => save(patched(current(sessionId), patch)),
    'presentation.go': ({ sessionId, direction }) => {
      const state = current(sessionId);
      const steps = stepsOf(sessionId);
      const next = moveOn(state, direction, { steps, revealCountOf: (i) => revealCount(steps[i]), now: now() });
      return next === state ? state : save(next);
    },
    'presentation.measured': ({ sessionId, stepIndex, ...measurement }) => {
      const state = current(sessionId);
      const next = withMeasurement(state, stepIndex, measurement);
      return next === state ? state : save(next);
    },
    'presentation.timer': ({ sessionId, itemId, action }) => {
      const state = current(sessionId);
      return save({ ...state, timers: applyToTimers(state.timers, itemId, action, now()) });
    },
  };
}
