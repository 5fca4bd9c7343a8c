import { getViewportForBounds, type Viewport } from '@xyflow/react';
import { flowNodeBox, type BoardFlowNode } from '../state/flow';
import { union } from './edges/geometry';
import { ZOOM_RANGE } from './zoom-range';

/** How the canvas fits a board: clear of the toolbar, and a lone card not filling the screen. */
export const FIT_VIEW = { padding: 0.2, maxZoom: 1.25 };

/**
 * The whole board fitted to a pane of `width` × `height`, from the cards' sizes as known before any
 * is drawn (as React Flow's fit would: the padding around it, the zoom floor, FIT_VIEW's ceiling).
 * React Flow fits only once it has measured the cards, and a board opened for the first time would
 * show its top-left corner at full size until then: on a 5,000-card board, for two seconds.
 */
export function fittedView(nodes: readonly BoardFlowNode[], width: number, height: number): Viewport {
  if (nodes.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds(union(nodes.map(flowNodeBox)), width, height, ZOOM_RANGE.minZoom, FIT_VIEW.maxZoom, FIT_VIEW.padding);
}
