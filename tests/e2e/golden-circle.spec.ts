import type { Page } from '@playwright/test';
import { boardIdOf, expect, exportBoardSvg, settled, test } from './fixtures';
import type { ServedShell } from './server';

const PROJECTOR = { width: 1920, height: 1080 };
// 300 characters: what a group writes when it has not yet agreed on the short version.
const LONG =
  'We believe every buyer deserves a partner who understands their business before selling to it, who listens first, who brings evidence rather than slogans, and who stays after the contract is signed to make the promised value real for the people who use what we make every day, in every region.';

interface SessionDetail {
  id: string;
  boards: { id: string; title: string }[];
}

/** The built-in "Start with why", plus a board with one circle of 300 characters a ring and one of a word a ring. */
async function circleSession(shell: ServedShell): Promise<{ sessionId: string; templateBoard: string; extremesBoard: string }> {
  const session = await shell.call<SessionDetail>('session.createFromTemplate', { templateId: 'builtin-start-with-why' });
  const board = await shell.call<{ id: string }>('board.create', { sessionId: session.id, title: 'Extremes' });
  const circle = (id: string, x: number, data: Record<string, string>) => ({ type: 'node.add', node: { id, kind: 'goldenCircle', position: { x, y: 0 }, size: { width: 520, height: 520 }, data } });
  await shell.call('board.apply', {
    boardId: board.id,
    ops: [circle('long', 0, { why: LONG, how: LONG, what: LONG }), circle('short', 1800, { why: 'Trust', how: 'Listen', what: 'Tools' })],
  });
  return { sessionId: session.id, templateBoard: session.boards[0].id, extremesBoard: board.id };
}

/**
 * What a reader would miss in the circles drawn on the page: text cut off by its box, an
 * ellipsis, a word drawn outside its ring, or a ring whose words differ from the circle's own.
 */
function circleFaults(page: Page): Promise<string[]> {
  return page.locator('.golden-circle').evaluateAll((circles) => {
    const faults: string[] = [];
    for (const circle of circles) {
      for (const ring of ['why', 'how', 'what']) {
        const disc = circle.querySelector(`.gc-${ring}`)!.getBoundingClientRect();
        const centre = { x: disc.x + disc.width / 2, y: disc.y + disc.height / 2 };
        const text = circle.querySelector<HTMLElement>(`.gc-text-${ring}`);
        if (!text) continue;
        if (text.textContent!.includes('…')) faults.push(`${ring}: an ellipsis`);
        for (const el of [text, ...text.querySelectorAll<HTMLElement>('.gc-line')]) {
          if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth) faults.push(`${ring}: clipped "${el.textContent}"`);
          if (getComputedStyle(el).textOverflow === 'ellipsis') faults.push(`${ring}: text-overflow ellipsis`);
        }
        for (const line of text.querySelectorAll('.gc-line')) {
          const range = document.createRange();
          range.selectNodeContents(line);
          const box = range.getBoundingClientRect();
          const corners = [
            [box.left, box.top],
            [box.right, box.top],
            [box.left, box.bottom],
            [box.right, box.bottom],
          ];
          // A pixel for the ring's border and rounding.
          if (corners.some(([x, y]) => Math.hypot(x - centre.x, y - centre.y) > disc.width / 2 + 1)) faults.push(`${ring}: "${line.textContent}" leaves its ring`);
        }
      }
    }
    return faults;
  });
}

/** Each circle's ring texts as a screen reader reads them. */
function ringTexts(page: Page): Promise<string[][]> {
  return page.locator('.golden-circle').evaluateAll((circles) => circles.map((c) => ['why', 'how', 'what'].map((ring) => c.querySelector(`.gc-text-${ring}`)?.textContent ?? '')));
}

async function expectWholeCircles(page: Page, count: number): Promise<void> {
  await expect(page.locator('.golden-circle')).toHaveCount(count);
  await expect.poll(() => circleFaults(page)).toEqual([]);
}

test('the golden circles show every word in their rings, uncut, in the editor, the audience view, the SVG image and the print view', async ({ page, shell }) => {
  const { sessionId, templateBoard, extremesBoard } = await circleSession(shell);

  await page.goto(`${shell.url}#/session/${sessionId}/${templateBoard}`);
  await expectWholeCircles(page, 1);
  expect(await ringTexts(page)).toEqual([['What do we believe? Why do we exist, beyond profit?', 'How do we work that others do not?', 'What do we make, and for whom?']]);
  await page.goto(`${shell.url}#/session/${sessionId}/${extremesBoard}`);
  await expect(page.locator('.golden-circle')).toHaveCount(2);
  await expectWholeCircles(page, 2);
  expect(await ringTexts(page)).toEqual([
    [LONG, LONG, LONG],
    ['Trust', 'Listen', 'Tools'],
  ]);
  // Too many words for its size: the circle is drawn larger, as a circle, never cut.
  const long = page.locator('.react-flow__node[data-id="long"]');
  const short = page.locator('.react-flow__node[data-id="short"]');
  const [longBox, shortBox] = [(await long.boundingBox())!, (await short.boundingBox())!];
  expect(longBox.width).toBeGreaterThan(shortBox.width * 1.5);
  expect(Math.abs(longBox.width - longBox.height)).toBeLessThan(1);

  // The SVG image of the board draws the same circles: opened on its own, its words are whole too.
  const svg = await exportBoardSvg(page);
  expect(svg).not.toContain('…');
  const image = await page.context().newPage();
  await image.setContent(svg);
  await expectWholeCircles(image, 2);
  expect(await ringTexts(image)).toEqual([
    [LONG, LONG, LONG],
    ['Trust', 'Listen', 'Tools'],
  ]);
  await image.close();

  const audience = await page.context().newPage();
  await audience.setViewportSize(PROJECTOR);
  for (const boardId of [templateBoard, extremesBoard]) {
    await shell.call('session.setAgenda', { sessionId, items: [{ id: 'step', title: 'The circle', timeboxMinutes: 5, boardId, frameId: null, prompts: [] }] });
    await audience.goto(`${shell.url}#/session/${sessionId}/audience`);
    await audience.reload();
    await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
    await expectWholeCircles(audience, boardId === templateBoard ? 1 : 2);
  }

  await page.goto(`${shell.url}#/session/${sessionId}/print?paper=a4&findings=0&signals=0&notes=0`);
  await expect(page.getByText('Ready to print')).toBeVisible();
  await expect.poll(() => page.locator('.golden-circle').count()).toBeGreaterThanOrEqual(3);
  await expect.poll(() => circleFaults(page)).toEqual([]);
});

test('resizing a golden circle keeps it round with its rings centred, and its words grow with it', async ({ page, shell }) => {
  const { sessionId, templateBoard } = await circleSession(shell);
  await page.goto(`${shell.url}#/session/${sessionId}/${templateBoard}`);
  const circle = page.getByRole('group', { name: /^Golden circle:/ });
  const whyText = circle.locator('.gc-text-why');
  const fontSize = () => whyText.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const before = { box: (await circle.boundingBox())!, font: await fontSize() };

  await circle.click({ position: { x: before.box.width / 2, y: 8 } });
  const handle = page.locator('.react-flow__resize-control.handle.bottom.right');
  const grip = (await handle.boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(grip.x + 160, grip.y + 60, { steps: 8 });
  await page.mouse.up();

  const boardId = boardIdOf(page);
  const storedSize = async () => {
    await settled(page, shell, boardId);
    const board = await shell.call<{ nodes: { kind: string; size: { width: number; height: number } | null }[] }>('board.get', { id: boardId });
    return board.nodes.find((n) => n.kind === 'goldenCircle')!.size;
  };
  await expect.poll(async () => (await storedSize())?.width ?? 0).toBeGreaterThan(600);
  const stored = (await storedSize())!;
  expect(stored.height).toBe(stored.width);

  const rings = await circle.evaluate((c) =>
    ['why', 'how', 'what'].map((ring) => {
      const r = c.querySelector(`.gc-${ring}`)!.getBoundingClientRect();
      return { cx: r.x + r.width / 2, cy: r.y + r.height / 2, width: r.width, height: r.height };
    }),
  );
  for (const ring of rings) {
    expect(Math.abs(ring.width - ring.height)).toBeLessThan(1);
    expect(Math.abs(ring.cx - rings[2].cx)).toBeLessThan(1);
    expect(Math.abs(ring.cy - rings[2].cy)).toBeLessThan(1);
  }
  // The rings keep their proportions: the same share of the circle as before.
  expect(rings[0].width / rings[2].width).toBeCloseTo(0.36, 2);
  expect(rings[1].width / rings[2].width).toBeCloseTo(0.68, 2);
  await expect.poll(fontSize).toBeGreaterThan(before.font);
  await expect.poll(() => circleFaults(page)).toEqual([]);
});

test('the why is typed on the circle and the how in the inspector; long words make the circle grow, uncut', async ({ page, shell }) => {
  const { sessionId, templateBoard } = await circleSession(shell);
  await page.goto(`${shell.url}#/session/${sessionId}/${templateBoard}`);
  const circle = page.locator('.react-flow__node-goldenCircle');
  const width = async () => (await circle.boundingBox())!.width;
  const before = await width();

  await circle.dblclick();
  const why = page.getByRole('textbox', { name: 'Edit why' });
  await why.fill(LONG);
  await why.press('Enter');
  await expect(circle.locator('.gc-text-why')).toContainText('every region.');
  await expect.poll(width).toBeGreaterThan(before);

  await page.getByRole('group', { name: /^Golden circle:/ }).click({ position: { x: 20, y: (await circle.boundingBox())!.height / 2 } });
  const how = page.getByRole('textbox', { name: 'How', exact: true });
  await how.fill(LONG);
  await how.press('Tab');
  await expect(circle.locator('.gc-text-how')).toContainText('every region.');
  await expectWholeCircles(page, 1);
});
