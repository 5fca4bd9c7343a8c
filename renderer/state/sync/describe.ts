import { GroundworkError } from '../../../shared/errors';
import { NODE_KIND_INFO, nodeLabel, type BoardNode } from '../../../shared/model';
import type { Op } from '../../../shared/ops';

const VERBS: Record<Op['type'], string> = {
  'node.add': 'adding',
  'node.remove': 'deleting',
  'node.move': 'moving',
  'node.resize': 'resizing',
  'node.update': 'changing',
  'edge.add': 'connecting',
  'edge.remove': 'removing a connection of',
  'edge.update': 'changing a connection of',
};

const nodeIdOf = (op: Op): string | undefined => {
  if (op.type === 'node.add') return op.node.id;
  if (op.type === 'edge.add') return op.edge.source;
  return op.type.startsWith('node.') ? (op as { id: string }).id : undefined;
};

/** A node in the facilitator's words: "role “Priya Raman”". */
export function describeNode(node: BoardNode): string {
  const label = nodeLabel(node).trim();
  return `${NODE_KIND_INFO[node.kind].name.toLowerCase()}${label ? ` “${label.length > 60 ? `${label.slice(0, 59)}…` : label}”` : ''}`;
}

/** An edit in the facilitator's words: "moving role “Priya Raman” and 2 more changes". */
export function describeEdit(ops: readonly Op[], nodeOf: (id: string) => BoardNode | undefined): string {
  const first = ops[0];
  const id = ops.map(nodeIdOf).find((i) => i !== undefined);
  const node = id === undefined ? undefined : (nodeOf(id) ?? ops.flatMap((op) => (op.type === 'node.add' && op.node.id === id ? [op.node] : []))[0]);
  const what = node ? describeNode(node) : id !== undefined ? 'a node' : 'a connection';
  const more = ops.length > 1 ? ` and ${ops.length - 1} more change${ops.length > 2 ? 's' : ''}` : '';
  return `${VERBS[first.type]} ${what}${more}`;
}

/** Why an edit of this window cannot apply to a node another window has deleted. */
export const DELETED_ELSEWHERE = 'It was deleted in another window.';

/** Why main refused a batch, in words for the facilitator. */
export function refusalReason(error: unknown): string {
  if (error instanceof GroundworkError && error.code === 'not_found') return DELETED_ELSEWHERE;
  // A conflict names ids ("node n_… still has edge e_…"): what the facilitator needs is who.
  if (error instanceof GroundworkError && error.code === 'conflict') return 'Another window changed it at the same time.';
  const message = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** An edit that did not happen, and why: "Not saved: moving role “Priya Raman”. It was deleted in another window." */
export function refusedEdit(verdict: 'Not saved' | 'Not undone' | 'Not redone', ops: readonly Op[], nodeOf: (id: string) => BoardNode | undefined, error: unknown): string {
  return `${verdict}: ${describeEdit(ops, nodeOf)}. ${refusalReason(error)}`;
}
