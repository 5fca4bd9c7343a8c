import type { BoardEdge } from '../model/edges';
import type { NodeOfKind } from '../model/nodes';
import type { BoardDoc } from '../ops/doc';

export type RoleNode = NodeOfKind<'role'>;
export type DecisionMakerNode = NodeOfKind<'decisionMaker'>;

/**
 * The roles of a board and the reports-to edges between them, indexed once so checks and layout
 * stay linear. A reports-to edge runs from the manager (source) to the report (target); edges
 * that do not join two roles (possible in boards saved before the edge-kind rule) are left out.
 */
export interface OrgMap {
  /** In drawing order. */
  roles: RoleNode[];
  roleById: Map<string, RoleNode>;
  /** In edge order. */
  reportsTo: BoardEdge[];
  /** Role id → the reports-to edges to its managers, in edge order. */
  managerEdges: Map<string, BoardEdge[]>;
  /** Role id → the reports-to edges to its reports, in edge order. */
  reportEdges: Map<string, BoardEdge[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function readOrgMap(doc: BoardDoc): OrgMap {
  const roles: RoleNode[] = [];
  const roleById = new Map<string, RoleNode>();
  for (const node of doc.nodes.values()) {
    if (node.kind !== 'role') continue;
    roles.push(node);
    roleById.set(node.id, node);
  }
  const reportsTo: BoardEdge[] = [];
  const managerEdges = new Map<string, BoardEdge[]>();
  const reportEdges = new Map<string, BoardEdge[]>();
  for (const edge of doc.edges.values()) {
    if (edge.kind !== 'reports-to' || !roleById.has(edge.source) || !roleById.has(edge.target)) continue;
    reportsTo.push(edge);
    push(managerEdges, edge.target, edge);
    push(reportEdges, edge.source, edge);
  }
  return { roles, roleById, reportsTo, managerEdges, reportEdges };
}

/** How messages name a role: the person, else the title, else "an unnamed role". */
export function roleName(role: RoleNode): string {
  return role.data.person.trim() || role.data.title.trim() || 'an unnamed role';
}

export function decisionMakerName(node: DecisionMakerNode): string {
  return node.data.name.trim() || node.data.title.trim() || 'an unnamed decision-maker';
}
