import type { MethodOutput } from '../../shared/api';

// What start-up found wrong with the database, as the home screen words it: pure, no DOM, no API.

export type StartupReport = NonNullable<MethodOutput<'app.startupReport'>>;
export type Backup = NonNullable<StartupReport['newestBackup']>;

/**
 * The backup the banner offers to restore. After a failed update none is: the newest backup is
 * the copy made just before that update, and restoring it would run the same failing step again.
 */
export function backupToOffer(report: StartupReport): Backup | null {
  return report.problem === 'damaged' ? report.newestBackup : null;
}

/** The sentence about backups under the report, with the backup's date as the reader writes dates. */
export function backupSentence(report: StartupReport, formatDate: (at: number) => string): string {
  const backup = report.newestBackup;
  if (!backup) return 'There is no backup to restore from.';
  if (report.problem === 'damaged') return `Your newest backup is from ${formatDate(backup.createdAt)}.`;
  return `A copy made just before the update, from ${formatDate(backup.createdAt)}, is kept among the backups.`;
}

/** The banner's heading, which also names it for screen readers. */
export const headingOf = (report: StartupReport) =>
  report.problem === 'damaged' ? 'Groundwork’s database was damaged' : 'Groundwork could not update its database';
