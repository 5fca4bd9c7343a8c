import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

async function createSession(page: Page, title: string, client: string, date: string) {
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Group or client').fill(client);
  await page.getByLabel('Workshop date').fill(date);
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByRole('link', { name: '← Sessions' }).click();
}

const titles = (page: Page) => page.getByRole('table', { name: 'Sessions' }).locator('tbody tr td:first-child');

test('creates, edits, duplicates, deletes and searches sessions, newest first', async ({ page, shell }) => {
  await page.goto(shell.url);
  await expect(page.getByText('No sessions yet')).toBeVisible();

  await createSession(page, 'Levels of work', 'Northwind sales team', '2026-12-03');
  await createSession(page, 'Start with why', 'Regional sales association', '2027-01-15');
  await expect(titles(page)).toHaveText(['Start with why', 'Levels of work']);
  await expect(page.getByRole('row', { name: /Levels of work/ })).toContainText('Northwind sales team');

  await page.getByRole('button', { name: 'Edit details of Levels of work' }).click();
  await page.getByLabel('Title').fill('Levels of work, day one');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(titles(page)).toHaveText(['Levels of work, day one', 'Start with why']);

  await page.getByRole('button', { name: 'Duplicate Start with why' }).click();
  await expect(page.getByRole('status')).toContainText('Duplicated as “Start with why (copy)”');
  await expect(titles(page)).toHaveText(['Start with why (copy)', 'Levels of work, day one', 'Start with why']);

  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('northwind');
  await expect(titles(page)).toHaveText(['Levels of work, day one']);
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('why');
  await expect(titles(page)).toHaveText(['Start with why (copy)', 'Start with why']);
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('nothing like this');
  await expect(page.getByText('No session matches')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill('');

  await page.getByRole('button', { name: 'Delete Start with why (copy)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Start with why (copy)”?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(titles(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Delete Start with why (copy)' }).click();
  await dialog.getByRole('button', { name: 'Delete session' }).click();
  await expect(titles(page)).toHaveText(['Levels of work, day one', 'Start with why']);

  await page.reload();
  await expect(titles(page)).toHaveText(['Levels of work, day one', 'Start with why']);
});

test('a duplicated session carries its boards and is independent of the original', async ({ page, shell }) => {
  const created = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Original' });
  await shell.call('board.apply', {
    boardId: created.boards[0].id,
    ops: [{ type: 'node.add', node: { id: 'n_original', kind: 'text', position: { x: 0, y: 0 }, size: null, data: { text: 'Our why', variant: 'heading' } } }],
  });
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Duplicate Original' }).click();
  await page.getByRole('link', { name: 'Original (copy)' }).click();
  await expect(page.getByRole('group', { name: 'Text: Our why' })).toBeVisible();
  await page.getByRole('group', { name: 'Text: Our why' }).click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('group', { name: 'Text: Our why' })).toHaveCount(0);
  const original = await shell.call<{ nodes: unknown[] }>('board.get', { id: created.boards[0].id });
  expect(original.nodes).toHaveLength(1);
});

test('a bad input shows a readable message and loses nothing', async ({ page, shell }) => {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Title').fill('   ');
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('alert')).toContainText('title: Give it a title');
  await expect(page.getByRole('dialog', { name: 'New session' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('   ');
});

test('an unknown session shows a way back instead of a blank screen', async ({ page, shell }) => {
  await page.goto(`${shell.url}#/session/s_doesnotexist`);
  await expect(page.getByText('This session could not be opened.')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('No session with id s_doesnotexist');
  await page.getByRole('link', { name: 'Back to sessions' }).click();
  await expect(page.getByRole('button', { name: 'New session' })).toBeVisible();
});
