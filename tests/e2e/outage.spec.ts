import type { Page } from '@playwright/test';
import { boardIdOf, createSessionInUi, expect, nodeByName, settled, test, type StoredBoard } from './fixtures';
import type { ServedShell } from './server';

const indicator = (page: Page) => page.getByRole('status').filter({ hasText: /changes saved|Saving…|Offline|Connecting/ });

async function rename(page: Page, name: string, to: string, field = 'person'): Promise<void> {
  await nodeByName(page, name).dblclick();
  const editor = page.getByRole('textbox', { name: `Edit ${field}` });
  await editor.fill(to);
  await editor.press('Enter');
}

const onServer = async (shell: ServedShell, boardId: string) => shell.call<StoredBoard>('board.get', { id: boardId });
const labels = (board: StoredBoard) => board.nodes.map((n) => `${n.kind}:${String(n.data.person ?? n.data.text ?? n.data.name ?? '')}`);

/** How many batches the page's outbox keeps in IndexedDB: what would outlive the tab. */
const keptInOutbox = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('groundwork-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('batches').objectStore('batches').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

test('edits made while the server is down reach it once it is back, in order, and the editor says where it stands', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Through an outage');
  const boardId = boardIdOf(page);
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(nodeByName(page, 'Role: New role')).toBeVisible();
  await expect(indicator(page)).toHaveText('All changes saved');
  await expect.poll(async () => (await onServer(shell, boardId)).nodes.length).toBe(1);
  const before = (await onServer(shell, boardId)).nodes[0].position;

  await shell.stop('SIGKILL');
  await expect(indicator(page)).toHaveText('Offline: all changes saved');

  // Add, rename, move, add and delete: each waits, in order.
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(indicator(page)).toHaveText('Offline: 1 edit waiting');
  await rename(page, 'Role: New role', 'Dana Whitfield');
  await nodeByName(page, 'Role: Dana Whitfield').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowRight');
  await page.getByRole('button', { name: 'Add text' }).click();
  await nodeByName(page, 'Text: Heading').click();
  await page.keyboard.press('Delete');
  await expect(nodeByName(page, 'Text: Heading')).toHaveCount(0);
  await expect(indicator(page)).toHaveText('Offline: 7 edits waiting');
  expect((await onServer(shell, boardId).catch(() => null))?.nodes).toBeUndefined();

  await shell.start();
  await expect(indicator(page)).toHaveText('All changes saved');
  const after = await settled(page, shell, boardId);
  expect(labels(after).sort()).toEqual(['note:New note', 'role:Dana Whitfield']);
  const role = after.nodes.find((n) => n.kind === 'role')!;
  expect(role.position.x).toBeGreaterThan(before.x);
  await expect.poll(() => nodeByName(page, 'Role: Dana Whitfield').evaluate((e) => (e as HTMLElement).style.transform)).toBe(`translate(${role.position.x}px, ${role.position.y}px)`);

  // And what is made after the outage is saved as well.
  await page.getByRole('button', { name: 'Add decision-maker' }).click();
  await expect.poll(async () => (await onServer(shell, boardId)).nodes.length).toBe(3);
  await expect(indicator(page)).toHaveText('All changes saved');
  // What tests wait on: the indicator carries the revision main confirmed to this window, here the last.
  await expect(indicator(page)).toHaveAttribute('data-revision', String((await onServer(shell, boardId)).revision));
});

test('edits waiting when the page is reloaded, or its tab closed, while the server is down are saved once it is back', async ({ page, shell, context }) => {
  await createSessionInUi(page, shell, 'Reloaded offline');
  const boardId = boardIdOf(page);
  const url = page.url();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });

  await shell.stop('SIGKILL');
  await page.getByRole('button', { name: 'Add role' }).click();
  await rename(page, 'Role: New role', 'Sam Ortiz');
  await expect(indicator(page)).toHaveText('Offline: 2 edits waiting');
  await expect.poll(() => keptInOutbox(page)).toBe(2);

  // Leaving asks first; the server being down, the reloaded page cannot load at all.
  await page.reload().catch(() => undefined);
  expect(dialogs).toEqual(['beforeunload']);
  // The reload gives up before Chromium's error page is in, and that page coming in interrupted
  // the visit below (a CI run): wait for it first.
  await page.waitForURL(/^chrome-error:/);
  await shell.start();
  await page.goto(url);
  await expect(nodeByName(page, 'Role: Sam Ortiz')).toBeVisible();
  await expect.poll(async () => labels(await onServer(shell, boardId))).toEqual(['role:Sam Ortiz']);
  await expect(indicator(page)).toHaveText('All changes saved');

  // The tab closed with an edit waiting: a tab opened later sends it.
  await shell.stop('SIGKILL');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(indicator(page)).toHaveText('Offline: 1 edit waiting');
  await expect.poll(() => keptInOutbox(page)).toBe(1);
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual(['beforeunload', 'beforeunload']);

  await shell.start();
  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(nodeByName(reopened, 'Note: New note')).toBeVisible();
  await expect.poll(async () => labels(await onServer(shell, boardId)).sort()).toEqual(['note:New note', 'role:Sam Ortiz']);
  await expect(indicator(reopened)).toHaveText('All changes saved');
  expect(await keptInOutbox(reopened)).toBe(0);
});

test('two windows, one on a slow link, editing one node at once both end up showing the server’s board, and a dropped edit is named', async ({ page, shell, context }) => {
  // Three windows, one of them 800 ms from the server on every round trip, through four rounds of edits.
  test.slow();
  await createSessionInUi(page, shell, 'One slow window');
  const boardId = boardIdOf(page);
  await page.getByRole('button', { name: 'Add role' }).click();
  await rename(page, 'Role: New role', 'Priya Raman');
  await expect.poll(async () => labels(await onServer(shell, boardId))).toEqual(['role:Priya Raman']);

  const slow = await context.newPage();
  // Every frame between this window and the server takes 400 ms, each way, in order; what the
  // window sends can also be held back until the test lets it go.
  let held: (() => void)[] | null = null;
  await slow.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const send = () => void setTimeout(() => server.send(message), 400);
      if (held) held.push(send);
      else send();
    });
    server.onMessage((message) => void setTimeout(() => ws.send(message), 400));
  });
  await slow.goto(page.url());
  await expect(nodeByName(slow, 'Role: Priya Raman')).toBeVisible();

  const shows = async (p: Page) => {
    const server = await settled(page, shell, boardId);
    const node = server.nodes[0];
    if (!node) return expect(p.locator('.react-flow__node')).toHaveCount(0);
    const group = nodeByName(p, `Role: ${String(node.data.person)}`);
    await expect(group).toBeVisible();
    await expect.poll(() => group.evaluate((e) => (e as HTMLElement).style.transform)).toBe(`translate(${node.position.x}px, ${node.position.y}px)`);
  };

  // The same role renamed in both at once.
  await Promise.all([rename(page, 'Role: Priya Raman', 'Priya R.'), rename(slow, 'Role: Priya Raman', 'P. Raman')]);
  await expect(indicator(slow)).toHaveText('All changes saved');
  await shows(page);
  await shows(slow);

  // Nudged in both at once.
  const name = `Role: ${String((await settled(page, shell, boardId)).nodes[0].data.person)}`;
  await nodeByName(page, name).click();
  await nodeByName(slow, name).click();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Alt+ArrowDown');
    await slow.keyboard.press('Alt+ArrowRight');
  }
  await expect(indicator(slow)).toHaveText('All changes saved');
  await shows(page);
  await shows(slow);

  // Renamed in the slow window while the other deletes it: the rename cannot be saved, and says so.
  held = [];
  await rename(slow, name, 'Too late');
  await expect(nodeByName(slow, 'Role: Too late')).toBeVisible();
  await nodeByName(page, name).click();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await onServer(shell, boardId)).nodes.length).toBe(0);
  const release = held;
  held = null;
  release.forEach((send) => send());
  await expect(slow.getByRole('alert')).toContainText(`Not saved: changing role “${name.slice('Role: '.length)}”. It was deleted in another window.`);
  await expect(indicator(slow)).toHaveText('All changes saved');
  await shows(page);
  await shows(slow);

  const third = await context.newPage();
  await third.goto(page.url());
  await expect(third.locator('.react-flow')).toBeVisible();
  await shows(third);
  expect((await settled(page, shell, boardId)).nodes).toEqual([]);
});

test('a tab closed with edits waiting during an outage hands them to the tab still open, which saves them once the server is back', async ({ page, shell, context }) => {
  await createSessionInUi(page, shell, 'Two tabs through an outage');
  const boardId = boardIdOf(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(indicator(other)).toHaveText('All changes saved');

  await shell.stop('SIGKILL');
  await page.getByRole('button', { name: 'Add role' }).click();
  await rename(page, 'Role: New role', 'Sam Ortiz');
  await expect(indicator(page)).toHaveText('Offline: 2 edits waiting');
  await expect.poll(() => keptInOutbox(page)).toBe(2);
  await page.close();

  // The open tab takes the closed one's edits over while still offline, and says they wait.
  await expect(indicator(other)).toHaveText('Offline: 2 edits waiting');
  await shell.start();
  await expect(nodeByName(other, 'Role: Sam Ortiz')).toBeVisible();
  await expect.poll(async () => labels(await onServer(shell, boardId))).toEqual(['role:Sam Ortiz']);
  await expect(indicator(other)).toHaveText('All changes saved');
  expect(await keptInOutbox(other)).toBe(0);
});

test('a board switched to while the server is down opens once it is back, with the edits made meanwhile on the other', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Switching boards through an outage');
  const first = boardIdOf(page);
  const sessionId = /#\/session\/([^/]+)/.exec(page.url())![1];
  const second = await shell.call<{ id: string }>('board.create', { sessionId, title: 'Buying centre' });
  const ops = [{ type: 'node.add', node: { id: 'n-second', kind: 'text', position: { x: 0, y: 0 }, size: null, data: { text: 'Only on the second board', variant: 'heading' } } }];
  await shell.call('board.apply', { boardId: second.id, ops });
  await expect(page.getByRole('tab', { name: 'Buying centre' })).toBeVisible();

  await shell.stop('SIGKILL');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(indicator(page)).toHaveText('Offline: 1 edit waiting');
  await page.getByRole('tab', { name: 'Buying centre' }).click();
  await expect(indicator(page)).toHaveText('Offline: 1 edit waiting');
  await expect(page.getByRole('status').filter({ hasText: 'This board opens as soon as Groundwork can be reached again.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await shell.start();
  await expect(nodeByName(page, 'Text: Only on the second board')).toBeVisible();
  await expect.poll(async () => labels(await onServer(shell, first))).toEqual(['role:New role']);
  await expect(indicator(page)).toHaveText('All changes saved');
});
