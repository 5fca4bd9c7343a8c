import type { Store } from '../store/store';
import type { EventHub } from './events';

/** Runs a call's work as one unit: all of it is kept, or none of it. */
export type Atomically = <T>(work: () => T) => T;

/**
 * One SQLite transaction around a synchronous call of the contract and the check of its answer
 * (main/transport/dispatch.ts): when the answer fails its schema, the writes roll back with it, so
 * no caller is told "nothing was changed" about a write that was committed. The service's own
 * transactions nest inside as savepoints. Events wait for the commit; board docs cached in memory
 * are dropped when a rollback undid writes they may hold.
 */
export function atomically(store: Store, hub: EventHub): Atomically {
  const totalChanges = store.db.prepare('SELECT total_changes()').pluck();
  const inTransaction = store.db.transaction((work: () => unknown) => work());
  return <T>(work: () => T): T => {
    const before = totalChanges.get();
    try {
      return hub.holdWhile(() => inTransaction(work) as T);
    } catch (error) {
      // total_changes counts rolled-back rows too: unchanged means nothing was written, and the
      // docs (which a refused batch leaves as they were) stay warm.
      if (totalChanges.get() !== before) store.forgetCachedDocs();
      throw error;
    }
  };
}
