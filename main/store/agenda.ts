import { GroundworkError } from '../../shared/errors';
import { AgendaItem } from '../../shared/model';
import type { Db } from './db';
import { parseStoredJson, storedText } from './stored-text';

interface AgendaRow {
  id: string;
  title: string;
  timebox_minutes: number;
  board_id: string | null;
  /** The frame, when it is still a frame on the item's board (see migration 0003). */
  live_frame_id: string | null;
  prompts: string;
}

function toAgendaItem(row: AgendaRow): AgendaItem {
  return AgendaItem.parse({
    id: row.id,
    title: storedText(row.title),
    timeboxMinutes: row.timebox_minutes,
    boardId: row.board_id,
    frameId: row.live_frame_id,
    prompts: parseStoredJson(row.prompts),
  });
}

/**
 * The sessions' agendas in SQLite: read with each item's frame only while it is still a frame on
 * the item's board, checked against the session's boards, written whole.
 */
export class AgendaRows {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      agendaOf: db.prepare(
        `SELECT a.id, a.title, a.timebox_minutes, a.board_id, f.id AS live_frame_id, a.prompts
         FROM agenda_items a LEFT JOIN nodes f ON f.id = a.frame_id AND f.board_id = a.board_id AND f.kind = 'frame'
         WHERE a.session_id = ? ORDER BY a.position`,
      ),
      insertAgendaItem: db.prepare(
        `INSERT INTO agenda_items (id, session_id, position, title, timebox_minutes, board_id, frame_id, prompts)
         VALUES (@id, @session_id, @position, @title, @timebox_minutes, @board_id, @frame_id, @prompts)`,
      ),
      deleteAgendaOf: db.prepare('DELETE FROM agenda_items WHERE session_id = ?'),
      agendaItemSession: db.prepare('SELECT session_id FROM agenda_items WHERE id = ?').pluck(),
      nodeOf: db.prepare('SELECT board_id, kind FROM nodes WHERE id = ?'),
      unlinkBoardFromAgenda: db.prepare('UPDATE agenda_items SET board_id = NULL, frame_id = NULL WHERE board_id = ?'),
    };
  }

  of(sessionId: string): AgendaItem[] {
    return (this.sql.agendaOf.all(sessionId) as AgendaRow[]).map(toAgendaItem);
  }

  /** Each item's id must be its own, its board one of `boards` (the session's) and its frame a frame on that board. */
  check(sessionId: string, boards: ReadonlySet<string>, items: readonly AgendaItem[]): void {
    const ids = new Set<string>();
    items.forEach((item, index) => {
      const at = (field: string) => ['items', index, field];
      if (ids.has(item.id)) throw new GroundworkError('invalid_input', `Agenda item id ${item.id} is used twice`, at('id'));
      ids.add(item.id);
      const owner = this.sql.agendaItemSession.get(item.id) as string | undefined;
      if (owner && owner !== sessionId) throw new GroundworkError('conflict', `Id ${item.id} is already used by another session's agenda`, at('id'));
      if (item.boardId !== null && !boards.has(item.boardId)) throw new GroundworkError('not_found', `No board with id ${item.boardId} in this session`, at('boardId'));
      if (item.frameId === null) return;
      if (item.boardId === null) throw new GroundworkError('invalid_input', 'A frame needs its board: choose the board first', at('frameId'));
      const frame = this.sql.nodeOf.get(item.frameId) as { board_id: string; kind: string } | undefined;
      if (!frame || frame.board_id !== item.boardId || frame.kind !== 'frame') {
        throw new GroundworkError('not_found', `No frame with id ${item.frameId} on that board`, at('frameId'));
      }
    });
  }

  insert(sessionId: string, items: readonly AgendaItem[]): void {
    items.forEach((item, position) => this.sql.insertAgendaItem.run(agendaParams(sessionId, position, item)));
  }

  clear(sessionId: string): void {
    this.sql.deleteAgendaOf.run(sessionId);
  }

  /** The foreign key would null board_id alone; the frame link goes with it. */
  unlinkBoard(boardId: string): void {
    this.sql.unlinkBoardFromAgenda.run(boardId);
  }
}

function agendaParams(sessionId: string, position: number, item: AgendaItem) {
  return {
    id: item.id,
    session_id: sessionId,
    position,
    title: item.title,
    timebox_minutes: item.timeboxMinutes,
    board_id: item.boardId,
    frame_id: item.frameId,
    prompts: JSON.stringify(item.prompts),
  };
}
