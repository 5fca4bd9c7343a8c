import fs from 'node:fs';
import path from 'node:path';
import { Backups, KEEP_BACKUPS, type BackupInfo } from '../store/backups';
import { DATABASE_FILE, openDatabase } from '../store/database';
import { CommandFailed, type CommandOutput } from './commands';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const describe = (backups: Backups, b: BackupInfo) => `${backups.pathOf(b.file)}  ${new Date(b.createdAt).toISOString()}  ${size(b.bytes)}`;

/**
 * `groundwork backup`: an online backup of the database now (safe while the app or `serve` runs
 * on it), then the list of kept backups. Restoring is in the app: "Restore from backup…".
 */
export async function runBackupCommand(dataDir: string, output: CommandOutput, openIn: string | null = null): Promise<void> {
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new CommandFailed(`there is no database at ${file} yet, so there is nothing to back up`);
  const db = openDatabase(file, undefined, { openIn: openIn ?? undefined });
  try {
    const backups = new Backups(file);
    const made = await backups.create(db, 'manual');
    output.out(`Backed up ${file} to ${backups.pathOf(made.file)} (${size(made.bytes)}).`);
    output.out(`Backups kept (the newest ${KEEP_BACKUPS}; restore one in the app with "Restore from backup…"):`);
    for (const backup of backups.list()) output.out(`  ${describe(backups, backup)}`);
  } finally {
    db.close();
  }
}
