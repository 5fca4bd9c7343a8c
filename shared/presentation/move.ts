import type { PresentationPatch, PresentationState } from '../model/presentation';
import { advance, type Step } from './steps';
import { applyToTimers, timerOf } from './timer';

interface Room {
  steps: readonly Step[];
  /** How many items step i reveals one by one (while reveal is on). */
  revealCountOf(stepIndex: number): number;
  now: number;
}

/**
 * Next or previous, decided from main's own state: a window never sends where it thinks the room
 * is, so a window whose copy is a round trip behind cannot skip a part. Nothing moves once the
 * presentation has ended. Leaving a step clears its
 * spotlight and its whole-or-parts choice, and a running timer carries on to the next item's when the presenter wants it to.
 */
export function moveOn(state: PresentationState, direction: 1 | -1, { steps, revealCountOf, now }: Room): PresentationState {
  if (state.ended) return state;
  const { stepIndex, part, parts, itemParts, revealed } = state;
  const next = advance({ stepIndex, part, parts, itemParts, revealed }, direction, steps.length, revealCountOf);
  if (next.stepIndex === stepIndex) return next.part === part && next.revealed === revealed ? state : { ...state, ...next };
  const from = steps[stepIndex]?.agendaItemId;
  const to = steps[next.stepIndex]?.agendaItemId;
  const carry = state.timerCarriesOn && from && to && from !== to && timerOf(state.timers, from)?.runningSince != null;
  return { ...state, ...next, spotlightNodeId: null, fit: 'auto', timers: carry ? applyToTimers(state.timers, to, 'start', now) : state.timers };
}

/** A window's change of what the room sees; showing the step whole or in parts starts it from its first part. */
export function patched(state: PresentationState, patch: PresentationPatch): PresentationState {
  const next = { ...state, ...patch };
  return patch.fit !== undefined && patch.fit !== state.fit ? { ...next, part: 0 } : next;
}

/**
 * The audience window measured how many parts a step needs on its screen, and which part shows
 * each of its reveal items. A report about a step the room has already left is stale and changes nothing.
 */
export function withParts(state: PresentationState, stepIndex: number, parts: number, itemParts: readonly number[]): PresentationState {
  const part = Math.min(state.part, parts - 1);
  if (stepIndex !== state.stepIndex || (parts === state.parts && part === state.part && sameParts(itemParts, state.itemParts))) return state;
  return { ...state, parts, part, itemParts: [...itemParts] };
}

/** Whether two lists of parts (PresentationState.itemParts) are the same. */
export const sameParts = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((part, i) => part === b[i]);
