import type { Page } from '@playwright/test';
import { boardIdOf, createSessionInUi, expect, nodeByName, select, settled, test } from './fixtures';

/** A 15-person outline, four levels deep, as typed in a notes app: two spaces per level, strata at the ends. */
const OUTLINE = [
  'Helen Cho, CEO, V',
  '  Dana Whitfield, VP Sales, IV',
  '    Sam Ortiz, Regional manager North, III',
  '      Ana Ruiz, Account executive, II',
  '      Ben Cole, Account executive, II',
  '    Maya Lind, Regional manager South, III',
  '      Kim Nguyen, Account executive, II',
  '      Tom Berg, Inside sales (6 months)',
  '  Omar Haddad, VP Marketing, IV',
  '    Raj Patel, Marketing manager, III',
  '      Lea Wong, Content lead, II',
  '      Ivo Petrov, Events, II',
  '  Ruth Bell, CFO, IV',
  '    Nils Falk, Controller, III',
  '    Zoe Hart, Pricing analyst, II',
].join('\n');

/** Puts text on the system clipboard and presses Ctrl+V on the canvas, as a facilitator would. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 300 } });
  await page.keyboard.press('Control+v');
}

type Box = { x: number; y: number; width: number; height: number };
/** Pairs of role cards on screen that overlap, by name. */
async function overlaps(page: Page): Promise<string[]> {
  const cards = await page.locator('.react-flow__node-role').evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-label') ?? '', box: e.getBoundingClientRect().toJSON() as Box })));
  const found: string[] = [];
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const [a, b] = [cards[i].box, cards[j].box];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${cards[i].name} / ${cards[j].name}`);
    }
  }
  return found;
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('pasting an indented outline onto an org board adds the roles with their reports-to lines, arranged, in one undo step', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Outline paste');
  const boardId = boardIdOf(page);
  await pasteText(page, OUTLINE);

  await expect(page.locator('.react-flow__node-role')).toHaveCount(15);
  await expect(page.getByText('Added 15 roles from the pasted outline')).toBeVisible();
  const board = await settled(page, shell, boardId);
  const byId = new Map(board.nodes.map((n) => [n.id, n.data.person as string]));
  const lines = board.edges.filter((e) => e.kind === 'reports-to').map((e) => `${byId.get(e.source)} → ${byId.get(e.target)}`);
  expect(lines).toHaveLength(14);
  expect(lines).toEqual(expect.arrayContaining(['Helen Cho → Dana Whitfield', 'Sam Ortiz → Ben Cole', 'Raj Patel → Ivo Petrov', 'Ruth Bell → Zoe Hart']));
  const sam = board.nodes.find((n) => n.data.person === 'Sam Ortiz')!;
  expect([sam.data.title, sam.data.stratum]).toEqual(['Regional manager North', 3]);
  expect(board.nodes.find((n) => n.data.person === 'Tom Berg')?.data.stratum).toBe(2);

  await page.getByRole('button', { name: 'Fit View' }).click();
  // Measured, the cards settle without overlapping, and the board keeps itself arranged from now on.
  await expect.poll(() => overlaps(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/org-paste-outline-15.png' });
  await expect(page.getByRole('button', { name: 'Keep arranged' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await shell.call<{ settings: { keepArranged?: boolean } }>('board.get', { id: boardId })).settings.keepArranged).toBe(true);
  const revision = (await settled(page, shell, boardId)).revision;
  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  expect((await settled(page, shell, boardId)).revision, 'arranging right after the paste moves nothing').toBe(revision);

  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node-role')).toHaveCount(0);
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.length).toBe(0);
});

test('pasting spreadsheet rows, with and without a header, imports them; rows with problems open the report', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Table paste');
  const boardId = boardIdOf(page);
  await pasteText(page, 'Helen Cho\tCEO\t\nDana Whitfield\tVP Sales\tHelen Cho\n');
  await expect(page.locator('.react-flow__node-role')).toHaveCount(2);
  await expect(page.getByText('Added 2 roles from the pasted table')).toBeVisible();

  await pasteText(page, 'Name\tTitle\tManager\tStratum\nLea Wong\tContent lead\tNobody Known\tII\nIvo Petrov\tEvents\tLea Wong\tI\n');
  const dialog = page.getByRole('dialog', { name: 'Import an org chart' });
  await expect(dialog.getByText('Line 2: The manager "Nobody Known" is not in the file.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import the 2 valid rows' }).click();
  await expect(page.locator('.react-flow__node-role')).toHaveCount(4);
  const board = await settled(page, shell, boardId);
  expect(board.nodes.find((n) => n.data.person === 'Ivo Petrov')?.data.stratum).toBe(1);
  expect(board.edges).toHaveLength(2);
});

test('copied nodes still paste as nodes, on an org board too, even with their text on the clipboard', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Node paste');
  await pasteText(page, 'Helen Cho, CEO\n  Dana Whitfield, VP Sales');
  await expect(page.locator('.react-flow__node-role')).toHaveCount(2);
  // The pasted roles come selected: a click on empty canvas clears that.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  await select(nodeByName(page, 'Role: Helen Cho'));
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Helen Cho, CEO');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node-role')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('with Keep arranged, a new role and a title that makes a card larger re-arrange in the same undo step, with no overlap', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Keep arranged');
  const boardId = boardIdOf(page);
  await pasteText(page, 'Helen Cho, CEO, V\n  Dana Whitfield, VP Sales, IV\n  Omar Haddad, VP Marketing, IV\n  Ruth Bell, CFO, IV');
  await expect(page.locator('.react-flow__node-role')).toHaveCount(4);
  await expect.poll(() => overlaps(page)).toEqual([]);
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.locator('.react-flow__node-role')).toHaveCount(5);
  await expect.poll(() => overlaps(page)).toEqual([]);
  const before = await settled(page, shell, boardId);

  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await nodeByName(page, 'Role: Omar Haddad').click();
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('VP Marketing, Communications, Partner Programmes and Events across Europe, the Middle East and Africa');
  await title.press('Enter');
  await expect.poll(() => overlaps(page)).toEqual([]);
  const after = await settled(page, shell, boardId);
  const x = (b: typeof before, person: string) => b.nodes.find((n) => n.data.person === person)!.position.x;
  expect(x(after, 'Ruth Bell') - x(after, 'Omar Haddad'), 'the wider card pushed its neighbour').toBeGreaterThan(x(before, 'Ruth Bell') - x(before, 'Omar Haddad'));

  // One undo puts back the title and every position.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => {
    const board = await settled(page, shell, boardId);
    return board.nodes.map((n) => [n.data.title, n.position.x, n.position.y]);
  }).toEqual(before.nodes.map((n) => [n.data.title, n.position.x, n.position.y]));
});
