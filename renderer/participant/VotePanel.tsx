import type { ParticipantVote } from '../../shared/model/voting';
import { Countdown } from '../room/Countdown';
import { CATEGORY_NAMES } from './NoteForm';

const categoryName = (category: string) => (CATEGORY_NAMES as Record<string, string>)[category] ?? '';

/**
 * The running vote on a phone: the notes with a dot stepper each, this person's dots left and the
 * time left. It shows no one else's dots: the room's counts come when the facilitator reveals them.
 */
export function VotePanel({ vote, endsAt, onDot }: { vote: ParticipantVote; endsAt: number | null; onDot(nodeId: string, delta: 1 | -1): void }) {
  return (
    <section className="card vote-panel" aria-labelledby="vote-title">
      <h2 id="vote-title">Vote: {vote.scope}</h2>
      <p className="vote-status">
        <span aria-live="polite">
          {vote.dotsLeft} of {vote.dotsPerPerson} dots left
        </span>
        {endsAt !== null && <Countdown endsAt={endsAt} className="vote-clock" />}
      </p>
      <p className="hint">
        At most {vote.maxPerNote} {vote.maxPerNote === 1 ? 'dot' : 'dots'} on one note. Nobody sees the counts until the facilitator reveals them.
      </p>
      <ul className="notes">
        {vote.notes.map((note) => {
          const mine = vote.myDots[note.id] ?? 0;
          return (
            <li key={note.id} className={`note category-${note.category}`}>
              <span className="note-kind">{categoryName(note.category)}</span>
              <p className="note-text">{note.text}</p>
              <div className="dot-stepper">
                <button type="button" aria-label={`Take a dot back from ‘${note.text}’`} disabled={mine === 0} onClick={() => onDot(note.id, -1)}>
                  −
                </button>
                <span className="my-dots" aria-label={`Your dots on ‘${note.text}’: ${mine}`}>
                  {'●'.repeat(mine)}
                  {'○'.repeat(Math.max(0, vote.maxPerNote - mine))}
                </span>
                <button type="button" aria-label={`Add a dot to ‘${note.text}’`} disabled={vote.dotsLeft === 0 || mine >= vote.maxPerNote} onClick={() => onDot(note.id, 1)}>
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
