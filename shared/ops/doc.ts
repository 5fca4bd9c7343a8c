import type { BoardEdge } from '../model/edges';
import type { BoardNode } from '../model/nodes';

/**
 * A board's content as ops see it. Maps keep insertion order, which is the drawing order,
 * the same order the store keeps (rowid), so a replica and the database agree.
 */
export interface BoardDoc {
  nodes: Map<string, BoardNode>;
  edges: Map<string, BoardEdge>;
}

export function createDoc(nodes: readonly BoardNode[] = [], edges: readonly BoardEdge[] = []): BoardDoc {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: new Map(edges.map((e) => [e.id, e])),
  };
}

export function edgesOf(doc: BoardDoc, nodeIds: ReadonlySet<string>): BoardEdge[] {
  return [...doc.edges.values()].filter((e) => nodeIds.has(e.source) || nodeIds.has(e.target));
}
