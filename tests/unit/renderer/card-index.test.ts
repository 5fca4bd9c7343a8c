import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { cardsNear } from '../../../renderer/canvas/edges/card-index';

interface Card {
  id: string;
  x: number;
  y: number;
  dragging?: boolean;
}

/** React Flow's state as the index reads it: one node lookup per flow, a new nodes array per change. */
function flow() {
  const nodeLookup = new Map<string, InternalNode>();
  return (cards: Card[]) => {
    nodeLookup.clear();
    for (const { id, x, y, dragging } of cards)
      nodeLookup.set(id, { id, type: 'role', dragging, measured: { width: 240, height: 130 }, internals: { positionAbsolute: { x, y } } } as unknown as InternalNode);
    return { nodeLookup, nodes: cards.map(({ id }) => ({ id })) } as unknown as ReactFlowState;
  };
}

describe('cardsNear', () => {
  const area = { x: 0, y: 0, width: 800, height: 400 };

  it('sees a card that moves into the area, and one that leaves it', () => {
    const state = flow();
    const near = cardsNear(area, ['end']);
    expect(near(state([{ id: 'end', x: 0, y: 0 }, { id: 'far', x: 3000, y: 0 }]))).toEqual([]);
    expect(near(state([{ id: 'end', x: 0, y: 0 }, { id: 'far', x: 400, y: 200 }]))).toEqual([{ x: 400, y: 200, width: 240, height: 130 }]);
    expect(near(state([{ id: 'end', x: 0, y: 0 }, { id: 'far', x: 3000, y: 200 }]))).toEqual([]);
  });

  it('keeps its answer while only cards elsewhere move', () => {
    const state = flow();
    const near = cardsNear(area);
    const first = near(state([{ id: 'a', x: 100, y: 100 }, { id: 'b', x: 3000, y: 0 }]));
    expect(near(state([{ id: 'a', x: 100, y: 100 }, { id: 'b', x: 3400, y: 800 }]))).toBe(first);
  });

  it('keeps a card being dragged where it was until it is dropped', () => {
    const state = flow();
    const near = cardsNear(area);
    expect(near(state([{ id: 'a', x: 2000, y: 0 }]))).toEqual([]);
    expect(near(state([{ id: 'a', x: 300, y: 100, dragging: true }]))).toEqual([]);
    expect(near(state([{ id: 'a', x: 300, y: 100 }]))).toEqual([{ x: 300, y: 100, width: 240, height: 130 }]);
  });

  it('leaves the edges by a card that starts a drag as they are until it lands', () => {
    const state = flow();
    const near = cardsNear(area);
    const before = near(state([{ id: 'a', x: 300, y: 100 }]));
    expect(before).toEqual([{ x: 300, y: 100, width: 240, height: 130 }]);
    expect(near(state([{ id: 'a', x: 340, y: 120, dragging: true }]))).toBe(before);
    expect(near(state([{ id: 'a', x: 1500, y: 900, dragging: true }]))).toBe(before);
    expect(near(state([{ id: 'a', x: 1500, y: 900 }]))).toEqual([]);
  });

  it('asks again after changes it did not see (an edge mounted again)', () => {
    const state = flow();
    const near = cardsNear(area);
    expect(near(state([{ id: 'a', x: 100, y: 100 }]))).toHaveLength(1);
    const other = cardsNear({ x: 5000, y: 0, width: 100, height: 100 });
    // The card leaves the area, then moves on elsewhere: only that last move is in the latest change.
    other(state([{ id: 'a', x: 5000, y: 0 }]));
    expect(near(state([{ id: 'a', x: 5400, y: 0 }]))).toEqual([]);
  });
});
