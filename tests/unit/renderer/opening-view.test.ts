import { describe, expect, it } from 'vitest';
import { fittedView } from '../../../renderer/canvas/opening-view';
import { ZOOM_RANGE } from '../../../renderer/canvas/zoom-range';
import type { BoardFlowNode } from '../../../renderer/state/flow';

const card = (id: string, x: number, y: number, width = 200, height = 100): BoardFlowNode =>
  ({ id, type: 'text', position: { x, y }, measured: { width, height }, data: {} }) as unknown as BoardFlowNode;

/** Where the board's cards land on a pane at `view`. */
function onScreen(nodes: BoardFlowNode[], view: { x: number; y: number; zoom: number }) {
  const left = Math.min(...nodes.map((n) => n.position.x));
  const top = Math.min(...nodes.map((n) => n.position.y));
  const right = Math.max(...nodes.map((n) => n.position.x + n.measured!.width!));
  const bottom = Math.max(...nodes.map((n) => n.position.y + n.measured!.height!));
  return { left: view.x + left * view.zoom, top: view.y + top * view.zoom, right: view.x + right * view.zoom, bottom: view.y + bottom * view.zoom };
}

describe('fittedView', () => {
  it('shows a whole board centred in the pane, with room around it', () => {
    const nodes = [card('a', 0, 0), card('b', 3000, 400), card('c', 1500, 1800)];
    const view = fittedView(nodes, 1200, 800);
    const box = onScreen(nodes, view);
    expect(box.left).toBeGreaterThan(50);
    expect(box.right).toBeLessThan(1150);
    expect(box.top).toBeGreaterThan(50);
    expect(box.bottom).toBeLessThan(750);
    // Centred across the pane's width, which the board's shape fills more of.
    expect(box.left).toBeCloseTo(1200 - box.right, 6);
  });

  it('does not blow a lone card up past 1.25×, nor shrink a vast board past the zoom floor', () => {
    expect(fittedView([card('a', 40, 40)], 1200, 800).zoom).toBe(1.25);
    expect(fittedView([card('a', 0, 0), card('b', 500_000, 0)], 1200, 800).zoom).toBe(ZOOM_RANGE.minZoom);
  });

  it('opens an empty board, or a pane with no room yet, at the origin at full size', () => {
    expect(fittedView([], 1200, 800)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(fittedView([card('a', 400, 400)], 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
