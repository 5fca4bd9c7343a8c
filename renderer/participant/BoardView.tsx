import { useEffect, useRef } from 'react';
import type { ParticipantBoard } from '../../shared/model/room';
import { CATEGORY_NAMES } from './NoteForm';

export type BoardNotes = ParticipantBoard['notes'];

const categoryName = (category: string) => (CATEGORY_NAMES as Record<string, string>)[category] ?? (category === 'value' ? 'Value' : 'Waste');

interface BoardViewProps {
  board: ParticipantBoard;
  myVotes: string[];
  votesLeft: number;
  onVote(nodeId: string, on: boolean): void;
  /** The frame on screen, when this phone follows the facilitator: its notes are scrolled to and marked. */
  onScreen: string | null;
}

/** The board as it is now, read-only and live: its notes by frame, each with its dots and a vote button. */
export function BoardView({ board, myVotes, votesLeft, onVote, onScreen }: BoardViewProps) {
  const groups = new Map<string, BoardNotes>();
  for (const note of board.notes) groups.set(note.group, [...(groups.get(note.group) ?? []), note]);
  const shown = useRef<HTMLElement | null>(null);
  const hasShown = onScreen !== null && groups.has(onScreen);
  useEffect(() => {
    if (hasShown) shown.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [onScreen, hasShown]);
  return (
    <section className="card" aria-labelledby="board-title">
      <h2 id="board-title">{board.title}</h2>
      {board.notes.length === 0 && <p className="hint">No notes on this board yet.</p>}
      {[...groups].map(([group, notes]) => (
        <section key={group} ref={group === onScreen ? shown : undefined} className={group === onScreen ? 'group is-on-screen' : 'group'} aria-label={group || 'Not in a frame'}>
          {group && (
            <h3>
              {group}
              {group === onScreen && <span className="on-screen-mark"> · on screen</span>}
            </h3>
          )}
          <ul className="notes">
            {notes.map((note) => {
              const mine = myVotes.includes(note.id);
              return (
                <li key={note.id} className={`note category-${note.category}`}>
                  <span className="note-kind">{categoryName(note.category)}</span>
                  <p className="note-text">{note.text}</p>
                  <div className="note-votes">
                    <span aria-label={`${note.votes} dots`}>{'●'.repeat(Math.min(note.votes, 12))} {note.votes}</span>
                    <button type="button" aria-pressed={mine} disabled={!mine && votesLeft === 0} aria-label={`${mine ? 'Take back my dot from' : 'Vote for'} “${note.text}”`} onClick={() => onVote(note.id, !mine)}>
                      {mine ? 'Voted ✓' : 'Vote'}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
