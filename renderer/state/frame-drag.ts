import type { NodeChange } from '@xyflow/react';
import type { BoardNode } from '../../shared/model';
import type { BoardDoc } from '../../shared/ops';
import type { BoardFlowNode } from './flow';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxOf(node: BoardNode, flowNode: BoardFlowNode | undefined): Box {
  return {
    ...node.position,
    width: node.size?.width ?? flowNode?.measured?.width ?? 0,
    height: node.size?.height ?? flowNode?.measured?.height ?? 0,
  };
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** The nodes lying wholly inside a frame when its drag starts: they travel with it. */
export function frameContents(doc: BoardDoc, frameId: string, flowNodes: readonly BoardFlowNode[]): string[] {
  const byId = new Map(flowNodes.map((n) => [n.id, n]));
  const frame = doc.nodes.get(frameId)!;
  const area = boxOf(frame, byId.get(frameId));
  return [...doc.nodes.values()].filter((n) => n.id !== frameId && inside(boxOf(n, byId.get(n.id)), area)).map((n) => n.id);
}

/**
 * Adds position changes for the contents of every frame being dragged, by the frame's offset
 * from where it stood (the doc keeps the start position until the drag ends).
 */
export function withFrameContents(
  changes: NodeChange<BoardFlowNode>[],
  doc: BoardDoc,
  contentsOf: (frameId: string) => string[],
): NodeChange<BoardFlowNode>[] {
  const moving = new Set(changes.filter((c) => c.type === 'position').map((c) => c.id));
  const extra: NodeChange<BoardFlowNode>[] = [];
  for (const change of changes) {
    if (change.type !== 'position' || !change.position) continue;
    const frame = doc.nodes.get(change.id);
    if (frame?.kind !== 'frame') continue;
    const dx = change.position.x - frame.position.x;
    const dy = change.position.y - frame.position.y;
    for (const id of contentsOf(change.id)) {
      const node = doc.nodes.get(id);
      if (!node || moving.has(id)) continue;
      moving.add(id);
      extra.push({ type: 'position', id, position: { x: node.position.x + dx, y: node.position.y + dy }, dragging: change.dragging });
    }
  }
  return extra.length ? [...changes, ...extra] : changes;
}
