import type { ReactFlowInstance, ReactFlowState } from '@xyflow/react';
import { CULLING_MIN_NODES, type BoardFlowEdge, type BoardFlowNode } from '../state/flow';
import { detailAt, EDITOR_DETAIL, type Detail } from './nodes/detail';
import { selectionOf, useBoard } from '../state/board-store';
import { focusNode, nodeBoxes, nodeElement } from './capture';
import type { Box } from './placement';

type Flow = ReactFlowInstance<BoardFlowNode, BoardFlowEdge>;

/** Screen pixels at the bottom of the canvas taken by the minimap and the zoom controls. */
export const MINIMAP_ROOM = 130;
/** Screen pixels kept clear at the other edges of the canvas. */
export const EDGE_MARGIN = 24;

const pane = () => document.querySelector('.react-flow')?.getBoundingClientRect();

/** The middle of what the canvas shows, in flow coordinates. */
export function viewCentre(flow: Flow) {
  const rect = pane();
  const centre = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
  return flow.screenToFlowPosition(centre);
}

/** The part of the board a card can be seen whole in, in flow coordinates: the canvas less its margins and the minimap's strip. */
export function seenArea(flow: Flow): Box | undefined {
  const rect = pane();
  if (!rect) return undefined;
  const topLeft = flow.screenToFlowPosition({ x: rect.left + EDGE_MARGIN, y: rect.top + EDGE_MARGIN });
  const bottomRight = flow.screenToFlowPosition({ x: rect.right - EDGE_MARGIN, y: rect.bottom - MINIMAP_ROOM });
  return { x: topLeft.x, y: topLeft.y, width: Math.max(0, bottomRight.x - topLeft.x), height: Math.max(0, bottomRight.y - topLeft.y) };
}

/**
 * Whether the editor's canvas draws only the nodes on screen (onlyRenderVisibleElements): from
 * CULLING_MIN_NODES nodes, but not zoomed out to bare shapes, where most of the board is on screen
 * and working out what is, on every frame of a drag or a pan, would cost more than drawing the few
 * boxes it leaves out.
 */
export const culls = (nodeCount: number, detail: Detail) => nodeCount >= CULLING_MIN_NODES && detail !== 'shapes';

/** The part of the board the editor's canvas draws, in flow coordinates; undefined when it draws every node. */
export function drawnArea({ transform: [x, y, zoom], width, height }: Pick<ReactFlowState, 'transform' | 'width' | 'height'>, nodeCount: number): Box | undefined {
  return culls(nodeCount, detailAt(zoom, EDITOR_DETAIL)) ? { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom } : undefined;
}

/** The most a card added beyond the view may shrink the board to keep what was on screen: to half, and never past full cards. */
const leastZoom = (now: number) => Math.max(now / 2, EDITOR_DETAIL.names);

/**
 * Shows a card added where the view had no room for it: the view zooms out until it holds what
 * it showed (`seen`) and the card, so nothing the facilitator was looking at goes off screen.
 * Returns false, moving nothing, when that would shrink the board too far.
 */
export function showBeside(flow: Flow, card: Box, seen: Box): boolean {
  const rect = pane();
  if (!rect) return false;
  const left = Math.min(seen.x, card.x);
  const top = Math.min(seen.y, card.y);
  const width = Math.max(seen.x + seen.width, card.x + card.width) - left;
  const height = Math.max(seen.y + seen.height, card.y + card.height) - top;
  const now = flow.getZoom();
  const zoom = Math.min(now, (rect.width - 2 * EDGE_MARGIN) / width, (rect.height - EDGE_MARGIN - MINIMAP_ROOM) / height);
  if (zoom < Math.min(now, leastZoom(now))) return false;
  // The middle of both goes to the middle of the part of the canvas clear of the minimap's strip.
  const offsetY = (EDGE_MARGIN - MINIMAP_ROOM) / 2;
  void flow.setCenter(left + width / 2, top + height / 2 - offsetY / zoom, { zoom, duration: 200 });
  return true;
}

/** Frames a culled node is given to be drawn once the view is on it. */
const DRAWN_WITHIN_FRAMES = 10;
/** The focus on its way to a node not drawn yet: the next call of focusInView replaces it. */
let pendingFocus = 0;

/**
 * The node takes the focus, so screen readers follow the selection and the keys act on it. A
 * node off screen on a board the canvas culls is not drawn: the view centres on it first, as React
 * Flow does when a node off screen takes the focus, and it takes the focus once drawn, unless the
 * selection has left it meanwhile.
 */
export function focusInView(flow: Flow, id: string): void {
  cancelAnimationFrame(pendingFocus);
  const box = nodeElement(id) ? undefined : nodeBoxes().get(id);
  if (!box) return focusNode(id);
  void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: flow.getZoom() });
  let frames = 0;
  const focusOnceDrawn = () => {
    const selected = selectionOf(useBoard.getState()).nodeIds;
    if (!selected.includes(id)) return;
    if (nodeElement(id)) focusNode(id);
    else if (++frames < DRAWN_WITHIN_FRAMES) pendingFocus = requestAnimationFrame(focusOnceDrawn);
  };
  pendingFocus = requestAnimationFrame(focusOnceDrawn);
}
