import type { Page } from '@playwright/test';
import { expect, nodeByName, test } from './fixtures';

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
