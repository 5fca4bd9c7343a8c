import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo } from 'react';
import { stratumLabel, type NoteCategory, type NoteData, type RoleData, type TextData } from '../../shared/model';
import type { BoardFlowNode } from '../state/flow';
import { LabelEditor } from './LabelEditor';
import { useLabelEditing } from './useLabelEditing';

export const CATEGORY_NAMES: Record<NoteCategory, string> = {
  'weak-signal': 'Weak signal',
  'strong-attractor': 'Strong attractor',
  story: 'Story',
  idea: 'Idea',
  question: 'Question',
  value: 'Value',
  waste: 'Waste',
};

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Top} />
      <Handle type="source" position={Position.Bottom} />
    </>
  );
}

const RoleNode = memo(function RoleNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const role = data as RoleData;
  const { editing, commit, cancel } = useLabelEditing(id, 'role', role.person);
  return (
    <div className={`gw-node role${selected ? ' is-selected' : ''}`}>
      <Handles />
      {role.stratum && <span className="stratum-badge" title={`Stratum ${stratumLabel(role.stratum)}`}>{stratumLabel(role.stratum)}</span>}
      {editing ? (
        <LabelEditor value={role.person} multiline={false} label="Person" onCommit={commit} onCancel={cancel} />
      ) : (
        <div className="role-person">{role.person || 'Unnamed'}</div>
      )}
      {role.title && <div className="role-title">{role.title}</div>}
    </div>
  );
});

const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const note = data as NoteData;
  const { editing, commit, cancel } = useLabelEditing(id, 'note', note.text);
  return (
    <div className={`gw-node note category-${note.category}${selected ? ' is-selected' : ''}`}>
      <Handles />
      <div className="note-category">{CATEGORY_NAMES[note.category]}</div>
      {editing ? (
        <LabelEditor value={note.text} multiline label="Note text" onCommit={commit} onCancel={cancel} />
      ) : (
        <div className="note-text">{note.text}</div>
      )}
      {note.votes > 0 && <span className="vote-count" aria-label={`${note.votes} votes`}>{note.votes}</span>}
    </div>
  );
});

const TextNode = memo(function TextNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const text = data as TextData;
  const { editing, commit, cancel } = useLabelEditing(id, 'text', text.text);
  return (
    <div className={`gw-node text variant-${text.variant}${selected ? ' is-selected' : ''}`}>
      <Handles />
      {editing ? <LabelEditor value={text.text} multiline={false} label="Text" onCommit={commit} onCancel={cancel} /> : <div className="text-body">{text.text}</div>}
    </div>
  );
});

/** Declared once, outside any component, as React Flow asks: a new object per render remounts every node. */
export const nodeTypes: NodeTypes = { role: RoleNode, note: NoteNode, text: TextNode };
