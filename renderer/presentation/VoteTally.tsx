import { useShallow } from 'zustand/react/shallow';
import type { NodeOfKind } from '../../shared/model';
import { useCountsHidden } from '../room/voting-state';
import { useBoard } from '../state/board-store';

type Note = NodeOfKind<'note'>;
/** As many as the room can read at once from the back. */
const SHOWN = 6;

/** The board's most-voted notes, live as dots land from the room and the phones. */
export function VoteTally() {
  const countsHidden = useCountsHidden();
  // The note objects are replaced when their votes change, so a shallow compare sees every vote.
  const notes = useBoard(useShallow((s) => [...s.doc.nodes.values()].filter((n): n is Note => n.kind === 'note' && n.data.votes > 0 && !n.data.hidden)));
  const top = [...notes].sort((a, b) => b.data.votes - a.data.votes || a.data.text.localeCompare(b.data.text)).slice(0, SHOWN);
  const total = notes.reduce((sum, n) => sum + n.data.votes, 0);
  if (countsHidden) return null;
  return (
    <aside className="vote-tally" aria-label="Vote tally">
      <h2>
        Votes <span className="vote-tally-total">{total}</span>
      </h2>
      {top.length === 0 ? (
        <p>No votes yet</p>
      ) : (
        <ol>
          {top.map((note) => (
            <li key={note.id}>
              <span className="vote-tally-count">{note.data.votes}</span>
              <span className="vote-tally-text">{note.data.text}</span>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
