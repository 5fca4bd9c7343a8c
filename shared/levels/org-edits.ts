import { defaultEdgeData } from '../model/edges';
import { newId } from '../model/ids';
import type { Stratum } from '../model/levels';
import { defaultNodeData } from '../model/node-kinds';
import type { BoardNode } from '../model/nodes';
import type { Position } from '../model/schemas';
import type { BoardDoc } from '../ops/doc';
import type { Op } from '../ops/ops';
import { readOrgMap, type OrgMap } from './org-map';

/** The stratum one below, as a new report gets it; none under I or under a role without one. */
export function stratumBelow(stratum: Stratum | null): Stratum | null {
  return stratum !== null && stratum > 1 ? stratum - 1 : null;
}

interface NewRole {
  id: string;
  ops: Op[];
}

/** A new role, linked to its manager when it has one: node and edge go in one step. */
export function addRoleOps(position: Position, stratum: Stratum | null, managerId: string | null): NewRole {
  const id = newId('n');
  const node: BoardNode = { id, kind: 'role', position, size: null, data: { ...defaultNodeData('role'), stratum } };
  const ops: Op[] = [{ type: 'node.add', node }];
  if (managerId) ops.push({ type: 'edge.add', edge: { id: newId('e'), kind: 'reports-to', source: managerId, target: id, data: defaultEdgeData('reports-to') } });
  return { id, ops };
}

/** Everyone who reports to the role, directly or not. */
function reportsBelow(map: OrgMap, roleId: string): Set<string> {
  const below = new Set<string>();
  const pending = [roleId];
  while (pending.length) {
    for (const edge of map.reportEdges.get(pending.pop()!) ?? []) {
      if (below.has(edge.target) || edge.target === roleId) continue;
      below.add(edge.target);
      pending.push(edge.target);
    }
  }
  return below;
}

/** The roles the selected ones may be put under: never one of them, nor anyone below them (a loop). */
export function managerCandidates(doc: BoardDoc, roleIds: readonly string[]): BoardNode[] {
  const map = readOrgMap(doc);
  const excluded = new Set(roleIds);
  for (const id of roleIds) for (const below of reportsBelow(map, id)) excluded.add(below);
  return map.roles.filter((role) => !excluded.has(role.id));
}

/**
 * "Reports to": each selected role gets the manager, and loses the managers it had, in one step.
 * Roles that already report to it alone, the manager itself and anyone above it in a loop are left.
 */
export function reportsToOps(doc: BoardDoc, roleIds: readonly string[], managerId: string): Op[] {
  const map = readOrgMap(doc);
  if (!map.roleById.has(managerId)) return [];
  const ops: Op[] = [];
  for (const id of new Set(roleIds)) {
    if (id === managerId || !map.roleById.has(id) || reportsBelow(map, id).has(managerId)) continue;
    const edges = map.managerEdges.get(id) ?? [];
    if (edges.length === 1 && edges[0].source === managerId) continue;
    for (const edge of edges) ops.push({ type: 'edge.remove', id: edge.id });
    ops.push({ type: 'edge.add', edge: { id: newId('e'), kind: 'reports-to', source: managerId, target: id, data: defaultEdgeData('reports-to') } });
  }
  return ops;
}
