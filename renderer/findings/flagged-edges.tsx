import { useMemo } from 'react';
import type { Finding } from '../../shared/levels/findings';
import type { Detail } from '../canvas/nodes/detail';
import type { BoardFlowEdge } from '../state/flow';
import { useFindings } from './findings-store';

/** The short word a finding's mark on its edge carries: "compression", "gap". */
const markWord = (finding: Finding) => finding.code.replace(/-/g, ' ');

/**
 * The edges with findings (a compression, a gap) marked as such: a quiet line and the finding's
 * word beside it, and the word in the edge's accessible name. Seen as bare shapes the word could
 * not be read, and React Flow measures each label as it mounts: the edge keeps its look and its
 * name, without the word.
 */
export function flagEdges(edges: BoardFlowEdge[], byEdge: ReadonlyMap<string, readonly Finding[]>, detail: Detail): BoardFlowEdge[] {
  if (byEdge.size === 0) return edges;
  return edges.map((edge) => {
    const findings = byEdge.get(edge.id);
    if (!findings) return edge;
    const words = findings.map(markWord).join(', ');
    const codes = findings.map((f) => `finding-${f.code}`).join(' ');
    return {
      ...edge,
      className: `${edge.className ?? ''} has-finding ${codes}`,
      // A new element for each detail: React Flow measures a label again only when it changes, and
      // the word's size follows the detail (canvas.css).
      label: detail === 'shapes' ? undefined : <tspan key={detail}>{words}</tspan>,
      labelBgPadding: [10, 4],
      labelBgBorderRadius: 8,
      ariaLabel: `${edge.ariaLabel}: ${words}`,
    };
  });
}

/** The open board's edges, marked with the live checks' findings while `shown`. */
export function useFlaggedEdges(edges: BoardFlowEdge[], detail: Detail, shown = true): BoardFlowEdge[] {
  const byEdge = useFindings((s) => s.byEdge);
  return useMemo(() => (shown ? flagEdges(edges, byEdge, detail) : edges), [edges, byEdge, detail, shown]);
}
