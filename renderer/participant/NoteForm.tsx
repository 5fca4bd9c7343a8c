import { useCallback, useEffect, useState } from 'react';
import type { MySubmission, ParticipantCategory } from '../../shared/model/room';
import { ROOM_LIMITS } from '../../shared/model/room-limits';
import { newId } from '../../shared/model/ids';
import { CallFailed, type RoomConnection } from './connection';

export const CATEGORY_NAMES = {
  'weak-signal': 'Weak signal',
  'strong-attractor': 'Strong attractor',
  story: 'Story',
  idea: 'Idea',
  question: 'Question',
} as const satisfies Record<ParticipantCategory, string>;

const CATEGORIES = Object.keys(CATEGORY_NAMES) as ParticipantCategory[];

const STATUS_NAMES: Record<MySubmission['status'], string> = { pending: 'waiting', accepted: 'on the board', rejected: 'not taken', merged: 'merged' };

interface Outgoing {
  id: string;
  boardId: string;
  text: string;
  category: ParticipantCategory;
}

const OUTBOX_KEY = 'groundwork-room-outbox';
const readOutbox = (): Outgoing[] => {
  try {
    return JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]') as Outgoing[];
  } catch {
    return [];
  }
};
const writeOutbox = (notes: Outgoing[]) => localStorage.setItem(OUTBOX_KEY, JSON.stringify(notes));

/**
 * Adds a note. It is kept on the phone until the room has it: a note typed while the Wi-Fi is
 * down goes when it comes back, and its key makes a second sending the same note.
 */
export function NoteForm({ connection, boardId, myNotes, onSent }: { connection: RoomConnection; boardId: string; myNotes: MySubmission[]; onSent(): void }) {
  const [category, setCategory] = useState<ParticipantCategory>('weak-signal');
  const [text, setText] = useState('');
  const [outbox, setOutbox] = useState(readOutbox);
  const [problem, setProblem] = useState('');

  const send = useCallback(
    async (note: Outgoing) => {
      try {
        await connection.call('note.add', note);
      } catch (failure) {
        // Offline: it stays in the outbox for the next connection. Refused: it is taken out, with the reason.
        if (failure instanceof CallFailed && failure.code === 'unavailable') return;
        setProblem(failure instanceof Error ? failure.message : String(failure));
      }
      const rest = readOutbox().filter((n) => n.id !== note.id);
      writeOutbox(rest);
      setOutbox(rest);
      onSent();
    },
    [connection, onSent],
  );

  // What the last visit left unsent goes now, and again each time the connection comes back.
  useEffect(() => {
    const flush = () => readOutbox().forEach((note) => void send(note));
    const timer = setTimeout(flush, 0);
    const off = connection.onOpen(flush);
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [connection, send]);

  const submit = () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const note: Outgoing = { id: newId('k'), boardId, text: trimmed, category };
    const next = [...readOutbox(), note];
    writeOutbox(next);
    setOutbox(next);
    setText('');
    setProblem('');
    void send(note);
  };

  const mine = myNotes.filter((n) => n.boardId === boardId);
  return (
    <section className="card" aria-labelledby="add-note">
      <h2 id="add-note">Add a note</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className="kinds">
          <legend>Kind of note</legend>
          {CATEGORIES.map((c) => (
            <label key={c} className={`kind category-${c}${c === category ? ' chosen' : ''}`}>
              <input type="radio" name="kind" value={c} checked={c === category} onChange={() => setCategory(c)} />
              {CATEGORY_NAMES[c]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Your note</span>
          <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={ROOM_LIMITS.noteText} rows={3} required />
        </label>
        <p className="counter" aria-hidden="true">
          {text.length}/{ROOM_LIMITS.noteText}
        </p>
        <button type="submit" className="primary">
          Add note
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {(mine.length > 0 || outbox.length > 0) && (
        <>
          <h3>Your notes</h3>
          <ul className="my-notes" aria-live="polite">
            {outbox
              .filter((n) => n.boardId === boardId && !mine.some((m) => m.id === n.id))
              .map((n) => (
                <li key={n.id}>
                  {n.text} <span className="status">sending…</span>
                </li>
              ))}
            {mine.map((n) => (
              <li key={n.id}>
                {n.text} <span className={`status ${n.status}`}>{n.hidden ? 'on the board, seen only by you and the facilitator' : STATUS_NAMES[n.status]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
