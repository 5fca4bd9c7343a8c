import { z } from 'zod';
import { LIMITS } from './limits';
import { Id } from './schemas';
import type { NodeKind } from './nodes';

export const EdgeKind = z.enum(['reports-to', 'influences', 'flow', 'relates']);
export type EdgeKind = z.infer<typeof EdgeKind>;

export const EdgeData = z.strictObject({
  label: z.string().max(LIMITS.label),
  /** How strongly one decision-maker influences another, 1–5; influences edges only. */
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

export const EDGE_KIND_NAMES: Record<EdgeKind, string> = {
  'reports-to': 'Reports to',
  influences: 'Influences',
  flow: 'Flow',
  relates: 'Relates',
};

/** Which node kinds each edge kind joins, source → target; `relates` joins any two. */
const EDGE_ENDS: Record<Exclude<EdgeKind, 'relates'>, readonly [NodeKind, NodeKind]> = {
  'reports-to': ['role', 'role'],
  influences: ['decisionMaker', 'decisionMaker'],
  flow: ['stage', 'stage'],
};

/**
 * The edge kinds that make sense between two nodes, the most specific first. A reports-to edge
 * runs from the manager (source, drawn above) to the report (target).
 */
export function allowedEdgeKinds(source: NodeKind, target: NodeKind): EdgeKind[] {
  const specific = (Object.keys(EDGE_ENDS) as (keyof typeof EDGE_ENDS)[]).filter(
    (kind) => EDGE_ENDS[kind][0] === source && EDGE_ENDS[kind][1] === target,
  );
  return [...specific, 'relates'];
}

export function defaultEdgeData(kind: EdgeKind): EdgeData {
  return { label: '', strength: kind === 'influences' ? 3 : null };
}
