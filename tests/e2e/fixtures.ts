import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import { HTTP_API_PREFIX } from '../../shared/api/shell-paths';
import fs from 'node:fs';
import { type handoutSession } from '../helpers/handout';
import { startServedShell, type ServedShell } from './server';

export { expect };

/** Every test gets its own served shell on a fresh data dir, and pages that fail on any console error. */
export const test = base.extend<{ shell: ServedShell }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  shell: async ({}, use) => {
    const shell = await startServedShell();
    await use(shell);
    await shell.stop();
    fs.rmSync(shell.dataDir, { recursive: true, force: true });
  },
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedNoise(message)) errors.push(message.text());
    });
    await use(page);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

/**
 * Console errors Chromium logs itself for what the app handles: each reconnect attempt made while a
 * test has the server stopped, and the 404 of the early HTTP `board.get` for a board the address
 * names but the session no longer has (the editor then opens the session's first board).
 */
function expectedNoise(message: ConsoleMessage): boolean {
  if (/WebSocket connection to .* failed/.test(message.text())) return true;
  const earlyBoardGone = /status of 404/.test(message.text()) && message.location().url.endsWith(`${HTTP_API_PREFIX}board.get`);
  return earlyBoardGone;
}

/** Main's board as `board.get` returns it. */
export interface StoredBoard {
  revision: number;
  nodes: { id: string; kind: string; position: { x: number; y: number }; data: Record<string, unknown> }[];
  edges: { id: string; kind: string; source: string; target: string }[];
  viewport: { x: number; y: number; zoom: number } | null;
  settings: { strataBands?: boolean; keepArranged?: boolean };
}

export async function createSessionInUi(page: Page, shell: ServedShell, title: string, client = ''): Promise<void> {
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByLabel('Title').fill(title);
  if (client) await page.getByLabel('Group or client').fill(client);
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.locator('.react-flow')).toBeVisible();
}

/** A new session whose first board holds `nodes`, and the address that opens that board. */
export async function sessionWith(shell: ServedShell, title: string, nodes: readonly object[]): Promise<{ sessionId: string; boardId: string; url: string }> {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title });
  const boardId = session.boards[0].id;
  await shell.call('board.apply', { boardId, ops: nodes.map((node) => ({ type: 'node.add', node })) });
  return { sessionId: session.id, boardId, url: `${shell.url}#/session/${session.id}/${boardId}` };
}

/** A session with three frames on one board, each holding a note, and a one-minute agenda item per frame with a prompt. */
export async function threeFrameSession(shell: ServedShell, title: string): Promise<{ sessionId: string; boardId: string }> {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title });
  const boardId = session.boards[0].id;
  const frames = ['Why we sell', 'How we sell', 'What we sell'];
  await shell.call('board.apply', {
    boardId,
    ops: frames.flatMap((frame, i) => [
      { type: 'node.add', node: { id: `f${i}`, kind: 'frame', position: { x: i * 900, y: 0 }, size: { width: 800, height: 500 }, data: { title: frame } } },
      { type: 'node.add', node: { id: `n${i}`, kind: 'note', position: { x: i * 900 + 80, y: 120 }, size: null, data: { text: `${frame}: our answer`, category: 'idea', votes: 0 } } },
    ]),
  });
  await shell.call('session.setAgenda', {
    sessionId: session.id,
    items: frames.map((frame, i) => ({ id: `a${i}`, title: frame, timeboxMinutes: 1, boardId, frameId: `f${i}`, prompts: [`What does “${frame}” mean for our buyers?`] })),
  });
  return { sessionId: session.id, boardId };
}

/** The board id the editor shows, from the route #/session/S/B. */
export function boardIdOf(page: Page): string {
  const match = /#\/session\/[^/]+\/([^/?]+)/.exec(page.url());
  if (!match) throw new Error(`not on a board: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

export function nodeByName(page: Page, name: string) {
  return page.getByRole('group', { name, exact: true });
}

/** Drags from one node's bottom handle to another node's top handle: a new edge. */
export async function connect(page: Page, fromName: string, toName: string): Promise<void> {
  const from = nodeByName(page, fromName).locator('.react-flow__handle.source').first();
  const to = nodeByName(page, toName).locator('.react-flow__handle.target').first();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/**
 * Main's board once every edit the page made is saved: waits for the editor's "All changes saved",
 * then reads the board at the revision the page has confirmed, or later.
 */
export async function settled(page: Page, shell: ServedShell, boardId: string): Promise<StoredBoard> {
  const saved = page.getByRole('status').filter({ hasText: 'All changes saved' });
  await expect(saved).toHaveText('All changes saved');
  await expect(saved).toHaveAttribute('data-revision', /^\d+$/);
  const confirmed = Number(await saved.getAttribute('data-revision'));
  let board: StoredBoard | undefined;
  await expect.poll(async () => (board = await shell.call<StoredBoard>('board.get', { id: boardId })).revision).toBeGreaterThanOrEqual(confirmed);
  return board!;
}

/** Exports the open board as an SVG image from the Export dialog; resolves with the file's text. */
export async function exportBoardSvg(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Image of this board' }).check();
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export image' }).click();
  return fs.readFileSync((await (await download).path())!, 'utf8');
}

/**
 * Opens the board and arranges it by levels (fitted, every card drawn, so by their real sizes),
 * then opens it again at zoom 1 with node `nodeId`'s top left at `at` on the canvas, as a board
 * the facilitator left there. Returns the board as arranged.
 */
export async function arrangedThenAtZoom1(
  page: Page,
  shell: ServedShell,
  session: { id: string; title: string; boardId: string },
  nodeId: string,
  at: { x: number; y: number },
): Promise<StoredBoard> {
  const board = `${shell.url}#/session/${session.id}/${session.boardId}`;
  await page.goto(board);
  await page.getByRole('button', { name: 'Arrange by levels' }).click();
  const arranged = await settled(page, shell, session.boardId);
  const node = arranged.nodes.find((n) => n.id === nodeId)!;
  // Home first: the editor stores its own view as it leaves the board.
  await page.goto(`${shell.url}#/`);
  await expect(page.getByRole('link', { name: session.title })).toBeVisible();
  await shell.call('board.setViewport', { boardId: session.boardId, viewport: { x: at.x - node.position.x, y: at.y - node.position.y, zoom: 1 } });
  await page.goto(board);
  return arranged;
}

/**
 * Clicks a card until it is selected. Focus comes with the press and selection with the click, so
 * a card the last edit moves (a note pushed down by one grown above it) between press and release
 * is focused but not selected, as for a person: they click again.
 */
export async function select(card: Locator): Promise<void> {
  await expect(async () => {
    await card.click();
    await expect(card).toHaveClass(/\bselected\b/, { timeout: 1_000 });
  }).toPass();
}

/** How long each drawn edge is: a line of zero length is an edge React Flow could not attach. */
export function edgeLengths(page: Page): Promise<number[]> {
  return page.locator('.react-flow__edge-path').evaluateAll((paths) => paths.map((path) => (path as SVGPathElement).getTotalLength()));
}

/** The served shell's API as the test helpers in tests/helpers call it. */
export const callOf = (shell: ServedShell) => (<M extends string>(method: M, input: unknown) => shell.call(method, input)) as Parameters<typeof handoutSession>[0];

/** The axe findings of serious or critical impact on the page, each with where it was found. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A participant's phone: its own browser context at 390×844; page errors and console errors land in `errors`. */
export async function openPhone(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket connection to .* failed/.test(m.text())) errors.push(m.text());
  });
  return page;
}
