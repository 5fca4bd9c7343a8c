import { useMemo } from 'react';
import type { Finding } from '../../shared/levels/findings';
import type { BoardFlowEdge } from '../state/flow';
import { useFindings } from './findings-store';

/** The short word a finding's mark on its edge carries: "compression", "gap". */
const markWord = (finding: Finding) => finding.code.replace(/-/g, ' ');

/**
 * The edges with findings (a compression, a gap) marked as such: a quiet line, the finding's word
 * in the edge's label (after the facilitator's own words, if any) drawn as a finding's tag by the
 * label layer (canvas/edges/EdgeLabels.tsx), and the word in the edge's accessible name.
 */
export function flagEdges(edges: BoardFlowEdge[], byEdge: ReadonlyMap<string, readonly Finding[]>): BoardFlowEdge[] {
  if (byEdge.size === 0) return edges;
  return edges.map((edge) => {
    const findings = byEdge.get(edge.id);
    if (!findings) return edge;
    const words = findings.map(markWord).join(', ');
    const codes = findings.map((f) => `finding-${f.code}`).join(' ');
    const own = typeof edge.label === 'string' ? edge.label : '';
    return {
      ...edge,
      className: `${edge.className ?? ''} has-finding ${codes}`,
      label: own ? `${own} · ${words}` : words,
      data: { label: '', strength: null, ...edge.data, finding: words },
      ariaLabel: `${edge.ariaLabel}: ${words}`,
    };
  });
}

/** The open board's edges, marked with the live checks' findings while `shown`. */
export function useFlaggedEdges(edges: BoardFlowEdge[], shown = true): BoardFlowEdge[] {
  const byEdge = useFindings((s) => s.byEdge);
  return useMemo(() => (shown ? flagEdges(edges, byEdge) : edges), [edges, byEdge, shown]);
}
