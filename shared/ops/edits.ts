import { newId } from '../model/ids';
import type { BoardEdge } from '../model/edges';
import type { BoardNode } from '../model/nodes';
import { edgesOf, type BoardDoc } from './doc';
import type { Op } from './ops';

/** Removing nodes removes their edges first, so every replica ends the same. */
export function removeNodesOps(doc: BoardDoc, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): Op[] {
  const nodes = new Set([...nodeIds].filter((id) => doc.nodes.has(id)));
  const edges = new Set(edgesOf(doc, nodes).map((e) => e.id));
  for (const id of edgeIds) if (doc.edges.has(id)) edges.add(id);
  return [
    ...[...edges].map((id): Op => ({ type: 'edge.remove', id })),
    ...[...nodes].map((id): Op => ({ type: 'node.remove', id })),
  ];
}

export interface Fragment {
  nodes: BoardNode[];
  edges: BoardEdge[];
}

/** The selected nodes and the edges between them, as copy puts them on the clipboard. */
export function copyFragment(doc: BoardDoc, nodeIds: Iterable<string>): Fragment {
  const ids = new Set(nodeIds);
  const nodes = [...doc.nodes.values()].filter((n) => ids.has(n.id));
  const edges = [...doc.edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target));
  return structuredClone({ nodes, edges });
}

/** Paste and duplicate: fresh ids, shifted so the copy sits visibly beside the original. */
export function pasteOps(fragment: Fragment, offset: { x: number; y: number }): { ops: Op[]; nodeIds: string[] } {
  const ids = new Map(fragment.nodes.map((n) => [n.id, newId('n')]));
  const ops: Op[] = [];
  for (const node of fragment.nodes) {
    const id = ids.get(node.id)!;
    ops.push({
      type: 'node.add',
      node: { ...structuredClone(node), id, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } },
    });
  }
  for (const edge of fragment.edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source && target) ops.push({ type: 'edge.add', edge: { ...structuredClone(edge), id: newId('e'), source, target } });
  }
  return { ops, nodeIds: [...ids.values()] };
}

/**
 * Ops made earlier (an undo step), fitted to the board as it is now: a node they remove first
 * loses the edges drawn to it since, by another window say, as removeNodesOps would.
 */
export function withEdgesOfRemovedNodes(doc: BoardDoc, ops: readonly Op[]): Op[] {
  const removing = new Set(ops.flatMap((op) => (op.type === 'node.remove' ? [op.id] : [])));
  if (removing.size === 0) return [...ops];
  const removed = new Set(ops.flatMap((op) => (op.type === 'edge.remove' ? [op.id] : [])));
  const dangling = edgesOf(doc, removing).filter((e) => !removed.has(e.id));
  return [...dangling.map((e): Op => ({ type: 'edge.remove', id: e.id })), ...ops];
}
