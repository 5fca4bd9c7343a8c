import { GroundworkError } from '../../shared/errors';
import { LIMITS } from '../../shared/model';
import type { Op } from '../../shared/ops';

interface SenderOptions {
  send(boardId: string, ops: Op[]): Promise<{ revision: number }>;
  onAcknowledged(boardId: string, revision: number): void;
  onRejected(boardId: string, error: unknown): void;
}

/**
 * Sends edits to main in order, one batch at a time: the ops made within one frame travel
 * together, and the next batch waits for the previous acknowledgement.
 */
export function createOpSender({ send, onAcknowledged, onRejected }: SenderOptions) {
  let queue: { boardId: string; ops: Op[] }[] = [];
  let chain: Promise<void> = Promise.resolve();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batches = queue;
    queue = [];
    for (const { boardId, ops } of batches) {
      chain = chain.then(async () => {
        for (;;) {
          try {
            onAcknowledged(boardId, (await send(boardId, ops)).revision);
          } catch (error) {
            // The connection dropped: send again once it is back. If main had applied the batch
            // already, it refuses the repeat and the board reloads from main, which holds it.
            if (error instanceof GroundworkError && error.code === 'unavailable') continue;
            onRejected(boardId, error);
          }
          return;
        }
      });
    }
  };

  return {
    enqueue(boardId: string, ops: Op[]) {
      const last = queue[queue.length - 1];
      // One edit larger than a batch (a huge paste) travels in several batches, still in order.
      if (last && last.boardId === boardId && last.ops.length + ops.length <= LIMITS.opsPerBatch) last.ops.push(...ops);
      else {
        for (let i = 0; i < ops.length; i += LIMITS.opsPerBatch) queue.push({ boardId, ops: ops.slice(i, i + LIMITS.opsPerBatch) });
      }
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    },
    /** Resolves once everything enqueued so far has been acknowledged or rejected. */
    async flushed() {
      if (scheduled) flush();
      await chain;
    },
  };
}
