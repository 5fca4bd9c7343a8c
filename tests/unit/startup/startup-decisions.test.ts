import { describe, expect, it } from 'vitest';
import { startupNotice } from '../../../main/cli/startup-notice';
import { DatabaseDamagedError, DatabaseRefusedError, MigrationFailedError } from '../../../main/store/database';
import { startupFallback, type StartupReport } from '../../../main/store/startup';
import { backupSentence, backupToOffer, dismissLabelOf } from '../../../renderer/screens/startup-report';

const failedStep = (sqliteCode: string | null) => new MigrationFailedError('could not update', '0005_x', '/d/backups/b.db', 'what SQLite said', sqliteCode);

describe('what start-up does when the database cannot be opened', () => {
  it('starts empty on a damaged database (already moved aside)', () => {
    expect(startupFallback(new DatabaseDamagedError('damaged', '/d/groundwork.db.damaged-x', null, 'not a database'), true)).toBe('start-empty');
  });

  it('starts empty when its data failed an update step', () => {
    for (const code of ['SQLITE_ERROR', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_FOREIGNKEY', 'SQLITE_MISMATCH', null]) {
      expect({ code, fallback: startupFallback(failedStep(code), true) }).toEqual({ code, fallback: 'start-empty' });
    }
  });

  it('refuses, leaving the file in place, when the machine failed the step: locked, full, read-only, unreadable', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_NOMEM']) {
      expect({ code, fallback: startupFallback(failedStep(code), true) }).toEqual({ code, fallback: 'refuse' });
    }
  });

  it('refuses when a brand-new database failed a step: there was nothing to set aside', () => {
    expect(startupFallback(failedStep('SQLITE_ERROR'), false)).toBe('refuse');
  });

  it('refuses a database from a newer version, and anything it does not know', () => {
    expect(startupFallback(new DatabaseRefusedError('written by a newer version'), true)).toBe('refuse');
    expect(startupFallback(new Error('EACCES'), true)).toBe('refuse');
  });
});

const backup = { file: 'groundwork-2026-11-20T08-00-00-000Z-daily.db', createdAt: Date.parse('2026-11-20T08:00:00Z'), bytes: 4096 };
const damaged: StartupReport = { problem: 'damaged', message: 'Groundwork’s database was damaged…', detail: 'file is not a database', movedTo: '/d/groundwork.db.damaged-x', newestBackup: backup, canSalvage: true, salvaged: null };
const notUpdated: StartupReport = { ...damaged, problem: 'update-failed', message: 'Groundwork could not update…', canSalvage: false, newestBackup: { ...backup, file: 'groundwork-2026-11-22T08-00-00-000Z-before-0005_x.db' } };
const day = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('the home screen’s start-up report', () => {
  it('offers the newest backup of a damaged database, with its date', () => {
    expect(backupToOffer(damaged)).toBe(backup);
    expect(backupSentence(damaged, day)).toBe('Your newest backup is from 2026-11-20.');
  });

  it('offers nothing to restore after a failed update: the copy from before it fails the same step', () => {
    expect(backupToOffer(notUpdated)).toBeNull();
    expect(backupSentence(notUpdated, day)).toContain('just before the update');
  });

  it('says so when there is no backup', () => {
    expect(backupToOffer({ ...damaged, newestBackup: null })).toBeNull();
    expect(backupSentence({ ...damaged, newestBackup: null }, day)).toBe('There is no backup to restore from.');
  });
});

describe('what serve prints about it', () => {
  const url = 'http://127.0.0.1:5417/';

  it('the plain words, the newest backup with its date and path, and the URL where it can be restored', () => {
    const lines = startupNotice(damaged, url, '/d/backups', day);
    expect(lines[0]).toBe(damaged.message);
    expect(lines.join('\n')).toContain('SQLite said: file is not a database');
    expect(lines.join('\n')).toContain(`Your newest backup is from 2026-11-20: /d/backups/${backup.file}.`);
    expect(lines.join('\n')).toContain(`Open ${url} and choose "Restore newest backup"`);
  });

  it('no restore offer after a failed update, nor without a backup', () => {
    expect(startupNotice(notUpdated, url, '/d/backups', day).join('\n')).not.toContain('Restore newest backup');
    expect(startupNotice({ ...damaged, newestBackup: null }, url, '/d/backups', day).join('\n')).toContain('There is no backup to restore from');
  });

  it('offers the salvage of a damaged file, with a backup or without one, and never of an empty file', () => {
    expect(startupNotice(damaged, url, '/d/backups', day).join('\n')).toContain(`"Restore newest backup" to bring it back, "Salvage what is readable"`);
    expect(startupNotice({ ...damaged, newestBackup: null }, url, '/d/backups', day).join('\n')).toContain(`Open ${url} and choose "Salvage what is readable"`);
    const empty = { ...damaged, newestBackup: null, canSalvage: false, detail: 'the file is empty (0 bytes)' };
    expect(startupNotice(empty, url, '/d/backups', day).join('\n')).not.toContain('Salvage');
    expect(startupNotice(notUpdated, url, '/d/backups', day).join('\n')).not.toContain('Salvage');
  });
});

describe('the salvage offer on the home screen', () => {
  it('offers it once: after a salvage the dismissal keeps what came back', () => {
    expect(dismissLabelOf(damaged)).toBe('Start with an empty database');
    const salvaged = { ...damaged, canSalvage: false, salvaged: { message: 'Salvaged 1 session, 1 board, 3 of 4 nodes and 0 edges from the damaged file.', kinds: [] } };
    expect(dismissLabelOf(salvaged)).toBe('Keep what was salvaged');
  });
});
