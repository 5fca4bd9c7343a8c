import type { PresentationPatch, PresentationState, StepMeasurement } from '../model/presentation';
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
  return { ...state, ...next, splits: false, spotlightNodeId: null, fit: 'auto', timers: carry ? applyToTimers(state.timers, to, 'start', now) : state.timers };
}

/** A window's change of what the room sees; showing the step whole or in parts starts it from its first part. */
export function patched(state: PresentationState, patch: PresentationPatch): PresentationState {
  const next = { ...state, ...patch };
  return patch.fit !== undefined && patch.fit !== state.fit ? { ...next, part: 0 } : next;
}

/**
 * The audience window measured the step on its screen: how many parts it needs, which part shows
 * each reveal item, and whether it would split with every card in full. Where the room was
 * shown items before the window said where they are (reveal just turned on), the camera goes to
 * the last one's part. A report about a step the room has already left is stale and changes nothing.
 */
export function withMeasurement(state: PresentationState, stepIndex: number, { parts, itemParts, splits }: StepMeasurement): PresentationState {
  const placedNow = state.itemParts.length === 0 && state.revealed ? itemParts[state.revealed - 1] : undefined;
  const part = Math.min(placedNow ?? state.part, parts - 1);
  if (stepIndex !== state.stepIndex || (part === state.part && sameMeasurement(state, { parts, itemParts, splits }))) return state;
  return { ...state, parts, part, itemParts: [...itemParts], splits };
}

/** Whether two measurements of a step say the same. */
export const sameMeasurement = (a: StepMeasurement, b: StepMeasurement) =>
  a.parts === b.parts && a.splits === b.splits && a.itemParts.length === b.itemParts.length && a.itemParts.every((part, i) => part === b.itemParts[i]);
