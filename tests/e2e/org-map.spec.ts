import type { Page } from '@playwright/test';
import { arrangedThenAtZoom1, boardIdOf, connect, createSessionInUi, expect, nodeByName, select, settled, test, type StoredBoard } from './fixtures';
import type { ServedShell } from './server';

interface RoleSpec {
  id: string;
  person: string;
  title: string;
  stratum: number;
  manager?: string;
}

/** A 12-role sales organisation with one compression (Ana under Raj, both III) and one gap (Ben, I, under Maya, III). */
const ROLES: RoleSpec[] = [
  { id: 'ceo', person: 'Helen Cho', title: 'CEO', stratum: 5 },
  { id: 'vps', person: 'Dana Whitfield', title: 'VP Sales', stratum: 4, manager: 'ceo' },
  { id: 'vpm', person: 'Omar Haddad', title: 'VP Marketing', stratum: 4, manager: 'ceo' },
  { id: 'rm1', person: 'Sam Ortiz', title: 'Regional manager North', stratum: 3, manager: 'vps' },
  { id: 'rm2', person: 'Maya Lind', title: 'Regional manager South', stratum: 3, manager: 'vps' },
  { id: 'mm', person: 'Raj Patel', title: 'Marketing manager', stratum: 3, manager: 'vpm' },
  { id: 'ana', person: 'Ana Silva', title: 'Campaign manager', stratum: 3, manager: 'mm' },
  { id: 'kam', person: 'Lee Park', title: 'Key-account manager', stratum: 2, manager: 'rm1' },
  { id: 'tl', person: 'Jo Weber', title: 'Inside sales lead', stratum: 2, manager: 'rm1' },
  { id: 'rep1', person: 'Ravi Nair', title: 'Sales rep', stratum: 1, manager: 'kam' },
  { id: 'rep2', person: 'Eva Novak', title: 'Sales rep', stratum: 1, manager: 'tl' },
  { id: 'ben', person: 'Ben Adler', title: 'Sales rep', stratum: 1, manager: 'rm2' },
];

async function buildOrgMap(shell: ServedShell, boardId: string): Promise<void> {
  const ops = [
    ...ROLES.map((r, i) => ({
      type: 'node.add',
      node: { id: r.id, kind: 'role', position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 200 }, size: null, data: { person: r.person, title: r.title, stratum: r.stratum, timeSpan: null, notes: '' } },
    })),
    ...ROLES.filter((r) => r.manager).map((r) => ({ type: 'edge.add', edge: { id: `e-${r.id}`, kind: 'reports-to', source: r.manager, target: r.id, data: { label: '', strength: null } } })),
  ];
  await shell.call('board.apply', { boardId, ops });
}

const findingsTab = (page: Page) => page.getByRole('tab', { name: /Findings/ });
const findingButtons = (page: Page) => page.getByRole('list', { name: 'Findings' }).getByRole('button');

test('an org map shows its compression and its gap, and they go once fixed; arranging is stable and survives a reload', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Org map');
  const boardId = boardIdOf(page);
  await buildOrgMap(shell, boardId);
  await expect(page.locator('.react-flow__node')).toHaveCount(12);

  await findingsTab(page).click();
  await expect(findingButtons(page)).toHaveCount(2);
  const compression = findingButtons(page).filter({ hasText: /compression/i });
  const gap = findingButtons(page).filter({ hasText: /gap/i });
  await expect(compression).toContainText('Ana Silva');
  await expect(gap).toContainText('Ben Adler');
  await expect(page.locator('.react-flow__edge.has-finding')).toHaveCount(2);

  // Clicking a finding selects its node; the inspector fixes it.
  await gap.click();
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(1);
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('textbox', { name: 'Person' })).toHaveValue('Ben Adler');
  await page.getByRole('combobox', { name: 'Stratum' }).selectOption({ label: 'II · 3 months to 1 year' });
  await findingsTab(page).click();
  await expect(findingButtons(page)).toHaveCount(1);

  await compression.click();
  await page.getByRole('tab', { name: 'Details' }).click();
  await expect(page.getByRole('textbox', { name: 'Person' })).toHaveValue('Ana Silva');
  await page.getByRole('combobox', { name: 'Stratum' }).selectOption({ label: 'II · 3 months to 1 year' });
  await findingsTab(page).click();
  await expect(page.getByText('No findings')).toBeVisible();
  await expect(page.locator('.react-flow__edge.has-finding')).toHaveCount(0);

  // Undo brings the compression back: findings follow every edit.
  await page.keyboard.press('Control+z');
  await expect(findingButtons(page)).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByText('No findings')).toBeVisible();

  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  const arranged = await expect.poll(async () => (await settled(page, shell, boardId)).revision).toBeGreaterThan(0).then(() => settled(page, shell, boardId));
  const yOf = (b: StoredBoard, id: string) => b.nodes.find((n) => n.id === id)!.position.y;
  // Top-down by stratum: V above IV above III above II above I.
  expect(yOf(arranged, 'ceo')).toBeLessThan(yOf(arranged, 'vps'));
  expect(yOf(arranged, 'vps')).toBeLessThan(yOf(arranged, 'rm1'));
  expect(yOf(arranged, 'rm1')).toBeLessThan(yOf(arranged, 'kam'));
  expect(yOf(arranged, 'kam')).toBeLessThan(yOf(arranged, 'rep1'));
  expect(yOf(arranged, 'rm1')).toBe(yOf(arranged, 'mm'));

  // Arranging again moves nothing, so nothing is sent.
  const revision = arranged.revision;
  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  expect((await settled(page, shell, boardId)).revision).toBe(revision);

  // One undo puts the whole arrangement back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => yOf(await settled(page, shell, boardId), 'ceo')).not.toBe(yOf(arranged, 'ceo'));
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes).toEqual(arranged.nodes);

  // The reloaded page stores its viewport again, in its own time; the map itself must not move.
  const mapOf = ({ revision, nodes, edges }: StoredBoard) => ({ revision, nodes, edges });
  const before = mapOf(await settled(page, shell, boardId));
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(12);
  expect(mapOf(await settled(page, shell, boardId))).toEqual(before);
  await findingsTab(page).click();
  await expect(page.getByText('No findings')).toBeVisible();
});

test('a decision-maker map names the purchase roles nobody covers, and connecting two offers the kinds that fit', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Buying centre');
  const boardId = boardIdOf(page);
  await page.getByRole('button', { name: 'Add decision-maker' }).click();
  await page.getByRole('button', { name: 'Add decision-maker' }).click();
  await expect(page.getByRole('group', { name: /^Decision-maker:/ })).toHaveCount(2);

  const [first, second] = (await settled(page, shell, boardId)).nodes.map((n) => n.id);
  const inspect = async (id: string) => {
    await select(page.locator(`.react-flow__node[data-id="${id}"]`));
    await page.getByRole('tab', { name: 'Details' }).click();
  };
  await inspect(first);
  await page.getByLabel('Name').fill('Grace Kim');
  await page.getByLabel('Name').press('Enter');
  await page.getByLabel('Role in the purchase').selectOption({ label: 'Economic buyer' });
  await page.getByLabel('Their challenge').fill('Margins fell two years running');
  await page.getByLabel('Their challenge').blur();
  await inspect(second);
  await page.getByLabel('Name').fill('Tom Reyes');
  await page.getByLabel('Name').press('Enter');
  await page.getByLabel('Role in the purchase').selectOption({ label: 'Champion' });

  await page.getByRole('tab', { name: /Findings/ }).click();
  const missing = findingButtons(page).filter({ hasText: /purchase roles missing/i });
  await expect(missing).toContainText('technical evaluator');
  await expect(missing).not.toContainText('economic buyer');
  await expect(findingButtons(page).filter({ hasText: /no challenge/i })).toContainText('Tom Reyes');

  // Drawing a connection between two decision-makers offers Influences or Relates.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await connect(page, 'Decision-maker: Grace Kim', 'Decision-maker: Tom Reyes');
  const menu = page.getByRole('menu', { name: 'Kind of connection' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Influences', 'Relates']);
  await menu.getByRole('menuitem', { name: 'Influences' }).click();
  await expect.poll(async () => (await settled(page, shell, boardId)).edges.map((e) => e.kind)).toEqual(['influences']);
});

function orgCsv(rows: number): string {
  const lines = ['Name,Title,Manager,Stratum'];
  lines.push('Chief,CEO,,V');
  for (let i = 1; i < rows; i++) lines.push(`Person ${i},Role ${i},${i <= 3 ? 'Chief' : `Person ${Math.ceil(i / 3) - 1 || 1}`},${i <= 3 ? 'IV' : i <= 12 ? 'III' : 'II'}`);
  return lines.join('\n');
}

test('imports an org chart from CSV, reports broken rows by line, and can import only the valid ones', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Imported org');
  const boardId = boardIdOf(page);

  await page.getByRole('button', { name: 'Import org chart…' }).click();
  const broken = 'name,title,manager,stratum\nAlex,CEO,,V\nBea,VP,Alex,IV\nCal,Rep,Nobody,I\nBea,Twin,Alex,IV\nDee,Lead,Bea,IX\n';
  await page.getByLabel('CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('Line 4');
  await expect(problems).toContainText('Nobody');
  await expect(problems).toContainText('Line 5');
  await expect(problems).toContainText('Line 6');
  await expect(page.getByRole('button', { name: /^Import\b/ }).last()).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await settled(page, shell, boardId)).nodes).toHaveLength(0);

  await page.getByRole('button', { name: 'Import org chart…' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'org.csv', mimeType: 'text/csv', buffer: Buffer.from(orgCsv(40)) });
  await page.getByRole('button', { name: 'Import 40 roles' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(40);
  const board = await settled(page, shell, boardId);
  expect(board.nodes).toHaveLength(40);
  expect(board.edges).toHaveLength(39);
  expect(board.edges.every((e) => e.kind === 'reports-to')).toBe(true);

  // One undo removes the whole import.
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(40);

  await page.getByRole('button', { name: 'Import org chart…' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken.replace(/Alex/g, 'Alexa')) });
  await page.getByRole('button', { name: /Import the \d+ valid rows/ }).click();
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.length).toBeGreaterThan(40);
});

test('signals: vote on notes, see the top signals, group them into a frame that carries them', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Signals wall');
  const boardId = boardIdOf(page);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('button', { name: 'Add note' }).click();
  const notes = page.getByRole('group', { name: /^Note:/ });
  await notes.nth(0).dblclick();
  await page.getByRole('textbox', { name: 'Edit note text' }).fill('Buyers ask for proof of return');
  await page.getByRole('textbox', { name: 'Edit note text' }).press('Enter');
  await notes.nth(1).dblclick();
  await page.getByRole('textbox', { name: 'Edit note text' }).fill('Procurement joins earlier');
  await page.getByRole('textbox', { name: 'Edit note text' }).press('Enter');

  await page.getByRole('tab', { name: 'Top signals' }).click();
  await page.getByRole('button', { name: 'Add a vote to Procurement joins earlier' }).last().click();
  await page.getByRole('button', { name: 'Add a vote to Procurement joins earlier' }).last().click();
  await page.getByRole('button', { name: 'Add a vote to Buyers ask for proof of return' }).last().click();
  const list = page.getByRole('list', { name: 'Top signals' }).getByRole('listitem');
  await expect(list.first()).toContainText('Procurement joins earlier');
  await expect(list.first()).toContainText('2');
  await page.getByRole('button', { name: 'Remove a vote from Procurement joins earlier' }).last().click();
  await page.getByRole('button', { name: 'Remove a vote from Procurement joins earlier' }).last().click();
  await expect(list.first()).toContainText('Buyers ask for proof of return');

  await page.keyboard.press('Escape');
  await nodeByName(page, 'Note: Buyers ask for proof of return').click();
  await nodeByName(page, 'Note: Procurement joins earlier').click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Group into frame' }).click();
  await page.getByLabel('Cluster name').fill('Buying is changing');
  await page.getByRole('button', { name: 'Group', exact: true }).click();
  const frame = nodeByName(page, 'Frame: Buying is changing');
  await expect(frame).toBeVisible();

  const before = await settled(page, shell, boardId);
  // Grab the frame by the middle of its title tab (its corners are resize handles while selected).
  const box = (await frame.getByText('Buying is changing').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 100, box.y + box.height / 2 + 60, { steps: 10 });
  await page.mouse.up();
  const after = await expect.poll(async () => (await settled(page, shell, boardId)).revision).toBeGreaterThan(before.revision).then(() => settled(page, shell, boardId));
  for (const node of before.nodes) {
    const moved = after.nodes.find((n) => n.id === node.id)!;
    expect(moved.position.x - node.position.x, `${node.kind} moved with the frame`).toBeCloseTo(after.nodes.find((n) => n.kind === 'frame')!.position.x - before.nodes.find((n) => n.kind === 'frame')!.position.x);
  }
});

test('with the strata bands on, a role dropped into a band takes that stratum, in one undo step', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Bands');
  const boardId = boardIdOf(page);
  await shell.call('board.apply', {
    boardId,
    ops: [{ type: 'node.add', node: { id: 'r', kind: 'role', position: { x: 0, y: 4 * 240 + 80 }, size: null, data: { person: 'Kim Lau', title: 'Sales lead', stratum: 4, timeSpan: null, notes: '' } } }],
  });
  await page.getByRole('button', { name: 'Strata bands' }).click();
  await expect(page.getByRole('button', { name: 'Strata bands' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.strata-band')).toHaveCount(8);

  // Drag the role down one band: from IV into III.
  const node = nodeByName(page, 'Role: Kim Lau');
  const zoom = await page.locator('.react-flow__viewport').evaluate((e) => new DOMMatrix(getComputedStyle(e).transform).a);
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 10 + 240 * zoom, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0].data.stratum).toBe(3);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0]).toMatchObject({ position: { y: 4 * 240 + 80 }, data: { stratum: 4 } });

  await page.reload();
  await expect(page.getByRole('button', { name: 'Strata bands' })).toHaveAttribute('aria-pressed', 'true');
});

test('on a laptop screen the side panel keeps every tab whole, with two digits of findings', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSessionInUi(page, shell, 'Flat map');
  // A chain of twelve roles all in stratum III: each one below the first is a compression.
  const ids = Array.from({ length: 12 }, (_, i) => `r${i}`);
  await shell.call('board.apply', {
    boardId: boardIdOf(page),
    ops: [
      ...ids.map((id, i) => ({ type: 'node.add', node: { id, kind: 'role', position: { x: (i % 6) * 260, y: Math.floor(i / 6) * 200 }, size: null, data: { person: `Person ${i}`, title: 'Manager', stratum: 3, timeSpan: null, notes: '' } } })),
      ...ids.slice(1).map((id, i) => ({ type: 'edge.add', edge: { id: `e-${id}`, kind: 'reports-to', source: ids[i], target: id, data: { label: '', strength: null } } })),
    ],
  });
  await expect(findingsTab(page)).toContainText('11');
  for (const tab of await page.getByRole('tablist', { name: 'Panel' }).getByRole('tab').all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width, `${await tab.textContent()} ends inside the window`).toBeLessThanOrEqual(1366);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1366);
});

test('a big org map kept arranged opens at a working zoom and pans without moving a card', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Big kept map' });
  const boardId = session.boards[0].id;
  // Past the size the canvas culls at: a head of sales, ten managers and their reports.
  const role = (id: string, person: string, stratum: number) => ({ type: 'node.add', node: { id, kind: 'role', position: { x: 0, y: 0 }, size: null, data: { person, title: 'Account manager, northern region', stratum, timeSpan: null, notes: '' } } });
  const reportsTo = (manager: string, report: string) => ({ type: 'edge.add', edge: { id: `e-${report}`, kind: 'reports-to', source: manager, target: report, data: { label: '', strength: null } } });
  const ops: unknown[] = [role('head', 'Head of sales', 5)];
  for (let m = 1; m <= 10; m++) ops.push(role(`m${m}`, `Manager ${m}`, 4), reportsTo('head', `m${m}`));
  for (let r = 11; r < 600; r++) ops.push(role(`r${r}`, `Rep ${r}`, 3), reportsTo(`m${1 + (r % 10)}`, `r${r}`));
  await shell.call('board.apply', { boardId, ops });
  await shell.call('board.updateSettings', { id: boardId, settings: { strataBands: true, keepArranged: true } });

  // Opened again at zoom 1 on one manager, the canvas culls: the cards are measured as they come into view.
  const arranged = await arrangedThenAtZoom1(page, shell, { id: session.id, title: 'Big kept map', boardId }, 'm1', { x: 300, y: 60 });
  await expect(nodeByName(page, 'Role: Manager 1')).toBeInViewport();
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', /scale\(1\)/);
  // Every role is drawn once to be measured, then only those on screen stay.
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(100);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  for (let pan = 0; pan < 6; pan++) {
    await page.mouse.move(pane.x + pane.width - 50, pane.y + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.x + 50, pane.y + pane.height / 2, { steps: 5 });
    await page.mouse.up();
  }
  await expect(page.locator('.react-flow__node[data-id^="r"]').first()).toBeInViewport();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(100);
  const after = await settled(page, shell, boardId);
  expect(after.revision).toBe(arranged.revision);
});

test('a band running off the top of the view shows no cut label, and shows it again once a zoom gives it room', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Band labels' });
  const boardId = session.boards[0].id;
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: { id: 'r1', kind: 'role', position: { x: 400, y: 1000 }, size: null, data: { person: 'Ann Berg', title: 'Sales lead', stratum: 4, timeSpan: null, notes: '' } } }] });
  await shell.call('board.updateSettings', { id: boardId, settings: { strataBands: true } });
  // Band VI (flow y 480 to 720) ends 20 px below the top of the view: a strip too thin for its label.
  await shell.call('board.setViewport', { boardId, viewport: { x: 0, y: -700, zoom: 1 } });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(nodeByName(page, 'Role: Ann Berg')).toBeVisible();
  const label = page.locator('.strata-band-label', { hasText: '10 to 20 years' });
  await expect(label).toBeHidden();
  // Zoomed out about the centre, the band comes down and has room: its label is back, whole.
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(page.locator('.react-flow__viewport')).not.toHaveAttribute('style', /scale\(1\)/);
  await expect(label).toBeVisible();
  const [labelBox, paneBox] = [await label.boundingBox(), await page.locator('.react-flow__pane').boundingBox()];
  expect(labelBox!.y).toBeGreaterThanOrEqual(paneBox!.y);
});

test('zoomed far out, where every band is thinner than a label, the bands show no labels to overlap', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Bands from afar' });
  const boardId = session.boards[0].id;
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: { id: 'r1', kind: 'role', position: { x: 400, y: 1000 }, size: null, data: { person: 'Ann Berg', title: 'Sales lead', stratum: 4, timeSpan: null, notes: '' } } }] });
  await shell.call('board.updateSettings', { id: boardId, settings: { strataBands: true } });
  // At zoom 0.1 a band is 24 px high; its label needs more.
  await shell.call('board.setViewport', { boardId, viewport: { x: 0, y: 100, zoom: 0.1 } });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(page.locator('.strata-band')).toHaveCount(8);
  await expect(page.locator('.strata-band-label').filter({ visible: true })).toHaveCount(0);
  // Zoomed back in, each band on screen has its label.
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(page.locator('.strata-band-label', { hasText: '1 to 2 years' })).toBeVisible();
});
