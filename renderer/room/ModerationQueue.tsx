import { useState } from 'react';
import { NOTE_CATEGORY_NAMES, NoteCategory, type BoardSummary } from '../../shared/model';
import type { ModerateAction, Submission, RoomStatus } from '../../shared/model/room';
import { api } from '../api/client';
import { roomCall } from './room-state';

const moderate = (moderation: ModerateAction) => roomCall(() => api().call('room.moderate', { moderation }));

function EditForm({ note, onDone }: { note: Submission; onDone(): void }) {
  const [text, setText] = useState(note.text);
  const [category, setCategory] = useState(note.category);
  return (
    <form
      className="queue-edit"
      onSubmit={(event) => {
        event.preventDefault();
        void moderate({ action: 'edit', noteId: note.id, text, category }).then((ok) => ok && onDone());
      }}
    >
      <label className="field">
        <span>Text</span>
        <textarea value={text} maxLength={280} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span>Kind</span>
        <select value={category} onChange={(e) => setCategory(NoteCategory.parse(e.target.value))}>
          {NoteCategory.options.map((c) => (
            <option key={c} value={c}>
              {NOTE_CATEGORY_NAMES[c]}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Notes from the room waiting for the facilitator: accept onto the board's Inbox, edit, merge, reject. */
export function ModerationQueue({ status, boards }: { status: RoomStatus; boards: BoardSummary[] }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const pending = status.pending;
  const live = selected.filter((id) => pending.some((p) => p.id === id));
  const boardTitle = (id: string) => boards.find((b) => b.id === id)?.title ?? '';
  const toggle = (id: string, on: boolean) => setSelected(on ? [...live, id] : live.filter((x) => x !== id));
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h3 id="queue-title">
        Waiting for you <span className="count">{pending.length}</span>
      </h3>
      {pending.length === 0 && <p className="room-note">{status.settings.autoAccept ? 'Notes go straight onto the board.' : 'Notes from the room appear here.'}</p>}
      {pending.length > 0 && (
        <div className="row">
          <button type="button" className="primary" onClick={() => void moderate({ action: 'accept', noteIds: pending.slice(0, 500).map((p) => p.id) })}>
            Accept all
          </button>
          <button type="button" disabled={live.length < 2} onClick={() => void moderate({ action: 'merge', noteIds: live }).then(() => setSelected([]))}>
            Merge selected ({live.length})
          </button>
        </div>
      )}
      <ul className="queue-list">
        {pending.map((note) => (
          <li key={note.id} className={`queue-item category-${note.category}`}>
            {editing === note.id ? (
              <EditForm note={note} onDone={() => setEditing(null)} />
            ) : (
              <>
                <label className="queue-select">
                  <input type="checkbox" checked={live.includes(note.id)} onChange={(e) => toggle(note.id, e.target.checked)} aria-label={`Select “${note.text}”`} />
                  <span className="queue-meta">
                    {NOTE_CATEGORY_NAMES[note.category]} · {note.author}
                    {boards.length > 1 && ` · ${boardTitle(note.boardId)}`}
                  </span>
                </label>
                <p className="queue-text">{note.text}</p>
                <div className="row">
                  <button type="button" className="primary" aria-label={`Accept “${note.text}”`} onClick={() => void moderate({ action: 'accept', noteIds: [note.id] })}>
                    Accept
                  </button>
                  <button type="button" aria-label={`Edit “${note.text}”`} onClick={() => setEditing(note.id)}>
                    Edit
                  </button>
                  <button type="button" className="danger" aria-label={`Reject “${note.text}”`} onClick={() => void moderate({ action: 'reject', noteIds: [note.id] })}>
                    Reject
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
