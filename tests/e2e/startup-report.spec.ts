import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import type { ServedShell } from './server';

const titles = (page: Page) => page.getByRole('table', { name: 'Sessions' }).locator('tbody tr td:first-child');

/** A session kept in the day's backup, then the database file overwritten with garbage while Groundwork is stopped. */
async function damageAfterBackup(shell: ServedShell, title: string): Promise<void> {
  await shell.call('session.create', { title });
  // The daily backup is made when Groundwork starts on a database that has something in it.
  await shell.stop();
  await shell.start();
  await expect.poll(async () => (await shell.call<unknown[]>('backup.list', {})).length).toBe(1);
  await shell.stop();
  fs.writeFileSync(path.join(shell.dataDir, 'groundwork.db'), 'this is not a database at all, just words '.repeat(200));
  await shell.start();
}

test('a damaged database: Home says what happened and "Restore newest backup" brings the sessions back', async ({ page, shell }) => {
  await damageAfterBackup(shell, 'Kept in the backup');
  await page.goto(shell.url);

  const report = page.getByRole('alert', { name: 'Groundwork’s database was damaged' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('was not changed or overwritten: it was moved aside to');
  await expect(report).toContainText(path.join(shell.dataDir, 'groundwork.db.damaged-'));
  await expect(report).toContainText('Your newest backup is from');
  await expect(page.getByText('No sessions yet.')).toBeVisible();

  await report.getByRole('button', { name: 'Restore newest backup' }).click();

  await expect(titles(page)).toHaveText(['Kept in the backup']);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('"Start with an empty database" puts the report away for good, and the backup stays on offer', async ({ page, shell }) => {
  await damageAfterBackup(shell, 'Kept in the backup');
  await page.goto(shell.url);

  await page.getByRole('alert', { name: 'Groundwork’s database was damaged' }).getByRole('button', { name: 'Start with an empty database' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await expect(page.getByRole('dialog', { name: 'Restore from backup' }).getByLabel('Backup')).toContainText('daily');
});
