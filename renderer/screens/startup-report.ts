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

/** The label of the button that puts the report away: after a salvage, what is kept is what came back. */
export const dismissLabelOf = (report: StartupReport) => (report.salvaged ? 'Keep what was salvaged' : 'Start with an empty database');

/** What "Salvage what is readable" would do, said before it is chosen. */
export const SALVAGE_OFFER =
  'Salvage what is readable copies whatever sessions, boards, notes and links can still be read from the damaged file into this empty database. The damaged file itself stays as it is.';
