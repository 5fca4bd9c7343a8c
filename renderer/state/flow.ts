import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import { KIND_NAMES, nodeLabel, type BoardEdge, type BoardNode, type NodeKind } from '../../shared/model';

export type BoardFlowNode = FlowNode<BoardNode['data'] & Record<string, unknown>, NodeKind>;
export type BoardFlowEdge = FlowEdge<BoardEdge['data'] & Record<string, unknown>>;

/**
 * React Flow's node for a board node. What React Flow keeps on its own (selection, measured
 * size, dragging) is carried over from the previous object so an edit does not reset it.
 */
export function toFlowNode(node: BoardNode, previous?: BoardFlowNode): BoardFlowNode {
  return {
    ...previous,
    id: node.id,
    type: node.kind,
    position: node.position,
    data: node.data as BoardFlowNode['data'],
    ariaLabel: `${KIND_NAMES[node.kind]}: ${nodeLabel(node)}`,
    width: node.size?.width,
    height: node.size?.height,
    // Frames are regions: drawn behind what they hold.
    zIndex: node.kind === 'frame' ? -1 : undefined,
  };
}

export function toFlowEdge(edge: BoardEdge, previous?: BoardFlowEdge): BoardFlowEdge {
  return {
    ...previous,
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.data.label || undefined,
    className: `edge-${edge.kind}`,
    ariaLabel: `${edge.kind} edge`,
    data: edge.data as BoardFlowEdge['data'],
  };
}

/** Rebuilds the flow arrays after ops touched `nodeIds`/`edgeIds`, reusing every untouched object. */
export function patchFlow<T extends { id: string }, B extends { id: string }>(
  current: T[],
  source: Map<string, B>,
  touched: Set<string>,
  convert: (item: B, previous?: T) => T,
): T[] {
  if (touched.size === 0) return current;
  const seen = new Set<string>();
  const next: T[] = [];
  for (const item of current) {
    seen.add(item.id);
    if (!touched.has(item.id)) next.push(item);
    else {
      const fresh = source.get(item.id);
      if (fresh) next.push(convert(fresh, item));
    }
  }
  for (const id of touched) {
    const fresh = source.get(id);
    if (fresh && !seen.has(id)) next.push(convert(fresh));
  }
  return next;
}
