import { describe, expect, it } from 'vitest';
import { ARRIVALS_PER_FRAME, Arrivals } from '../../../renderer/state/sync/arrivals';
import type { Touched } from '../../../renderer/state/sync/replica';

const touched = (...nodes: string[]): Touched => ({ nodes: new Set(nodes), edges: new Set(['e']), all: false });
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/**
 * A canvas showing `shown` of a view holding `inView`, drawing those not in `offScreen`; each frame
 * shows what `pace` lets through.
 */
function canvas(shown: string[], inView: string[], offScreen: string[] = []) {
  const state = { shown: new Set(shown), view: new Set([...shown, ...inView]), offScreen: new Set(offScreen) };
  const arrivals = new Arrivals();
  const frame = (t: Touched) => {
    const now = arrivals.pace(
      t,
      (id) => state.shown.has(id),
      (id) => state.view.has(id) && !state.offScreen.has(id),
    );
    for (const id of now.nodes) {
      if (state.view.has(id)) state.shown.add(id);
      else state.shown.delete(id);
    }
    return now;
  };
  return { state, arrivals, frame };
}

describe('Arrivals', () => {
  it('lets new nodes join a few a frame, in the order they came, after the changes to nodes already shown', () => {
    const burst = ids('n', 20);
    const { arrivals, frame } = canvas(['a', 'b'], burst);

    const first = frame(touched('a', ...burst));
    expect([...first.nodes]).toEqual(['a', ...burst.slice(0, ARRIVALS_PER_FRAME)]);
    expect(first.edges).toEqual(new Set(['e']));
    expect([...frame(touched('b')).nodes]).toEqual(['b', ...burst.slice(ARRIVALS_PER_FRAME, 2 * ARRIVALS_PER_FRAME)]);
    expect([...frame(touched()).nodes]).toEqual(burst.slice(2 * ARRIVALS_PER_FRAME));
    expect(arrivals.size).toBe(0);
  });

  it('lets a node the canvas does not draw (off screen) join at once, and one the view has moved away from while it waited', () => {
    const burst = ids('n', 20);
    const off = ids('o', 10);
    const { state, arrivals, frame } = canvas([], [...burst, ...off], off);

    const first = frame(touched(...burst, ...off));
    expect([...first.nodes]).toEqual([...off, ...burst.slice(0, ARRIVALS_PER_FRAME)]);
    state.offScreen = new Set(burst.slice(-2));
    expect([...frame(touched()).nodes]).toEqual([...burst.slice(ARRIVALS_PER_FRAME, 2 * ARRIVALS_PER_FRAME), ...burst.slice(-2)]);
    expect([...frame(touched()).nodes]).toEqual(burst.slice(2 * ARRIVALS_PER_FRAME, -2));
    expect(arrivals.size).toBe(0);
  });

  it('never shows a node removed while it waited', () => {
    const burst = ids('n', 12);
    const { state, frame } = canvas([], burst);
    frame(touched(...burst));
    state.view.delete('n10');
    const removal = frame(touched('n10'));

    expect(removal.nodes.has('n10')).toBe(true);
    expect(state.shown.has('n10')).toBe(false);
    expect(state.shown.size).toBe(11);
  });

  it('gives every waiting node to an edit made now, and forgets them on clear', () => {
    const burst = ids('n', 20);
    const { arrivals, frame } = canvas([], burst);
    frame(touched(...burst));

    expect([...arrivals.flush(touched('x')).nodes]).toEqual(['x', ...burst.slice(ARRIVALS_PER_FRAME)]);
    expect(arrivals.size).toBe(0);

    frame(touched(...ids('m', 20)));
    arrivals.clear();
    expect([...frame(touched()).nodes]).toEqual([]);
  });
});
