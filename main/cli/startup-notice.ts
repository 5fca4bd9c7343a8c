import path from 'node:path';
import type { StartupReport } from '../store/startup';

/**
 * What `serve` prints when start-up set the database aside and began empty: the same plain words
 * the home screen shows, the newest backup, and where to act on it (the app at `url`).
 */
export function startupNotice(report: StartupReport, url: string, backupsDir: string, formatDate: (at: number) => string): string[] {
  const lines = [report.message, `SQLite said: ${report.detail}`];
  const backup = report.newestBackup;
  const salvage = report.canSalvage ? `"Salvage what is readable" to copy what can still be read from the damaged file into the empty database, ` : '';
  if (report.problem === 'damaged' && backup) {
    lines.push(
      `Your newest backup is from ${formatDate(backup.createdAt)}: ${path.join(backupsDir, backup.file)}.`,
      `Open ${url} and choose "Restore newest backup" to bring it back, ${salvage}or "Start with an empty database".`,
    );
  } else if (report.problem === 'damaged' && salvage) {
    lines.push(`There is no backup to restore from. Open ${url} and choose ${salvage}or "Start with an empty database".`);
  } else if (!backup) {
    lines.push(`There is no backup to restore from. Open ${url} to start with the empty database.`);
  } else {
    lines.push(`A copy made just before the update, from ${formatDate(backup.createdAt)}, is kept at ${path.join(backupsDir, backup.file)}.`, `Groundwork is running on the empty database at ${url}.`);
  }
  return lines;
}
