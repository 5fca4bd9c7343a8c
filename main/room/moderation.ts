import { GroundworkError } from '../../shared/errors';
import { LIMITS } from '../../shared/model';
import type { ModerateAction } from '../../shared/model/room';
import type { Db } from '../store/db';
import type { NoteRow, OpenRoom, RoomStore } from './room-store';

/** What moderation needs of the room: its queue, its database's transactions, and accepting notes onto boards. */
interface ModeratedRoom {
  readonly db: Db;
  readonly roomStore: Pick<RoomStore, 'pendingNote' | 'setStatus' | 'editNote'>;
  accept(notes: readonly NoteRow[]): void;
}

/**
 * The facilitator's decision on notes waiting in the queue: accept (onto the board's Inbox),
 * reject, edit, or merge several into the first. Every note named must still be waiting.
 */
export function applyModeration(owner: ModeratedRoom, open: OpenRoom, action: ModerateAction): void {
  const pendingOf = (id: string, path: (string | number)[]) => {
    const note = owner.roomStore.pendingNote(open.id, id);
    if (!note) throw new GroundworkError('not_found', `No note ${id} waiting in the queue`, path);
    return note;
  };
  // The same note twice would land twice (accept) or merge into itself.
  if ('noteIds' in action && new Set(action.noteIds).size !== action.noteIds.length) {
    throw new GroundworkError('invalid_input', 'moderation.noteIds: a note is named twice', ['moderation', 'noteIds']);
  }
  switch (action.action) {
    case 'accept':
      owner.accept(action.noteIds.map((id, i) => pendingOf(id, ['moderation', 'noteIds', i])));
      break;
    case 'reject': {
      const notes = action.noteIds.map((id, i) => pendingOf(id, ['moderation', 'noteIds', i]));
      owner.db.transaction(() => notes.forEach((n) => owner.roomStore.setStatus(n.id, 'rejected')))();
      break;
    }
    case 'edit': {
      const note = pendingOf(action.noteId, ['moderation', 'noteId']);
      owner.roomStore.editNote(note.id, action.text ?? note.text, action.category ?? note.category);
      break;
    }
    case 'merge': {
      const notes = action.noteIds.map((id, i) => pendingOf(id, ['moderation', 'noteIds', i]));
      const [first, ...others] = notes;
      const text = action.text ?? notes.map((n) => n.text).join('\n');
      if (text.length > LIMITS.longText) throw new GroundworkError('invalid_input', `moderation.text: the merged note would be longer than ${LIMITS.longText} characters`, ['moderation', 'text']);
      owner.db.transaction(() => {
        owner.roomStore.editNote(first.id, text, first.category);
        others.forEach((n) => owner.roomStore.setStatus(n.id, 'merged'));
      })();
      break;
    }
  }
}
