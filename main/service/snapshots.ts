import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import { SnapshotStore } from '../store/snapshots';
import type { Store } from '../store/store';
import type { EventHub } from './events';

/** Editing time between two automatic restore points. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 10 * 60_000;

type SnapshotMethods = {
  [M in Extract<MethodName, `snapshot.${string}`>]: (input: ParsedInput<M>) => MethodOutput<M>;
};

/**
 * Whether an edit now calls for an automatic restore point: none was taken in the last interval,
 * and the session has been edited for at least that long (counted from the first edit this run
 * saw, when it has none yet).
 */
function autoSnapshotDue(newestAt: number | null, editingSince: number, now: number): boolean {
  return now - Math.max(newestAt ?? -Infinity, editingSince) >= AUTO_SNAPSHOT_INTERVAL_MS;
}

/** Restore points: the contract's snapshot methods, and the automatic one taken after edits. */
export function snapshotService(store: Store, hub: EventHub, now: () => number = Date.now): { methods: SnapshotMethods; afterEdit(sessionId: string): void } {
  const snapshots = new SnapshotStore(store);
  // In memory: a restart begins counting again, at worst delaying one automatic point.
  const editingSince = new Map<string, number>();

  return {
    afterEdit(sessionId) {
      const at = now();
      if (!editingSince.has(sessionId)) editingSince.set(sessionId, at);
      if (!autoSnapshotDue(snapshots.newestAt(sessionId), editingSince.get(sessionId)!, at)) return;
      // The edit is saved already; a restore point that could not be taken must not undo its reply.
      try {
        snapshots.create(sessionId, 'auto', '', at);
      } catch (error) {
        console.error('An automatic restore point could not be taken', error);
      }
    },
    methods: {
      'snapshot.list': ({ sessionId }) => snapshots.list(sessionId),
      'snapshot.create': ({ sessionId, name }) => snapshots.create(sessionId, 'manual', name, now()),
      'snapshot.preview': ({ id }) => snapshots.document(id),
      // Every window, the caller's included, reloads the session: its boards have new ids.
      'snapshot.restore': ({ id }) => {
        const session = snapshots.restore(id, now());
        hub.publish('session.changed', { sessionId: session.id, deleted: false });
        return session;
      },
    },
  };
}
