import { LIMITS, newId } from '../../../shared/model';
import type { Op } from '../../../shared/ops';

/** Ops of one board that travel to main together, under an id this window made. */
export interface Batch {
  id: string;
  boardId: string;
  ops: Op[];
}

/**
 * How much JSON one batch may carry: far below what a socket message may be (the served shell
 * closes a socket whose message passes 24 MB), so no batch is ever too large to send.
 */
export const BATCH_TEXT_LIMIT = 1_000_000;

/**
 * One edit as batches: a single one, or several in order when it is larger than a batch may be
 * (a huge paste): at most LIMITS.opsPerBatch ops and about BATCH_TEXT_LIMIT characters of JSON each.
 */
export function toBatches(boardId: string, ops: readonly Op[]): Batch[] {
  const batches: Batch[] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    const opSize = JSON.stringify(op).length;
    if (current.length > 0 && (current.length === LIMITS.opsPerBatch || size + opSize > BATCH_TEXT_LIMIT)) {
      batches.push({ id: newId('b'), boardId, ops: current });
      current = [];
      size = 0;
    }
    current.push(op);
    size += opSize;
  }
  if (current.length > 0) batches.push({ id: newId('b'), boardId, ops: current });
  return batches;
}
