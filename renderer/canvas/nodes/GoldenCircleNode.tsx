import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { DEFAULT_SIZE, type GoldenCircleData } from '../../../shared/model';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { LabelEditor } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { Resizer } from './Resizer';

const FALLBACK = DEFAULT_SIZE.goldenCircle ?? { width: 420, height: 420 };

/** Why at the centre, how around it, what outside; why is edited here, how and what in the inspector. */
export const GoldenCircleNode = memo(function GoldenCircleNode({ id, data, selected, width, height }: NodeProps<BoardFlowNode>) {
  const circle = data as GoldenCircleData;
  const { editing, commit, cancel, seed } = useLabelEditing(id, 'goldenCircle');
  return (
    <div
      className={`gw-node golden-circle${selected ? ' is-selected' : ''}`}
      style={{ width: width ?? FALLBACK.width, height: height ?? FALLBACK.height }}
    >
      <Resizer id={id} selected={selected} minWidth={240} minHeight={240} keepAspectRatio />
      <Handle type="target" position={Position.Top} />
      <div className="gc-ring gc-what" aria-hidden="true" />
      <div className="gc-ring gc-how" aria-hidden="true" />
      <div className="gc-ring gc-why" aria-hidden="true" />
      {/* Labels stack in the top of their rings, as the circle is usually drawn; the texts sit in the wider lower half. */}
      <span className="gc-label gc-label-what">What</span>
      <span className="gc-label gc-label-how">How</span>
      <div className="gc-why-body">
        <span className="gc-label">Why</span>
        {editing ? (
          <LabelEditor value={circle.why} multiline label="Why" onCommit={commit} onCancel={cancel} seed={seed} />
        ) : (
          <p className="gc-text" title={circle.why}>
            {circle.why}
          </p>
        )}
      </div>
      <p className="gc-text gc-text-how" title={circle.how}>
        {circle.how}
      </p>
      <p className="gc-text gc-text-what" title={circle.what}>
        {circle.what}
      </p>
      <NodeBadges nodeId={id} />
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});
