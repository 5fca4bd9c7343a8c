import { GroundworkError } from '../../shared/errors';
import {
  DEFAULT_BOARD_SETTINGS,
  LIMITS,
  newId,
  type AgendaItem,
  type Board,
  type BoardSettings,
  type BoardSummary,
  type Session,
  type SessionDetail,
  type Viewport,
} from '../../shared/model';
import { applyOps, checkBoardCaps, type Op } from '../../shared/ops';
import type { Db } from './db';
import { AgendaRows } from './agenda';
import { BatchLog } from './batch-log';
import { BoardContent } from './board-content';
import { toBoardSummary, toSession, type BoardRow, type SessionRow } from './rows';
import { withFreshIds, type NewSession, type SessionContent } from './session-content';

/**
 * The repository of sessions and their boards over one SQLite database; each write is one
 * transaction. Agendas are AgendaRows'; board content (nodes and edges, changed through shared/ops)
 * is BoardContent's, written in the same transaction as the revision it makes.
 */
export class Store {
  private readonly sql;
  private readonly agenda: AgendaRows;
  private readonly content: BoardContent;
  readonly batches: BatchLog;

  constructor(readonly db: Db) {
    this.batches = new BatchLog(db);
    this.agenda = new AgendaRows(db);
    this.content = new BoardContent(db);
    this.sql = {
      listSessions: db.prepare('SELECT * FROM sessions ORDER BY updated_at DESC, rowid DESC'),
      getSession: db.prepare('SELECT * FROM sessions WHERE id = ?'),
      insertSession: db.prepare(
        'INSERT INTO sessions (id, title, client, workshop_date, created_at, updated_at) VALUES (@id, @title, @client, @workshop_date, @created_at, @updated_at)',
      ),
      updateSession: db.prepare('UPDATE sessions SET title = @title, client = @client, workshop_date = @workshop_date, updated_at = @updated_at WHERE id = @id'),
      touchSession: db.prepare('UPDATE sessions SET updated_at = ? WHERE id = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
      listBoards: db.prepare('SELECT * FROM boards WHERE session_id = ? ORDER BY position'),
      getBoard: db.prepare('SELECT * FROM boards WHERE id = ?'),
      insertBoard: db.prepare(
        'INSERT INTO boards (id, session_id, title, position, revision, viewport, settings) VALUES (@id, @session_id, @title, @position, @revision, @viewport, @settings)',
      ),
      renameBoard: db.prepare('UPDATE boards SET title = ? WHERE id = ?'),
      moveBoard: db.prepare('UPDATE boards SET position = ? WHERE id = ?'),
      bumpRevision: db.prepare('UPDATE boards SET revision = revision + 1 WHERE id = ? RETURNING revision'),
      setViewport: db.prepare('UPDATE boards SET viewport = ? WHERE id = ?'),
      setSettings: db.prepare('UPDATE boards SET settings = ? WHERE id = ?'),
      deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
    };
  }

  // Sessions

  /** Each row read as toSession repairs it: one session's broken title cannot fail the list. */
  listSessions(query?: string): Session[] {
    const sessions = (this.sql.listSessions.all() as SessionRow[]).map(toSession);
    const words = (query ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const matches = (session: Session) => {
      const haystack = `${session.title} ${session.client} ${session.workshopDate ?? ''}`.toLocaleLowerCase();
      return words.every((w) => haystack.includes(w));
    };
    return sessions.filter(matches);
  }

  getSession(id: string): SessionDetail {
    const row = this.sql.getSession.get(id) as SessionRow | undefined;
    if (!row) throw new GroundworkError('not_found', `No session with id ${id}`, ['id']);
    return { ...toSession(row), boards: this.listBoards(id), agenda: this.getAgenda(id) };
  }

  createSession(input: NewSession, firstBoardTitle = 'Board 1'): SessionDetail {
    const now = Date.now();
    const id = newId('s');
    this.db.transaction(() => {
      this.sql.insertSession.run({ id, title: input.title, client: input.client, workshop_date: input.workshopDate, created_at: now, updated_at: now });
      this.insertBoard(id, firstBoardTitle, 0);
    })();
    return this.getSession(id);
  }

  updateSession(id: string, patch: Partial<NewSession>): Session {
    const current = this.getSession(id);
    this.sql.updateSession.run({
      id,
      title: patch.title ?? current.title,
      client: patch.client ?? current.client,
      workshop_date: patch.workshopDate !== undefined ? patch.workshopDate : current.workshopDate,
      updated_at: Date.now(),
    });
    return toSession(this.sql.getSession.get(id) as SessionRow);
  }

  /** A full copy with fresh ids for the session, its boards, nodes, edges and agenda items. */
  duplicateSession(id: string, title?: string): SessionDetail {
    const source = this.getSession(id);
    return this.insertSession(
      { title: title ?? `${source.title} (copy)`.slice(0, 200), client: source.client, workshopDate: source.workshopDate },
      withFreshIds(this.sessionContent(id)),
    );
  }

  /** Every board of the session with its content, in order, and its agenda; ids as stored. */
  sessionContent(id: string): SessionContent {
    const { boards, agenda } = this.getSession(id);
    return {
      boards: boards.map((summary) => {
        const { id: boardId, title, settings, viewport, nodes, edges } = this.getBoard(summary.id);
        return { id: boardId, title, settings, viewport, nodes, edges };
      }),
      agenda,
    };
  }

  /**
   * Writes a new session with its content in one transaction, ids as given: the caller mints
   * them (withFreshIds). Prepared statements in one transaction write 2,000 nodes and their edges in
   * some 30-60 ms.
   */
  insertSession(input: NewSession, content: SessionContent): SessionDetail {
    const id = newId('s');
    const now = Date.now();
    this.db.transaction(() => {
      this.sql.insertSession.run({ id, title: input.title, client: input.client, workshop_date: input.workshopDate, created_at: now, updated_at: now });
      this.writeContent(id, content);
    })();
    return this.getSession(id);
  }

  /**
   * Puts `content` (ids minted by the caller) in place of the session's boards, their nodes and
   * edges, and its agenda, in one transaction; the session keeps its id and fields.
   */
  replaceContent(sessionId: string, content: SessionContent): SessionDetail {
    const old = this.getSession(sessionId).boards;
    try {
      this.db.transaction(() => {
        this.agenda.clear(sessionId);
        for (const board of old) this.sql.deleteBoard.run(board.id);
        this.writeContent(sessionId, content);
        this.touch(sessionId);
      })();
    } finally {
      // Dropping a cached doc is always safe: the next read loads it from the database.
      for (const board of old) this.content.forget(board.id);
    }
    return this.getSession(sessionId);
  }

  private writeContent(id: string, content: SessionContent): void {
    content.boards.forEach((board, position) => {
      // Copies and restores of boards from before the caps; files are checked on the way in.
      checkBoardCaps(board.nodes.length, board.edges.length, `board “${board.title}” holds`, ['boards', position]);
      this.sql.insertBoard.run({
        id: board.id,
        session_id: id,
        title: board.title,
        position,
        revision: 0,
        viewport: board.viewport ? JSON.stringify(board.viewport) : null,
        settings: JSON.stringify(board.settings),
      });
      this.content.insert(board.id, board.nodes, board.edges);
    });
    this.agenda.insert(id, content.agenda);
  }

  deleteSession(id: string): void {
    const boards = this.getSession(id).boards;
    this.sql.deleteSession.run(id);
    for (const board of boards) this.content.forget(board.id);
  }

  // Agenda

  getAgenda(sessionId: string): AgendaItem[] {
    return this.agenda.of(sessionId);
  }

  /**
   * Replaces the session's agenda with `items`, in their order. Each item's board must belong to
   * the session and its frame must be a frame on that board.
   */
  setAgenda(sessionId: string, items: readonly AgendaItem[]): AgendaItem[] {
    const boards = new Set(this.getSession(sessionId).boards.map((b) => b.id));
    this.agenda.check(sessionId, boards, items);
    this.db.transaction(() => {
      this.agenda.clear(sessionId);
      this.agenda.insert(sessionId, items);
      this.touch(sessionId);
    })();
    return this.getAgenda(sessionId);
  }

  // Boards

  listBoards(sessionId: string): BoardSummary[] {
    return (this.sql.listBoards.all(sessionId) as BoardRow[]).map(toBoardSummary);
  }

  private boardRow(id: string, path: (string | number)[] = ['id']): BoardRow {
    const row = this.sql.getBoard.get(id) as BoardRow | undefined;
    if (!row) throw new GroundworkError('not_found', `No board with id ${id}`, path);
    return row;
  }

  private insertBoard(sessionId: string, title: string, position: number, viewport: Viewport | null = null, settings = DEFAULT_BOARD_SETTINGS): string {
    const id = newId('b');
    this.sql.insertBoard.run({
      id,
      session_id: sessionId,
      title,
      position,
      revision: 0,
      viewport: viewport ? JSON.stringify(viewport) : null,
      settings: JSON.stringify(settings),
    });
    return id;
  }

  updateBoardSettings(id: string, patch: Partial<BoardSettings>): BoardSummary {
    const row = this.boardRow(id);
    const settings = { ...toBoardSummary(row).settings, ...patch };
    this.db.transaction(() => {
      this.sql.setSettings.run(JSON.stringify(settings), id);
      this.touch(row.session_id);
    })();
    return toBoardSummary(this.boardRow(id));
  }

  createBoard(sessionId: string, title: string): BoardSummary {
    const boards = this.getSession(sessionId).boards;
    if (boards.length >= LIMITS.boardsPerSession) throw new GroundworkError('too_large', `A session holds at most ${LIMITS.boardsPerSession} boards`, ['sessionId']);
    const id = this.db.transaction(() => {
      this.touch(sessionId);
      return this.insertBoard(sessionId, title, boards.length);
    })();
    return toBoardSummary(this.boardRow(id));
  }

  renameBoard(id: string, title: string): BoardSummary {
    const row = this.boardRow(id);
    this.db.transaction(() => {
      this.sql.renameBoard.run(title, id);
      this.touch(row.session_id);
    })();
    return toBoardSummary(this.boardRow(id));
  }

  /** `boardIds` must name every board of the session exactly once, in the new order. */
  reorderBoards(sessionId: string, boardIds: string[]): BoardSummary[] {
    const current = this.getSession(sessionId).boards.map((b) => b.id);
    const same = boardIds.length === current.length && new Set(boardIds).size === boardIds.length && boardIds.every((id) => current.includes(id));
    if (!same) throw new GroundworkError('invalid_input', 'boardIds must list every board of the session exactly once', ['boardIds']);
    this.db.transaction(() => {
      boardIds.forEach((id, position) => this.sql.moveBoard.run(position, id));
      this.touch(sessionId);
    })();
    return this.listBoards(sessionId);
  }

  deleteBoard(id: string): BoardSummary {
    const row = this.boardRow(id);
    const siblings = this.listBoards(row.session_id);
    if (siblings.length === 1) throw new GroundworkError('conflict', 'A session keeps at least one board', ['id']);
    this.db.transaction(() => {
      this.agenda.unlinkBoard(id);
      this.sql.deleteBoard.run(id);
      siblings.filter((b) => b.id !== id).forEach((b, position) => this.sql.moveBoard.run(position, b.id));
      this.touch(row.session_id);
    })();
    this.content.forget(id);
    return toBoardSummary(row);
  }

  getBoard(id: string): Board {
    const row = this.boardRow(id);
    const doc = this.content.doc(id);
    return {
      ...toBoardSummary(row),
      viewport: row.viewport ? JSON.parse(row.viewport) : null,
      nodes: [...doc.nodes.values()],
      edges: [...doc.edges.values()],
    };
  }

  setViewport(boardId: string, viewport: Viewport): void {
    this.boardRow(boardId, ['boardId']);
    this.sql.setViewport.run(JSON.stringify(viewport), boardId);
  }

  sessionOfBoard(boardId: string): string {
    return this.boardRow(boardId, ['boardId']).session_id;
  }

  /**
   * Applies a batch of ops in one transaction and returns the board's new revision. All or
   * nothing: a failing op leaves both the database and the cached doc as they were. A batch id,
   * when given, is recorded in the same transaction (see BatchLog).
   */
  applyOps(boardId: string, ops: readonly Op[], batchId?: string): number {
    const row = this.boardRow(boardId, ['boardId']);
    const doc = this.content.doc(boardId);
    this.content.checkIdsFree(boardId, ops);
    applyOps(doc, ops);
    try {
      return this.db.transaction(() => {
        this.content.persist(boardId, doc, ops);
        this.touch(row.session_id);
        const { revision } = this.sql.bumpRevision.get(boardId) as { revision: number };
        if (batchId) this.batches.record(boardId, batchId, revision);
        return revision;
      })();
    } catch (error) {
      // The transaction rolled back; the database is the truth to reload from.
      this.content.forget(boardId);
      throw error;
    }
  }

  /**
   * Drops every cached board doc: the next read loads it from the database. For a transaction
   * around a call (see main/service/atomic.ts) that rolled back writes the docs already hold.
   */
  forgetCachedDocs(): void {
    this.content.forgetAll();
  }

  private touch(sessionId: string): void {
    this.sql.touchSession.run(Date.now(), sessionId);
  }
}

