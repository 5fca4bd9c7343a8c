import { GroundworkError } from '../../shared/errors';
import type { BackupInfo, RestoreResult } from './backups';
import type { SalvageResult } from './salvage';
import type { StartupReport } from './startup';

/**
 * What the service offers of backups: the list, a restore that swaps the live database, and what
 * start-up found wrong with the database (until a restore or the facilitator dismisses it).
 */
export interface BackupControl {
  list(): BackupInfo[];
  restore(file: string): Promise<RestoreResult>;
  startupReport(): StartupReport | null;
  /** Copies what is readable of the damaged file start-up set aside into the database in use. */
  salvage(): SalvageResult;
  dismissStartupReport(): void;
}

/** For a service with no data folder of its own to back up (a test's in-memory store). */
export const NO_BACKUPS: BackupControl = {
  list: () => [],
  restore: () => Promise.reject(new GroundworkError('unavailable', 'Backups are not available here.')),
  startupReport: () => null,
  salvage: () => {
    throw new GroundworkError('unavailable', 'Salvage is not available here.');
  },
  dismissStartupReport: () => undefined,
};
