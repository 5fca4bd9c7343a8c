import { describe, expect, it } from 'vitest';
import { expectedSize } from '../../../shared/layout/expected-size';
import type { BoardNode } from '../../../shared/model';
import { estimatedOnArrival, measuredSizes, patchFlow, toShownFlowNode, withoutEstimate } from '../../../renderer/state/flow';

type Item = { id: string; v: number };
const convert = (item: Item, previous?: Item): Item => ({ ...item, v: item.v + (previous ? 100 : 0) });
const sourceOf = (...items: Item[]) => new Map(items.map((i) => [i.id, i]));

describe('patchFlow', () => {
  const a = { id: 'a', v: 1 };
  const b = { id: 'b', v: 2 };
  const c = { id: 'c', v: 3 };

  it('puts an item added in the middle of the source at its place, reusing the untouched objects', () => {
    const current = [a, c];
    const next = patchFlow(current, sourceOf(a, b, c), new Set(['b']), convert);
    expect(next.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(next[0]).toBe(a);
    expect(next[2]).toBe(c);
  });

  it('updates touched items in place and drops removed ones', () => {
    const next = patchFlow([a, b, c], sourceOf(a, { id: 'c', v: 30 }), new Set(['b', 'c']), convert);
    expect(next).toEqual([a, { id: 'c', v: 130 }]);
  });

  it('leaves out an item of the source that is neither shown nor touched (a node waiting its turn)', () => {
    const next = patchFlow([a], sourceOf(a, b, c), new Set(['c']), convert);
    expect(next.map((i) => i.id)).toEqual(['a', 'c']);
  });

  it('returns the same array when nothing was touched', () => {
    const current = [a, b];
    expect(patchFlow(current, sourceOf(a, b), new Set(), convert)).toBe(current);
  });
});

describe('nodes arriving on a board the canvas culls', () => {
  const role: BoardNode = { id: 'r', kind: 'role', position: { x: 0, y: 0 }, size: null, data: { person: 'Ana', title: 'Rep', stratum: 3, timeSpan: null, notes: '' } };
  const note: BoardNode = { id: 'n', kind: 'note', position: { x: 0, y: 400 }, size: null, data: { text: 'Hi', category: 'idea', votes: 0 } };

  it('come with estimated sizes, but the roles of a map kept arranged: React Flow measures those', () => {
    const kept = toShownFlowNode(estimatedOnArrival(true, true), false);
    expect(kept(note).handles).toBeDefined();
    expect(kept(role).handles).toBeUndefined();
    expect(kept(role).measured).toBeUndefined();
    expect(toShownFlowNode(estimatedOnArrival(true, false), false)(role).handles).toBeDefined();
    expect(toShownFlowNode(estimatedOnArrival(false, false), false)(note).handles).toBeUndefined();
  });

  it('come at just the size their box is drawn at when zoomed out, so React Flow has no size of theirs to report', () => {
    const estimated = toShownFlowNode(estimatedOnArrival(true, false), false)(role);
    expect(estimated.measured).toEqual(expectedSize('role', role.data));
    // A node with a set size is measured once drawn: its card need not fill the box of that size.
    const sized = toShownFlowNode(estimatedOnArrival(true, false), false)({ ...role, size: { width: 300, height: 200 } });
    expect(sized.measured).not.toEqual({ width: 300, height: 200 });
  });

  it('a role shown with an estimate loses it once its map is kept arranged, and a real size stays', () => {
    const estimated = toShownFlowNode(estimatedOnArrival(true, false), false)(role);
    const kept = toShownFlowNode(estimatedOnArrival(true, true), true);
    expect(estimated.measured).toBeDefined();
    expect(kept(role, estimated).handles).toBeUndefined();
    expect(kept(role, estimated).measured).toBeUndefined();
    const measured = { ...estimated, handles: undefined, measured: { width: 320, height: 150 } };
    expect(kept(role, measured).measured).toEqual({ width: 320, height: 150 });
  });
});

describe('the sizes an arrangement takes', () => {
  it('are the measured ones: a node the canvas has not drawn has only an estimate, which is left out', () => {
    const note: BoardNode = { id: 'n', kind: 'note', position: { x: 0, y: 0 }, size: null, data: { text: 'A long note, never on screen yet', category: 'idea', votes: 0 } };
    const estimated = toShownFlowNode(estimatedOnArrival(true, false), false)(note);
    expect(estimated.measured).toBeDefined();
    expect(measuredSizes([estimated]).has('n')).toBe(false);
    const drawn = { ...withoutEstimate(estimated)!, measured: { width: 240, height: 260 } };
    expect(measuredSizes([drawn]).get('n')).toEqual({ width: 240, height: 260 });
  });
});
