import { GroundworkError } from '../../../shared/errors';
import { reconnectDelay } from '../../api/socket-connection';
import type { Batch } from './batch';

/** Where the outbox keeps its batches so that they outlive the tab (IndexedDB in the browser). */
export interface OutboxStore {
  /** Batches this window is to send that an earlier page left behind (a reload, a closed tab), oldest first. */
  adopt(): Promise<Batch[]>;
  put(batch: Batch): Promise<void>;
  delete(batchId: string): Promise<void>;
}

export const memoryOutboxStore = (kept: Batch[] = []): OutboxStore & { kept: Batch[] } => ({
  kept,
  adopt: async () => kept.slice(),
  put: async (batch) => void kept.push(batch),
  delete: async (id) => void kept.splice(0, kept.length, ...kept.filter((b) => b.id !== id)),
});

interface OutboxOptions {
  /** Sends the batch to main; resolves with the revision main gave it, or throws main's refusal. */
  send(batch: Batch): Promise<number>;
  store: OutboxStore;
  /** Reports a store that failed to keep a batch: it still goes out, but would not outlive the tab. */
  onStoreError?(error: unknown): void;
  /** How long to wait before trying again after an attempt that found main unreachable. */
  retryDelay?(attempt: number): number;
}

interface OutboxEvents {
  acknowledged(batch: Batch, revision: number): void;
  rejected(batch: Batch, error: unknown): void;
  /** The number of batches waiting changed. */
  changed(): void;
}

/**
 * This window's batches on their way to main, in the order they were made, one at a time: each
 * is sent, and sent again (same id, so main applies it once) until main answers it. An answer
 * is an acknowledgement or a refusal; a lost connection is no answer.
 */
export class Outbox {
  private queue: Batch[] = [];
  private sending: Batch | null = null;
  private pumping = false;
  private wake: (() => void) | null = null;
  private readonly listeners: Partial<OutboxEvents>[] = [];

  constructor(private readonly options: OutboxOptions) {}

  on(listeners: Partial<OutboxEvents>): () => void {
    this.listeners.push(listeners);
    return () => this.listeners.splice(this.listeners.indexOf(listeners), 1);
  }

  /** How many batches main has not answered yet. */
  get size(): number {
    return this.queue.length;
  }

  pendingFor(boardId: string): Batch[] {
    return this.queue.filter((b) => b.boardId === boardId);
  }

  add(batches: readonly Batch[]): void {
    for (const batch of batches) {
      this.queue.push(batch);
      this.options.store.put(batch).catch((error: unknown) => this.options.onStoreError?.(error));
    }
    this.emit('changed');
    void this.pump();
  }

  /** Settles once what an earlier page left behind has been taken in (see adopt). */
  ready: Promise<void> = Promise.resolve();

  /** Takes in what an earlier page left behind; they go out before anything made since. */
  adopt(): Promise<void> {
    this.ready = this.adoptLeft().catch((error: unknown) => this.options.onStoreError?.(error));
    return this.ready;
  }

  private async adoptLeft(): Promise<void> {
    const left = await this.options.store.adopt();
    const known = new Set(this.queue.map((b) => b.id));
    const fresh = left.filter((b) => !known.has(b.id));
    if (fresh.length === 0) return;
    const [head, ...rest] = this.queue;
    // The batch already on its way keeps its place at the front.
    this.queue = this.sending && head === this.sending ? [head, ...fresh, ...rest] : [...fresh, ...this.queue];
    this.emit('changed');
    void this.pump();
  }

  /** Drops a batch that was never sent; false when it is on its way (main's answer decides). */
  discard(batchId: string): boolean {
    if (this.sending?.id === batchId) return false;
    const before = this.queue.length;
    this.queue = this.queue.filter((b) => b.id !== batchId);
    if (this.queue.length === before) return false;
    this.forget(batchId);
    return true;
  }

  /** The connection is back: try now rather than at the end of the current wait. */
  retryNow(): void {
    this.wake?.();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    let attempt = 0;
    while (this.queue.length > 0) {
      const batch = (this.sending = this.queue[0]);
      try {
        const revision = await this.options.send(batch);
        this.settle(batch);
        attempt = 0;
        this.emit('acknowledged', batch, revision);
      } catch (error) {
        if (error instanceof GroundworkError && error.code === 'unavailable') {
          await new Promise<void>((resume) => {
            const timer = setTimeout(resume, (this.options.retryDelay ?? reconnectDelay)(attempt++));
            this.wake = () => {
              clearTimeout(timer);
              resume();
            };
          });
          this.wake = null;
          continue;
        }
        this.settle(batch);
        attempt = 0;
        this.emit('rejected', batch, error);
      }
    }
    this.pumping = false;
  }

  private settle(batch: Batch) {
    this.queue = this.queue.filter((b) => b !== batch);
    this.sending = null;
    this.forget(batch.id);
    this.emit('changed');
  }

  private forget(batchId: string) {
    this.options.store.delete(batchId).catch((error: unknown) => this.options.onStoreError?.(error));
  }

  private emit<E extends keyof OutboxEvents>(event: E, ...args: Parameters<OutboxEvents[E]>) {
    for (const listeners of this.listeners) (listeners[event] as ((...a: Parameters<OutboxEvents[E]>) => void) | undefined)?.(...args);
  }
}
