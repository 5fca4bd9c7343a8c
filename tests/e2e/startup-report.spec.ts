import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
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

const SESSIONS = 60;
const CLIENTS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Soylent'];

/**
 * 60 sessions with long titles, so the sessions table spans several pages; then, with Groundwork
 * stopped, one page in the middle of that table is overwritten with garbage.
 */
async function damageOnePageOfSessions(shell: ServedShell): Promise<void> {
  for (let i = 0; i < SESSIONS; i++) {
    const client = CLIENTS[i % CLIENTS.length];
    await shell.call('session.create', { title: `${client} workshop ${i + 1}: levels of work, decision-makers and the signals from the sales floor`, client });
  }
  await shell.stop();
  const file = path.join(shell.dataDir, 'groundwork.db');
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'sessions' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]).map((r) => r.pageno);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  expect(pages.length).toBeGreaterThan(2);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (pages[1] - 1) * pageSize);
  fs.closeSync(fd);
  await shell.start();
}

test('a damaged database: "Salvage what is readable" brings back the sessions on intact pages and says how many', async ({ page, shell }) => {
  await damageOnePageOfSessions(shell);
  await page.goto(shell.url);

  const report = page.getByRole('alert', { name: 'Groundwork’s database was damaged' });
  await expect(report).toContainText('copies whatever sessions, boards, notes and links can still be read from the damaged file');
  await expect(report.getByRole('button', { name: 'Start with an empty database' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('startup-report-damaged.png') });

  await report.getByRole('button', { name: 'Salvage what is readable' }).click();

  await expect(report).toContainText(/Salvaged \d+ of 60 sessions, \d+ of 60 boards, 0 nodes and 0 edges from the damaged file\./);
  const message = (await report.locator('.startup-report-salvaged').textContent())!;
  const salvaged = Number(/Salvaged (\d+) of 60 sessions/.exec(message)![1]);
  expect(salvaged).toBeGreaterThan(SESSIONS / 2);
  expect(salvaged).toBeLessThan(SESSIONS);
  await expect(titles(page)).toHaveCount(salvaged);
  await expect(report.getByRole('button', { name: 'Salvage what is readable' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('startup-report-salvaged.png') });

  await report.getByRole('button', { name: 'Keep what was salvaged' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(titles(page)).toHaveCount(salvaged);
});

test('an empty (0-byte) database file is reported as empty, with no salvage to offer', async ({ page, shell }) => {
  await shell.stop();
  for (const name of fs.readdirSync(shell.dataDir)) if (name.startsWith('groundwork.db')) fs.rmSync(path.join(shell.dataDir, name));
  fs.writeFileSync(path.join(shell.dataDir, 'groundwork.db'), '');
  await shell.start();
  await page.goto(shell.url);

  const report = page.getByRole('alert', { name: 'Groundwork’s database was damaged' });
  await expect(report).toContainText('was empty (0 bytes');
  await expect(report.getByRole('button', { name: 'Salvage what is readable' })).toHaveCount(0);
  await expect(report.getByRole('button', { name: 'Start with an empty database' })).toBeVisible();
});
