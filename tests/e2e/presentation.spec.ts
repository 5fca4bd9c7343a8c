import type { Locator, Page } from '@playwright/test';
import { callOf, edgeLengths, expect, settled, test, threeFrameSession, type StoredBoard } from './fixtures';
import type { ServedShell } from './server';
import { handoutSession } from '../helpers/handout';
import { roleNode } from '../helpers/sample';

const PROJECTOR = { width: 1920, height: 1080 };
const LAPTOP = { width: 1366, height: 768 };

/** Opens a session in the editor and presents it: the audience window and the presenter's controls. */
async function present(page: Page, shell: ServedShell, sessionId: string) {
  await page.goto(`${shell.url}#/session/${sessionId}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  return { audience, controls: page.getByRole('region', { name: 'Presenter controls' }) };
}

/** How opaque the element is drawn: its own opacity times its ancestors'. */
const opacity = (locator: Locator) =>
  locator.evaluate((el) => {
    let product = 1;
    for (let at: Element | null = el; at; at = at.parentElement) product *= Number(getComputedStyle(at).opacity);
    return product;
  });

/**
 * The three frames, with a second answer under the first and an edge labelled "so that" between
 * them, presented on a projector-sized audience window.
 */
async function presentTwoLinkedAnswers(page: Page, shell: ServedShell, title: string) {
  const { sessionId, boardId } = await threeFrameSession(shell, title);
  const second = { id: 'n0b', kind: 'note', position: { x: 80, y: 300 }, size: null, data: { text: 'Why we sell: a second answer', category: 'idea', votes: 0 } };
  const link = { id: 'e0', kind: 'relates', source: 'n0', target: 'n0b', data: { label: 'so that', strength: null } };
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: second }, { type: 'edge.add', edge: link }] });
  const { audience, controls } = await present(page, shell, sessionId);
  await audience.setViewportSize(PROJECTOR);
  return { boardId, second, audience, controls };
}

/** A session copied from the built-in template whose name starts with `name`. */
async function templateSession(shell: ServedShell, name: string): Promise<string> {
  const templates = await shell.call<{ id: string; name: string }[]>('template.list', {});
  const template = templates.find((t) => t.name.startsWith(name))!;
  return (await shell.call<{ id: string }>('session.createFromTemplate', { templateId: template.id })).id;
}

/** A copy of the built-in "Levels of work" workshop: three boards, nine steps, prompts at each. */
const levelsOfWorkSession = (shell: ServedShell) => templateSession(shell, 'Levels of work');

/**
 * Page Down until the presenter's controls show `step`: a step the audience window shows in parts
 * takes one press a part. Each press waits for the room to move before the next.
 */
async function pageDownTo(page: Page, controls: Locator, step: string) {
  await expect(async () => {
    const before = await controls.textContent();
    if (!before?.includes(step)) await page.keyboard.press('PageDown');
    await expect(controls).toContainText(step, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
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
  const { sessionId, boardId } = await threeFrameSession(shell, 'Quarterly review');
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  // Present opens the audience view as a second window and the controls above the board.
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.locator('.react-flow__node')).toHaveCount(6);
  const controls = page.getByRole('region', { name: 'Presenter controls' });
  await expect(controls).toContainText('Step 1 of 3');
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

test('B pressed twice before main has answered the first press leaves the room on the board, not black', async ({ page, shell }) => {
  const { sessionId, boardId } = await threeFrameSession(shell, 'Pressed twice');
  // The presenter's calls over its socket that change the screen (B, W), and main's replies to them.
  const asked = new Set<number>();
  const answered: number[] = [];
  const frameOf = (payload: string | Buffer) => JSON.parse(String(payload)) as { id?: number; method?: string; type?: string; input?: { patch?: { screen?: string } } };
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const frame = frameOf(payload);
      if (frame.method === 'presentation.update' && frame.input?.patch?.screen && frame.id !== undefined) asked.add(frame.id);
    });
    socket.on('framereceived', ({ payload }) => {
      const frame = frameOf(payload);
      if (frame.type === 'reply' && frame.id !== undefined && asked.has(frame.id)) answered.push(frame.id);
    });
  });
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await expect(page.getByRole('region', { name: 'Presenter controls' })).toContainText('Step 1 of 3');
  await page.bringToFront();

  // Both presses in one task: main cannot have answered the first when the second is read.
  await page.evaluate(() => {
    for (let i = 0; i < 2; i++) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'b' }));
  });
  await expect.poll(() => answered.length).toBe(2);
  expect((await shell.call<{ screen: string }>('presentation.get', { sessionId })).screen).toBe('board');
  await expect(audience.getByRole('img', { name: 'Black screen' })).toHaveCount(0);
});

test('Reveal step by step hides the step’s cards on the projector and shows them one a press, in reading order', async ({ page, shell }, testInfo) => {
  const { boardId, second, audience, controls } = await presentTwoLinkedAnswers(page, shell, 'Reveal');
  const [first, later] = [audience.getByText('Why we sell: our answer'), audience.getByText('Why we sell: a second answer')];
  const [edge, label] = [audience.locator('.react-flow__edge[data-id="e0"]'), audience.getByText('so that')];
  await expect(first).toBeVisible();
  await expect(later).toBeVisible();
  await expect(label).toBeVisible();
  await page.bringToFront();

  await controls.getByRole('button', { name: 'Reveal step by step' }).click();
  await expect(first).toBeHidden();
  await expect(later).toBeHidden();
  // The edge between them, and its label, would give the second card away.
  await expect(edge).toHaveCount(0);
  await expect(label).toHaveCount(0);
  await page.keyboard.press('PageDown');
  await expect(first).toBeVisible();
  await expect(later).toBeHidden();
  await expect(label).toHaveCount(0);
  await audience.screenshot({ path: testInfo.outputPath('projector-revealing.png') });
  await page.keyboard.press('PageDown');
  await expect(later).toBeVisible();
  await expect(edge).toHaveCount(1);
  await expect(label).toBeVisible();
  // The next step starts hidden; back again, the room finds this step as it left it.
  await page.keyboard.press('PageDown');
  await expect(controls).toContainText('Step 2 of 3');
  await expect(audience.getByText('How we sell: our answer')).toBeHidden();
  await page.keyboard.press('PageUp');
  await expect(controls).toContainText('Step 1 of 3');
  await expect(first).toBeVisible();
  await expect(later).toBeVisible();
  // A card added to the step while revealing waits for its own press.
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: { ...second, id: 'n0c', position: { x: 80, y: 420 }, data: { ...second.data, text: 'Why we sell: added live' } } }] });
  await expect(audience.getByText('Why we sell: added live')).toBeHidden();
  await controls.getByRole('button', { name: 'Reveal step by step' }).click();
  await expect(audience.getByText('Why we sell: added live')).toBeVisible();
  await expect(controls).toContainText('Step 1 of 3');
});

/**
 * A session whose first agenda item is a frame too tall for the projector (two parts): two notes
 * at its top (t1, t2) and two at its bottom (b1, b2), with `extraOps` and `extraItems` after it.
 */
async function tallStepSession(shell: ServedShell, title: string, { extraOps = [], extraItems = [] }: { extraOps?: object[]; extraItems?: object[] } = {}) {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title });
  const boardId = session.boards[0].id;
  const note = (id: string, y: number, text: string) => ({ type: 'node.add', node: { id, kind: 'note', position: { x: 80, y }, size: null, data: { text, category: 'idea', votes: 0 } } });
  await shell.call('board.apply', {
    boardId,
    ops: [
      { type: 'node.add', node: { id: 'tall', kind: 'frame', position: { x: 0, y: 0 }, size: { width: 800, height: 2600 }, data: { title: 'Tall' } } },
      note('t1', 100, 'Top answer'),
      note('t2', 280, 'Top reason'),
      note('b1', 2200, 'Bottom answer'),
      note('b2', 2380, 'Bottom reason'),
      ...extraOps,
    ],
  });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'a', title: 'Tall', timeboxMinutes: 5, boardId, frameId: 'tall', prompts: [] }, ...extraItems.map((item) => ({ ...item, boardId }))] });
  return session.id;
}

test('revealing a step shown in parts takes the camera to each card as it is revealed: no press reveals a card off screen', async ({ page, shell }) => {
  const { audience, controls } = await present(page, shell, await tallStepSession(shell, 'Tall reveal'));
  await audience.setViewportSize(PROJECTOR);
  await expect(controls).toContainText('part 1 of 2');
  await page.bringToFront();
  await controls.getByRole('button', { name: 'Reveal step by step' }).click();
  const cards = ['Top answer', 'Top reason', 'Bottom answer', 'Bottom reason'].map((text) => audience.getByText(text));
  for (const card of cards) await expect(card).toBeHidden();
  // Each press shows its card on screen: the third takes the camera down to part 2 with it.
  for (const [i, card] of cards.entries()) {
    await page.keyboard.press('PageDown');
    await expect(card).toBeVisible();
    await expect(card).toBeInViewport();
    await expect(audience.locator('main.audience')).toHaveAttribute('aria-busy', 'false');
    await expect(controls).toContainText(i < 2 ? 'part 1 of 2' : 'part 2 of 2');
  }
  // Back, press for press: the bottom cards hide again, then the camera goes up with the top ones.
  await page.keyboard.press('PageUp');
  await expect(cards[3]).toBeHidden();
  await page.keyboard.press('PageUp');
  await expect(cards[2]).toBeHidden();
  await expect(controls).toContainText('part 1 of 2');
  await expect(cards[1]).toBeInViewport();
});

test('while a step is revealed, the rest of the board dims: the frames beside it do not give the next answers away', async ({ page, shell }, testInfo) => {
  const { audience, controls } = await presentTwoLinkedAnswers(page, shell, 'Reveal focus');
  const [answer, frame] = [audience.getByText('Why we sell: our answer'), audience.locator('.react-flow__node-frame', { hasText: 'Why we sell' })];
  const [beside, besideFrame] = [audience.getByText('How we sell: our answer'), audience.locator('.react-flow__node-frame', { hasText: 'How we sell' })];
  const [edge, label] = [audience.locator('.react-flow__edge[data-id="e0"]'), audience.locator('[data-edge-id="e0"]')];
  await expect(beside).toBeVisible();
  expect(await opacity(beside)).toBe(1);
  await page.bringToFront();
  await controls.getByRole('button', { name: 'Reveal step by step' }).click();
  await expect.poll(() => opacity(beside)).toBeLessThan(0.2);
  expect(await opacity(besideFrame)).toBeLessThan(0.2);
  expect(await opacity(frame)).toBe(1);
  // The step's own cards, and the edge between two of them, are drawn in full as they come.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(label).toBeVisible();
  expect(await opacity(answer)).toBe(1);
  expect(await opacity(edge)).toBe(1);
  expect(await opacity(label)).toBe(1);
  await audience.screenshot({ path: testInfo.outputPath('projector-reveal-focus.png') });
  // Reveal off: the whole board again.
  await controls.getByRole('button', { name: 'Reveal step by step' }).click();
  await expect.poll(() => opacity(beside)).toBe(1);
});

test('Present opens one audience window, in a process of its own, and Present again shows its session there', async ({ page, shell }) => {
  const first = await threeFrameSession(shell, 'Quarterly review');
  const second = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Annual plan' });
  const secondBoard = second.boards[0].id;
  const note = { id: 'm0', kind: 'note', position: { x: 0, y: 0 }, size: null, data: { text: 'The annual answer', category: 'idea', votes: 0 } };
  await shell.call('board.apply', { boardId: secondBoard, ops: [{ type: 'node.add', node: note }] });
  await shell.call('session.setAgenda', { sessionId: second.id, items: [{ id: 'm', title: 'Plan', timeboxMinutes: 1, boardId: secondBoard, frameId: null, prompts: [] }] });
  const popups: Page[] = [];
  page.on('popup', (popup) => popups.push(popup));
  const presentButton = page.getByRole('button', { name: 'Present', exact: true });
  await page.goto(`${shell.url}#/session/${first.sessionId}`);
  // A double click on Present still opens one window.
  const [audience] = await Promise.all([page.waitForEvent('popup'), presentButton.dblclick()]);
  await expect(audience.getByText('Why we sell: our answer')).toBeVisible();
  // No opener: Chromium gives the window its own renderer process, so a busy editor does not stall the projector.
  expect(await audience.evaluate(() => window.opener === null)).toBe(true);

  // Present again, here and in another session: the open window shows that session.
  await page.bringToFront();
  await presentButton.click();
  await page.goto(`${shell.url}#/session/${second.id}`);
  await presentButton.click();
  await expect(audience.getByText('The annual answer')).toBeVisible();
  expect(popups).toHaveLength(1);
  expect(page.context().pages()).toHaveLength(2);
});

test('Whole step is unavailable on a step already whole with every card in full, and offered where parts would show more', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Small steps');
  const { audience, controls } = await present(page, shell, sessionId);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.getByText('Why we sell: our answer')).toBeVisible();
  const whole = controls.getByRole('button', { name: 'Whole step' });
  await expect(whole).toBeDisabled();
  await expect(whole).toHaveAttribute('title', /every card in full/);
  // An org map drawn compact to fit: parts would show its cards in full, so the choice is there.
  // (Present again shows the other session in the audience window already open.)
  await page.goto(`${shell.url}#/session/${await levelsOfWorkSession(shell)}`);
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(audience.getByText('Maria Keller')).toBeVisible();
  await expect(whole).toBeEnabled();
});

test('after Whole step on an org map in its strata bands, the projector’s camera settles and stays still', async ({ page, shell }) => {
  const { controls, audience } = await present(page, shell, await levelsOfWorkSession(shell));
  await audience.setViewportSize(PROJECTOR);
  const stage = audience.getByRole('main', { name: 'Audience view' });
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const viewport = audience.locator('.react-flow__viewport');
  const transform = () => viewport.evaluate((el) => el.style.transform);
  const before = await transform();
  await controls.getByRole('button', { name: 'Whole step' }).click();
  // The camera sets off (every card in full: the org map in parts)...
  await expect.poll(transform).not.toBe(before);
  // ...and used to glide back and forth for good: the glide's zoom dipped, the cards drew
  // compact, the step's bounds changed and the camera set off again.
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const settled = await transform();
  await audience.waitForTimeout(1_500);
  expect(await transform()).toBe(settled);
});

test('on the projector no strata band’s label is cut: a band running off the top with too little of it left shows none', async ({ page, shell }, testInfo) => {
  const { audience } = await present(page, shell, await levelsOfWorkSession(shell));
  await audience.setViewportSize(PROJECTOR);
  const stage = audience.getByRole('main', { name: 'Audience view' });
  await expect(audience.getByText('Maria Keller')).toBeVisible();
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const labels = () =>
    audience.evaluate(() => {
      const view = document.querySelector('.audience .strata-bands')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('.audience .strata-band-label')]
        .filter((label) => label.checkVisibility({ visibilityProperty: true }))
        .map((label) => ({ text: label.textContent, top: label.getBoundingClientRect().top - view.top, bottom: label.getBoundingClientRect().bottom - view.top, viewHeight: view.height }))
        .filter((label) => label.bottom > 0 && label.top < label.viewHeight);
    });
  await audience.screenshot({ path: testInfo.outputPath('projector-bands.png') });
  const shown = await labels();
  // The org map spans bands I to IV at least; the labels on screen are whole.
  expect(shown.length).toBeGreaterThanOrEqual(4);
  for (const label of shown) expect(label.top, `${label.text} starts above the screen`).toBeGreaterThanOrEqual(0);
});

/**
 * Presents a session whose one step is an empty frame wider than the projector shows at a
 * note's legible zoom, with `beside` on the board around it; lands `first` in the frame and
 * returns the camera's transform before and after.
 */
async function firstCardInEmptyFrame(page: Page, shell: ServedShell, beside: object[], first: object, firstText: string) {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Empty frame' });
  const boardId = session.boards[0].id;
  const frame = { id: 'open', kind: 'frame', position: { x: 0, y: 0 }, size: { width: 1600, height: 900 }, data: { title: 'Open question' } };
  await shell.call('board.apply', { boardId, ops: [frame, ...beside].map((node) => ({ type: 'node.add', node })) });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'a', title: 'Open question', timeboxMinutes: 5, boardId, frameId: 'open', prompts: [] }] });
  const { audience } = await present(page, shell, session.id);
  await audience.setViewportSize(PROJECTOR);
  const stage = audience.getByRole('main', { name: 'Audience view' });
  await expect(audience.getByText('Open question', { exact: true }).first()).toBeVisible();
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const transform = () => audience.locator('.react-flow__viewport').evaluate((el) => el.style.transform);
  await expect.poll(transform).toMatch(/scale/);
  const before = await transform();
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: first }] });
  await expect(audience.getByText(firstText)).toBeInViewport();
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  return { before, after: await transform() };
}

test('the first note to land in an empty frame on the projector leaves the camera where it is', async ({ page, shell }) => {
  // Empty, such a frame used to be shown whole, further out than its first note needs.
  const note = { id: 'n1', kind: 'note', position: { x: 40, y: 80 }, size: null, data: { text: 'The first answer', category: 'idea', votes: 0 } };
  const { before, after } = await firstCardInEmptyFrame(page, shell, [], note, 'The first answer');
  expect(after).toBe(before);
});

test('on an org map, the first role placed in an empty frame leaves the camera where it is', async ({ page, shell }) => {
  const role = (id: string, x: number, person: string) => roleNode({ id, position: { x, y: 80 }, data: { person, stratum: 3 } });
  const { before, after } = await firstCardInEmptyFrame(page, shell, [role('r0', 2000, 'Ann Berg')], role('r1', 40, 'Cy Dale'), 'Cy Dale');
  expect(after).toBe(before);
});

test('the projector shows a frame with the cards that head its columns: the steps its notes go under', async ({ page, shell }, testInfo) => {
  const { audience, controls } = await present(page, shell, await templateSession(shell, 'Beyond marketing and sales'));
  await audience.setViewportSize(PROJECTOR);
  await page.bringToFront();
  // "Place each activity on its step": the frame's columns sit under the seven steps.
  await pageDownTo(page, controls, 'Step 4 of 6');
  const stage = audience.getByRole('main', { name: 'Audience view' });
  await expect(stage).toHaveAttribute('aria-busy', 'false');
  const step = (name: string) => audience.locator('.react-flow__node-stage').filter({ has: audience.getByText(name, { exact: true }) });
  /** Whether the whole card is on screen, above the caption. */
  const whole = (name: string) =>
    step(name).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const caption = document.querySelector('.audience-caption')!.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.right <= innerWidth && r.bottom <= caption.top;
    });
  await expect.poll(() => whole('Make')).toBe(true);
  await audience.screenshot({ path: testInfo.outputPath('projector-column-heads.png') });
  // The steps on the right come with the frame's other part.
  await expect(controls).toContainText('part 1 of 2');
  await page.keyboard.press('PageDown');
  await expect(controls).toContainText('part 2 of 2');
  await expect.poll(() => whole('Close')).toBe(true);
});

/** A frame's title on the audience view: whether it is cut, and its size on screen. */
async function frameTitleShown(audience: Page, text: string) {
  return audience.locator('.frame-title', { hasText: text }).evaluate((el) => {
    const zoom = new DOMMatrix(getComputedStyle(el.closest('.react-flow__viewport')!).transform).a;
    return { cut: el.scrollWidth > el.clientWidth, px: parseFloat(getComputedStyle(el).fontSize) * zoom, text: el.textContent };
  });
}

test('a narrow frame’s title shows whole on the projector, at 24 px or more', async ({ page, shell }, testInfo) => {
  const { audience, controls } = await present(page, shell, await templateSession(shell, 'Rhythm of the sale'));
  await audience.setViewportSize(PROJECTOR);
  await page.bringToFront();
  // Step 3 is an empty column the room fills.
  await pageDownTo(page, controls, 'Step 3 of 7');
  await expect.poll(() => frameInView(audience)).toContain('Be responsive');
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
  const shown = await frameTitleShown(audience, 'Be responsive');
  await audience.screenshot({ path: testInfo.outputPath('projector-narrow-frame.png') });
  expect(shown.cut, `"${shown.text}" is cut`).toBe(false);
  expect(shown.px).toBeGreaterThanOrEqual(24);
});

test('a narrow frame of org cards, drawn compact on the projector, shows its title whole at 24 px or more', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Narrow team' });
  const boardId = session.boards[0].id;
  const roles = Array.from({ length: 5 }, (_, i) => roleNode({ id: `r${i}`, position: { x: 20, y: 80 + i * 160 }, data: { person: `Person ${i}`, stratum: 2 } }));
  await shell.call('board.apply', {
    boardId,
    ops: [{ type: 'node.add', node: { id: 'team', kind: 'frame', position: { x: 0, y: 0 }, size: { width: 280, height: 900 }, data: { title: 'Be responsive' } } }, ...roles.map((node) => ({ type: 'node.add', node }))],
  });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'a', title: 'The team', timeboxMinutes: 5, boardId, frameId: 'team', prompts: [] }] });
  const { audience } = await present(page, shell, session.id);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.getByText('Person 4')).toBeVisible();
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
  // Compact cards: the title is drawn for the camera's zoom, not the board's 40 px.
  await expect(audience.locator('.compact-card').first()).toBeVisible();
  const shown = await frameTitleShown(audience, 'Be responsive');
  expect(shown.cut, `"${shown.text}" is cut`).toBe(false);
  expect(shown.px).toBeGreaterThanOrEqual(24);
});

test('the shortcut sheet over the audience view is readable from the back of the room', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  const { audience } = await present(page, shell, sessionId);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.getByText('Why we sell: our answer')).toBeVisible();
  await audience.keyboard.press('?');
  const sheet = audience.getByRole('dialog', { name: 'Presentation shortcuts' });
  await expect(sheet).toBeVisible();
  const sizes = await sheet.evaluate((dialog) =>
    [...dialog.querySelectorAll('*')].filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())).map((el) => parseFloat(getComputedStyle(el).fontSize)),
  );
  expect(sizes.length).toBeGreaterThan(10);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  // It tells, and asks nothing: one way out. And F says what it does here, with no selection.
  await expect(sheet.getByRole('button')).toHaveText(['Close']);
  await expect(sheet.getByRole('row', { name: /^F / })).toContainText('End the spotlight');
  await expect(sheet).not.toContainText('selected node');
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});

test('at 1920×1080 the audience view renders no text under 24 px', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  // A crowded step too: many nodes on one wide board, no frames on a second board.
  const second = await shell.call<{ id: string }>('board.create', { sessionId, title: 'Everything' });
  await shell.call('board.apply', {
    boardId: second.id,
    ops: [
      ...Array.from({ length: 40 }, (_, i) => ({
        type: 'node.add',
        node: { id: `r${i}`, kind: 'role', position: { x: (i % 10) * 260, y: Math.floor(i / 10) * 200 }, size: null, data: { person: `Person ${i}`, title: 'Account lead', stratum: 2, timeSpan: null, notes: '' } },
      })),
      // Labelled lines, and findings on them (manager and report in one stratum): edge labels, finding tags or numbers.
      ...[0, 3, 6].map((i) => ({ type: 'edge.add', edge: { id: `e${i}`, kind: 'reports-to', source: `r${i}`, target: `r${i + 10}`, data: { label: 'runs the accounts in the north', strength: null } } })),
    ],
  });
  await shell.call('session.setAgenda', { sessionId, items: [{ id: 'x', title: 'Everyone', timeboxMinutes: 5, boardId: second.id, frameId: null, prompts: [] }] });
  const audience = await page.context().newPage();
  await audience.setViewportSize(PROJECTOR);
  await audience.goto(`${shell.url}#/session/${sessionId}/audience`);
  await expect(audience.locator('.react-flow__node')).toHaveCount(40);
  await expect(audience.locator('.edge-label:not(.edge-label-probe)')).toHaveCount(3);
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
  const { sessionId, boardId } = await threeFrameSession(shell, 'Quarterly review');
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

test('at 1366×768 the Room panel opens below the presenter’s controls, not over End presentation or the timer', async ({ page, shell }) => {
  await page.setViewportSize(LAPTOP);
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  await shell.call('room.open', { sessionId, host: '127.0.0.2' });
  const { controls } = await present(page, shell, sessionId);
  await page.getByRole('button', { name: /^Room: / }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await expect(panel).toBeVisible();
  for (const name of ['End presentation', 'Reveal step by step', 'Start']) {
    const button = controls.getByRole('button', { name });
    const box = (await button.boundingBox())!;
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent ?? '', [box.x + box.width / 2, box.y + box.height / 2]);
    expect(onTop, name).toBe(name);
  }
  expect((await panel.boundingBox())!.y).toBeGreaterThanOrEqual((await controls.boundingBox())!.y + (await controls.boundingBox())!.height - 1);
  await controls.getByRole('button', { name: 'End presentation' }).click();
  await expect(controls).toHaveCount(0);
  // Without the controls, the panel is right below the header again.
  await expect.poll(async () => (await panel.boundingBox())!.y).toBeLessThan(60);
});

for (const screen of [LAPTOP, PROJECTOR]) {
  test(`while presenting at ${screen.width}×${screen.height} the canvas keeps at least 60% of the window`, async ({ page, shell }) => {
    await page.setViewportSize(screen);
    const { controls } = await present(page, shell, await levelsOfWorkSession(shell));
    await expect(controls).toContainText('Step 1 of 9');
    await pageDownTo(page, controls, 'Step 2 of 9');
    const pane = page.getByLabel('Board canvas').locator('.react-flow');
    await expect.poll(async () => (await pane.boundingBox())!.height).toBeGreaterThanOrEqual(0.6 * screen.height);
    // The board tabs stay one row of tabs, not a band.
    expect((await page.getByRole('tablist', { name: 'Boards' }).boundingBox())!.height).toBeLessThan(60);
    // And once the presentation ends, the board still has the window below the tabs.
    await controls.getByRole('button', { name: 'End presentation' }).click();
    await expect(controls).toHaveCount(0);
    await expect.poll(async () => (await pane.boundingBox())!.height).toBeGreaterThanOrEqual(0.6 * screen.height);
  });
}

test('the Prompts panel beside the canvas follows the step', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  const { controls } = await present(page, shell, sessionId);
  const panel = page.getByRole('region', { name: /^Prompts/ });
  const prompt = (title: string) => panel.getByText(`What does “${title}” mean for our buyers?`);
  await expect(controls).toContainText('Step 1 of 3');
  await expect(prompt('Why we sell')).toBeVisible();
  await pageDownTo(page, controls, 'Step 2 of 3');
  await expect(prompt('How we sell')).toBeVisible();
  await expect(prompt('Why we sell')).toBeHidden();
  await pageDownTo(page, controls, 'Step 3 of 3');
  await expect(prompt('What we sell')).toBeVisible();
  await expect(prompt('How we sell')).toBeHidden();
});

test('Show to the room puts the join code on the audience window, not the editor’s, and takes it off again', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  const room = await shell.call<{ code: string }>('room.open', { sessionId, host: '127.0.0.2' });
  const { audience } = await present(page, shell, sessionId);
  await page.getByRole('button', { name: /^Room: / }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await panel.getByRole('button', { name: 'Show to the room' }).click();
  const join = audience.getByRole('region', { name: 'How to join the room' });
  await expect(join.getByLabel(`Join code ${room.code.split('').join(' ')}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'How to join the room' })).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Hide from the room' }).click();
  await expect(join).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Show to the room' })).toBeVisible();
});

test('End presentation leaves the audience window on a neutral screen', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  const { audience, controls } = await present(page, shell, sessionId);
  await pageDownTo(page, controls, 'Step 2 of 3');
  await expect(audience.getByText('How we sell: our answer')).toBeVisible();
  await controls.getByRole('button', { name: 'End presentation' }).click();
  await expect(audience.getByRole('heading', { name: 'Quarterly review' })).toBeVisible();
  await expect(audience.getByText('The presentation has ended')).toBeVisible();
  await expect(audience.getByText('How we sell')).toHaveCount(0);
  await expect(audience.locator('.react-flow__node')).toHaveCount(0);
  // Present again: the room sees the board where it was left.
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(audience.getByText('How we sell: our answer')).toBeVisible();
});

test('the projector’s legend of numbered edge labels lists the step’s labels, not the rest of the board’s', async ({ page, shell }) => {
  const { boardId, second, audience, controls } = await presentTwoLinkedAnswers(page, shell, 'Legend');
  const other = { ...second, id: 'n1b', position: { x: 980, y: 300 }, data: { ...second.data, text: 'How we sell: a second answer' } };
  const link = { id: 'e1', kind: 'relates', source: 'n1', target: 'n1b', data: { label: 'because', strength: null } };
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.add', node: other }, { type: 'edge.add', edge: link }] });
  // Both labels are too long for the gap between their cards: numbers, spelled out in the legend.
  const legend = audience.getByRole('list', { name: 'Edge labels' });
  await expect(legend).toContainText('so that');
  await expect(legend).not.toContainText('because');
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await expect(controls).toContainText('Step 2 of 3');
  await expect(legend).toContainText('because');
  await expect(legend).not.toContainText('so that');
});

test('on a step shown in parts, the legend lists the numbers of the part on screen, below the clock; back from the next step lands on its last part', async ({ page, shell }) => {
  const link = (id: string, source: string, target: string, label: string) => ({ type: 'edge.add', edge: { id, kind: 'relates', source, target, data: { label, strength: null } } });
  const sessionId = await tallStepSession(shell, 'Tall step', {
    extraOps: [link('et', 't1', 't2', 'so that the top works'), link('eb', 'b1', 'b2', 'because the bottom says')],
    extraItems: [{ id: 'b', title: 'Wrap-up', timeboxMinutes: 5, frameId: null, prompts: [] }],
  });
  const { audience, controls } = await present(page, shell, sessionId);
  await audience.setViewportSize(PROJECTOR);
  await expect(controls).toContainText(/part 1 of [2-9]/);
  const legend = audience.getByRole('list', { name: 'Edge labels' });
  await expect(legend).toContainText('so that the top works');
  await expect(legend).not.toContainText('because the bottom says');
  await page.bringToFront();
  await page.keyboard.press('t');
  const [clock, legendBox] = [await audience.getByRole('timer').boundingBox(), await legend.boundingBox()];
  expect(legendBox!.y, 'the legend clear of the clock').toBeGreaterThan(clock!.y + clock!.height);
  // On to the last part: the bottom's label only.
  await expect(async () => {
    if (!/part (\d) of \1/.test((await controls.textContent()) ?? '')) await page.keyboard.press('PageDown');
    await expect(controls).toContainText(/part (\d) of \1/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(legend).toContainText('because the bottom says');
  await expect(legend).not.toContainText('so that the top works');
  const lastPart = /part (\d) of \1/.exec((await controls.textContent()) ?? '')![0];
  // On to the next step and back: the room sees the tall step where it left it, its last part.
  await page.keyboard.press('PageDown');
  await expect(controls).toContainText('Step 2 of 2');
  await page.keyboard.press('PageUp');
  await expect(controls).toContainText(`Step 1 of 2 · ${lastPart}`);
  await expect(legend).toContainText('because the bottom says');
  await expect(legend).not.toContainText('so that the top works');
});

test('with the controls over the audience view, a card clicked is spotlit, edges and labels dim with the rest, and Esc ends the presentation for both windows', async ({ page, shell }, testInfo) => {
  const { audience, controls } = await presentTwoLinkedAnswers(page, shell, 'Spotlight');
  const [spotlit, other] = [audience.locator('.react-flow__node[data-id="n0"]'), audience.locator('.react-flow__node[data-id="n0b"]')];
  // The label is drawn on its edge, or as a number there and in the legend.
  const [edge, label] = [audience.locator('.react-flow__edge[data-id="e0"]'), audience.locator('[data-edge-id="e0"]')];
  const labelText = audience.getByText('so that');
  await expect(label).toBeVisible();
  await expect(labelText).toBeVisible();

  await audience.keyboard.press('o');
  const overlay = audience.getByRole('region', { name: 'Presenter controls' });
  await expect(overlay).toBeVisible();
  await spotlit.click();
  await expect(overlay.getByRole('button', { name: 'Spotlight' })).toHaveAttribute('aria-pressed', 'true');
  await expect(controls.getByRole('button', { name: 'Spotlight' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => opacity(other)).toBeLessThan(0.2);
  await expect.poll(() => opacity(edge)).toBeLessThan(0.2);
  await expect.poll(() => opacity(label)).toBeLessThan(0.2);
  await expect.poll(() => opacity(labelText)).toBeLessThan(0.2);
  expect(await opacity(spotlit)).toBe(1);
  await audience.screenshot({ path: testInfo.outputPath('projector-spotlight.png') });
  // The same card again ends it.
  await spotlit.click();
  await expect(overlay.getByRole('button', { name: 'Spotlight' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => opacity(edge)).toBe(1);

  await audience.keyboard.press('Escape');
  await expect(audience.getByText('The presentation has ended')).toBeVisible();
  await expect(controls).toHaveCount(0);
  // The title stands in the middle of the screen, not at its top.
  const heading = (await audience.getByRole('heading', { name: 'Spotlight' }).boundingBox())!;
  expect(Math.abs(heading.y + heading.height / 2 - PROJECTOR.height / 2)).toBeLessThan(PROJECTOR.height / 6);
  await audience.screenshot({ path: testInfo.outputPath('projector-ended.png') });
  // Present again: the room sees the board where it was left.
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(audience.getByText('Why we sell: our answer')).toBeVisible();
  await expect(controls).toBeVisible();
});

test('a black screen covers everything the room sees: the board, the clock and the join code', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  await shell.call('room.open', { sessionId, host: '127.0.0.2' });
  const { audience, controls } = await present(page, shell, sessionId);
  await audience.setViewportSize(PROJECTOR);
  await page.keyboard.press('t');
  const clock = audience.getByRole('timer');
  await expect(clock).toBeVisible();
  await page.bringToFront();
  await page.keyboard.press('b');
  const cover = audience.getByRole('img', { name: 'Black screen' });
  await expect(cover).toBeVisible();
  /** What is on top at the middle of the element's box. */
  const topAt = async (locator: Locator) => {
    const box = (await locator.boundingBox())!;
    return audience.evaluate(([x, y]) => document.elementFromPoint(x, y)?.getAttribute('aria-label') ?? '', [box.x + box.width / 2, box.y + box.height / 2]);
  };
  await expect.poll(() => topAt(clock)).toBe('Black screen');
  await page.getByRole('button', { name: /^Room: / }).click();
  await page.getByRole('complementary', { name: 'Room' }).getByRole('button', { name: 'Show to the room' }).click();
  const join = audience.getByRole('region', { name: 'How to join the room' });
  await expect(join).toBeAttached();
  await expect.poll(() => topAt(join)).toBe('Black screen');
  await controls.getByRole('button', { name: 'Blackout' }).click();
  await expect(cover).toHaveCount(0);
  await expect(join).toBeVisible();
});

test('a step with no agenda item has no timer to put on screen', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'No agenda' });
  const frame = { id: 'f0', kind: 'frame', position: { x: 0, y: 0 }, size: { width: 800, height: 500 }, data: { title: 'Open floor' } };
  await shell.call('board.apply', { boardId: session.boards[0].id, ops: [{ type: 'node.add', node: frame }] });
  const { controls } = await present(page, shell, session.id);
  await expect(controls).toContainText('Open floor');
  await expect(controls.getByRole('button', { name: 'Timer on screen' })).toBeDisabled();
  await expect(controls.getByRole('group', { name: 'Timer' })).toHaveCount(0);
});

test('a running timer carries on to the next item, a paused one does not', async ({ page, shell }) => {
  const { sessionId } = await threeFrameSession(shell, 'Quarterly review');
  const { controls } = await present(page, shell, sessionId);
  const timer = controls.getByRole('group', { name: 'Timer' });
  await expect(timer.getByRole('checkbox', { name: 'Carry on to the next item' })).toBeChecked();
  await timer.getByRole('button', { name: 'Start' }).click();
  await expect(timer.getByRole('button', { name: 'Pause' })).toBeVisible();
  await pageDownTo(page, controls, 'Step 2 of 3');
  await expect(timer.getByRole('timer', { name: /^How we sell:/ })).toBeVisible();
  await expect(timer.getByRole('button', { name: 'Pause' })).toBeVisible();
  await timer.getByRole('button', { name: 'Pause' }).click();
  await expect(timer.getByRole('button', { name: 'Start' })).toBeVisible();
  await pageDownTo(page, controls, 'Step 3 of 3');
  await expect(timer.getByRole('timer', { name: /^What we sell:/ })).toBeVisible();
  await expect(timer.getByRole('button', { name: 'Start' })).toBeVisible();
});

test('→ pressed in the audience window as soon as it opens never skips the second part of a step', async ({ page, shell }) => {
  test.setTimeout(240_000);
  // A first frame too wide to read at once (two parts or more on any screen: a note at each end), then a second one.
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Wide first step' });
  const boardId = session.boards[0].id;
  const note = (id: string, x: number) => ({ type: 'node.add', node: { id, kind: 'note', position: { x, y: 120 }, size: null, data: { text: id, category: 'idea', votes: 0 } } });
  await shell.call('board.apply', {
    boardId,
    ops: [
      { type: 'node.add', node: { id: 'wide', kind: 'frame', position: { x: 0, y: 0 }, size: { width: 2000, height: 500 }, data: { title: 'The whole team' } } },
      note('left-end', 80),
      note('right-end', 1700),
      { type: 'node.add', node: { id: 'next', kind: 'frame', position: { x: 0, y: 700 }, size: { width: 800, height: 500 }, data: { title: 'What comes next' } } },
    ],
  });
  for (let run = 0; run < 20; run++) {
    // Each run presents a fresh copy, so the room starts at the first step.
    const sessionId = run === 0 ? session.id : (await shell.call<{ id: string }>('session.duplicate', { id: session.id })).id;
    await page.goto(`${shell.url}#/session/${sessionId}`);
    const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
    await audience.getByRole('main', { name: 'Audience view' }).waitFor({ state: 'attached' });
    await audience.keyboard.press('ArrowRight');
    await expect.poll(() => shell.call('presentation.get', { sessionId }), { message: `run ${run + 1}` }).toMatchObject({ stepIndex: 0, part: 1 });
    await audience.close();
  }
});

/**
 * The audience view at `screen` on a one-step session whose step is a board of six roles, r0 to
 * r5, in two rows; resolves once its camera has come to rest.
 */
async function audienceOfSixRoles(page: Page, shell: ServedShell, screen: { width: number; height: number }) {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Six roles' });
  const boardId = session.boards[0].id;
  const roles = Array.from({ length: 6 }, (_, i) => roleNode({ id: `r${i}`, position: { x: (i % 3) * 300, y: Math.floor(i / 3) * 200 }, data: { person: `Person ${i}`, stratum: 2 } }));
  await shell.call('board.apply', { boardId, ops: roles.map((node) => ({ type: 'node.add', node })) });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'all', title: 'Everyone', timeboxMinutes: 5, boardId, frameId: null, prompts: [] }] });
  await page.setViewportSize(screen);
  await page.goto(`${shell.url}#/session/${session.id}/audience`);
  const view = page.getByRole('main', { name: 'Audience view' });
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(view).toHaveAttribute('aria-busy', 'false');
  return { boardId, view };
}

test('an edit inside the step leaves the projector’s camera still; a card beyond it moves the camera', async ({ page, shell }) => {
  const { boardId, view } = await audienceOfSixRoles(page, shell, PROJECTOR);
  // Every time the camera starts to move, from here on.
  await page.evaluate(() => {
    const main = document.querySelector('main.audience')!;
    const moves: string[] = [];
    (window as unknown as { cameraMoves: string[] }).cameraMoves = moves;
    new MutationObserver(() => main.getAttribute('aria-busy') === 'true' && moves.push('moved')).observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
  });
  const cameraMoves = () => page.evaluate(() => (window as unknown as { cameraMoves: string[] }).cameraMoves.length);

  await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'r4', data: { person: 'Dana Whitfield' } }] });
  await expect(page.locator('.react-flow__node[data-id="r4"]')).toContainText('Dana Whitfield');
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.move', id: 'r1', position: { x: 320, y: 20 } }] });
  await expect(page.locator('.react-flow__node[data-id="r1"]')).toHaveAttribute('style', /translate\(320px, ?20px\)/);
  expect(await cameraMoves()).toBe(0);

  await shell.call('board.apply', { boardId, ops: [{ type: 'node.move', id: 'r5', position: { x: 2400, y: 1200 } }] });
  await expect.poll(cameraMoves).toBe(1);
  await expect(view).toHaveAttribute('aria-busy', 'false');
});

test('when the audience window changes size, as it does moved onto the projector, the camera frames the step again', async ({ page, shell }) => {
  const { view } = await audienceOfSixRoles(page, shell, LAPTOP);
  /** The cards' extent on screen, and how far its centre is from the middle of the board's pane. */
  const framing = () =>
    page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.react-flow__node')].map((el) => el.getBoundingClientRect());
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      const pane = document.querySelector('.audience .react-flow')!.getBoundingClientRect();
      return { width: right - left, offCentre: Math.abs((left + right) / 2 - (pane.left + pane.right) / 2) };
    });
  const onLaptop = await framing();
  expect(onLaptop.offCentre).toBeLessThan(10);

  await page.setViewportSize(PROJECTOR);
  await expect.poll(async () => (await framing()).offCentre, { timeout: 10_000 }).toBeLessThan(10);
  await expect(view).toHaveAttribute('aria-busy', 'false');
  expect((await framing()).width).toBeGreaterThan(onLaptop.width * 1.2);
});

test('the projector never edits the board: a note it sees grow is pushed clear of the next by the editor alone', async ({ page: audience, shell, context }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Signals wall' });
  const boardId = session.boards[0].id;
  const note = (id: string, x: number, y: number, text: string) => ({ type: 'node.add', node: { id, kind: 'note', position: { x, y }, size: null, data: { text, category: 'idea', votes: 0 } } });
  await shell.call('board.apply', { boardId, ops: [note('above', 0, 0, 'Short'), note('below', 0, 160, 'Below'), note('aside', 600, 0, 'Aside')] });
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'all', title: 'Signals', timeboxMinutes: 5, boardId, frameId: null, prompts: [] }] });
  await audience.setViewportSize(PROJECTOR);
  await audience.goto(`${shell.url}#/session/${session.id}/audience`);
  await expect(audience.locator('.react-flow__node-note')).toHaveCount(3);
  const stored = () => shell.call<StoredBoard>('board.get', { id: boardId });
  const below = (board: StoredBoard) => board.nodes.find((n) => n.id === 'below')!.position;
  /** Waits until the projector has drawn `shown` (two frames after it is in the page), then for one more change to reach it. */
  const afterProjectorDrew = async (shown: RegExp, mark: string) => {
    await expect(audience.getByText(shown)).toBeVisible();
    await audience.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'aside', data: { text: mark } }] });
    await expect(audience.getByText(mark)).toBeVisible();
  };

  // A note grows by an edit from elsewhere (a phone, the other laptop) while only the projector shows the board.
  const before = await stored();
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'above', data: { text: 'Procurement joins earlier than it did, with a checklist of its own and a budget owner in the room' } }] });
  await afterProjectorDrew(/Procurement joins/, 'Aside, one');
  expect((await stored()).revision).toBe(before.revision + 2);
  expect(below(await stored())).toEqual(below(before));

  // The facilitator grows it further in the editor: the editor pushes the note below clear, once.
  const editor = await context.newPage();
  await editor.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await editor.locator('.react-flow__node[data-id="above"]').dblclick();
  const text = editor.getByRole('textbox', { name: 'Edit note text' });
  await text.fill('Buyers now ask for proof of return before the first meeting, and procurement joins earlier than it did, with a checklist of its own');
  await text.press('Enter');
  await expect.poll(async () => below(await stored()).y).toBeGreaterThan(160);
  const pushed = await settled(editor, shell, boardId);
  await afterProjectorDrew(/proof of return/, 'Aside, two');
  const after = await stored();
  expect(after.revision).toBe(pushed.revision + 1);
  expect(below(after)).toEqual(below(pushed));
});

test('a burst of notes from the room shows on the projector at once, while the editor lets them in a few a frame and draws only those on screen', async ({ page: editor, shell, context }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Burst' });
  const boardId = session.boards[0].id;
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'all', title: 'Signals', timeboxMinutes: 5, boardId, frameId: null, prompts: [] }] });
  await editor.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(editor.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  const audience = await context.newPage();
  await audience.setViewportSize(PROJECTOR);
  await audience.goto(`${shell.url}#/session/${session.id}/audience`);
  await expect(audience.getByRole('main', { name: 'Audience view' })).toBeVisible();
  /** Records, each frame, how many notes the page's canvas holds, while they come in. */
  const countFrames = (page: Page) =>
    page.evaluate(() => {
      const counts: number[] = [];
      (window as unknown as { noteCounts: number[] }).noteCounts = counts;
      const tick = () => {
        counts.push(document.querySelectorAll('.react-flow__node-note').length);
        if (counts.at(-1)! < 40) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  const framesWithSome = (page: Page) => page.evaluate(() => new Set((window as unknown as { noteCounts: number[] }).noteCounts.filter((n) => n > 0 && n < 40)).size);
  await countFrames(editor);
  await countFrames(audience);
  // 32 notes overlap near the editor's view's corner; the last 8 land far off to the right, where
  // the editor, by then holding more than CULLING_MIN_NODES, does not draw them until it looks there.
  const at = (i: number) => (i < 32 ? { x: (i % 8) * 40, y: Math.floor(i / 8) * 40 } : { x: 4000 + (i % 8) * 280, y: 0 });
  const notes = Array.from({ length: 40 }, (_, i) => ({ type: 'node.add', node: { id: `b${i}`, kind: 'note', position: at(i), size: null, data: { text: `Signal ${i + 1}`, category: 'idea', votes: 0 } } }));
  await shell.call('board.apply', { boardId, ops: notes });
  await expect(audience.locator('.react-flow__node-note')).toHaveCount(40);
  // The editor's minimap draws every note it has let in (a few a frame), on screen or not: all 40,
  // of which the canvas draws the 32 in view.
  const inMinimap = () => editor.locator('.react-flow__minimap-node').evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0));
  await expect.poll(inMinimap).toBe(40);
  await expect(editor.locator('.react-flow__node-note')).toHaveCount(32);
  expect(await framesWithSome(audience)).toBe(0);
  expect(await framesWithSome(editor)).toBeGreaterThanOrEqual(3);
  await editor.getByRole('button', { name: 'Fit View' }).click();
  await expect(editor.locator('.react-flow__node-note')).toHaveCount(40);
  await expect(editor.locator('.react-flow__node[data-id="b39"]')).toBeInViewport();
});

test('notes from the room that land off the editor’s screen join its board at once, while those on screen join a few a frame', async ({ page: editor, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Off screen' });
  const boardId = session.boards[0].id;
  const note = (id: string, x: number, y: number) => ({ type: 'node.add', node: { id, kind: 'note', position: { x, y }, size: null, data: { text: id, category: 'idea', votes: 0 } } });
  // 30 notes to start with: the editor draws only what is on screen from its first frame.
  await shell.call('board.apply', { boardId, ops: Array.from({ length: 30 }, (_, i) => note(`s${i}`, (i % 6) * 220, Math.floor(i / 6) * 160)) });
  await editor.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(editor.locator('.react-flow__node-note')).toHaveCount(30);
  // Each frame: how many notes the minimap holds (every note on the canvas's board) and how many are drawn.
  await editor.evaluate(() => {
    const seen: { board: number; drawn: number }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    const tick = () => {
      const paths = [...document.querySelectorAll('.react-flow__minimap-node')];
      seen.push({ board: paths.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0), drawn: document.querySelectorAll('.react-flow__node-note').length });
      if (seen.at(-1)!.board < 54) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // 16 on screen, over the first notes, then 8 far off to the right.
  const onScreen = Array.from({ length: 16 }, (_, i) => note(`n${i}`, (i % 6) * 220 + 20, Math.floor(i / 6) * 160 + 20));
  const offScreen = Array.from({ length: 8 }, (_, i) => note(`o${i}`, 20_000 + i * 220, 0));
  await shell.call('board.apply', { boardId, ops: [...onScreen, ...offScreen] });
  const seenFrames = () => editor.evaluate(() => (window as unknown as { seen: { board: number; drawn: number }[] }).seen);
  // The last note drawn is counted at the next frame, which may come after the DOM shows it.
  await expect.poll(async () => (await seenFrames()).at(-1)).toEqual({ board: 54, drawn: 46 });
  // The first frame any of them joined holds the 8 off screen and the first 8 on screen.
  expect((await seenFrames()).find((frame) => frame.board > 30)).toEqual({ board: 30 + 8 + 8, drawn: 30 + 8 });
});

test('on the projector only cards an edge meets carry handles, and an edge drawn to a card already shown appears', async ({ page: audience, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Handles' });
  const boardId = session.boards[0].id;
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'all', title: 'Signals', timeboxMinutes: 5, boardId, frameId: null, prompts: [] }] });
  const role = roleNode({ id: 'r1', position: { x: 0, y: 0 }, data: { person: 'Ann Berg' } });
  const note = { id: 'n1', kind: 'note', position: { x: 400, y: 0 }, size: null, data: { text: 'Slow approvals', category: 'weak-signal', votes: 0 } };
  await shell.call('board.apply', { boardId, ops: [role, note].map((node) => ({ type: 'node.add', node })) });
  await audience.setViewportSize(PROJECTOR);
  await audience.goto(`${shell.url}#/session/${session.id}/audience`);
  const handlesOf = (id: string) => audience.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle`);
  await expect(audience.locator('.react-flow__node[data-id="n1"]')).toContainText('Slow approvals');
  await expect(handlesOf('r1')).toHaveCount(0);
  await expect(handlesOf('n1')).toHaveCount(0);

  await shell.call('board.apply', { boardId, ops: [{ type: 'edge.add', edge: { id: 'e1', kind: 'relates', source: 'r1', target: 'n1', data: { label: '', strength: null } } }] });
  await expect(handlesOf('n1')).toHaveCount(2);
  await expect(audience.locator('.react-flow__edge[data-id="e1"] .react-flow__edge-path')).toHaveAttribute('d', /^M [\d.]+ [\d.]+ L/);
});

test('the audience window tells main a step’s parts once, however often the board changes before main answers', async ({ page: audience, shell }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Counted once' });
  const boardId = session.boards[0].id;
  await shell.call('session.setAgenda', { sessionId: session.id, items: [{ id: 'all', title: 'Signals', timeboxMinutes: 5, boardId, frameId: null, prompts: [] }] });
  // Main answers this window's counts 600 ms late; everything else goes through at once.
  const told: string[] = [];
  await audience.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { method: string; input: { stepIndex: number; parts: number } };
      if (call.method !== 'presentation.measured') return server.send(message);
      told.push(`step ${call.input.stepIndex}: ${call.input.parts} parts`);
      setTimeout(() => server.send(message), 600);
    });
    server.onMessage((message) => ws.send(message));
  });
  await audience.setViewportSize(PROJECTOR);
  await audience.goto(`${shell.url}#/session/${session.id}/audience`);
  await expect(audience.getByRole('main', { name: 'Audience view' })).toBeVisible();
  // A room's notes, a batch at a time, while main has yet to answer.
  for (let batch = 0; batch < 6; batch++) {
    const ops = Array.from({ length: 4 }, (_, i) => ({ type: 'node.add', node: { id: `n${batch}x${i}`, kind: 'note', position: { x: i * 280, y: batch * 200 }, size: null, data: { text: `Signal ${batch}.${i}`, category: 'idea', votes: 0 } } }));
    await shell.call('board.apply', { boardId, ops });
  }
  await expect(audience.locator('.react-flow__node-note')).toHaveCount(24);
  const mainHas = async () => {
    const state = await shell.call<{ stepIndex: number; parts: number }>('presentation.get', { sessionId: session.id });
    return `step ${state.stepIndex}: ${state.parts} parts`;
  };
  await expect.poll(async () => told.length > 0 && (await mainHas()) === told.at(-1)).toBe(true);
  expect(told.filter((count, i) => count === told[i - 1])).toEqual([]);
});

test('both windows follow frames renamed, grown and added from the edits main announces, without reading the board again', async ({ page, shell, context }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Frames only' });
  const boardId = session.boards[0].id;
  const frame = (id: string, title: string, x: number, y: number) => ({ type: 'node.add', node: { id, kind: 'frame', position: { x, y }, size: { width: 800, height: 500 }, data: { title } } });
  await shell.call('board.apply', { boardId, ops: [frame('f0', 'Where we are', 0, 0), frame('f1', 'Where we go', 900, 0)] });
  const reads: string[] = [];
  const countReads = (p: Page) => p.on('websocket', (ws) => ws.on('framesent', ({ payload }) => void (String(payload).includes('"method":"board.get"') && reads.push(p.url()))));
  countReads(page);
  context.on('page', countReads);
  const { audience, controls } = await present(page, shell, session.id);
  const caption = audience.getByRole('region', { name: 'Current step' });
  await expect(controls).toContainText('Step 1 of 2');
  await expect(caption).toContainText('Where we are');
  const before = reads.length;

  // A frame grows, as it does with every batch of a room's notes; then one is renamed and one added.
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.resize', id: 'f0', size: { width: 1200, height: 700 } }] });
  await shell.call('board.apply', { boardId, ops: [{ type: 'node.update', id: 'f0', data: { title: 'Where we stand' } }] });
  await expect(caption).toContainText('Where we stand');
  await shell.call('board.apply', { boardId, ops: [frame('f2', 'What we try first', 0, 900)] });
  await expect(controls).toContainText('Step 1 of 3');
  await pageDownTo(page, controls, 'Step 3 of 3');
  await expect(caption).toContainText('What we try first');
  expect(reads.slice(before)).toEqual([]);
});
