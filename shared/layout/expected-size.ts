import { NODE_KIND_INFO } from '../model/node-kinds';
import type { NodeKind, RoleData } from '../model/nodes';
import type { Size } from '../model/schemas';
import { estimateRoleSize } from './role-size';

/** How large a node renders before the canvas has measured it: a role from its text, any other kind at its usual size. */
export function expectedSize(kind: NodeKind, data: object): Size {
  return kind === 'role' ? estimateRoleSize(data as RoleData) : NODE_KIND_INFO[kind].expectedSize;
}
