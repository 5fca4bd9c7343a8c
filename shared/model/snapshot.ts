import { z } from 'zod';
import { LIMITS } from './limits';
import { Id } from './schemas';

/**
 * Why a restore point was taken. 'before-import' and 'before-template' are for paths that put a
 * file's or a template's boards into an existing session; today file.import and
 * session.createFromTemplate make a new session, which has nothing to protect.
 */
export const SnapshotReason = z.enum(['auto', 'manual', 'before-restore', 'before-import', 'before-template']);
export type SnapshotReason = z.infer<typeof SnapshotReason>;

/** A restore point as the history lists it; its document is fetched on its own (snapshot.preview). */
export const SnapshotSummary = z.object({
  id: Id,
  /** The facilitator's name for it; empty when it was taken automatically. */
  name: z.string().max(LIMITS.title),
  reason: SnapshotReason,
  createdAt: z.number().int(),
  nodeCount: z.number().int().min(0),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummary>;
