import type { Page } from '@playwright/test';
import { NODE_KIND_INFO, NODE_KINDS } from '../../shared/model';
import { dmNode, roleNode, sampleEdge } from '../helpers/sample';
import { boardIdOf, connect, createSessionInUi, expect, nodeByName, select, sessionWith, settled, test, type StoredBoard } from './fixtures';

const addButton = (kind: string) => ({ name: `Add ${kind}` });

/** A role, Ann Berg, and a decision-maker, Ben Carr, side by side: the cards the zoomed-out tests look at from afar. */
const annAndBen = (title = 'Sales director') => [
  roleNode({ id: 'r1', data: { person: 'Ann Berg', title, stratum: 4 } }),
  dmNode({ id: 'd1', position: { x: 600, y: 0 }, data: { name: 'Ben Carr', title: 'CFO', organisation: 'Client Co' } }),
];

/** The board as the facilitator sees it: labels of nodes, edge count, and the viewport transform. */
async function visibleBoard(page: Page) {
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  return {
    labels: (await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort(),
    edges: await page.locator('.react-flow__edge').count(),
    transform: await page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform),
  };
}

async function rename(page: Page, nodeName: string, to: string) {
  await nodeByName(page, nodeName).dblclick();
  const editor = page.getByRole('textbox', { name: /^Edit / });
  await editor.fill(to);
  await editor.press('Enter');
}

test('builds a board, undoes and redoes, and finds it identical after a reload and a server restart', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Acme sales kickoff', 'Acme Corp');
  const boardId = boardIdOf(page);

  for (let i = 0; i < 3; i++) await page.getByRole('button', addButton('role')).click();
  await page.getByRole('button', addButton('note')).click();
  await expect(page.getByRole('group', { name: 'Role: New role' })).toHaveCount(3);
  await expect(nodeByName(page, 'Note: New note')).toBeVisible();

  // Give the roles distinct names, one at a time (each new name leaves one fewer "New role").
  for (const name of ['Dana Whitfield', 'Sam Ortiz', 'Lee Park']) {
    await page.getByRole('group', { name: 'Role: New role' }).first().dblclick();
    const editor = page.getByRole('textbox', { name: 'Edit person' });
    await editor.fill(name);
    await editor.press('Enter');
    await expect(nodeByName(page, `Role: ${name}`)).toBeVisible();
  }

  await connect(page, 'Role: Dana Whitfield', 'Role: Sam Ortiz');
  // Two roles can be joined as reports-to or relates; the first choice has focus, Enter takes it.
  await expect(page.getByRole('menuitem', { name: 'Reports to' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await rename(page, 'Note: New note', 'Buyers ask about the three-year roadmap');
  await expect(nodeByName(page, 'Note: Buyers ask about the three-year roadmap')).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(nodeByName(page, 'Note: New note')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(nodeByName(page, 'Note: Buyers ask about the three-year roadmap')).toBeVisible();

  const saved = await settled(page, shell, boardId);
  expect(saved.nodes).toHaveLength(4);
  expect(saved.edges).toEqual([expect.objectContaining({ kind: 'reports-to' })]);
  const seen = await visibleBoard(page);

  await page.reload();
  expect(await visibleBoard(page)).toEqual(seen);

  await shell.stop('SIGKILL');
  await shell.start();
  await page.reload();
  expect(await visibleBoard(page)).toEqual(seen);
  expect(await settled(page, shell, boardId)).toEqual(saved);

  // Killed again under an open page: the page reconnects by itself and keeps saving.
  await shell.stop('SIGKILL');
  await shell.start();
  await page.getByRole('button', addButton('text')).click();
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.length).toBe(5);
});

test('a whole drag is one undo step, and the viewport is kept across a reload', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Drag and view');
  const boardId = boardIdOf(page);
  await page.getByRole('button', addButton('role')).click();
  const node = nodeByName(page, 'Role: New role');
  const before = (await settled(page, shell, boardId)).nodes[0].position;

  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 40 + i * 20, box.y + 20 + i * 10);
  await page.mouse.up();
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0].position).not.toEqual(before);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0].position).toEqual(before);
  await expect(node).toBeVisible();

  // Zoom out with the wheel, then reload: the same view comes back.
  await page.mouse.move(600, 400);
  await page.mouse.wheel(0, 400);
  await expect.poll(async () => (await settled(page, shell, boardId)).viewport?.zoom ?? 1).toBeLessThan(1);
  const transform = await page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform);
  await page.reload();
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', new RegExp(transform.replace(/[().]/g, '\\$&')));
});

test('selects several nodes, copies, pastes, duplicates and deletes them, each undoable', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Selection');
  const boardId = boardIdOf(page);
  await page.getByRole('button', addButton('role')).click();
  await page.getByRole('button', addButton('note')).click();
  await page.getByRole('button', addButton('text')).click();

  await nodeByName(page, 'Role: New role').click();
  await nodeByName(page, 'Note: New note').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(5);
  await page.keyboard.press('Control+d');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);

  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.length).toBe(0);

  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.length).toBe(7);
});

test('undoing the deletion of a card in the middle puts it back under the cards drawn after it, after a reload too', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Drawing order');
  const boardId = boardIdOf(page);
  for (const text of ['First', 'Middle', 'Last']) {
    await page.getByRole('button', addButton('note')).click();
    await rename(page, 'Note: New note', text);
    await expect(nodeByName(page, `Note: ${text}`)).toBeVisible();
  }
  const drawn = () => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const stored = async () => (await shell.call<StoredBoard>('board.get', { id: boardId })).nodes.map((n) => n.data.text);
  const order = ['Note: First', 'Note: Middle', 'Note: Last'];
  await expect.poll(drawn).toEqual(order);

  await select(nodeByName(page, 'Note: Middle'));
  await page.keyboard.press('Delete');
  await expect(nodeByName(page, 'Note: Middle')).toHaveCount(0);
  await expect.poll(stored).toEqual(['First', 'Last']);
  await page.keyboard.press('Control+z');
  await expect.poll(drawn).toEqual(order);
  await expect.poll(stored).toEqual(['First', 'Middle', 'Last']);

  await page.reload();
  await expect.poll(drawn).toEqual(order);
});

test('box selection with Shift+drag selects the nodes inside it', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Box select');
  for (let i = 0; i < 3; i++) await page.getByRole('button', addButton('role')).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(pane.x + 5, pane.y + 70);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 5, pane.y + pane.height - 5, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(3);
});

test('Esc cancels an inline edit and F2 on a selected node starts one', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Inline edit');
  await page.getByRole('button', addButton('role')).click();
  await nodeByName(page, 'Role: New role').click();
  // On a role Enter adds a sibling (the capture keys); F2 edits the label of any node.
  await page.keyboard.press('F2');
  const editor = page.getByRole('textbox', { name: 'Edit person' });
  await editor.fill('Should not stay');
  await editor.press('Escape');
  await expect(nodeByName(page, 'Role: New role')).toBeVisible();
  await expect(nodeByName(page, 'Role: Should not stay')).toHaveCount(0);
});

test('undo reaches back at least 200 steps', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Long history');
  const boardId = boardIdOf(page);
  await page.getByRole('button', addButton('role')).click();
  await nodeByName(page, 'Role: New role').click();
  const start = (await settled(page, shell, boardId)).nodes[0].position;
  for (let i = 0; i < 210; i++) await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0].position.x).toBeGreaterThan(start.x + 200 * 5);
  for (let i = 0; i < 210; i++) await page.keyboard.press('Control+z');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes[0].position).toEqual(start);
});

export type { StoredBoard };

test('opens the board its address names, and the first board when the session no longer has the one named', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Two boards');
  const first = boardIdOf(page);
  const sessionId = /#\/session\/([^/]+)/.exec(page.url())![1];
  const second = (await shell.call('board.create', { sessionId, title: 'Buying centre' })) as { id: string };
  const ops = [{ type: 'node.add', node: { id: 'n-second', kind: 'text', position: { x: 0, y: 0 }, size: null, data: { text: 'Only on the second board', variant: 'heading' } } }];
  await shell.call('board.apply', { boardId: second.id, ops });

  await page.goto(`${shell.url}#/session/${sessionId}/${second.id}`);
  await expect(page.getByRole('tab', { name: 'Buying centre', selected: true })).toBeVisible();
  await expect(nodeByName(page, 'Text: Only on the second board')).toBeVisible();

  await shell.call('board.delete', { id: second.id });
  await page.goto(`${shell.url}#/session/${sessionId}/${second.id}`);
  await page.reload();
  await expect.poll(() => boardIdOf(page)).toBe(first);
  await expect(page.getByRole('tab', { name: 'Board 1', selected: true })).toBeVisible();
  await expect(page.locator('.react-flow')).toBeVisible();
  await expect(nodeByName(page, 'Text: Only on the second board')).toHaveCount(0);
  // The board in the address was asked for early; that it is gone is no error to the facilitator.
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('each kind added from the palette renders at the size the placement expects, clear of the others', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createSessionInUi(page, shell, 'Every kind');
  for (const kind of NODE_KINDS) {
    await page.getByRole('button', addButton(NODE_KIND_INFO[kind].name.toLowerCase())).click();
    await page.keyboard.press('Escape');
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(NODE_KINDS.length);
  const boxes = () =>
    page.locator('.react-flow__node').evaluateAll((nodes) =>
      nodes.map((n) => {
        const style = (n as HTMLElement).style.transform.match(/translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/)!;
        return { kind: [...n.classList].find((c) => c.startsWith('react-flow__node-'))!.slice('react-flow__node-'.length), x: Number(style[1]), y: Number(style[2]), width: (n as HTMLElement).offsetWidth, height: (n as HTMLElement).offsetHeight };
      }),
    );
  await expect.poll(async () => (await boxes()).map(({ kind, width, height }) => [kind, width, height])).toEqual(
    NODE_KINDS.map((kind) => [kind, NODE_KIND_INFO[kind].expectedSize.width, NODE_KIND_INFO[kind].expectedSize.height]),
  );
  const placed = (await boxes()).filter((b) => b.kind !== 'frame');
  for (const a of placed)
    for (const b of placed)
      if (a !== b) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.kind} overlaps ${b.kind}`).toBe(true);
});

test('the minimap shows the board, a card moved at its new place, and a drag on it moves the view', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Minimap' });
  const boardId = session.boards[0].id;
  const role = (i: number) => ({ type: 'node.add', node: { id: `r${i}`, kind: 'role', position: { x: i * 320, y: 0 }, size: null, data: { person: `Person ${i}`, title: '', stratum: 2, timeSpan: null, notes: '' } } });
  await shell.call('board.apply', { boardId, ops: [0, 1, 2].map(role) });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  const minimap = page.getByRole('img', { name: 'Minimap' });
  const drawn = () => minimap.locator('.react-flow__minimap-node').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')).join(''));
  await expect.poll(drawn).toContain('M640,0h');

  // A card moved elsewhere (here by another window) is drawn at its new place.
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.move', id: 'r2', position: { x: 640, y: 480 } }] });
  await expect.poll(drawn).toContain('M640,480h');
  await expect.poll(drawn).not.toContain('M640,0h');

  const viewport = () => page.locator('.react-flow__viewport').getAttribute('style');
  const before = await viewport();
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await expect.poll(viewport).not.toBe(before);
});

test('a name typed long is edited over its card: the card keeps its size until Enter, then holds the whole name', async ({ page, shell }) => {
  const { url } = await sessionWith(shell, 'Long names', [
    roleNode({ id: 'r1', data: { person: 'Ann', stratum: 2 } }),
    dmNode({ id: 'd1', position: { x: 0, y: 400 }, data: { name: 'Ben' } }),
  ]);
  await page.goto(url);
  const longName = 'Dana Whitfield-Okonkwo of the regional sales team North';
  for (const [card, field, renamed] of [
    [nodeByName(page, 'Role: Ann'), 'Edit person', `Role: ${longName}`],
    [nodeByName(page, 'Decision-maker: Ben'), 'Edit name', `Decision-maker: ${longName}`],
  ] as const) {
    await select(card);
    const before = (await card.boundingBox())!;
    await page.keyboard.press('F2');
    const editor = page.getByRole('textbox', { name: field });
    await editor.pressSequentially(longName);
    await expect(editor).toHaveValue(longName);
    // The whole name shows in the editor, which grows downwards within the card's width.
    const typing = (await editor.boundingBox())!;
    expect(typing.height).toBeGreaterThan(before.height / 2);
    expect(typing.x).toBeGreaterThanOrEqual(before.x);
    expect(typing.x + typing.width).toBeLessThanOrEqual(before.x + before.width);
    expect(await card.boundingBox()).toEqual(before);
    // Text taken out takes the field back to the lines left.
    await editor.press('ControlOrMeta+a');
    await editor.pressSequentially('Dana');
    await expect.poll(async () => (await editor.boundingBox())!.height).toBeLessThan(typing.height / 2);
    await editor.fill(longName);
    await editor.press('Enter');
    const kept = nodeByName(page, renamed);
    await expect(kept).toContainText('Dana Whitfield');
    await expect.poll(async () => (await kept.boundingBox())!.height).toBeGreaterThan(before.height);
  }
});

test('zoomed out, a name is edited in place on its compact card, and from afar on one drawn as a bare box', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Names from afar', annAndBen());
  // Zoomed out to names (detail.ts): cards show their names only, in large type.
  await shell.call('board.setViewport', { boardId, viewport: { x: 100, y: 150, zoom: 0.35 } });
  await page.goto(url);
  const roleCard = nodeByName(page, 'Role: Ann Berg');
  await expect(roleCard.locator('.compact-name')).toHaveText('Ann Berg');

  await select(roleCard);
  await page.keyboard.press('F2');
  const personEditor = roleCard.getByRole('textbox', { name: 'Edit person' });
  await expect(personEditor).toBeFocused();
  await expect(personEditor).toHaveValue('Ann Berg');
  // In the compact card's type, so it reads as well as the name it replaces.
  expect(await personEditor.evaluate((el) => getComputedStyle(el).fontSize)).toBe('40px');
  await personEditor.fill('Ann Holm');
  await personEditor.press('Enter');
  await expect(nodeByName(page, 'Role: Ann Holm').locator('.compact-name')).toHaveText('Ann Holm');

  // Further out every card is a bare box; typing on a selected one still opens its name, seen.
  await shell.call('board.setViewport', { boardId, viewport: { x: 100, y: 150, zoom: 0.15 } });
  await page.reload();
  const buyerCard = nodeByName(page, 'Decision-maker: Ben Carr');
  await expect(buyerCard.locator('.compact-name')).toHaveCount(0);
  await select(buyerCard);
  await page.keyboard.type('Lena Dahl');
  const nameEditor = buyerCard.getByRole('textbox', { name: 'Edit name' });
  await expect(nameEditor).toBeVisible();
  await expect(nameEditor).toHaveValue('Lena Dahl');
  await nameEditor.press('Enter');
  await expect(nodeByName(page, 'Decision-maker: Lena Dahl')).toBeVisible();
  const saved = await settled(page, shell, boardId);
  expect(saved.nodes.map((n) => [n.id, (n.data as { person?: string; name?: string }).person ?? (n.data as { name?: string }).name])).toEqual([
    ['r1', 'Ann Holm'],
    ['d1', 'Lena Dahl'],
  ]);
});

test('zoomed far out, a relates line is still drawn in dashes a few pixels long, not specks', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Dashes from afar', [roleNode({ id: 'r1' }), roleNode({ id: 'r2', position: { x: 900, y: 0 } })]);
  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.add', edge: sampleEdge('r1', 'r2', { kind: 'relates' }) }] });
  /** The line's first dash on screen, in px, opened fresh at `zoom`. */
  const dashAt = async (zoom: number) => {
    await shell.call('board.setViewport', { boardId, viewport: { x: 100, y: 150, zoom } });
    await page.goto('about:blank');
    await page.goto(url);
    const path = page.locator('.react-flow__edge.edge-relates .react-flow__edge-path');
    await expect(path).toHaveCount(1);
    return zoom * parseFloat(await path.evaluate((el) => getComputedStyle(el).strokeDasharray));
  };
  // With compact cards (0.3) a dash is 1.8 px on screen; with cards as boxes (0.2), 4.8 px instead of 1.2.
  expect(await dashAt(0.3)).toBeCloseTo(1.8);
  expect(await dashAt(0.2)).toBeCloseTo(4.8);
});

test('a board opened zoomed out draws each card as a box of the size it has a step closer, not a sliver', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Boxes from afar', annAndBen('Sales director, North and East'));
  /** Each card's box in board pixels, opened fresh at `zoom`. */
  const boxesAt = async (zoom: number) => {
    await shell.call('board.setViewport', { boardId, viewport: { x: 100, y: 150, zoom } });
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.locator('.react-flow')).toHaveClass(zoom < 0.25 ? /detail-shapes/ : /detail-names/);
    const boxes: Record<string, string> = {};
    for (const [id, name] of [['r1', 'Role: Ann Berg'], ['d1', 'Decision-maker: Ben Carr']]) {
      const box = (await nodeByName(page, name).boundingBox())!;
      boxes[id] = `${Math.round(box.width / zoom)}×${Math.round(box.height / zoom)}`;
    }
    return boxes;
  };
  const compact = await boxesAt(0.35);
  expect(await boxesAt(0.15)).toEqual(compact);
});

test('on a laptop, a board wider than 30,000 px opens fitted whole: its first and last cards inside the canvas', async ({ page, shell }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  // One row of 100 roles, 360 px apart: beside the side panel it fits only below zoom 0.03.
  const roles = Array.from({ length: 100 }, (_, i) => roleNode({ id: `r${i}`, position: { x: i * 360, y: 0 }, data: { person: `Rep ${i}`, title: 'Account manager', stratum: 3 } }));
  const { url } = await sessionWith(shell, 'A long row', roles);
  await page.goto(url);
  const pane = page.locator('.react-flow__pane');
  await expect(page.locator('.react-flow')).toHaveClass(/detail-shapes/);
  for (const name of ['Role: Rep 0', 'Role: Rep 99']) {
    await expect(async () => {
      const [card, canvas] = [(await nodeByName(page, name).boundingBox())!, (await pane.boundingBox())!];
      expect(card.x).toBeGreaterThanOrEqual(canvas.x);
      expect(card.x + card.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    }).toPass();
  }
});

test('zoomed far out, role and decision-maker boxes stand out from the canvas at 3:1 or more', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Boxes to find', annAndBen());
  await shell.call('board.setViewport', { boardId, viewport: { x: 100, y: 150, zoom: 0.08 } });
  await page.goto(url);
  await expect(page.locator('.react-flow')).toHaveClass(/detail-shapes/);
  const contrasts = await page.evaluate(() => {
    const channels = (colour: string) => colour.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const c = channels(colour);
      // rgb() gives 0-255, color(srgb ...) gives 0-1.
      const unit = colour.startsWith('rgb') ? c.map((v) => v / 255) : c;
      const [r, g, b] = unit.map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** What shows behind an element: the first background of its ancestors that is not transparent. */
    const behind = (element: Element) => {
      for (let at = element.parentElement; at; at = at.parentElement) {
        const colour = getComputedStyle(at).backgroundColor;
        if (colour !== 'rgba(0, 0, 0, 0)') return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    return [...document.querySelectorAll('.react-flow__node .gw-node')].map((box) => {
      const [l, canvas] = [luminance(getComputedStyle(box).backgroundColor), luminance(behind(box))];
      return Math.round(((Math.max(l, canvas) + 0.05) / (Math.min(l, canvas) + 0.05)) * 10) / 10;
    });
  });
  expect(contrasts).toHaveLength(2);
  for (const contrast of contrasts) expect(contrast).toBeGreaterThanOrEqual(3);
  // A box being named is drawn as its card, white, so what is typed reads.
  const buyer = nodeByName(page, 'Decision-maker: Ben Carr');
  await select(buyer);
  await page.keyboard.type('Lena');
  await expect(buyer.getByRole('textbox', { name: 'Edit name' })).toBeVisible();
  await expect(buyer.locator('.gw-node')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
});
