import { z } from 'zod';
import { LIMITS } from './limits';
import { Id } from './schemas';

/**
 * Why a restore point was taken. 'before-import' and 'before-template' are for paths that put a
 * file's or a template's boards into an existing session; today file.import and
 * session.createFromTemplate make a new session, which has nothing to protect.
 */
export const RestorePointReason = z.enum(['auto', 'manual', 'before-restore', 'before-import', 'before-template']);
export type RestorePointReason = z.infer<typeof RestorePointReason>;

/** A restore point as the history lists it; its document is fetched on its own (the contract's `snapshot.preview`). */
export const RestorePoint = z.object({
  id: Id,
  /** The facilitator's name for it; empty when it was taken automatically. */
  name: z.string().max(LIMITS.title),
  reason: RestorePointReason,
  createdAt: z.number().int(),
  nodeCount: z.number().int().min(0),
});
export type RestorePoint = z.infer<typeof RestorePoint>;
