import type { NodeProps } from '@xyflow/react';
import { memo, useCallback, useContext, type KeyboardEvent, type MouseEvent } from 'react';
import { NOTE_CATEGORY_NAMES, type NoteData } from '../../../shared/model';
import { NodeBadges } from '../../findings/NodeBadges';
import { useBoard } from '../../state/board-store';
import { useCountsHidden } from '../../room/voting-state';
import type { BoardFlowNode } from '../../state/flow';
import { LabelEditor } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { VerticalHandles } from './Handles';
import { NoteNamesContext } from './note-names';
import { ShownOnlyContext } from './shown-only';

/** Reads the count from the replica, not the render, so two quick clicks count twice. */
function changeVotes(id: string, delta: number): void {
  const { doc, edit } = useBoard.getState();
  const node = doc.nodes.get(id);
  if (node?.kind !== 'note') return;
  const votes = Math.max(0, node.data.votes + delta);
  if (votes !== node.data.votes) edit([{ type: 'node.update', id, data: { votes } }]);
}

/** A quick second click on a vote button is two votes, not a request to edit the text. */
const keepDoubleClick = (event: MouseEvent) => event.stopPropagation();
/** Enter and Space press the focused button; the canvas would otherwise take Enter as "edit the note". */
const keepPress = (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
};

/** A sticky note for signals, stories, ideas, value and waste; the room votes on it. */
export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const note = data as NoteData;
  const { editing, commit, cancel, seed } = useLabelEditing(id, 'note');
  const addVote = useCallback(() => changeVotes(id, 1), [id]);
  const removeVote = useCallback(() => changeVotes(id, -1), [id]);
  const short = note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text;
  // While the room votes on this board its dots are elsewhere: no count here, and no buttons to change one.
  const countsHidden = useCountsHidden();
  const namesShown = useContext(NoteNamesContext);
  const shownOnly = useContext(ShownOnlyContext);
  return (
    <div className={`gw-node note category-${note.category}${selected ? ' is-selected' : ''}${note.hidden ? ' is-hidden' : ''}`}>
      <VerticalHandles />
      <NodeBadges nodeId={id} />
      <div className="note-category">{NOTE_CATEGORY_NAMES[note.category]}</div>
      {note.hidden && (
        <div className="note-hidden" title="Private mode: only its author and you see it until you reveal it">
          Hidden from the room
        </div>
      )}
      {editing ? (
        <LabelEditor value={note.text} multiline label="Note text" onCommit={commit} onCancel={cancel} seed={seed} />
      ) : (
        <div className="note-text">{note.text}</div>
      )}
      {namesShown && note.author && <div className="note-author">{note.author}</div>}
      {!countsHidden && (
        <div className="note-votes">
          {!shownOnly && (
            <>
              <button
                type="button"
                className="vote-button nodrag"
                aria-label={`Remove a vote from ${short}`}
                title="Remove a vote"
                disabled={note.votes === 0}
                onClick={removeVote}
                onDoubleClick={keepDoubleClick}
                onKeyDown={keepPress}
              >
                −
              </button>
              <button
                type="button"
                className="vote-button nodrag"
                aria-label={`Add a vote to ${short}`}
                title="Add a vote"
                onClick={addVote}
                onDoubleClick={keepDoubleClick}
                onKeyDown={keepPress}
              >
                +
              </button>
            </>
          )}
          {note.votes > 0 && (
            <span className="vote-count" aria-label={`${note.votes} vote${note.votes > 1 ? 's' : ''}`}>
              {note.votes}
            </span>
          )}
        </div>
      )}
    </div>
  );
});
