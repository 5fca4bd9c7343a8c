import { useReactFlow } from '@xyflow/react';
import { useFindings } from '../findings/findings-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { selectAndCentre } from './centre';

/** Every finding of the live checks; a click selects and centres the node it is about. */
export function FindingsPanel() {
  const findings = useFindings((s) => s.all);
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  if (!findings.length) return <p className="panel-empty">No findings: the org map and the decision-makers pass every check.</p>;
  return (
    <ul className="findings" aria-label="Findings">
      {findings.map((finding) => (
        <li key={finding.id}>
          <button type="button" className={`finding finding-${finding.code}`} disabled={!finding.nodeIds.length} onClick={() => selectAndCentre(flow, finding.nodeIds)}>
            <span className="finding-code">{finding.code.replace(/-/g, ' ')}</span>
            <span className="finding-message">{finding.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
