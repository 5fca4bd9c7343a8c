import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RoleData } from '../../../shared/model';
import { recoveryHorizon } from '../../../shared/levels/strata';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { CardLabel } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { VerticalHandles } from './Handles';
import { NameEditor } from './NameEditor';
import { StratumBadge } from './StratumBadge';

/** A role on an org map: who holds it, what it is called, its stratum and how long a bad hire takes to undo. */
export const RoleNode = memo(function RoleNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const role = data as RoleData;
  const labelEditing = useLabelEditing(id, 'role');
  const horizon = recoveryHorizon(role);
  return (
    <div className={`gw-node role${selected ? ' is-selected' : ''}`}>
      <VerticalHandles />
      <StratumBadge stratum={role.stratum} />
      <NodeBadges nodeId={id} quiet={labelEditing.editing ? 'no-stratum' : undefined} />
      <CardLabel
        className="role-person"
        title={role.person.length > 30 ? role.person : undefined}
        text={role.person || 'Unnamed'}
        editor={labelEditing.editing && <NameEditor id={id} kind="role" value={role.person} labelEditing={labelEditing} />}
      />
      {role.title && (
        <div className="role-title" title={role.title.length > 60 ? role.title : undefined}>
          {role.title}
        </div>
      )}
      {horizon && <div className="role-recovery">Recovers in {horizon}</div>}
    </div>
  );
});
