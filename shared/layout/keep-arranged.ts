/**
 * "Keep arranged": an edit that changes the org map's structure is followed, in the same batch,
 * by the moves that arrange the map by levels again. Pure: the canvas passes the sizes it has
 * measured, the property test passes none (estimates) or made-up ones.
 */
import type { Size } from '../model/schemas';
import { applyOps } from '../ops/apply';
import { createDoc, type BoardDoc } from '../ops/doc';
import type { Op } from '../ops/ops';
import { arrangeByLevels } from './arrange-by-levels';
import { roleSizes } from './role-size';

/**
 * Whether ops change what the arrangement depends on: roles (added, removed, renamed, given a
 * stratum, moved, resized) and reports-to lines. `doc` is the board before them.
 */
export function changesOrgMap(doc: BoardDoc, ops: readonly Op[]): boolean {
  const added = new Map<string, string>();
  return ops.some((op) => {
    switch (op.type) {
      case 'node.add':
        added.set(op.node.id, op.node.kind);
        return op.node.kind === 'role';
      case 'node.remove':
      case 'node.move':
      case 'node.resize':
      case 'node.update':
        return (doc.nodes.get(op.id)?.kind ?? added.get(op.id)) === 'role';
      case 'edge.add':
        return op.edge.kind === 'reports-to';
      default:
        return doc.edges.get(op.id)?.kind === 'reports-to';
    }
  });
}

/**
 * The moves that arrange the board after `ops` (to append to them), or none when they leave the
 * org map's structure alone, would be refused anyway, or would make a map too wide to arrange.
 */
export function keepArrangedOps(doc: BoardDoc, ops: readonly Op[], measured?: ReadonlyMap<string, Size>): Op[] {
  if (!changesOrgMap(doc, ops)) return [];
  const after = createDoc([...doc.nodes.values()], [...doc.edges.values()]);
  try {
    applyOps(after, ops);
    return arrangeByLevels(after, roleSizes(after, measured));
  } catch {
    // The edit itself will be refused with its own message, or the map stays as the edit left it.
    return [];
  }
}
