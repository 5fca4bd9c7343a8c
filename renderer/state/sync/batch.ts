import { LIMITS, newId } from '../../../shared/model';
import type { Op } from '../../../shared/ops';

/** Ops of one board that travel to main together, under an id this window made. */
export interface Batch {
  id: string;
  boardId: string;
  ops: Op[];
}

/** One edit as batches: a single one, or several in order when it is larger than a batch may be (a huge paste). */
export function toBatches(boardId: string, ops: readonly Op[]): Batch[] {
  const batches: Batch[] = [];
  for (let i = 0; i < ops.length; i += LIMITS.opsPerBatch) batches.push({ id: newId('b'), boardId, ops: ops.slice(i, i + LIMITS.opsPerBatch) });
  return batches;
}
