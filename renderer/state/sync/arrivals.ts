import type { Touched } from './replica';

/** How many nodes others added join the canvas in one frame. */
export const ARRIVALS_PER_FRAME = 8;

/**
 * Nodes others added, waiting for their turn to join the canvas. A room's burst brings hundreds
 * of notes within a second; mounted at once, each commit's dozens of new cards make one long
 * frame after another. Those the canvas would draw join a few a frame, in the order they came,
 * while changes to the cards already shown (moves, votes, removals) are drawn at once, and so are
 * new cards where a canvas that culls does not draw: nothing is mounted for them, and paced they
 * would keep the canvas rendering frame after frame for cards it does not show.
 */
export class Arrivals {
  private readonly waiting = new Set<string>();

  get size(): number {
    return this.waiting.size;
  }

  /**
   * What to draw this frame of `touched`: the nodes already shown, gone or where the canvas does
   * not draw (`waits`: whether a node is on the board, where the canvas draws), and the next of
   * the nodes waiting (`touched`'s new ones after those that came before). A node removed while it waited (main
   * tells that as a change of it), or one the view has moved away from, leaves the queue at once.
   */
  pace(touched: Touched, isShown: (id: string) => boolean, waits: (id: string) => boolean): Touched {
    const now = new Set<string>();
    for (const id of touched.nodes) {
      if (!isShown(id) && waits(id)) this.waiting.add(id);
      else {
        this.waiting.delete(id);
        now.add(id);
      }
    }
    let turn = 0;
    for (const id of this.waiting) {
      if (waits(id)) {
        if (turn === ARRIVALS_PER_FRAME) continue;
        turn++;
      }
      this.waiting.delete(id);
      now.add(id);
    }
    return { ...touched, nodes: now };
  }

  /** `touched` with every node still waiting: what the facilitator's own edit must be made against. */
  flush(touched: Touched): Touched {
    if (this.waiting.size === 0) return touched;
    const nodes = new Set([...touched.nodes, ...this.waiting]);
    this.waiting.clear();
    return { ...touched, nodes };
  }

  clear(): void {
    this.waiting.clear();
  }
}
