import { newId } from '../../shared/model';
import { DEFAULT_ROOM_SETTINGS, RoomSettings, type MySubmission, type Submission } from '../../shared/model/room';
import type { Db } from '../store/db';
import { storedText } from '../store/stored-text';

interface RoomRow {
  id: string;
  session_id: string;
  code: string;
  host: string;
  port: number;
  settings: string;
}

export interface OpenRoom {
  id: string;
  sessionId: string;
  code: string;
  host: string;
  port: number;
  settings: RoomSettings;
}

export interface Participant {
  id: string;
  name: string;
}

/** The lowest turn of a room's queue still waiting, and its highest: null with no note. */
interface RoomTurns {
  serving: number | null;
  last: number | null;
}

/** A participant's note as it goes into the room's queue. */
export interface NewNote {
  participant: Participant;
  clientKey: string;
  boardId: string;
  text: string;
  category: string;
  named: boolean;
}

export interface NoteRow {
  id: string;
  participant_id: string;
  client_key: string;
  board_id: string;
  text: string;
  category: string;
  status: MySubmission['status'];
  node_id: string | null;
  created_at: number;
  /** 1 when the room showed names as the note was sent. */
  named: number;
  /** The participant's name (joined from room_participants). */
  author: string;
}

/** Names and notes an older version stored with a lone surrogate come back repaired (see stored-text.ts). */
const toNoteRow = (row: NoteRow | undefined): NoteRow | null => (row ? { ...row, text: storedText(row.text), author: storedText(row.author) } : null);
const toParticipant = (row: Participant | undefined): Participant | null => (row ? { id: row.id, name: storedText(row.name) } : null);

const toRoom = (row: RoomRow): OpenRoom => ({
  id: row.id,
  sessionId: row.session_id,
  code: row.code,
  host: row.host,
  port: row.port,
  settings: RoomSettings.parse({ ...DEFAULT_ROOM_SETTINGS, ...JSON.parse(row.settings) }),
});

/** The room's rows: what survives a restart (see migration 0005). */
export class RoomStore {
  private readonly sql;

  constructor(readonly db: Db) {
    this.sql = {
      openRoom: db.prepare('SELECT * FROM rooms WHERE closed_at IS NULL'),
      insertRoom: db.prepare(
        'INSERT INTO rooms (id, session_id, code, host, port, settings, opened_at) VALUES (@id, @session_id, @code, @host, @port, @settings, @opened_at)',
      ),
      setPort: db.prepare('UPDATE rooms SET port = ? WHERE id = ?'),
      setSettings: db.prepare('UPDATE rooms SET settings = ? WHERE id = ?'),
      closeRoom: db.prepare('UPDATE rooms SET closed_at = ? WHERE id = ?'),
      // Revoking is deleting the hash: no token of a closed room can ever match again.
      revokeTokens: db.prepare("UPDATE room_participants SET token_hash = 'revoked:' || id WHERE room_id = ?"),
      lastSettings: db.prepare('SELECT settings FROM rooms WHERE session_id = ? ORDER BY opened_at DESC LIMIT 1').pluck(),
      lastPort: db.prepare('SELECT port FROM rooms WHERE session_id = ? AND host = ? AND port > 0 ORDER BY opened_at DESC LIMIT 1').pluck(),
      participantByToken: db.prepare('SELECT p.id, p.name FROM room_participants p JOIN rooms r ON r.id = p.room_id WHERE p.token_hash = ? AND r.closed_at IS NULL'),
      insertParticipant: db.prepare('INSERT INTO room_participants (id, room_id, token_hash, name, joined_at) VALUES (?, ?, ?, ?, ?)'),
      countParticipants: db.prepare('SELECT count(*) FROM room_participants WHERE room_id = ?').pluck(),
      noteByKey: db.prepare('SELECT n.*, p.name AS author FROM room_notes n JOIN room_participants p ON p.id = n.participant_id WHERE n.participant_id = ? AND n.client_key = ?'),
      insertNote: db.prepare(
        `INSERT INTO room_notes (id, participant_id, client_key, board_id, text, category, status, created_at, named, turn)
         VALUES (@id, @participant_id, @client_key, @board_id, @text, @category, 'pending', @created_at, @named, @turn)`,
      ),
      lastTurnOf: db.prepare('SELECT coalesce(max(turn), 0) FROM room_notes WHERE participant_id = ?').pluck(),
      roomOfParticipant: db.prepare('SELECT room_id FROM room_participants WHERE id = ?').pluck(),
      roomTurns: db.prepare(
        `SELECT min(CASE WHEN n.status = 'pending' THEN n.turn END) AS serving, max(n.turn) AS last
         FROM room_participants p JOIN room_notes n ON n.participant_id = p.id WHERE p.room_id = ?`,
      ),
      pending: db.prepare(
        `SELECT n.*, p.name AS author FROM room_notes n JOIN room_participants p ON p.id = n.participant_id
         WHERE n.status = 'pending' AND p.room_id = ? ORDER BY n.created_at, n.rowid`,
      ),
      // Turn by turn, in the order sent within a turn: one phone's ten notes do not hold back
      // everyone else's one.
      nextPending: db.prepare(
        `SELECT n.*, p.name AS author FROM room_notes n JOIN room_participants p ON p.id = n.participant_id
         WHERE n.status = 'pending' AND p.room_id = ?
         ORDER BY n.turn, n.created_at, n.rowid LIMIT ?`,
      ),
      countPending: db.prepare("SELECT count(*) FROM room_notes n JOIN room_participants p ON p.id = n.participant_id WHERE n.status = 'pending' AND p.room_id = ?").pluck(),
      countPendingOf: db.prepare("SELECT count(*) FROM room_notes WHERE participant_id = ? AND status = 'pending'").pluck(),
      pendingNote: db.prepare(
        `SELECT n.*, p.name AS author FROM room_notes n JOIN room_participants p ON p.id = n.participant_id WHERE n.id = ? AND n.status = 'pending' AND p.room_id = ?`,
      ),
      setNoteStatus: db.prepare('UPDATE room_notes SET status = ?, node_id = ? WHERE id = ?'),
      editNote: db.prepare('UPDATE room_notes SET text = ?, category = ? WHERE id = ?'),
      notesOf: db.prepare('SELECT n.*, p.name AS author FROM room_notes n JOIN room_participants p ON p.id = n.participant_id WHERE n.participant_id = ? ORDER BY n.created_at, n.rowid'),
      insertVote: db.prepare('INSERT OR IGNORE INTO room_votes (participant_id, node_id, created_at) VALUES (?, ?, ?)'),
      deleteVote: db.prepare('DELETE FROM room_votes WHERE participant_id = ? AND node_id = ?'),
      votesOf: db.prepare('SELECT node_id FROM room_votes WHERE participant_id = ? ORDER BY created_at, rowid').pluck(),
      // A note hidden by private mode is not on the board as the room sees it.
      hiddenNode: db.prepare("SELECT 1 FROM nodes WHERE id = ? AND json_extract(data, '$.hidden') IS 1").pluck(),
      noteBoard: db.prepare("SELECT board_id FROM nodes WHERE id = ? AND kind = 'note' AND json_extract(data, '$.hidden') IS NOT 1").pluck(),
      votesInRoom: db.prepare('SELECT count(*) FROM room_votes v JOIN room_participants p ON p.id = v.participant_id WHERE p.room_id = ?').pluck(),
    };
  }

  openRoom(): OpenRoom | null {
    const row = this.sql.openRoom.get() as RoomRow | undefined;
    return row ? toRoom(row) : null;
  }

  /** The settings the session's last room had, so reopening keeps the facilitator's choices. */
  /** The port the session's last room on this address listened on, if it had one. */
  lastPort(sessionId: string, host: string): number | undefined {
    return this.sql.lastPort.get(sessionId, host) as number | undefined;
  }

  lastSettings(sessionId: string): RoomSettings {
    const raw = this.sql.lastSettings.get(sessionId) as string | undefined;
    const parsed = RoomSettings.safeParse({ ...DEFAULT_ROOM_SETTINGS, ...(raw ? JSON.parse(raw) : {}) });
    return parsed.success ? parsed.data : DEFAULT_ROOM_SETTINGS;
  }

  insertRoom(room: Omit<OpenRoom, 'id'>): OpenRoom {
    const id = newId('room');
    this.sql.insertRoom.run({ id, session_id: room.sessionId, code: room.code, host: room.host, port: room.port, settings: JSON.stringify(room.settings), opened_at: Date.now() });
    return { ...room, id };
  }

  setPort(roomId: string, port: number): void {
    this.sql.setPort.run(port, roomId);
  }

  setSettings(roomId: string, settings: RoomSettings): void {
    this.sql.setSettings.run(JSON.stringify(settings), roomId);
  }

  close(roomId: string): void {
    this.db.transaction(() => {
      this.sql.revokeTokens.run(roomId);
      this.sql.closeRoom.run(Date.now(), roomId);
    })();
  }

  participantByTokenHash(hash: string): Participant | null {
    return toParticipant(this.sql.participantByToken.get(hash) as Participant | undefined);
  }

  insertParticipant(roomId: string, tokenHash: string, name: string): Participant {
    const id = newId('p');
    this.sql.insertParticipant.run(id, roomId, tokenHash, name, Date.now());
    return { id, name };
  }

  participantCount(roomId: string): number {
    return this.sql.countParticipants.get(roomId) as number;
  }

  noteByKey(participantId: string, clientKey: string): NoteRow | null {
    return toNoteRow(this.sql.noteByKey.get(participantId, clientKey) as NoteRow | undefined);
  }

  /**
   * Puts notes in their room's queue, in the order given. A note's turn is one after its sender's
   * last, and never before the turn the room is serving (the lowest still waiting; with none
   * waiting, the one after the last): a phone with nothing waiting joins the turn under way, and
   * waits for at most one note of each other phone, not for their tenth, nor for the rest of that
   * turn and the whole next one. The room's turns are read once for the whole group and followed
   * as it goes in: read by each insert, they took every note of the room, and a 60-phone burst (600
   * notes in one group commit) paid for that 600 times.
   */
  insertNotes(notes: readonly NewNote[]): NoteRow[] {
    const rooms = new Map<string, RoomTurns>();
    return notes.map(({ participant, clientKey, boardId, text, category, named }) => {
      const roomId = this.sql.roomOfParticipant.get(participant.id) as string;
      let room = rooms.get(roomId);
      if (!room) rooms.set(roomId, (room = this.sql.roomTurns.get(roomId) as RoomTurns));
      const own = this.sql.lastTurnOf.get(participant.id) as number;
      const turn = Math.max(own + 1, room.serving ?? (room.last === null ? 1 : room.last + 1));
      const row = { id: newId('rn'), participant_id: participant.id, client_key: clientKey, board_id: boardId, text, category, created_at: Date.now(), named: named ? 1 : 0 };
      this.sql.insertNote.run({ ...row, turn });
      room.serving = Math.min(room.serving ?? turn, turn);
      room.last = Math.max(room.last ?? turn, turn);
      return { ...row, status: 'pending', node_id: null, author: participant.name };
    });
  }

  pending(roomId: string): Submission[] {
    return (this.sql.pending.all(roomId) as (NoteRow & { author: string })[]).map((row) => ({
      id: row.id,
      boardId: row.board_id,
      author: storedText(row.author),
      text: storedText(row.text),
      category: row.category as Submission['category'],
      createdAt: row.created_at,
    }));
  }

  /** Up to `limit` waiting notes, taken in turns: every participant's first before anyone's second. */
  nextPending(roomId: string, limit: number): NoteRow[] {
    return (this.sql.nextPending.all(roomId, limit) as NoteRow[]).map((row) => toNoteRow(row)!);
  }

  pendingCount(roomId: string): number {
    return this.sql.countPending.get(roomId) as number;
  }

  /** One participant's notes still waiting for moderation. */
  pendingCountOf(participantId: string): number {
    return this.sql.countPendingOf.get(participantId) as number;
  }

  pendingNote(roomId: string, noteId: string): NoteRow | null {
    return toNoteRow(this.sql.pendingNote.get(noteId, roomId) as NoteRow | undefined);
  }

  setStatus(noteId: string, status: MySubmission['status'], nodeId: string | null = null): void {
    this.sql.setNoteStatus.run(status, nodeId, noteId);
  }

  editNote(noteId: string, text: string, category: string): void {
    this.sql.editNote.run(text, category, noteId);
  }

  notesOf(participantId: string): NoteRow[] {
    return (this.sql.notesOf.all(participantId) as NoteRow[]).map((row) => toNoteRow(row)!);
  }

  /** True when the vote is new; a repeated vote on the same note is the same row. */
  insertVote(participantId: string, nodeId: string): boolean {
    return this.sql.insertVote.run(participantId, nodeId, Date.now()).changes === 1;
  }

  deleteVote(participantId: string, nodeId: string): boolean {
    return this.sql.deleteVote.run(participantId, nodeId).changes === 1;
  }

  votesOf(participantId: string): string[] {
    return this.sql.votesOf.all(participantId) as string[];
  }

  /** The board a note is on, or null when no note has that id or it is hidden from the room. */
  noteBoard(nodeId: string): string | null {
    return (this.sql.noteBoard.get(nodeId) as string | undefined) ?? null;
  }

  /** Whether a node is a note private mode hides. */
  isHidden(nodeId: string): boolean {
    return this.sql.hiddenNode.get(nodeId) !== undefined;
  }

  votesInRoom(roomId: string): number {
    return this.sql.votesInRoom.get(roomId) as number;
  }
}
