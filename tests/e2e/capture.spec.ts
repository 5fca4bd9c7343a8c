import type { Page } from '@playwright/test';
import { arrangedThenAtZoom1, boardIdOf, createSessionInUi, expect, nodeByName, select, settled, test } from './fixtures';

interface Person {
  person: string;
  title: string;
  stratum: number;
  manager?: string;
}

/** A 10-person, 3-level sales organisation, in the order the facilitator hears it. */
const PEOPLE: Person[] = [
  { person: 'Helen Cho', title: 'CEO', stratum: 5 },
  { person: 'Dana Whitfield', title: 'VP Sales', stratum: 4, manager: 'Helen Cho' },
  { person: 'Sam Ortiz', title: 'Regional manager North', stratum: 3, manager: 'Dana Whitfield' },
  { person: 'Maya Lind', title: 'Regional manager South', stratum: 3, manager: 'Dana Whitfield' },
  { person: 'Omar Haddad', title: 'VP Marketing', stratum: 4, manager: 'Helen Cho' },
  { person: 'Raj Patel', title: 'Marketing manager', stratum: 3, manager: 'Omar Haddad' },
  { person: 'Ana Silva', title: 'Campaign manager', stratum: 3, manager: 'Omar Haddad' },
  { person: 'Priya Raman', title: 'VP Service', stratum: 4, manager: 'Helen Cho' },
  { person: 'Lee Park', title: 'Service manager', stratum: 3, manager: 'Priya Raman' },
  { person: 'Jo Weber', title: 'Support manager', stratum: 3, manager: 'Priya Raman' },
];

/** page.keyboard with every key counted: a press is one key, typed text one key per character. */
function countedKeyboard(page: Page) {
  const counter = {
    keys: 0,
    async press(key: string) {
      counter.keys++;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      counter.keys += [...text].length;
      await page.keyboard.type(text);
    },
  };
  return counter;
}

const said = (p: Person) => `${p.person}, ${p.title}`;
const roleCard = (page: Page, p: Person) => nodeByName(page, `Role: ${p.person}`);

test('a 10-person org chart is captured with the keyboard alone, two control keys a person, and undone step by step', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Capture');
  const boardId = boardIdOf(page);
  // From here on no mouse: every pointer event the page sees is counted.
  await page.evaluate(() => {
    const w = window as unknown as { pointerEvents: number };
    w.pointerEvents = 0;
    for (const type of ['mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown']) window.addEventListener(type, () => w.pointerEvents++, true);
  });
  const kb = countedKeyboard(page);
  const editor = page.getByRole('textbox', { name: 'Edit person' });
  const [helen, dana, sam, maya, omar, raj, ana, priya, lee, jo] = PEOPLE;

  // Each person: the key that adds them (Enter or Tab), what the room said, the key that keeps it.
  await kb.press('Enter');
  await kb.type(said(helen));
  await kb.press('Enter');
  await kb.press('5');
  await expect(roleCard(page, helen)).toContainText('CEO');
  await page.screenshot({ path: '/tmp/capture-1-root.png' });

  await kb.press('Tab');
  await kb.type(said(dana));
  await kb.press('Tab'); // keeps Dana, adds her first report
  await kb.type(said(sam));
  await kb.press('Enter');
  await kb.press('Enter'); // a sibling of Sam
  await kb.type(said(maya));
  await page.screenshot({ path: '/tmp/capture-2-typing.png' });
  await kb.press('Enter');
  await kb.press('ArrowUp'); // back to Dana
  await kb.press('Enter'); // her sibling
  await kb.type(said(omar));
  await kb.press('Tab');
  await kb.type(said(raj));
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.type(said(ana));
  await kb.press('Enter');
  await kb.press('ArrowUp');
  await kb.press('Enter');
  await kb.type(said(priya));
  await kb.press('Tab');
  await kb.type(said(lee));
  await kb.press('Enter');
  await kb.press('Enter');
  await kb.type(said(jo));
  await kb.press('Enter');
  await expect(editor).toHaveCount(0);
  await page.screenshot({ path: '/tmp/capture-3-done.png' });

  const textChars = PEOPLE.reduce((sum, p) => sum + [...p.person].length + [...p.title].length, 0);
  const controlKeys = kb.keys - textChars;
  console.log(`capture: ${kb.keys} keys for ${PEOPLE.length} people: ${textChars} characters of names and titles + ${controlKeys} other keys (${(controlKeys / PEOPLE.length).toFixed(1)} a person)`);
  expect(kb.keys).toBeLessThanOrEqual(textChars + 4 * PEOPLE.length);
  expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);

  // In the DOM: every card with its name and title, no finding about a missing stratum.
  for (const p of PEOPLE) await expect(roleCard(page, p)).toContainText(p.title);
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  await expect(page.locator('.react-flow__edge')).toHaveCount(9);
  await expect(page.locator('.finding-badge')).toHaveCount(0);
  // No two cards overlap.
  const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height, `cards ${i} and ${j} overlap`).toBe(false);
    }

  // A map grown from the keyboard keeps itself arranged, as an imported one does: each stratum on
  // one row, higher strata above, and each row in its managers' order, so no reporting line crosses.
  await expect(page.getByRole('button', { name: 'Keep arranged' })).toHaveAttribute('aria-pressed', 'true');
  const cards = await Promise.all(
    PEOPLE.map(async (p) => ({ ...p, box: (await roleCard(page, p).boundingBox())! })),
  );
  const rowTops = new Map<number, Set<number>>();
  for (const c of cards) rowTops.set(c.stratum, (rowTops.get(c.stratum) ?? new Set()).add(Math.round(c.box.y + c.box.height / 2)));
  for (const [stratum, tops] of rowTops) expect(tops.size, `stratum ${stratum} on one row`).toBe(1);
  const rowOf = (stratum: number) => [...rowTops.get(stratum)!][0];
  expect(rowOf(5)).toBeLessThan(rowOf(4));
  expect(rowOf(4)).toBeLessThan(rowOf(3));
  const centreX = (name?: string) => {
    const box = cards.find((c) => c.person === name)!.box;
    return box.x + box.width / 2;
  };
  for (const stratum of [4, 3]) {
    const row = cards.filter((c) => c.stratum === stratum).sort((a, b) => a.box.x - b.box.x);
    const managers = row.map((c) => centreX(c.manager));
    expect(managers, `stratum ${stratum} in its managers' order`).toEqual([...managers].sort((a, b) => a - b));
  }

  // On the server: people, titles, strata, the reporting lines, and the board kept arranged.
  const saved = await settled(page, shell, boardId);
  expect(saved.settings.keepArranged).toBe(true);
  const byId = new Map(saved.nodes.map((n) => [n.id, n.data]));
  const found = saved.nodes.map((n) => ({ person: n.data.person, title: n.data.title, stratum: n.data.stratum })).sort((a, b) => String(a.person).localeCompare(String(b.person)));
  expect(found).toEqual(PEOPLE.map((p) => ({ person: p.person, title: p.title, stratum: p.stratum })).sort((a, b) => a.person.localeCompare(b.person)));
  const lines = saved.edges.map((e) => `${String(byId.get(e.source)?.person)} > ${String(byId.get(e.target)?.person)}`).sort();
  expect(lines).toEqual(PEOPLE.filter((p) => p.manager).map((p) => `${p.manager} > ${p.person}`).sort());
  expect(saved.edges.every((e) => e.kind === 'reports-to')).toBe(true);

  // Undo, one step at a time: the last label, then the last card, and so on back to an empty board.
  await kb.press('Control+z');
  await expect(nodeByName(page, 'Role: New role')).toBeVisible();
  await kb.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);
  let nodes = 9;
  for (let step = 0; step < 40 && nodes > 0; step++) {
    await page.keyboard.press('Control+z');
    const now = await page.locator('.react-flow__node').count();
    expect(nodes - now, 'one undo step removes at most one card').toBeLessThanOrEqual(1);
    nodes = now;
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const empty = await settled(page, shell, boardId);
  expect(empty.nodes).toEqual([]);
  expect(empty.edges).toEqual([]);
});

const role = (id: string, person: string, title: string, stratum: number | null) => ({
  type: 'node.add',
  node: { id, kind: 'role', position: { x: 0, y: 0 }, size: null, data: { person, title, stratum, timeSpan: null, notes: '' } },
});
const reportsTo = (manager: string, report: string) => ({ type: 'edge.add', edge: { id: `e-${report}`, kind: 'reports-to', source: manager, target: report, data: { label: '', strength: null } } });

test('Reports to… picks a manager by name; Alt+T, digits and a typed time-span set the level; a role being typed has no badge', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Levels by keyboard');
  const boardId = boardIdOf(page);
  await shell.call('board.apply', {
    boardId,
    ops: [role('helen', 'Helen Cho', 'CEO', 5), role('dana', 'Dana Whitfield', 'VP Sales', 4), role('omar', 'Omar Haddad', 'VP Marketing', 4), role('sam', 'Sam Ortiz', 'Regional manager', 3), reportsTo('helen', 'dana'), reportsTo('helen', 'omar'), reportsTo('dana', 'sam')],
  });
  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  const managerOf = async (id: string) => (await settled(page, shell, boardId)).edges.filter((e) => e.target === id).map((e) => e.source);

  await nodeByName(page, 'Role: Sam Ortiz').click();
  await page.keyboard.press('Alt+r');
  const manager = page.getByRole('combobox', { name: 'Manager' });
  await expect(manager).toBeFocused();
  // Sam cannot report to himself; everyone else is offered.
  await expect(page.getByRole('listbox', { name: 'Manager' }).getByRole('option')).toHaveCount(3);
  await manager.fill('oma');
  await expect(page.getByRole('option', { name: /Omar Haddad/ })).toHaveAttribute('aria-selected', 'true');
  await manager.press('Enter');
  await expect(manager).toHaveCount(0);
  await expect.poll(() => managerOf('sam')).toEqual(['omar']);
  await page.keyboard.press('Control+z');
  await expect.poll(() => managerOf('sam')).toEqual(['dana']);

  // The toolbar button does the same, and a click picks.
  await page.getByRole('button', { name: 'Reports to…' }).click();
  await page.getByRole('option', { name: /Helen Cho/ }).click();
  await expect.poll(() => managerOf('sam')).toEqual(['helen']);

  // 1–8 set the stratum; Alt+T the time-span, refusing what is not one.
  await nodeByName(page, 'Role: Sam Ortiz').click();
  await page.keyboard.press('2');
  await page.keyboard.press('Alt+t');
  const span = page.getByRole('textbox', { name: 'Time-span' });
  await span.fill('soon');
  await span.press('Enter');
  await expect(page.getByRole('alert')).toContainText('such as 18 months');
  await span.fill('9 months');
  await span.press('Enter');
  await expect(span).toHaveCount(0);
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.find((n) => n.id === 'sam')?.data).toMatchObject({ stratum: 2, timeSpan: { value: 9, unit: 'months' } });

  // A new top role being typed: the finding is listed, but its card shows no badge until the edit ends.
  await page.getByRole('tab', { name: /^Findings/ }).click();
  // From the panel, Shift+F6 goes back to the canvas; Esc clears the selection; Enter adds a role.
  await page.keyboard.press('Shift+F6');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Edit person' });
  await expect(editor).toBeFocused();
  await expect(page.getByRole('list', { name: 'Findings' })).toContainText('no stratum');
  await expect(page.locator('.react-flow__node.selected .finding-badge')).toHaveCount(0);
  await editor.fill('Kim Lee, Analyst');
  await editor.press('Enter');
  await expect(nodeByName(page, 'Role: Kim Lee').locator('.finding-badge')).toHaveCount(1);
  // Named again with a time-span: it gives the empty stratum.
  await page.keyboard.press('K');
  await page.keyboard.type('im Lee, Analyst, 6 wk');
  await page.keyboard.press('Enter');
  await expect(nodeByName(page, 'Role: Kim Lee').locator('.finding-badge')).toHaveCount(0);
  const kim = (await settled(page, shell, boardId)).nodes.find((n) => n.data.person === 'Kim Lee');
  expect(kim?.data).toMatchObject({ title: 'Analyst', stratum: 1, timeSpan: { value: 6, unit: 'weeks' } });
});

test('on a map kept arranged, a role Reports to… sends far off keeps the focus, the view going with it, and the next key acts on it', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Two teams' });
  const boardId = session.boards[0].id;
  // Two managers of twelve reports each: more roles than the canvas draws all of (CULLING_MIN_NODES).
  const ops: unknown[] = [role('head', 'Head of sales', 'Director', 5), role('ma', 'Manager North', 'Sales manager', 4), role('mb', 'Manager South', 'Sales manager', 4), reportsTo('head', 'ma'), reportsTo('head', 'mb')];
  for (let r = 0; r < 12; r++) ops.push(role(`a${r}`, `North rep ${r}`, 'Account manager', 3), reportsTo('ma', `a${r}`), role(`b${r}`, `South rep ${r}`, 'Account manager', 3), reportsTo('mb', `b${r}`));
  await shell.call('board.apply', { boardId, ops });
  await shell.call('board.updateSettings', { id: boardId, settings: { keepArranged: true } });
  // Opened again at zoom 1 on the first North rep.
  const arranged = await arrangedThenAtZoom1(page, shell, { id: session.id, title: 'Two teams', boardId }, 'a0', { x: 300, y: 300 });
  const north = arranged.nodes.find((n) => n.id === 'a0')!;
  const rep = nodeByName(page, 'Role: North rep 0');
  await select(rep);
  await page.keyboard.press('Alt+r');
  const manager = page.getByRole('combobox', { name: 'Manager' });
  await manager.fill('Manager South');
  await manager.press('Enter');

  // Placed under its new manager, a screen or more away.
  let moved = arranged;
  await expect.poll(async () => Math.abs((moved = await settled(page, shell, boardId)).nodes.find((n) => n.id === 'a0')!.position.x - north.position.x)).toBeGreaterThan(1280);
  expect(moved.edges.filter((e) => e.target === 'a0').map((e) => e.source)).toEqual(['mb']);
  await expect(rep).toBeFocused();
  await expect(rep).toBeInViewport();
  await page.keyboard.press('2');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.find((n) => n.id === 'a0')!.data).toMatchObject({ stratum: 2 });
});

test('decision-makers and notes from the keyboard; the ? sheet; F6 and Esc lead out of the canvas', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Buying centre');
  const boardId = boardIdOf(page);
  await page.getByRole('button', { name: 'Add decision-maker' }).click();
  await nodeByName(page, 'Decision-maker: New decision-maker').click();
  await page.keyboard.press('Enter');
  const name = page.getByRole('textbox', { name: 'Edit name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('Kai Berg');
  await page.keyboard.press('Enter');
  await page.keyboard.press('+');
  await page.keyboard.press('Alt+p');
  const purchase = page.getByRole('combobox', { name: 'Purchase role' });
  await purchase.fill('cham');
  await purchase.press('Enter');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.find((n) => n.data.name === 'Kai Berg')?.data).toMatchObject({ stance: 'supporter', purchaseRole: 'champion' });
  await page.keyboard.press('-');
  await expect(nodeByName(page, 'Decision-maker: Kai Berg')).toContainText('Sceptic');

  // Alt+N: a note beside the selection, ready to type.
  await page.keyboard.press('Alt+n');
  await page.keyboard.type('Budget freeze in Q3');
  await page.keyboard.press('Enter');
  await expect(nodeByName(page, 'Note: Budget freeze in Q3')).toBeVisible();
  // N alone on an empty selection, and a double-click on the empty canvas.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await page.keyboard.type('Procurement joins late');
  await page.keyboard.press('Enter');
  await expect(nodeByName(page, 'Note: Procurement joins late')).toBeVisible();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.dblclick(pane.x + 60, pane.y + pane.height - 120);
  await expect(page.getByRole('textbox', { name: 'Edit note text' })).toBeFocused();
  await page.keyboard.type('Champion is leaving');
  await page.keyboard.press('Enter');
  await expect(nodeByName(page, 'Note: Champion is leaving')).toBeVisible();
  const saved = await settled(page, shell, boardId);
  expect(saved.nodes.filter((n) => n.kind === 'note').map((n) => n.data.text).sort()).toEqual(['Budget freeze in Q3', 'Champion is leaving', 'Procurement joins late']);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Canvas keys' })).toContainText('Reports to');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Esc clears the selection, then Tab is the browser's again: it walks the nodes and leaves.
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);
  const inCanvas = () => page.evaluate(() => !!document.activeElement?.closest('.react-flow'));
  expect(await inCanvas()).toBe(true);
  for (let i = 0; i < 12 && (await inCanvas()); i++) await page.keyboard.press('Tab');
  expect(await inCanvas()).toBe(false);
  // F6 jumps region to region: from the canvas to the side panel and back.
  await nodeByName(page, 'Note: Champion is leaving').focus();
  await page.keyboard.press('F6');
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.side-panel'))).toBe(true);
  await page.keyboard.press('Shift+F6');
  await expect.poll(inCanvas).toBe(true);
});

test('F2 on a selected card the view has left brings it back into view to be typed, on a board the canvas culls', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Far card' });
  const boardId = session.boards[0].id;
  const ops = Array.from({ length: 25 }, (_, i) => ({ type: 'node.add', node: { id: `n${i}`, kind: 'note', position: { x: (i % 5) * 280, y: Math.floor(i / 5) * 200 }, size: null, data: { text: `Signal ${i + 1}`, category: 'idea', votes: 0 } } }));
  await shell.call('board.apply', { boardId, ops });
  await shell.call('board.setViewport', { boardId, viewport: { x: 40, y: 40, zoom: 1 } });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  const card = page.locator('.react-flow__node[data-id="n0"]');
  await select(card);
  // The view pans far away: the card is no longer drawn.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  for (let pan = 0; pan < 3; pan++) {
    // From the empty corner above the cards, clear of the minimap and the zoom buttons.
    await page.mouse.move(pane.x + 20, pane.y + 20);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width - 260, pane.y + pane.height - 180, { steps: 5 });
    await page.mouse.up();
  }
  await expect(card).toHaveCount(0);
  await page.keyboard.press('F2');
  const text = page.getByRole('textbox', { name: 'Edit note text' });
  await expect(text).toBeInViewport();
  await expect(text).toBeFocused();
  await text.fill('Seen as typed');
  await text.press('Enter');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.find((n) => n.id === 'n0')!.data).toMatchObject({ text: 'Seen as typed' });
});
