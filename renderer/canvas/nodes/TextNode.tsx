import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { TextData } from '../../../shared/model';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { LabelEditor } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { VerticalHandles } from './Handles';

/** A heading or a label written straight on the board. */
export const TextNode = memo(function TextNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const text = data as TextData;
  const { editing, commit, cancel, seed } = useLabelEditing(id, 'text');
  return (
    <div className={`gw-node text variant-${text.variant}${selected ? ' is-selected' : ''}`}>
      <VerticalHandles />
      <NodeBadges nodeId={id} />
      {editing ? (
        <LabelEditor value={text.text} multiline={false} label="Text" onCommit={commit} onCancel={cancel} seed={seed} />
      ) : (
        <div className="text-body">{text.text}</div>
      )}
    </div>
  );
});
