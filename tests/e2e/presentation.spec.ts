import type { Page } from '@playwright/test';
import { callOf, edgeLengths, expect, test } from './fixtures';
import type { ServedShell } from './server';
import { handoutSession } from '../helpers/handout';

const PROJECTOR = { width: 1920, height: 1080 };

/** A session with three frames on one board, each holding a note, and a one-minute agenda item per frame. */
async function threeFrameSession(shell: ServedShell) {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Quarterly review' });
  const boardId = session.boards[0].id;
  const frames = ['Why we sell', 'How we sell', 'What we sell'];
  await shell.call('board.apply', {
    boardId,
    ops: frames.flatMap((title, i) => [
      { type: 'node.add', node: { id: `f${i}`, kind: 'frame', position: { x: i * 900, y: 0 }, size: { width: 800, height: 500 }, data: { title } } },
      { type: 'node.add', node: { id: `n${i}`, kind: 'note', position: { x: i * 900 + 80, y: 120 }, size: null, data: { text: `${title}: our answer`, category: 'idea', votes: 0 } } },
    ]),
  });
  await shell.call('session.setAgenda', {
    sessionId: session.id,
    items: frames.map((title, i) => ({ id: `a${i}`, title, timeboxMinutes: 1, boardId, frameId: `f${i}`, prompts: [`What does “${title}” mean for our buyers?`] })),
  });
  return { sessionId: session.id, boardId };
}

/** The frame the audience camera shows: the one whose centre is nearest the screen's centre. */
async function frameInView(audience: Page): Promise<string> {
  return audience.evaluate(() => {
    const centre = { x: innerWidth / 2, y: innerHeight / 2 };
    const frames = [...document.querySelectorAll<HTMLElement>('.react-flow__node-frame')].map((el) => {
      const r = el.getBoundingClientRect();
      return { title: el.textContent ?? '', d: Math.hypot(r.x + r.width / 2 - centre.x, r.y + r.height / 2 - centre.y) };
    });
    return frames.sort((a, b) => a.d - b.d)[0]?.title ?? '';
  });
}

test('the audience follows the presenter through three frames, blackout and the timer', async ({ page, shell }) => {
  const { sessionId, boardId } = await threeFrameSession(shell);
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  // Present opens the audience view as a second window and the controls above the board.
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.locator('.react-flow__node')).toHaveCount(6);
  const controls = page.getByRole('region', { name: 'Presenter controls' });
  await expect(controls).toContainText('Step 1 of 3');
  await expect(controls.getByRole('list', { name: 'Prompts' })).toContainText('Why we sell');
  await page.bringToFront();
  await expect.poll(() => frameInView(audience)).toContain('Why we sell');

  await page.keyboard.press('PageDown');
  await expect(controls).toContainText('Step 2 of 3');
  await expect.poll(() => frameInView(audience)).toContain('How we sell');
  await controls.getByRole('button', { name: 'Next ▶' }).click();
  await expect.poll(() => frameInView(audience)).toContain('What we sell');
  await page.keyboard.press('PageUp');
  await expect.poll(() => frameInView(audience)).toContain('How we sell');

  // Blackout and back.
  await page.keyboard.press('b');
  await expect(audience.getByRole('img', { name: 'Black screen' })).toBeVisible();
  await page.keyboard.press('b');
  await expect(audience.getByRole('img', { name: 'Black screen' })).toHaveCount(0);

  // Edits keep flowing to the audience while presenting.
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'n1', data: { text: 'Consultative, then prescriptive' } }] });
  await expect(audience.getByText('Consultative, then prescriptive')).toBeVisible();

  // The timer: on the projector with T, and into overtime after its minute.
  await audience.clock.install();
  await controls.getByRole('button', { name: 'Start' }).click();
  await page.keyboard.press('t');
  const clock = audience.getByRole('timer');
  await expect(clock).toBeVisible();
  await audience.clock.fastForward('00:50');
  await expect(clock).toHaveClass(/clock-last-minute/);
  await audience.clock.fastForward('00:45');
  await expect(clock).toHaveClass(/clock-overtime/);
  await expect(clock).toHaveText(/^\+0:[23]\d$/);
  await controls.getByRole('button', { name: 'Pause' }).click();
  await page.keyboard.press('t');
  await expect(clock).toHaveCount(0);
});

test('at 1920×1080 the audience view renders no text under 24 px', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell);
  // A crowded step too: many nodes on one wide board, no frames on a second board.
  const second = await shell.call<{ id: string }>('board.create', { sessionId, title: 'Everything' });
  await shell.call('board.apply', {
    boardId: second.id,
    ops: Array.from({ length: 40 }, (_, i) => ({
      type: 'node.add',
      node: { id: `r${i}`, kind: 'role', position: { x: (i % 10) * 260, y: Math.floor(i / 10) * 200 }, size: null, data: { person: `Person ${i}`, title: 'Account lead', stratum: 2, timeSpan: null, notes: '' } },
    })),
  });
  await shell.call('session.setAgenda', { sessionId, items: [{ id: 'x', title: 'Everyone', timeboxMinutes: 5, boardId: second.id, frameId: null, prompts: [] }] });
  const audience = await page.context().newPage();
  await audience.setViewportSize(PROJECTOR);
  await audience.goto(`${shell.url}#/session/${sessionId}/audience`);
  await expect(audience.locator('.react-flow__node')).toHaveCount(40);
  // Measure where the camera settles.
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');

  const smallest = await audience.evaluate(() => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    let min = Infinity;
    const walker = document.createTreeWalker(document.querySelector('.audience')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent?.trim()) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const onScreen = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight && box.width > 0;
      if (!onScreen || style.visibility === 'hidden' || style.display === 'none') continue;
      const scale = el.closest('.react-flow__viewport') ? zoom : 1;
      min = Math.min(min, parseFloat(style.fontSize) * scale);
    }
    return min;
  });
  expect(smallest).toBeGreaterThanOrEqual(24);
});

test('the projector shows a live tally of the votes when the presenter turns it on', async ({ page, shell }) => {
  const { sessionId, boardId } = await threeFrameSession(shell);
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'n1', data: { votes: 3 } }, { type: 'node.update', id: 'n2', data: { votes: 1 } }] });
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  const tally = audience.getByRole('complementary', { name: 'Vote tally' });
  await expect(tally).toHaveCount(0);

  await page.getByRole('button', { name: 'Vote tally on screen' }).click();
  await expect(tally.getByRole('listitem')).toHaveText(['3How we sell: our answer', '1What we sell: our answer']);
  await expect(tally.getByRole('heading')).toHaveText('Votes 4');

  // Dots from the room land live: the first note overtakes the others.
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'n0', data: { votes: 5 } }] });
  await expect(tally.getByRole('listitem').first()).toHaveText('5Why we sell: our answer');
  await expect(tally.getByRole('heading')).toHaveText('Votes 9');
  const size = await tally.getByRole('listitem').first().evaluate((li) => parseFloat(getComputedStyle(li).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);

  await audience.keyboard.press('v');
  await expect(tally).toHaveCount(0);
});

test('the projector draws the org map’s reporting lines', async ({ page, shell }) => {
  const session = await handoutSession(callOf(shell));
  await page.goto(`${shell.url}#/session/${session.sessionId}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.getByText('Ingrid Holm')).toBeVisible();
  await expect.poll(async () => (await edgeLengths(audience)).filter((length) => length > 40).length).toBe(3);
});
