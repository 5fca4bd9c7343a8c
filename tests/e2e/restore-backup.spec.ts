import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const titles = (page: Page) => page.getByRole('table', { name: 'Sessions' }).locator('tbody tr td:first-child');

test('Restore from backup… brings back the day’s first state, and every open page reloads to it', async ({ page, context, shell }) => {
  await shell.call('session.create', { title: 'Kept in the backup' });
  // The daily backup is made when Groundwork starts on a database that has something in it.
  await shell.stop();
  await shell.start();
  await expect.poll(async () => (await shell.call<unknown[]>('backup.list', {})).length).toBe(1);
  await shell.call('session.create', { title: 'Made after the backup' });

  const other = await context.newPage();
  await other.goto(shell.url);
  await page.goto(shell.url);
  await expect(titles(page)).toHaveText(['Made after the backup', 'Kept in the backup']);

  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await expect(dialog.getByLabel('Backup')).toContainText('daily');
  await dialog.getByRole('button', { name: 'Restore' }).click();

  await expect(titles(page)).toHaveText(['Kept in the backup']);
  await expect(titles(other)).toHaveText(['Kept in the backup']);
  // What was replaced is a backup too, so the restore can be undone the same way.
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  await expect(dialog.getByLabel('Backup')).toContainText('before a restore');
});
