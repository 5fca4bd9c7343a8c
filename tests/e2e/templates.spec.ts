import type { Page } from '@playwright/test';
import { boardIdOf, expect, nodeByName, settled, test, type StoredBoard } from './fixtures';
import type { ServedShell } from './server';

interface TemplateInfo {
  id: string;
  name: string;
  builtIn: boolean;
  boardCount: number;
  totalMinutes: number;
  preview: { nodes: unknown[] };
}
interface AgendaInfo {
  id: string;
  title: string;
  timeboxMinutes: number;
  boardId: string | null;
  prompts: string[];
}
interface SessionInfo {
  id: string;
  title: string;
  boards: { id: string; title: string }[];
  agenda: AgendaInfo[];
}

const cards = (page: Page) => page.getByRole('article');
const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });
const boardTabs = (page: Page) => page.getByRole('tablist', { name: 'Boards' }).getByRole('tab');
const agendaItems = (page: Page) => page.getByRole('list', { name: 'Agenda items' }).getByRole('listitem');
const sessionIdOf = (page: Page) => decodeURIComponent(/#\/session\/([^/]+)/.exec(page.url())![1]);

async function templates(shell: ServedShell): Promise<TemplateInfo[]> {
  return shell.call<TemplateInfo[]>('template.list', {});
}

/** The built-in template with the most boards: the richest one to start from. */
async function richestBuiltIn(shell: ServedShell): Promise<TemplateInfo> {
  const builtIns = (await templates(shell)).filter((t) => t.builtIn);
  return builtIns.reduce((best, t) => (t.boardCount > best.boardCount ? t : best));
}

async function openGallery(page: Page, shell: ServedShell) {
  await page.goto(shell.url);
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(page.getByRole('heading', { name: 'Templates', level: 1 })).toBeVisible();
}

test('the gallery shows the five built-in templates, read-only, and none of your own at first', async ({ page, shell }) => {
  const builtIns = (await templates(shell)).filter((t) => t.builtIn);
  expect(builtIns).toHaveLength(5);
  await openGallery(page, shell);
  await expect(cards(page)).toHaveCount(5);
  for (const template of builtIns) {
    const shown = card(page, template.name);
    await expect(shown).toContainText(`${template.boardCount} board${template.boardCount === 1 ? '' : 's'}`);
    if (template.totalMinutes > 0) await expect(shown).toContainText(`${template.totalMinutes} min`);
    await expect(shown.getByRole('img', { name: `Preview of the first board of ${template.name}` })).toBeVisible();
    await expect(shown.locator('svg rect')).toHaveCount(1 + template.preview.nodes.length);
    await expect(shown.getByRole('button', { name: 'Use template' })).toBeVisible();
    await expect(shown.getByRole('button', { name: 'Duplicate' })).toBeVisible();
    await expect(shown.getByRole('button', { name: 'Edit details' })).toHaveCount(0);
    await expect(shown.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  }

  await page.getByRole('button', { name: 'Mine' }).click();
  await expect(page.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
  await expect(cards(page)).toHaveCount(0);
  await expect(page.getByText('No templates of your own yet')).toBeVisible();
  await page.getByRole('button', { name: 'Built-in' }).click();
  await expect(cards(page)).toHaveCount(5);

  await page.getByRole('searchbox', { name: 'Search templates' }).fill(builtIns[1].name);
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, builtIns[1].name)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search templates' }).fill('nothing like this at all');
  await expect(page.getByText('No template matches')).toBeVisible();
});

test('a session made from a template is a copy: editing it leaves the template and later sessions as they were', async ({ page, shell }) => {
  const template = await richestBuiltIn(shell);
  await openGallery(page, shell);
  await card(page, template.name).getByRole('button', { name: 'Use template' }).click();
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(boardTabs(page)).toHaveCount(template.boardCount);

  const first = await shell.call<SessionInfo>('session.get', { id: sessionIdOf(page) });
  expect(first.agenda.length).toBeGreaterThan(0);
  await expect(boardTabs(page)).toHaveText(first.boards.map((b) => b.title));
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await expect(agendaItems(page)).toHaveCount(first.agenda.length);
  await expect(page.getByText(`${template.totalMinutes} min planned`)).toBeVisible();
  const onFirstBoard = first.agenda.filter((item) => item.boardId === first.boards[0].id);
  await expect(page.getByRole('region', { name: /^Prompts/ })).toHaveCount(onFirstBoard.length ? 1 : 0);

  const boardId = boardIdOf(page);
  const before = await settled(page, shell, boardId);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(nodeByName(page, 'Note: New note')).toBeVisible();
  expect((await settled(page, shell, boardId)).nodes).toHaveLength(before.nodes.length + 1);

  await page.getByRole('link', { name: '← Sessions' }).click();
  await page.getByRole('link', { name: 'Templates' }).click();
  await expect(card(page, template.name)).toContainText(`${template.boardCount} boards`);
  const after = (await templates(shell)).find((t) => t.id === template.id)!;
  expect(after.preview).toEqual(template.preview);
  expect(after.boardCount).toBe(template.boardCount);

  await card(page, template.name).getByRole('button', { name: 'Use template' }).click();
  await expect(page.locator('.react-flow')).toBeVisible();
  const second = await shell.call<SessionInfo>('session.get', { id: sessionIdOf(page) });
  expect(second.id).not.toBe(first.id);
  const secondBoard = await shell.call<StoredBoard>('board.get', { id: second.boards[0].id });
  expect(secondBoard.nodes).toHaveLength(before.nodes.length);
});

test('saves a session as an own template with some boards, then renames, duplicates and deletes own templates', async ({ page, shell }) => {
  const session = await shell.call<SessionInfo>('session.create', { title: 'Northwind kickoff' });
  await shell.call('board.create', { sessionId: session.id, title: 'Signals wall' });
  await shell.call('board.create', { sessionId: session.id, title: 'Parking lot' });
  await shell.call('board.apply', {
    boardId: session.boards[0].id,
    ops: [{ type: 'node.add', node: { id: 'n_kept_out', kind: 'note', position: { x: 0, y: 0 }, size: null, data: { text: 'Client secret detail', category: 'story', votes: 2 } } }],
  });
  await page.goto(`${shell.url}#/session/${session.id}`);
  await expect(page.locator('.react-flow')).toBeVisible();

  await page.getByRole('button', { name: 'Save as template…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as template' });
  await dialog.getByLabel('Name').fill('Kickoff, two boards');
  await dialog.getByLabel('Description').fill('The org map and the signals wall, ready for the next client.');
  await expect(dialog.getByRole('checkbox', { name: 'Parking lot' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'Parking lot' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'Keep the boards’ content' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('status').filter({ hasText: 'Saved the template “Kickoff, two boards”' }).getByRole('button', { name: 'Show templates' }).click();

  await page.getByRole('button', { name: 'Mine' }).click();
  await expect(cards(page)).toHaveCount(1);
  const saved = card(page, 'Kickoff, two boards');
  await expect(saved).toContainText('2 boards');
  await expect(saved).toContainText('ready for the next client');
  const own = (await templates(shell)).find((t) => !t.builtIn)!;
  const document = await shell.call<{ boards: { nodes: { id: string; data: Record<string, unknown> }[] }[] }>('template.export', { id: own.id });
  expect(document.boards).toHaveLength(2);
  expect(JSON.stringify(document)).not.toContain('Client secret detail');

  await saved.getByRole('button', { name: 'Edit details' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit template' });
  await edit.getByLabel('Name').fill('Kickoff for sales teams');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(card(page, 'Kickoff for sales teams')).toBeVisible();
  await expect(card(page, 'Kickoff, two boards')).toHaveCount(0);

  await card(page, 'Kickoff for sales teams').getByRole('button', { name: 'Duplicate' }).click();
  await expect(cards(page)).toHaveCount(2);
  const copy = (await templates(shell)).find((t) => !t.builtIn && t.id !== own.id)!;
  await expect(card(page, copy.name)).toContainText('2 boards');

  await card(page, copy.name).getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete template “${copy.name}”?` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(cards(page)).toHaveCount(2);
  await card(page, copy.name).getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete template' }).click();
  await expect(cards(page)).toHaveCount(1);
  await expect(card(page, 'Kickoff for sales teams')).toBeVisible();

  await page.getByRole('button', { name: 'All' }).click();
  await expect(cards(page)).toHaveCount(6);
  await page.reload();
  await expect(card(page, 'Kickoff for sales teams')).toContainText('2 boards');
});

test('an agenda item’s fields are drafts: Escape puts the saved text back, Enter or leaving keeps it', async ({ page, shell }) => {
  const session = await shell.call<SessionInfo>('session.create', { title: 'Drafts' });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'a0', title: 'Warm-up', timeboxMinutes: 10, boardId: null, frameId: null, prompts: [] }] });
  const saved = async () => (await shell.call<SessionInfo>('session.get', { id: session.id })).agenda.map((i) => [i.title, i.timeboxMinutes]);
  await page.goto(`${shell.url}#/session/${session.id}`);
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();

  const title = page.getByRole('textbox', { name: 'Title' });
  await title.fill('Icebreaker');
  await title.press('Escape');
  await expect(title).toHaveValue('Warm-up');
  await title.blur();
  await expect(agendaItems(page)).toHaveAccessibleName('Warm-up');

  await title.fill('Icebreaker');
  await title.press('Enter');
  await expect(agendaItems(page)).toHaveAccessibleName('Icebreaker');
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.fill('25');
  await minutes.blur();
  await expect.poll(saved).toEqual([['Icebreaker', 25]]);

  await minutes.fill('not a number');
  await minutes.press('Enter');
  await expect(page.getByText('The timebox is a whole number of minutes, from 1 to 600.')).toBeVisible();
  await expect(minutes).toHaveValue('25');
});

test('the agenda: items are added, reordered by keyboard and by drag, linked to a board, and kept', async ({ page, shell }) => {
  const session = await shell.call<SessionInfo>('session.create', { title: 'Agenda day' });
  const wall = await shell.call<{ id: string }>('board.create', { sessionId: session.id, title: 'Signals wall' });
  await page.goto(`${shell.url}#/session/${session.id}`);
  await expect(page.locator('.react-flow')).toBeVisible();
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await expect(page.getByText('No agenda yet')).toBeVisible();

  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeFocused();
  await title.fill('Warm-up');
  await title.press('Enter');
  const warmUp = agendaItems(page).filter({ has: page.getByText('Warm-up', { exact: true }) });
  await warmUp.getByRole('textbox', { name: 'Minutes' }).fill('15');
  await warmUp.getByRole('textbox', { name: 'Prompts' }).fill('What brought you here?\nWhat would make today worth it?');
  await warmUp.getByRole('button', { name: 'Edit' }).click();
  await expect(warmUp).toContainText('15 min');

  await page.getByRole('button', { name: 'Add agenda item' }).click();
  await expect(title).toBeFocused();
  await title.fill('Map the client');
  await title.press('Enter');
  const mapping = agendaItems(page).filter({ has: page.getByText('Map the client', { exact: true }) });
  await mapping.getByLabel('Board').selectOption({ label: 'Signals wall' });
  await expect(mapping).toContainText('Signals wall');
  await mapping.getByRole('button', { name: 'Edit' }).click();
  await expect(mapping.getByLabel('Board')).toHaveCount(0);
  await expect(page.getByText('2 steps · 25 min planned')).toBeVisible();

  const names = () => agendaItems(page).evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')));
  await expect.poll(names).toEqual(['Warm-up', 'Map the client']);
  await mapping.getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(names).toEqual(['Map the client', 'Warm-up']);
  await expect(mapping.getByRole('button', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(names).toEqual(['Warm-up', 'Map the client']);
  await warmUp.getByRole('button', { name: 'Move down' }).click();
  await expect.poll(names).toEqual(['Map the client', 'Warm-up']);

  // The prompts of the step on this board show beside the canvas, readable from the back of the room.
  const prompts = page.getByRole('region', { name: /^Prompts/ });
  await expect(prompts.getByText('What brought you here?')).toBeVisible();
  expect(parseFloat(await prompts.getByText('What brought you here?').evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18);
  await prompts.getByRole('button', { name: /^Prompts/ }).click();
  await expect(prompts.getByText('What brought you here?')).toBeHidden();
  await prompts.getByRole('button', { name: /^Prompts/ }).click();

  await warmUp.locator('.agenda-grip').dragTo(mapping, { targetPosition: { x: 20, y: 4 } });
  await expect.poll(names).toEqual(['Warm-up', 'Map the client']);

  await expect
    .poll(async () => (await shell.call<SessionInfo>('session.get', { id: session.id })).agenda.map((i) => [i.title, i.timeboxMinutes, i.boardId]))
    .toEqual([
      ['Warm-up', 15, session.boards[0].id],
      ['Map the client', 10, wall.id],
    ]);
  await page.reload();
  await page.getByRole('tab', { name: 'Agenda' }).click();
  await expect.poll(names).toEqual(['Warm-up', 'Map the client']);
  await expect(mapping).toContainText('Signals wall');
  await expect(warmUp).toContainText('2 prompts');
});
