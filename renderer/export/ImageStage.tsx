import { ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow, type Rect } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { edgeTypes } from '../canvas/edges/BoardEdge';
import { EdgeLabels } from '../canvas/edges/EdgeLabels';
import { nodeTypes } from '../canvas/nodes';
import { STATIC_FLOW_PROPS } from '../canvas/static-flow';
import { StrataBands } from '../canvas/StrataBands';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { IMAGE_PADDING } from './image-plan';

/** Once every node is measured and the edges drawn: the bounds of the nodes as drawn here. */
function WhenDrawn({ onDrawn }: { onDrawn(bounds: Rect): void }) {
  const initialised = useNodesInitialized();
  const flow = useReactFlow();
  useEffect(() => {
    // Edges are drawn in the frame after the nodes are measured.
    if (initialised) requestAnimationFrame(() => requestAnimationFrame(() => onDrawn(flow.getNodesBounds(flow.getNodes()))));
  }, [initialised, onDrawn, flow]);
  return null;
}

/**
 * The nodes to export drawn off screen at 1×, every one of them, whatever the editor's camera
 * shows or leaves out: the image is taken from here, never from the live canvas.
 */
export function ImageStage({ nodes, edges, bounds, strataBands, onDrawn }: { nodes: BoardFlowNode[]; edges: BoardFlowEdge[]; bounds: Rect; strataBands: boolean; onDrawn(element: HTMLElement, drawn: Rect): void }) {
  const host = useRef<HTMLDivElement>(null);
  const width = Math.ceil(bounds.width + 2 * IMAGE_PADDING);
  const height = Math.ceil(bounds.height + 2 * IMAGE_PADDING);
  const viewport = { x: IMAGE_PADDING - bounds.x, y: IMAGE_PADDING - bounds.y, zoom: 1 };
  return createPortal(
    <div ref={host} className="image-stage" aria-hidden="true" style={{ width, height }}>
      <ReactFlowProvider>
        <ReactFlow defaultNodes={nodes} defaultEdges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} defaultViewport={viewport} {...STATIC_FLOW_PROPS} minZoom={1} maxZoom={1}>
          {strataBands && <StrataBands />}
          <EdgeLabels />
          <WhenDrawn onDrawn={(drawn) => host.current && onDrawn(host.current.querySelector<HTMLElement>('.react-flow') ?? host.current, drawn)} />
        </ReactFlow>
      </ReactFlowProvider>
    </div>,
    document.body,
  );
}
