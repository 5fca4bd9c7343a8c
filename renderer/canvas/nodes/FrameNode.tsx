import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_KIND_INFO, type FrameData } from '../../../shared/model';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { LabelEditor } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { Resizer } from './Resizer';

const FALLBACK = NODE_KIND_INFO.frame.expectedSize;

/** A titled region that groups what sits on it; drawn behind the other nodes. */
export const FrameNode = memo(function FrameNode({ id, data, selected, width, height }: NodeProps<BoardFlowNode>) {
  const frame = data as FrameData;
  const { editing, commit, cancel, seed } = useLabelEditing(id, 'frame');
  return (
    <div className={`gw-node frame${selected ? ' is-selected' : ''}`} style={{ width: width ?? FALLBACK.width, height: height ?? FALLBACK.height }}>
      <Resizer id={id} selected={selected} minWidth={200} minHeight={120} />
      <NodeBadges nodeId={id} />
      <div className="frame-title">
        {editing ? (
          <LabelEditor value={frame.title} multiline={false} label="Frame title" onCommit={commit} onCancel={cancel} seed={seed} />
        ) : (
          frame.title || 'Untitled frame'
        )}
      </div>
    </div>
  );
});
