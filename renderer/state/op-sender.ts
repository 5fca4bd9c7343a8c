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
        try {
          onAcknowledged(boardId, (await send(boardId, ops)).revision);
        } catch (error) {
          onRejected(boardId, error);
        }
      });
    }
  };

  return {
    enqueue(boardId: string, ops: Op[]) {
      const last = queue[queue.length - 1];
      if (last && last.boardId === boardId) last.ops.push(...ops);
      else queue.push({ boardId, ops: [...ops] });
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
