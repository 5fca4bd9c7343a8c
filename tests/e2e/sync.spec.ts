import { roleNode } from '../helpers/sample';
import { createSessionInUi, expect, nodeByName, select, sessionWith, settled, boardIdOf, test } from './fixtures';

test('two pages on the same board see each other’s edits', async ({ page, shell, context }) => {
  await createSessionInUi(page, shell, 'Two windows');
  const boardId = boardIdOf(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.locator('.react-flow')).toBeVisible();
  // Chromium throttles animation frames in a background page, and Playwright waits on them.
  await page.bringToFront();

  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(nodeByName(other, 'Role: New role')).toBeVisible();

  await nodeByName(other, 'Role: New role').dblclick();
  const editor = other.getByRole('textbox', { name: 'Edit person' });
  await editor.fill('Priya Raman');
  await editor.press('Enter');
  await expect(nodeByName(page, 'Role: Priya Raman')).toBeVisible();

  // A move in one page lands at the same spot in the other.
  await nodeByName(page, 'Role: Priya Raman').click();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowDown');
  const moved = await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0].position.y).toBeGreaterThan(0).then(() => settled(page, shell, boardId));
  const transformOf = (p: typeof page) => nodeByName(p, 'Role: Priya Raman').evaluate((e) => (e as HTMLElement).style.transform);
  await expect.poll(() => transformOf(other)).toBe(await transformOf(page));

  // Undo in the first page reaches the second too.
  await page.keyboard.press('Control+z');
  await expect.poll(() => transformOf(other)).toBe(await transformOf(page));
  expect((await settled(page, shell, boardId)).nodes[0].position).not.toEqual(moved.nodes[0].position);

  // A third client through the HTTP API: both pages follow.
  await shell.call('board.apply', {
    boardId,
    ops: [{ type: 'node.update', id: moved.nodes[0].id, data: { title: 'VP Sales' } }],
  });
  await expect(nodeByName(page, 'Role: Priya Raman')).toContainText('VP Sales');
  await expect(nodeByName(other, 'Role: Priya Raman')).toContainText('VP Sales');
});

test('boards added, renamed and reordered in one page show in the other', async ({ page, shell, context }) => {
  await createSessionInUi(page, shell, 'Tabs in sync');
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole('tab', { name: 'Board 1' })).toBeVisible();
  // Chromium throttles animation frames in a background page, and Playwright waits on them.
  await page.bringToFront();

  await page.getByRole('button', { name: 'Add board' }).click();
  await page.getByLabel('Board title').fill('Decision-makers');
  await page.getByRole('button', { name: 'Add board' }).last().click();
  await expect(page.getByRole('tab', { name: 'Decision-makers' })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('tab', { name: 'Decision-makers' })).toBeVisible();
  await expect(other.getByRole('tab', { name: 'Board 1' })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('button', { name: 'Rename board' }).click();
  await page.getByLabel('Board title').fill('Buying centre');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(other.getByRole('tab', { name: 'Buying centre' })).toBeVisible();

  await page.getByRole('button', { name: 'Move board left' }).click();
  const order = (p: typeof page) => p.getByRole('tablist', { name: 'Boards' }).getByRole('tab');
  await expect(order(page)).toHaveText(['Buying centre', 'Board 1']);
  await expect(order(other)).toHaveText(['Buying centre', 'Board 1']);

  // Alt+Arrow on the focused tab moves it back.
  await page.getByRole('tab', { name: 'Buying centre' }).focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(order(other)).toHaveText(['Board 1', 'Buying centre']);

  await page.getByRole('button', { name: 'Delete board' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete board' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(order(page)).toHaveText(['Board 1']);
  await expect(order(other)).toHaveText(['Board 1']);
  await expect(page.getByRole('button', { name: 'Delete board' })).toBeDisabled();
});

test('undoing an add after another window drew an edge to that node removes the edge too, and redo brings both back', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Undo after a rebase');
  const boardId = boardIdOf(page);
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByRole('group', { name: 'Role: New role' })).toHaveCount(2);
  const [first, second] = (await expect.poll(async () => (await settled(page, shell, boardId)).nodes.length).toBe(2).then(() => settled(page, shell, boardId))).nodes;

  // Another client joins the two roles.
  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.add', edge: { id: 'e_from_elsewhere', kind: 'relates', source: first.id, target: second.id, data: { label: '', strength: 3 } } }] });
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('group', { name: 'Role: New role' })).toHaveCount(1);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await settled(page, shell, boardId)).edges.length).toBe(0);
  expect((await settled(page, shell, boardId)).nodes.map((n) => n.id)).toEqual([first.id]);

  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('group', { name: 'Role: New role' })).toHaveCount(2);
  await expect.poll(async () => (await settled(page, shell, boardId)).edges.map((e) => e.id)).toEqual(['e_from_elsewhere']);
});

test('a card deleted in another window while its name is typed: the typing ends with a message saying what was not kept, and the next key acts on the board', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Deleted while typed', [
    roleNode({ id: 'r1', data: { person: 'Ann', stratum: 2 } }),
    roleNode({ id: 'r2', position: { x: 400, y: 0 }, data: { person: 'Ben', stratum: 2 } }),
  ]);
  await page.goto(url);
  await select(nodeByName(page, 'Role: Ann'));
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: 'Edit person' }).fill('Ann Berg, Sales director');

  await shell.call('board.apply', { boardId, ops: [{ type: 'node.remove', id: 'r1' }] });
  await expect(page.getByRole('alert')).toContainText('Not saved: what you typed in role “Ann”. It was deleted in another window.');
  await expect(page.getByRole('textbox', { name: 'Edit person' })).toHaveCount(0);

  // The first key after it is a shortcut again: 5 sets the selected role's stratum.
  await select(nodeByName(page, 'Role: Ben'));
  await page.keyboard.press('5');
  await expect.poll(async () => (await shell.call<{ nodes: { id: string; data: { stratum: number } }[] }>('board.get', { id: boardId })).nodes.find((n) => n.id === 'r2')?.data.stratum).toBe(5);
});

test('undoing an edit to a card another window has deleted says so in words, and the next undo still works', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Undo after delete', [
    roleNode({ id: 'r1', data: { person: 'Ann', stratum: 2 } }),
    roleNode({ id: 'r2', position: { x: 400, y: 0 }, data: { person: 'Ben', stratum: 2 } }),
  ]);
  await page.goto(url);
  for (const [from, to] of [
    ['Ben', 'Ben Carr'],
    ['Ann', 'Ann Berg'],
  ]) {
    await select(nodeByName(page, `Role: ${from}`));
    await page.keyboard.press('F2');
    await page.getByRole('textbox', { name: 'Edit person' }).fill(to);
    await page.keyboard.press('Enter');
  }
  await settled(page, shell, boardId);
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.remove', id: 'r1' }] });
  await expect(nodeByName(page, 'Role: Ann Berg')).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('alert')).toContainText('Not undone: changing role “Ann Berg”. It was deleted in another window.');
  await page.keyboard.press('Control+z');
  await expect(nodeByName(page, 'Role: Ben')).toBeVisible();
  expect((await settled(page, shell, boardId)).nodes.map((n) => n.data.person)).toEqual(['Ben']);
});
