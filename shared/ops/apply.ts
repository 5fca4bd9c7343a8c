import { GroundworkError, fromZodError } from '../errors';
import { allowedEdgeKinds, EDGE_KIND_NAMES, type EdgeKind } from '../model/edges';
import { LIMITS } from '../model/limits';
import { NODE_KIND_INFO } from '../model/node-kinds';
import { NODE_DATA, type BoardNode } from '../model/nodes';
import { indexOf, insertAt, type BoardDoc } from './doc';
import type { Op } from './ops';

function missing(what: 'node' | 'edge', id: string, path: (string | number)[]): GroundworkError {
  return new GroundworkError('not_found', `No ${what} with id ${id} on this board`, path);
}

function checkEdgeKind(doc: BoardDoc, kind: EdgeKind, sourceId: string, targetId: string, path: (string | number)[]): void {
  const source = doc.nodes.get(sourceId)!;
  const target = doc.nodes.get(targetId)!;
  if (!allowedEdgeKinds(source.kind, target.kind).includes(kind)) {
    throw new GroundworkError(
      'invalid_input',
      `A ${EDGE_KIND_NAMES[kind].toLowerCase()} edge cannot join a ${NODE_KIND_INFO[source.kind].name.toLowerCase()} to a ${NODE_KIND_INFO[target.kind].name.toLowerCase()}`,
      path,
    );
  }
}

/** Validates a node whose data was patched: the merged data must still fit its kind. */
function mergeNodeData(node: BoardNode, patch: Record<string, unknown>, path: (string | number)[]): BoardNode {
  const merged = { ...node.data, ...patch };
  const parsed = NODE_DATA[node.kind].safeParse(merged);
  if (!parsed.success) throw fromZodError(parsed.error, [...path, 'data']);
  return { ...node, data: parsed.data } as BoardNode;
}

/**
 * Applies one op to the doc in place and returns its inverse. Throws a GroundworkError, with
 * the doc untouched, when the op does not fit the doc.
 */
export function applyOp(doc: BoardDoc, op: Op, path: (string | number)[] = []): Op {
  switch (op.type) {
    case 'node.add': {
      if (doc.nodes.has(op.node.id)) throw new GroundworkError('conflict', `A node with id ${op.node.id} already exists`, [...path, 'node', 'id']);
      insertAt(doc.nodes, op.node.id, op.node, op.index);
      return { type: 'node.remove', id: op.node.id };
    }
    case 'node.remove': {
      const node = doc.nodes.get(op.id);
      if (!node) throw missing('node', op.id, [...path, 'id']);
      for (const edge of doc.edges.values()) {
        if (edge.source === op.id || edge.target === op.id) {
          throw new GroundworkError('conflict', `Node ${op.id} still has edge ${edge.id}; remove its edges first`, [...path, 'id']);
        }
      }
      const index = indexOf(doc.nodes, op.id);
      doc.nodes.delete(op.id);
      return { type: 'node.add', node, index };
    }
    case 'node.move': {
      const node = doc.nodes.get(op.id);
      if (!node) throw missing('node', op.id, [...path, 'id']);
      doc.nodes.set(op.id, { ...node, position: op.position });
      return { type: 'node.move', id: op.id, position: node.position };
    }
    case 'node.resize': {
      const node = doc.nodes.get(op.id);
      if (!node) throw missing('node', op.id, [...path, 'id']);
      doc.nodes.set(op.id, { ...node, size: op.size });
      return { type: 'node.resize', id: op.id, size: node.size };
    }
    case 'node.update': {
      const node = doc.nodes.get(op.id);
      if (!node) throw missing('node', op.id, [...path, 'id']);
      const updated = mergeNodeData(node, op.data, path);
      const previous: Record<string, unknown> = {};
      for (const key of Object.keys(op.data)) previous[key] = (node.data as Record<string, unknown>)[key];
      doc.nodes.set(op.id, updated);
      return { type: 'node.update', id: op.id, data: previous };
    }
    case 'edge.add': {
      const { edge } = op;
      if (doc.edges.has(edge.id)) throw new GroundworkError('conflict', `An edge with id ${edge.id} already exists`, [...path, 'edge', 'id']);
      if (!doc.nodes.has(edge.source)) throw missing('node', edge.source, [...path, 'edge', 'source']);
      if (!doc.nodes.has(edge.target)) throw missing('node', edge.target, [...path, 'edge', 'target']);
      if (edge.source === edge.target) throw new GroundworkError('invalid_input', 'An edge needs two different nodes', [...path, 'edge', 'target']);
      checkEdgeKind(doc, edge.kind, edge.source, edge.target, [...path, 'edge', 'kind']);
      insertAt(doc.edges, edge.id, edge, op.index);
      return { type: 'edge.remove', id: edge.id };
    }
    case 'edge.remove': {
      const edge = doc.edges.get(op.id);
      if (!edge) throw missing('edge', op.id, [...path, 'id']);
      const index = indexOf(doc.edges, op.id);
      doc.edges.delete(op.id);
      return { type: 'edge.add', edge, index };
    }
    case 'edge.update': {
      const edge = doc.edges.get(op.id);
      if (!edge) throw missing('edge', op.id, [...path, 'id']);
      if (op.kind) checkEdgeKind(doc, op.kind, edge.source, edge.target, [...path, 'kind']);
      doc.edges.set(op.id, { ...edge, kind: op.kind ?? edge.kind, data: { ...edge.data, ...op.data } });
      const previousData: Partial<typeof edge.data> = {};
      for (const key of Object.keys(op.data ?? {}) as (keyof typeof edge.data)[]) {
        (previousData as Record<string, unknown>)[key] = edge.data[key];
      }
      return { type: 'edge.update', id: op.id, ...(op.kind ? { kind: edge.kind } : {}), ...(op.data ? { data: previousData } : {}) };
    }
  }
}

const count = (n: number) => n.toLocaleString('en');

/**
 * Refuses a board past the per-board caps (LIMITS), naming the first cap passed. `making` says
 * what would pass it: "this change would make it", "board “Org” holds". Every writer of board
 * content checks with this, so a board never holds what a file, a restore point or a template
 * could not.
 */
export function checkBoardCaps(nodes: number, edges: number, making: string, path: (string | number)[] = []): void {
  if (nodes > LIMITS.nodesPerBoard) {
    throw new GroundworkError('too_large', `A board holds at most ${count(LIMITS.nodesPerBoard)} nodes; ${making} ${count(nodes)}. Put some of them on another board.`, path);
  }
  if (edges > LIMITS.edgesPerBoard) {
    throw new GroundworkError('too_large', `A board holds at most ${count(LIMITS.edgesPerBoard)} edges; ${making} ${count(edges)}. Put some of them on another board.`, path);
  }
}

/**
 * Applies a batch all-or-nothing: on the first failing op the ones before it are undone and
 * the error is thrown. Returns the inverse batch, in the order that undoes it. A batch that would
 * take the board past a cap is refused whole; one that leaves an over-full board (from before the
 * caps) no fuller passes, so it can still be trimmed.
 */
export function applyOps(doc: BoardDoc, ops: readonly Op[], path: (string | number)[] = ['ops']): Op[] {
  const inverses: Op[] = [];
  const before = { nodes: doc.nodes.size, edges: doc.edges.size };
  try {
    ops.forEach((op, index) => inverses.push(applyOp(doc, op, [...path, index])));
    checkBoardCaps(
      doc.nodes.size > before.nodes ? doc.nodes.size : 0,
      doc.edges.size > before.edges ? doc.edges.size : 0,
      'this change would make it',
      path,
    );
  } catch (error) {
    // Inverses put removed nodes and edges back at their places: the doc is as it was.
    for (let i = inverses.length - 1; i >= 0; i--) applyOp(doc, inverses[i]);
    throw error;
  }
  return inverses.reverse();
}
