import { z } from 'zod';
import { LIMITS } from './limits';
import { Id } from './schemas';
import type { NodeKind } from './nodes';

export const EdgeKind = z.enum(['reports-to', 'influences', 'flow', 'relates']);
export type EdgeKind = z.infer<typeof EdgeKind>;

export const EdgeData = z.strictObject({
  label: z.string().max(LIMITS.label),
  strength: z.number().int().min(1).max(5).nullable(),
});
export type EdgeData = z.infer<typeof EdgeData>;

export const BoardEdge = z.strictObject({
  id: Id,
  kind: EdgeKind,
  source: Id,
  target: Id,
  data: EdgeData,
});
export type BoardEdge = z.infer<typeof BoardEdge>;

/** The edge kind a new connection gets when the facilitator draws one between two nodes. */
export function defaultEdgeKind(source: NodeKind, target: NodeKind): EdgeKind {
  return source === 'role' && target === 'role' ? 'reports-to' : 'relates';
}
