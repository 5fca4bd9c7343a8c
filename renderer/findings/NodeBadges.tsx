import { memo } from 'react';
import { useFindings } from './findings-store';

/** A warning badge on a node with findings; its tooltip and accessible name say what they are. */
export const NodeBadges = memo(function NodeBadges({ nodeId, quiet }: { nodeId: string; quiet?: string }) {
  const all = useFindings((s) => s.byNode.get(nodeId));
  // A finding about what is being typed (a role with no stratum yet) waits until the edit ends.
  const findings = quiet ? all?.filter((f) => f.code !== quiet) : all;
  if (!findings?.length) return null;
  const text = findings.map((f) => f.message).join('\n');
  return (
    <span className="finding-badge" role="img" aria-label={`${findings.length} finding${findings.length > 1 ? 's' : ''}: ${text}`} title={text}>
      ! {findings.length > 1 ? findings.length : ''}
    </span>
  );
});
