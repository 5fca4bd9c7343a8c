import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import { RestorePointStore } from '../store/restore-points';
import type { Store } from '../store/store';
import type { EventHub } from './events';

/** Editing time between two automatic restore points. */
export const AUTO_RESTORE_POINT_INTERVAL_MS = 10 * 60_000;

type RestorePointMethods = {
  [M in Extract<MethodName, `snapshot.${string}`>]: (input: ParsedInput<M>) => MethodOutput<M>;
};

/**
 * Whether an edit now calls for an automatic restore point: none was taken in the last interval,
 * and the session has been edited for at least that long (counted from the first edit this run
 * saw, when it has none yet).
 */
function autoRestorePointDue(newestAt: number | null, editingSince: number, now: number): boolean {
  return now - Math.max(newestAt ?? -Infinity, editingSince) >= AUTO_RESTORE_POINT_INTERVAL_MS;
}

/**
 * Restore points: the contract's methods for them, and the automatic one taken after edits. The
 * methods are still named `snapshot.*` and the table `snapshots` (see docs/glossary.md): renaming
 * them would break clients of the contract and need a migration, for a word nobody sees.
 */
export function restorePointService(store: Store, hub: EventHub, now: () => number = Date.now): { methods: RestorePointMethods; afterEdit(sessionId: string): void } {
  const restorePoints = new RestorePointStore(store);
  // In memory: a restart begins counting again, at worst delaying one automatic point.
  const editingSince = new Map<string, number>();

  return {
    afterEdit(sessionId) {
      const at = now();
      if (!editingSince.has(sessionId)) editingSince.set(sessionId, at);
      if (!autoRestorePointDue(restorePoints.newestAt(sessionId), editingSince.get(sessionId)!, at)) return;
      // The edit is saved already; a restore point that could not be taken must not undo its reply.
      try {
        restorePoints.create(sessionId, 'auto', '', at);
      } catch (error) {
        console.error('An automatic restore point could not be taken', error);
      }
    },
    methods: {
      'snapshot.list': ({ sessionId }) => restorePoints.list(sessionId),
      'snapshot.create': ({ sessionId, name }) => restorePoints.create(sessionId, 'manual', name, now()),
      'snapshot.preview': ({ id }) => restorePoints.document(id),
      // Every window, the caller's included, reloads the session: its boards have new ids.
      'snapshot.restore': ({ id }) => {
        const session = restorePoints.restore(id, now());
        hub.publish('session.changed', { sessionId: session.id, deleted: false });
        return session;
      },
    },
  };
}
