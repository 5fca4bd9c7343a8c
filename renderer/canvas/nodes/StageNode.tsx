import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StageData } from '../../../shared/model';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { LabelEditor } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { HorizontalHandles } from './Handles';

/** One step of a process drawn as a chevron, so a row of them reads as a flow. */
export const StageNode = memo(function StageNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const stage = data as StageData;
  const { editing, commit, cancel, seed } = useLabelEditing(id, 'stage');
  return (
    <div className={`gw-node stage${selected ? ' is-selected' : ''}`}>
      <svg className="stage-shape" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
        <polygon points="0,0 88,0 100,50 88,100 0,100 10,50" vectorEffect="non-scaling-stroke" />
      </svg>
      <HorizontalHandles />
      <NodeBadges nodeId={id} />
      <div className="stage-head">
        <span className="stage-step" aria-label={`Step ${stage.step}`}>
          {stage.step}
        </span>
        {editing ? (
          <LabelEditor value={stage.title} multiline={false} label="Stage title" onCommit={commit} onCancel={cancel} seed={seed} />
        ) : (
          <div className="stage-title">{stage.title || 'Untitled stage'}</div>
        )}
      </div>
      {stage.notes && <div className="stage-notes">{stage.notes}</div>}
    </div>
  );
});
