import { GroundworkError } from '../../shared/errors';
import { SessionDocument } from '../../shared/fileformat/document';
import { newId, type SessionDetail, type RestorePointReason, type RestorePoint } from '../../shared/model';
import { checkBoardCaps } from '../../shared/ops/apply';
import type { Db } from './db';
import { exportSession } from './documents';
import { withFreshIds } from './session-content';
import type { Store } from './store';
import { parseStoredJson, storedText } from './stored-text';

/** Automatic restore points a session keeps; older ones go. Named ones and those taken before a change stay. */
export const MAX_AUTO_RESTORE_POINTS = 50;

interface RestorePointRow {
  id: string;
  session_id: string;
  name: string;
  reason: RestorePointReason;
  created_at: number;
  node_count: number;
}

const toSummary = (row: RestorePointRow): RestorePoint => ({ id: row.id, name: storedText(row.name), reason: row.reason, createdAt: row.created_at, nodeCount: row.node_count });

/**
 * Restore points of sessions: each one the session exported as a SessionDocument, frozen. A
 * restore writes the document back into the same session with fresh ids, as an import would.
 * They live in the table `snapshots`, the name migration 0004 gave it (see docs/glossary.md).
 */
export class RestorePointStore {
  private readonly sql;

  constructor(
    private readonly store: Store,
    db: Db = store.db,
  ) {
    this.sql = {
      insert: db.prepare(
        `INSERT INTO snapshots (id, session_id, name, reason, created_at, node_count, document)
         VALUES (@id, @session_id, @name, @reason, @created_at, @node_count, @document)`,
      ),
      list: db.prepare('SELECT id, session_id, name, reason, created_at, node_count FROM snapshots WHERE session_id = ? ORDER BY created_at DESC, rowid DESC'),
      get: db.prepare('SELECT id, session_id, name, reason, created_at, node_count FROM snapshots WHERE id = ?'),
      document: db.prepare('SELECT document FROM snapshots WHERE id = ?').pluck(),
      sessionExists: db.prepare('SELECT 1 FROM sessions WHERE id = ?').pluck(),
      newest: db.prepare('SELECT max(created_at) FROM snapshots WHERE session_id = ?').pluck(),
      pruneAuto: db.prepare(
        `DELETE FROM snapshots WHERE id IN (
           SELECT id FROM snapshots WHERE session_id = ? AND reason = 'auto' ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?
         )`,
      ),
    };
  }

  /** Takes a restore point of the session as it is now. */
  create(sessionId: string, reason: RestorePointReason, name = '', now = Date.now()): RestorePoint {
    this.requireSession(sessionId);
    const document = exportSession(this.store, sessionId);
    const id = newId('p');
    this.store.db.transaction(() => {
      this.sql.insert.run({
        id,
        session_id: sessionId,
        name,
        reason,
        created_at: now,
        node_count: document.boards.reduce((sum, board) => sum + board.nodes.length, 0),
        document: JSON.stringify({ ...document, exportedAt: new Date(now).toISOString() }),
      });
      if (reason === 'auto') this.sql.pruneAuto.run(sessionId, MAX_AUTO_RESTORE_POINTS);
    })();
    return this.summary(id);
  }

  /** The session's restore points, newest first, without their documents. */
  list(sessionId: string): RestorePoint[] {
    this.requireSession(sessionId);
    return (this.sql.list.all(sessionId) as RestorePointRow[]).map(toSummary);
  }

  /** When the session's newest restore point was taken, or null when it has none. */
  newestAt(sessionId: string): number | null {
    return (this.sql.newest.get(sessionId) as number | null) ?? null;
  }

  summary(id: string): RestorePoint {
    return toSummary(this.row(id));
  }

  sessionOf(id: string): string {
    return this.row(id).session_id;
  }

  /** Rows are validated on the way out: a hand-edited database fails loudly, not half-way through a restore. */
  document(id: string): SessionDocument {
    this.row(id);
    const stored = parseStoredJson(this.sql.document.get(id) as string) as SessionDocument;
    // A point taken of a board past the caps, before there were caps: said plainly, not as a crash.
    stored.boards.forEach((board, b) => checkBoardCaps(board.nodes.length, board.edges.length, `board “${board.title}” in this restore point holds`, ['boards', b]));
    return SessionDocument.parse(stored);
  }

  /**
   * Puts the restore point's boards and agenda in place of the session's, all in one transaction
   * that first takes a 'before-restore' point, so a restore can itself be undone.
   */
  restore(id: string, now = Date.now()): SessionDetail {
    const sessionId = this.sessionOf(id);
    const document = this.document(id);
    return this.store.db.transaction(() => {
      this.create(sessionId, 'before-restore', '', now);
      return this.store.replaceContent(sessionId, withFreshIds(document));
    })();
  }

  private requireSession(sessionId: string): void {
    if (!this.sql.sessionExists.get(sessionId)) throw new GroundworkError('not_found', `No session with id ${sessionId}`, ['sessionId']);
  }

  private row(id: string): RestorePointRow {
    const row = this.sql.get.get(id) as RestorePointRow | undefined;
    if (!row) throw new GroundworkError('not_found', `No restore point with id ${id}`, ['id']);
    return row;
  }
}
