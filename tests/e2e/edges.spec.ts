import type { Page } from '@playwright/test';
import { dmNode, noteNode, roleNode, sampleEdge, stageNode, textNode } from '../helpers/sample';
import { boardIdOf, createSessionInUi, expect, sessionWith, settled, test, type StoredBoard } from './fixtures';
import type { ServedShell } from './server';

const PROJECTOR = { width: 1920, height: 1080 };

interface Ends {
  [edgeId: string]: { source: string; target: string };
}

interface Geometry {
  /** Edges whose drawn path runs through a card other than its two ends, with that card. */
  crossings: string[];
  /** Pairs of edge labels (or numbers) that overlap, and labels over cards. */
  overlaps: string[];
  labels: number;
  edges: number;
}

/**
 * What the page draws, measured in the DOM: each edge path sampled along its length against the
 * cards' boxes (shrunk by 2 px, so an end touching its card's border is not a crossing), and the
 * labels' boxes against each other and the cards. Frames are regions, not cards.
 */
function geometry(page: Page, ends: Ends): Promise<Geometry> {
  return page.evaluate((ends) => {
    const inside = (p: { x: number; y: number }, r: DOMRect) => p.x > r.left + 2 && p.x < r.right - 2 && p.y > r.top + 2 && p.y < r.bottom - 2;
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const cards = [...document.querySelectorAll<HTMLElement>('.react-flow__node:not(.react-flow__node-frame)')].map((el) => ({ id: el.dataset.id!, rect: el.getBoundingClientRect() }));
    const crossings: string[] = [];
    const edges = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')];
    for (const edge of edges) {
      const id = edge.dataset.id!;
      const path = edge.querySelector<SVGPathElement>('.react-flow__edge-path')!;
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let d = 0; d <= length; d += 4) {
        const p = new DOMPoint(path.getPointAtLength(d).x, path.getPointAtLength(d).y).matrixTransform(matrix);
        const hit = cards.find((c) => c.id !== ends[id].source && c.id !== ends[id].target && inside(p, c.rect));
        if (hit) {
          crossings.push(`${id} through ${hit.id}`);
          break;
        }
      }
    }
    const labels = [...document.querySelectorAll<HTMLElement>('.edge-label:not(.edge-label-probe)')].map((el) => ({ text: el.textContent, rect: el.getBoundingClientRect() }));
    const overlaps: string[] = [];
    labels.forEach((a, i) => {
      labels.slice(i + 1).forEach((b) => meet(a.rect, b.rect) && overlaps.push(`"${a.text}" and "${b.text}"`));
      cards.forEach((c) => meet(a.rect, c.rect) && overlaps.push(`"${a.text}" over ${c.id}`));
    });
    return { crossings, overlaps, labels: labels.length, edges: edges.length };
  }, ends);
}

async function endsOf(shell: ServedShell, boardIds: string[]): Promise<Ends> {
  const ends: Ends = {};
  for (const id of boardIds) for (const edge of (await shell.call<StoredBoard>('board.get', { id })).edges) ends[edge.id] = { source: edge.source, target: edge.target };
  return ends;
}

/** Waits until `expected` edges are drawn and measured, then checks the drawing. */
async function expectClean(page: Page, ends: Ends, expected: { edges: number; labels: number }) {
  await expect.poll(async () => (await geometry(page, ends)).edges).toBe(expected.edges);
  await expect.poll(async () => (await geometry(page, ends)).labels).toBe(expected.labels);
  // Routes and labels settle once every card is measured (a card just added, say): wait for it.
  await expect.poll(async () => (await geometry(page, ends)).crossings, { message: 'edges through cards that are not their ends' }).toEqual([]);
  await expect.poll(async () => (await geometry(page, ends)).overlaps, { message: 'labels over labels or cards' }).toEqual([]);
}

interface SessionDetail {
  id: string;
  boards: { id: string; title: string }[];
}

const levelsOfWork = (shell: ServedShell) => shell.call<SessionDetail>('session.createFromTemplate', { templateId: 'builtin-levels-of-work' });

test('the Levels of work template draws its edges clear of the cards, its labels apart, in the editor', async ({ page, shell }) => {
  const session = await levelsOfWork(shell);
  const [orgMap, deciders] = session.boards;
  const ends = await endsOf(shell, [orgMap.id, deciders.id]);
  await page.goto(`${shell.url}#/session/${session.id}/${orgMap.id}`);
  await expectClean(page, ends, { edges: 5, labels: 0 });
  await page.getByRole('tab', { name: 'Decision-makers' }).click();
  await expectClean(page, ends, { edges: 2, labels: 2 });
  expect((await page.locator('.edge-label:not(.edge-label-probe)').allTextContents()).sort()).toEqual(['brings the case from the field', 'signs off on security and fit']);
  await expect(page.locator('.react-flow__edge-influences .edge-arrowhead')).toHaveCount(2);
});

test('the audience view and the print view draw the same clean edges', async ({ page, shell }) => {
  const session = await levelsOfWork(shell);
  const ends = await endsOf(shell, session.boards.map((b) => b.id));
  await page.goto(`${shell.url}#/session/${session.id}/print?paper=a4&findings=0&signals=0&notes=0`);
  await expect(page.getByText('Ready to print')).toBeVisible();
  await expectClean(page, ends, { edges: 7, labels: 2 });

  await page.goto(`${shell.url}#/session/${session.id}/${session.boards[0].id}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  await expectClean(audience, ends, { edges: 5, labels: 0 });
  // On to the steps on the decision-makers board.
  const deciders = audience.getByText('Henrik Dahl');
  await expect
    .poll(async () => {
      if ((await deciders.count()) === 0) await audience.keyboard.press('ArrowRight');
      return deciders.count();
    })
    .toBe(1);
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
  await expectClean(audience, ends, { edges: 2, labels: 2 });
});

/** Ten roles with a compression (Ana under Raj, both III), a gap (Ben, I, under Maya, III) and two labelled lines. */
const ROLES = [
  { id: 'ceo', person: 'Helen Cho', stratum: 5 },
  { id: 'vps', person: 'Dana Whitfield', stratum: 4, manager: 'ceo', label: 'runs the field' },
  { id: 'vpm', person: 'Omar Haddad', stratum: 4, manager: 'ceo' },
  { id: 'rm1', person: 'Sam Ortiz', stratum: 3, manager: 'vps' },
  { id: 'rm2', person: 'Maya Lind', stratum: 3, manager: 'vps' },
  { id: 'mm', person: 'Raj Patel', stratum: 3, manager: 'vpm' },
  { id: 'ana', person: 'Ana Silva', stratum: 3, manager: 'mm' },
  { id: 'kam', person: 'Lee Park', stratum: 2, manager: 'rm1', label: 'keeps the key accounts' },
  { id: 'rep1', person: 'Ravi Nair', stratum: 1, manager: 'kam' },
  { id: 'ben', person: 'Ben Adler', stratum: 1, manager: 'rm2' },
];

test('a 10-role map with a compression and a gap, arranged by levels, keeps its edges and labels clear', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Ten roles');
  const boardId = boardIdOf(page);
  await shell.call('board.apply', {
    boardId,
    ops: [
      ...ROLES.map((r, i) => ({
        type: 'node.add',
        node: { id: r.id, kind: 'role', position: { x: (i % 5) * 260, y: Math.floor(i / 5) * 200 }, size: null, data: { person: r.person, title: 'Role', stratum: r.stratum, timeSpan: null, notes: '' } },
      })),
      ...ROLES.filter((r) => r.manager).map((r) => ({ type: 'edge.add', edge: { id: `e-${r.id}`, kind: 'reports-to', source: r.manager, target: r.id, data: { label: r.label ?? '', strength: null } } })),
    ],
  });
  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.find((n) => n.id === 'ceo')!.position.y).toBeLessThan((await settled(page, shell, boardId)).nodes.find((n) => n.id === 'ben')!.position.y);
  const ends = await endsOf(shell, [boardId]);
  // The findings label the compression and the gap: four labels in all.
  await expectClean(page, ends, { edges: 9, labels: 4 });

  // A label dropped onto Ben's long reporting line (the gap, two bands down): the line goes around it.
  const ben = (await settled(page, shell, boardId)).nodes.find((n) => n.id === 'ben')!;
  const benWidth = await page.locator('.react-flow__node[data-id="ben"]').evaluate((el) => (el as HTMLElement).offsetWidth);
  // Halfway down the line, in band II: clear of Ben's card even where text is drawn large (compact detail).
  const inTheWay = { id: 'in-the-way', kind: 'text', position: { x: ben.position.x + benWidth / 2 - 60, y: ben.position.y - 150 }, size: null, data: { text: 'Open role?', variant: 'label' } };
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: inTheWay }] });
  await expect(page.locator('.react-flow__node')).toHaveCount(11);
  await expectClean(page, ends, { edges: 9, labels: 4 });

  // The compression runs side to side: its path starts and ends level, beside its two cards.
  const compression = page.locator('.react-flow__edge[data-id="e-ana"] .react-flow__edge-path');
  const [start, end] = await compression.evaluate((path: SVGPathElement) => [path.getPointAtLength(0), path.getPointAtLength(path.getTotalLength())].map((p) => ({ x: p.x, y: p.y })));
  expect(start.y).toBeCloseTo(end.y, 0);

  // Zoomed out to the overview, the labels become numbers, listed in the legend.
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  const legend = page.getByRole('list', { name: 'Edge labels' });
  await expect(legend.getByRole('listitem')).toHaveCount(4);
  await expect(legend).toContainText('keeps the key accounts');
  await expectClean(page, ends, { edges: 9, labels: 4 });
});

test('on a big board, a line drawn from any card starts at the handle pressed, also after the card moved', async ({ page, shell }) => {
  // Enough headings far off that the editor treats the board as big (CULLING_MIN_NODES): its cards
  // arrive with estimated sizes and handles, which a card drawn at exactly that size keeps, as the
  // unsized cards whose text takes just the room a card of their kind is expected to need do.
  await page.setViewportSize(PROJECTOR);
  const headings = Array.from({ length: 500 }, (_, i) => textNode({ id: `h${i}`, position: { x: 6000 + (i % 25) * 240, y: Math.floor(i / 25) * 80 }, data: { text: `Heading ${i}`, variant: 'label' } }));
  const cards = [
    roleNode({ id: 'role', position: { x: 0, y: 40 }, size: { width: 260, height: 130 }, data: { person: 'Helen Cho', title: 'CEO', stratum: 5 } }),
    roleNode({ id: 'role-unsized', position: { x: 0, y: 300 }, data: { person: 'Ravi Nair', title: 'Sales director', stratum: 4 } }),
    dmNode({ id: 'decider', position: { x: 290, y: 40 }, size: { width: 310, height: 210 }, data: { name: 'Henrik Dahl', title: 'CFO', organisation: 'Client Co', purchaseRole: 'economic-buyer', influence: 4 } }),
    stageNode({ id: 'stage', position: { x: 630, y: 40 }, size: { width: 300, height: 150 }, data: { title: 'Discovery', step: 1 } }),
    noteNode({ id: 'note', position: { x: 290, y: 300 }, size: { width: 240, height: 140 }, data: { text: 'Budgets freeze in March', category: 'weak-signal' } }),
    textNode({ id: 'text', position: { x: 630, y: 300 }, size: { width: 184, height: 49 }, data: { text: 'Field', variant: 'heading' } }),
    dmNode({ id: 'decider-unsized', position: { x: 0, y: 560 }, data: { name: 'Ana Ruiz', title: 'CIO', organisation: 'Client Co', purchaseRole: 'technical-evaluator', influence: 3 } }),
    stageNode({ id: 'stage-unsized', position: { x: 340, y: 560 }, data: { title: 'Proposal', step: 2 } }),
    noteNode({ id: 'note-unsized', position: { x: 670, y: 560 }, data: { text: 'Budgets', category: 'idea' } }),
    textNode({ id: 'text-unsized', position: { x: 940, y: 560 }, data: { text: 'Signals', variant: 'heading' } }),
  ];
  const { boardId, url } = await sessionWith(shell, 'Big board, connecting', [...headings, ...cards]);
  await shell.call('board.setViewport', { boardId, viewport: { x: 40, y: 40, zoom: 1 } });
  await page.goto(url);

  /** For each handle of each card: how far the line drawn from it starts from its centre, on screen. */
  const offsets = async () => {
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    const found: Record<string, string> = {};
    for (const node of cards) {
      const handles = page.locator(`.react-flow__node[data-id="${node.id}"] .react-flow__handle`);
      await expect(handles).toHaveCount(2);
      for (const handle of await handles.all()) {
        const box = (await handle.boundingBox())!;
        const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        await page.mouse.move(at.x, at.y);
        await page.mouse.down();
        // A short way towards the middle: near the canvas's edge, drawing a line pans the board.
        const towards = Math.hypot(middle.x - at.x, middle.y - at.y);
        await page.mouse.move(at.x + ((middle.x - at.x) / towards) * 40, at.y + ((middle.y - at.y) / towards) * 40, { steps: 3 });
        const off = await handle.evaluate((el) => {
          const path = document.querySelector<SVGPathElement>('.react-flow__connection-path')!;
          const start = new DOMPoint(path.getPointAtLength(0).x, path.getPointAtLength(0).y).matrixTransform(path.getScreenCTM()!);
          const handleBox = el.getBoundingClientRect();
          return Math.max(Math.abs(start.x - (handleBox.left + handleBox.width / 2)), Math.abs(start.y - (handleBox.top + handleBox.height / 2)));
        });
        await page.keyboard.press('Escape');
        await page.mouse.up();
        found[`${node.id} ${await handle.getAttribute('data-handlepos')}`] = off <= 1 ? 'at the handle' : `${off.toFixed(1)} px away`;
      }
    }
    return found;
  };
  const atTheHandles = Object.fromEntries(cards.flatMap((node) => {
    const [from, to] = node.kind === 'decisionMaker' || node.kind === 'stage' ? ['left', 'right'] : ['top', 'bottom'];
    return [[`${node.id} ${from}`, 'at the handle'], [`${node.id} ${to}`, 'at the handle']];
  }));
  expect(await offsets()).toEqual(atTheHandles);

  // Another window moves every card: where they are drawn now, lines still start at their handles.
  await shell.call('board.apply', { boardId, ops: cards.map((node) => ({ type: 'node.move', id: node.id, position: { x: node.position.x + 30, y: node.position.y + 20 } })) });
  await expect(page.locator('.react-flow__node[data-id="text"]')).toHaveAttribute('style', /translate\(660px, ?320px\)/);
  expect(await offsets()).toEqual(atTheHandles);

  // Zoomed out to names, roles and decision-makers are compact cards, drawn at just their estimate;
  // a card moved from elsewhere is given its handles again, where the estimate says they are.
  await shell.call('board.setViewport', { boardId, viewport: { x: 40, y: 40, zoom: 0.4 } });
  await page.reload();
  await expect(page.locator('.react-flow__node[data-id="decider-unsized"] .compact-card')).toBeVisible();
  await shell.call('board.apply', { boardId, ops: cards.map((node) => ({ type: 'node.move', id: node.id, position: { x: node.position.x, y: node.position.y } })) });
  await expect(page.locator('.react-flow__node[data-id="text"]')).toHaveAttribute('style', /translate\(630px, ?300px\)/);
  expect(await offsets()).toEqual(atTheHandles);
});

test('a card dragged so its reporting line would cross another card: the line follows the drag and goes around that card once dropped', async ({ page, shell }) => {
  const boss = roleNode({ id: 'boss', position: { x: 0, y: 0 }, data: { person: 'Helen Cho', title: 'CEO', stratum: 5 } });
  const stays = roleNode({ id: 'stays', position: { x: 0, y: 400 }, data: { person: 'Maya Lind', title: 'Marketing director', stratum: 4 } });
  const moved = roleNode({ id: 'moved', position: { x: 260, y: 400 }, data: { person: 'Ravi Nair', title: 'Sales director', stratum: 4 } });
  // On the level of the bus both reports hang from, to the right of where the bus ends now.
  const inTheWay = textNode({ id: 'in-the-way', position: { x: 480, y: 245 }, data: { text: 'Open role?', variant: 'label' } });
  const { boardId, url } = await sessionWith(shell, 'Dragged across', [boss, stays, moved, inTheWay]);
  await shell.call('board.apply', { boardId, ops: [stays, moved].map((r) => ({ type: 'edge.add', edge: sampleEdge(boss, r, { id: `e-${r.id}`, kind: 'reports-to' }) })) });
  await shell.call('board.setViewport', { boardId, viewport: { x: 40, y: 40, zoom: 1 } });
  await page.goto(url);
  const ends = await endsOf(shell, [boardId]);
  await expectClean(page, ends, { edges: 2, labels: 0 });

  const card = page.locator('.react-flow__node[data-id="moved"]');
  const line = page.locator('.react-flow__edge[data-id="e-moved"] .react-flow__edge-path');
  const from = (await card.boundingBox())!;
  const lineBefore = await line.getAttribute('d');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 450, from.y + from.height / 2, { steps: 12 });
  // While the card is held, its line is drawn to where the card is now.
  await expect.poll(() => line.getAttribute('d')).not.toBe(lineBefore);
  await page.mouse.up();

  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.find((n) => n.id === 'moved')!.position.x).toBeGreaterThan(600);
  await expectClean(page, ends, { edges: 2, labels: 0 });
});

test('a report joined to a manager from another window moves the bus its colleagues hang from to halfway to the highest of them', async ({ page, shell }) => {
  const boss = roleNode({ id: 'boss', position: { x: 0, y: 0 }, data: { person: 'Helen Cho', title: 'CEO', stratum: 5 } });
  const low = roleNode({ id: 'low', position: { x: -320, y: 600 }, data: { person: 'Ravi Nair', title: 'Sales director', stratum: 4 } });
  const high = roleNode({ id: 'high', position: { x: 320, y: 360 }, data: { person: 'Maya Lind', title: 'Marketing director', stratum: 4 } });
  const { boardId, url } = await sessionWith(shell, 'Bus', [boss, low, high]);
  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.add', edge: sampleEdge(boss, low, { id: 'e-low', kind: 'reports-to' }) }] });
  await page.goto(url);
  /** The height, in flow px, of the level run of a reporting line: the bus. */
  const busOf = (id: string) =>
    page.locator(`.react-flow__edge[data-id="${id}"] .react-flow__edge-path`).evaluate((path: SVGPathElement) => {
      const length = path.getTotalLength();
      for (let d = 0; d + 8 <= length; d += 2) {
        const [a, b] = [path.getPointAtLength(d), path.getPointAtLength(d + 8)];
        if (Math.abs(a.y - b.y) < 0.5 && Math.abs(a.x - b.x) > 7) return Math.round(a.y);
      }
      return null;
    });
  const bossBottom = await page.locator('.react-flow__node[data-id="boss"]').evaluate((el) => (el as HTMLElement).offsetHeight);
  /** Whether a line's bus is halfway, to a pixel, between the manager and `top`. */
  const atHalfway = async (id: string, top: number) => Math.abs((await busOf(id))! - (bossBottom + (top - bossBottom) / 2)) <= 1;
  await expect.poll(() => atHalfway('e-low', 600)).toBe(true);

  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.add', edge: sampleEdge(boss, high, { id: 'e-high', kind: 'reports-to' }) }] });
  await expect.poll(() => atHalfway('e-high', 360)).toBe(true);
  await expect.poll(() => atHalfway('e-low', 360)).toBe(true);
});

test('an edge relabelled from another window shows its new label at once, and one cleared shows none', async ({ page, shell }) => {
  const { boardId, url } = await sessionWith(shell, 'Relabelled', [dmNode({ id: 'd1' }), dmNode({ id: 'd2', position: { x: 700, y: 0 } })]);
  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.add', edge: sampleEdge('d1', 'd2', { id: 'e1', kind: 'influences', data: { label: 'Trusts' } }) }] });
  await page.goto(url);
  const label = page.locator('.edge-label:not(.edge-label-probe)');
  await expect(label).toHaveText('Trusts');
  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.update', id: 'e1', data: { label: 'Blocks' } }] });
  await expect(label).toHaveText('Blocks');
  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.update', id: 'e1', data: { label: '' } }] });
  await expect(label).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});
