import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { subscribeBesideViewport } from '../../../renderer/canvas/flow-layout';

/** React Flow's store as the subscription reads it: a new state per change, as zustand makes. */
function flowStore() {
  return createStore(() => ({ transform: [0, 0, 1] as [number, number, number], nodes: [] as { id: string }[], paneDragging: false }));
}

describe('subscribeBesideViewport', () => {
  it('is not told of a pan or a zoom', () => {
    const store = flowStore();
    let heard = 0;
    subscribeBesideViewport(store)(() => heard++);
    store.setState({ transform: [40, 20, 1] });
    store.setState({ transform: [40, 20, 0.5] });
    expect(heard).toBe(0);
  });

  it('is told of a node moving, of a change with the viewport, and of a change that replaces nothing', () => {
    const store = flowStore();
    let heard = 0;
    subscribeBesideViewport(store)(() => heard++);
    store.setState({ nodes: [{ id: 'a' }] });
    expect(heard).toBe(1);
    store.setState({ transform: [10, 0, 1], paneDragging: true });
    expect(heard).toBe(2);
    // React Flow's updateNodeInternals measures nodes in place and then sets an empty change.
    store.setState({});
    expect(heard).toBe(3);
  });

  it('stops telling a listener that unsubscribed, and tells the others', () => {
    const store = flowStore();
    const subscribe = subscribeBesideViewport(store);
    const heard: string[] = [];
    const stop = subscribe(() => heard.push('first'));
    subscribe(() => heard.push('second'));
    stop();
    store.setState({ nodes: [] });
    expect(heard).toEqual(['second']);
  });
});
