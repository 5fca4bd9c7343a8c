import type { ReactFlowProps } from '@xyflow/react';

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
  minZoom: 0.05,
  maxZoom: 4,
  proOptions: { hideAttribution: true },
} satisfies Partial<ReactFlowProps>;
