import { describe, expect, it } from 'vitest';
import { initialPresentation, type PresentationState } from '../../../shared/model';
import { moveOn, patched, withMeasurement } from '../../../shared/presentation/move';
import type { Step } from '../../../shared/presentation/steps';
import { usedMs } from '../../../shared/presentation/timer';

const steps: Step[] = ['a0', 'a1', 'a2'].map((id, i) => ({ boardId: 'b', frameId: `f${i}`, agendaItemId: id, title: `Item ${i}` }));
const state = (patch: Partial<PresentationState> = {}): PresentationState => ({ ...initialPresentation('s'), ...patch });
const room = (now = 0) => ({ steps, revealCountOf: () => 0, now });
const total = (s: PresentationState, now: number) => Object.values(s.timers).reduce((sum, t) => sum + usedMs(t, now), 0);

describe('moving the room on, as main decides it', () => {
  it('shows the second part of a two-part step before the next step', () => {
    const first = moveOn(state({ parts: 2 }), 1, room());
    expect(first).toMatchObject({ stepIndex: 0, part: 1, parts: 2 });
    expect(moveOn(first, 1, room())).toMatchObject({ stepIndex: 1, part: 0, parts: 1 });
  });

  it('leaves the state as it is at the last step, and once the presentation has ended', () => {
    const last = state({ stepIndex: 2 });
    expect(moveOn(last, 1, room())).toBe(last);
    const ended = state({ ended: true });
    expect(moveOn(ended, 1, room())).toBe(ended);
  });

  it('clears the spotlight when the step changes, not when the part does', () => {
    expect(moveOn(state({ parts: 2, spotlightNodeId: 'n' }), 1, room()).spotlightNodeId).toBe('n');
    expect(moveOn(state({ spotlightNodeId: 'n' }), 1, room()).spotlightNodeId).toBeNull();
  });

  it('clears the whole-or-parts choice when the step changes, not when the part does', () => {
    expect(moveOn(state({ parts: 2, fit: 'parts' }), 1, room()).fit).toBe('parts');
    expect(moveOn(state({ fit: 'whole' }), 1, room()).fit).toBe('auto');
  });

  it('starts a step shown whole or in parts from its first part; other changes keep the part', () => {
    expect(patched(state({ parts: 3, part: 2 }), { fit: 'whole' })).toMatchObject({ fit: 'whole', part: 0 });
    expect(patched(state({ parts: 3, part: 2 }), { timerVisible: true })).toMatchObject({ timerVisible: true, part: 2 });
  });

  it('carries a running timer on to the next item, and the total keeps running', () => {
    const running = state({ timers: { a0: { usedMs: 0, runningSince: 1_000 } } });
    const next = moveOn(running, 1, room(61_000));
    expect(next.timers.a0).toEqual({ usedMs: 60_000, runningSince: null });
    expect(next.timers.a1).toEqual({ usedMs: 0, runningSince: 61_000 });
    expect(total(next, 91_000)).toBe(90_000);
    // Back again: the first item's timer takes over where it stopped.
    expect(moveOn(next, -1, room(71_000)).timers.a0).toEqual({ usedMs: 60_000, runningSince: 71_000 });
  });

  it('leaves a paused timer paused, and carries nothing when the presenter turned carrying off', () => {
    const paused = state({ timers: { a0: { usedMs: 5_000, runningSince: null } } });
    expect(moveOn(paused, 1, room(9_000)).timers).toEqual(paused.timers);
    const off = state({ timerCarriesOn: false, timers: { a0: { usedMs: 0, runningSince: 1_000 } } });
    expect(moveOn(off, 1, room(9_000)).timers).toEqual(off.timers);
  });
});

describe('the audience’s count of a step’s parts', () => {
  it('is taken for the current step, keeping the part within the count', () => {
    expect(withMeasurement(state({ part: 3, parts: 4 }), 0, { parts: 2, itemParts: [], splits: false })).toMatchObject({ part: 1, parts: 2 });
  });

  it('brings a part past the count (the last part, where going back enters a step) within it', () => {
    expect(withMeasurement(state({ part: 99, parts: 1 }), 0, { parts: 3, itemParts: [], splits: false })).toMatchObject({ part: 2, parts: 3 });
    expect(withMeasurement(state({ part: 99, parts: 1 }), 0, { parts: 1, itemParts: [], splits: false })).toMatchObject({ part: 0, parts: 1 });
  });

  it('takes which part shows each reveal item, and changes nothing when told again what it knows', () => {
    const told = withMeasurement(state({ parts: 2 }), 0, { parts: 2, itemParts: [0, 1, 1], splits: false });
    expect(told).toMatchObject({ parts: 2, itemParts: [0, 1, 1] });
    expect(withMeasurement(told, 0, { parts: 2, itemParts: [0, 1, 1], splits: false })).toBe(told);
    expect(withMeasurement(told, 0, { parts: 2, itemParts: [0, 0, 1], splits: false })).toMatchObject({ itemParts: [0, 0, 1] });
  });

  it('takes the camera to the last revealed item’s part when the items’ parts arrive after it was revealed', () => {
    // Reveal turned on and two items shown before the audience said where they are.
    const early = state({ parts: 3, part: 2, revealed: 2, itemParts: [] });
    expect(withMeasurement(early, 0, { parts: 3, itemParts: [0, 1, 2], splits: false })).toMatchObject({ part: 1 });
    // Once known, a new count moves no camera: the room stays where the presses took it.
    const known = state({ parts: 3, part: 2, revealed: 2, itemParts: [0, 1, 2] });
    expect(withMeasurement(known, 0, { parts: 3, itemParts: [0, 0, 2], splits: false }).part).toBe(2);
  });

  it('takes whether the step splits with every card in full, which the next step measures afresh', () => {
    const told = withMeasurement(state(), 0, { parts: 1, itemParts: [], splits: true });
    expect(told.splits).toBe(true);
    expect(moveOn(told, 1, room()).splits).toBe(false);
  });

  it('is ignored when it is about a step the room has left', () => {
    const moved = state({ stepIndex: 1 });
    expect(withMeasurement(moved, 0, { parts: 3, itemParts: [0, 2], splits: false })).toBe(moved);
  });
});
