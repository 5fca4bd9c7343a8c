import { memo } from 'react';
import { useFindings } from './findings-store';

/** A warning badge on a node with findings; its tooltip and accessible name say what they are. */
export const NodeBadges = memo(function NodeBadges({ nodeId }: { nodeId: string }) {
  const findings = useFindings((s) => s.byNode.get(nodeId));
  if (!findings) return null;
  const text = findings.map((f) => f.message).join('\n');
  return (
    <span className="finding-badge" role="img" aria-label={`${findings.length} finding${findings.length > 1 ? 's' : ''}: ${text}`} title={text}>
      ! {findings.length > 1 ? findings.length : ''}
    </span>
  );
});
