import type { Page } from '@playwright/test';
import { expect, nodeByName, settled, test } from './fixtures';

/** The methods of the calls the page sends over its WebSocket, in order. */
function callsSent(page: Page): string[] {
  const methods: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const method = (JSON.parse(String(payload)) as { method?: string }).method;
      if (method) methods.push(method);
    }),
  );
  return methods;
}

const role = (id: string, person: string, y: number) => ({ type: 'node.add', node: { id, kind: 'role', position: { x: 0, y }, size: null, data: { person, title: 'Role', stratum: 3, timeSpan: null, notes: '' } } });

/** 500 headings in rows of 25 from `left` rightwards: a board with them is big to the editor. */
const headingsFrom = (left: number) =>
  Array.from({ length: 500 }, (_, i) => ({
    type: 'node.add',
    node: { id: `h${i}`, kind: 'text', position: { x: left + (i % 25) * 240, y: Math.floor(i / 25) * 80 }, size: null, data: { text: `Heading ${i}`, variant: 'label' } },
  }));

test('a session opened from the home screen loads its board once', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Opened once' });
  await shell.call('board.apply', {
    boardId: session.boards[0].id,
    ops: [{ type: 'node.add', node: { id: 'n_role', kind: 'role', position: { x: 0, y: 0 }, size: null, data: { person: 'Ada Quist', title: 'CEO', stratum: 5, timeSpan: null, notes: '' } } }],
  });
  const calls = callsSent(page);

  await page.goto(shell.url);
  await page.getByRole('link', { name: 'Opened once' }).click();
  await expect(nodeByName(page, 'Role: Ada Quist')).toBeVisible();

  // The editor picks the first board and puts it in the address; that must not ask for it again.
  expect(calls.filter((method) => method === 'board.get')).toEqual(['board.get']);
});

test('a facilitator who leaves a session as it finishes loading is not taken back to it', async ({ page, shell }) => {
  await shell.call('session.create', { title: 'Left at once' });
  await page.goto(shell.url);
  // The address changes to the templates the moment the loaded session is drawn, before that
  // render's effects run: the editor's correction of its own address (adding the board) comes after.
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('h1')?.textContent !== 'Left at once') return;
      observer.disconnect();
      location.hash = '#/templates';
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.getByRole('link', { name: 'Left at once' }).click();

  await expect(page.getByRole('button', { name: 'Team', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#\/templates$/);
});

test('a board opened by its address is asked for once, over HTTP as the page starts, not again over its socket', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Opened by address' });
  const boardId = session.boards[0].id;
  await shell.call('board.apply', {
    boardId,
    ops: [{ type: 'node.add', node: { id: 'n_role', kind: 'role', position: { x: 0, y: 0 }, size: null, data: { person: 'Lin Okafor', title: 'COO', stratum: 4, timeSpan: null, notes: '' } } }],
  });
  const calls = callsSent(page);
  const posted: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
  });

  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(nodeByName(page, 'Role: Lin Okafor')).toBeVisible();

  expect(posted).toEqual(['/api/board.get']);
  expect(calls.filter((method) => method === 'board.get')).toEqual([]);
});

test('a big board’s edges go around the cards in their way once it is on screen', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Big board' });
  const boardId = session.boards[0].id;
  // Enough headings beside the map that the editor treats the board as big (CULLING_MIN_NODES).
  const headings = headingsFrom(600);
  await shell.call('board.apply', { boardId, ops: [role('boss', 'Helen Cho', 0), role('report', 'Ravi Nair', 600), ...headings] });
  // A card right on the reporting line's straight way down.
  await shell.call('board.apply', {
    boardId,
    ops: [
      { type: 'node.add', node: { id: 'in-the-way', kind: 'text', position: { x: 20, y: 300 }, size: null, data: { text: 'Open role?', variant: 'label' } } },
      { type: 'edge.add', edge: { id: 'e-report', kind: 'reports-to', source: 'boss', target: 'report', data: { label: '', strength: null } } },
    ],
  });

  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  const line = page.locator('.react-flow__edge[data-id="e-report"] .react-flow__edge-path');
  // A route around the card bends (each bend is drawn rounded, a Q in the path); the straight line has none.
  await expect.poll(async () => (await line.getAttribute('d'))?.includes('Q')).toBe(true);
});

test('a big board opened with a finding draws its mark in the frame that first shows the line', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Marked at once' });
  const boardId = session.boards[0].id;
  // Both in the same stratum: the reporting line is a compression, marked on the line itself.
  await shell.call('board.apply', {
    boardId,
    ops: [
      role('boss', 'Raj Patel', 0),
      role('report', 'Ana Silva', 300),
      { type: 'edge.add', edge: { id: 'e-report', kind: 'reports-to', source: 'boss', target: 'report', data: { label: '', strength: null } } },
      ...headingsFrom(6000),
    ],
  });
  await shell.call('board.setViewport', { boardId, viewport: { x: 200, y: 100, zoom: 1 } });
  // At the start of each frame, before the page's own frame work: the lines drawn and those marked.
  await page.addInitScript(() => {
    const frames: { lines: number; marked: number }[] = [];
    Object.assign(window, { linesByFrame: frames });
    const watch = () => {
      const lines = document.querySelectorAll('.react-flow__edge').length;
      if (lines) frames.push({ lines, marked: document.querySelectorAll('.react-flow__edge.has-finding').length });
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });

  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(page.locator('.react-flow__edge.has-finding')).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { linesByFrame: unknown[] }).linesByFrame)).toEqual([{ lines: 1, marked: 1 }]);
});

test('a big board opened for the first time is whole from its first frame, not its top-left corner at full size first', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Opened whole' });
  const boardId = session.boards[0].id;
  await shell.call('board.apply', { boardId, ops: [role('boss', 'Helen Cho', 0), ...headingsFrom(600)] });
  // At the start of each frame, until one shows cards: how many, and at what zoom.
  await page.addInitScript(() => {
    const frames: { cards: number; zoom: number }[] = [];
    Object.assign(window, { cardsByFrame: frames });
    const watch = () => {
      const cards = document.querySelectorAll('.react-flow__node').length;
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      if (cards && viewport) frames.push({ cards, zoom: new DOMMatrixReadOnly(viewport.style.transform).a });
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });

  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  // Once fitted, the view is stored as the board's, with every card on screen.
  const storedZoom = async () => (await shell.call<{ viewport: { zoom: number } | null }>('board.get', { id: boardId })).viewport?.zoom;
  await expect.poll(storedZoom).toBeLessThan(0.5);
  await expect(page.locator('.react-flow__node')).toHaveCount(501);
  const fitted = (await storedZoom())!;
  const [first] = await page.evaluate(() => (window as unknown as { cardsByFrame: { cards: number; zoom: number }[] }).cardsByFrame);
  expect(first.cards).toBe(501);
  expect(first.zoom).toBeCloseTo(fitted, 3);
});

test('on a big board, a note another window adds off screen is drawn only once it is scrolled to, at its size', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Big board, new notes' });
  const boardId = session.boards[0].id;
  // Enough headings far off to the right that the editor treats the board as big (CULLING_MIN_NODES).
  const headings = headingsFrom(6000);
  await shell.call('board.apply', { boardId, ops: headings });
  await shell.call('board.setViewport', { boardId, viewport: { x: 0, y: 0, zoom: 1 } });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  const text = 'A note long enough to wrap onto a few lines of its card, as a phone’s often is';
  const note = (id: string, x: number) => ({ type: 'node.add', node: { id, kind: 'note', position: { x, y: 200 }, size: null, data: { text, category: 'idea', votes: 0 } } });
  // Whether the off-screen note was ever in the DOM, however briefly (mounted to be measured).
  await page.evaluate(() => {
    const seen = window as unknown as { offScreenMounted: boolean };
    seen.offScreenMounted = false;
    new MutationObserver(() => {
      seen.offScreenMounted ||= !!document.querySelector('.react-flow__node[data-id="off-screen"]');
    }).observe(document.body, { childList: true, subtree: true });
  });
  // Another window adds two notes: one on screen, one 1,600 px to the right of it; and a third
  // on screen, overlapping the first as that window placed it.
  const below = { type: 'node.add', node: { id: 'below', kind: 'note', position: { x: 200, y: 260 }, size: null, data: { text: 'Below', category: 'idea', votes: 0 } } };
  await shell.call('board.apply', { boardId, ops: [note('on-screen', 200), note('off-screen', 1800), below] });
  const onScreen = page.locator('.react-flow__node[data-id="on-screen"]');
  const offScreen = page.locator('.react-flow__node[data-id="off-screen"]');
  await expect(onScreen).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { offScreenMounted: boolean }).offScreenMounted)).toBe(false);

  // Drag the board 1,600 px to the left, in steps: the second note comes to where the first was.
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const panBy = async (dx: number) => {
    const x = pane.x + pane.width / 2;
    const y = pane.y + pane.height - 100;
    for (let moved = 0; moved !== dx; moved += Math.sign(dx) * 400) {
      await page.mouse.move(x - Math.sign(dx) * 200, y);
      await page.mouse.down();
      for (let step = 1; step <= 4; step++) await page.mouse.move(x - Math.sign(dx) * (200 - step * 100), y);
      await page.mouse.up();
    }
  };
  await panBy(-1600);
  await expect(offScreen).toBeVisible();
  await expect(onScreen).toHaveCount(0);
  const size = await offScreen.boundingBox();
  await panBy(1600);
  await expect(onScreen).toBeVisible();
  expect(size).not.toBeNull();
  const twin = (await onScreen.boundingBox())!;
  expect({ width: size!.width, height: size!.height }).toEqual({ width: twin.width, height: twin.height });
  // A note's first real size is no growth: the note under it stays where the other window put it.
  expect((await settled(page, shell, boardId)).nodes.find((n) => n.id === 'below')?.position).toEqual({ x: 200, y: 260 });
});

test('on a big board, the arrows walk to a role off screen: the view goes to it and it takes the focus', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Big board, walked' });
  const boardId = session.boards[0].id;
  // Enough headings beside the map that the editor treats the board as big (CULLING_MIN_NODES).
  const headings = headingsFrom(600);
  await shell.call('board.apply', {
    boardId,
    ops: [role('boss', 'Helen Cho', 0), role('report', 'Ravi Nair', 4000), ...headings, { type: 'edge.add', edge: { id: 'e-report', kind: 'reports-to', source: 'boss', target: 'report', data: { label: '', strength: null } } }],
  });
  await shell.call('board.setViewport', { boardId, viewport: { x: 100, y: 100, zoom: 1 } });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  const report = nodeByName(page, 'Role: Ravi Nair');
  await nodeByName(page, 'Role: Helen Cho').click();
  await expect(report).toHaveCount(0);

  await page.keyboard.press('ArrowDown');
  await expect(report).toBeFocused();
  await expect(report).toBeInViewport();

  // Moved off screen with the keyboard, it keeps the focus: the view goes with it.
  for (let i = 0; i < 30; i++) await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(async () => (await shell.call<{ nodes: { id: string; position: { x: number } }[] }>('board.get', { id: boardId })).nodes.find((n) => n.id === 'report')!.position.x).toBe(30 * 64);
  await expect(report).toBeFocused();
  await expect(report).toBeInViewport();
});
