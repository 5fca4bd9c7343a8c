import type { ReactFlowProps } from '@xyflow/react';
import { ZOOM_RANGE } from './zoom-range';

/** A board shown, not edited: the projector and the printed page. Nothing moves, selects or connects. */
export const STATIC_FLOW_PROPS = {
  nodesDraggable: false,
  nodesConnectable: false,
  nodesFocusable: false,
  edgesFocusable: false,
  elementsSelectable: false,
  panOnDrag: false,
  zoomOnScroll: false,
  zoomOnPinch: false,
  zoomOnDoubleClick: false,
  panOnScroll: false,
  ...ZOOM_RANGE,
  proOptions: { hideAttribution: true },
} satisfies Partial<ReactFlowProps>;
