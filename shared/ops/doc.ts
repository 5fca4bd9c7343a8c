import type { BoardEdge } from '../model/edges';
import type { BoardNode } from '../model/nodes';

/**
 * A board's content as ops see it. Each map's order is the drawing order (first drawn first), the
 * same order the store keeps (its draw_order column), so a replica and the database agree.
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

/** Puts `key` at `index` in the map's order (past the end is the end). */
export function insertAt<V>(map: Map<string, V>, key: string, value: V, index = map.size): void {
  if (index >= map.size) {
    map.set(key, value);
    return;
  }
  const entries = [...map];
  entries.splice(index, 0, [key, value]);
  map.clear();
  for (const [k, v] of entries) map.set(k, v);
}

/** How many come before `key` in the map's order. */
export function indexOf(map: ReadonlyMap<string, unknown>, key: string): number {
  let index = 0;
  for (const k of map.keys()) {
    if (k === key) return index;
    index++;
  }
  return -1;
}
