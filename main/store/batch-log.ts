import type { Db } from './db';

/**
 * How many revisions back a board remembers the batches it applied. A window that resends a
 * batch does so within seconds of losing its reply, or after an outage in which it made the
 * edits it resends; 10,000 later revisions of the same board mean the batch is long settled.
 */
const BATCH_WINDOW = 10_000;

/**
 * The ids of the batches each board has applied, with the revision each one made. Recorded in
 * the transaction that applies the batch, so a batch and its id are on disk together or not at all.
 */
export class BatchLog {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      revisionOf: db.prepare('SELECT revision FROM applied_batches WHERE board_id = ? AND batch_id = ?').pluck(),
      record: db.prepare('INSERT INTO applied_batches (board_id, batch_id, revision) VALUES (?, ?, ?)'),
      forget: db.prepare('DELETE FROM applied_batches WHERE board_id = ? AND revision <= ?'),
    };
  }

  /** The revision the batch made on the board, or undefined when the board has not applied it. */
  revisionOf(boardId: string, batchId: string): number | undefined {
    return this.sql.revisionOf.get(boardId, batchId) as number | undefined;
  }

  /** Which of these batches the board has applied. */
  appliedOf(boardId: string, batchIds: readonly string[]): string[] {
    return batchIds.filter((id) => this.revisionOf(boardId, id) !== undefined);
  }

  record(boardId: string, batchId: string, revision: number): void {
    this.sql.record.run(boardId, batchId, revision);
    if (revision > BATCH_WINDOW) this.sql.forget.run(boardId, revision - BATCH_WINDOW);
  }
}
