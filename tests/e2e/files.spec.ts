import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { expect, test } from './fixtures';
import type { ServedShell } from './server';

interface SessionInfo {
  id: string;
  title: string;
  boards: { id: string; title: string }[];
}
interface SessionDocumentInfo {
  format: string;
  version: number;
  kind: string;
  session: { title: string };
  boards: { id: string; title: string; nodes: { id: string }[] }[];
  agenda: { title: string; boardId: string | null }[];
}

const titles = (page: Page) => page.getByRole('table', { name: 'Sessions' }).locator('tbody tr td:first-child');

/** A session with two boards, a note and an agenda item: enough to see a round trip keep each. */
async function richSession(shell: ServedShell, title: string): Promise<SessionInfo> {
  const session = await shell.call<SessionInfo>('session.create', { title, client: 'Northwind' });
  const wall = await shell.call<{ id: string }>('board.create', { sessionId: session.id, title: 'Signals wall' });
  await shell.call('board.apply', {
    boardId: wall.id,
    ops: [{ type: 'node.add', node: { id: 'n_signal', kind: 'note', position: { x: 40, y: 40 }, size: null, data: { text: 'Buyers ask about the roadmap', category: 'weak-signal', votes: 3 } } }],
  });
  await shell.call('session.setAgenda', {
    sessionId: session.id,
    items: [{ id: 'a_collect', title: 'Collect signals', timeboxMinutes: 20, boardId: wall.id, frameId: null, prompts: ['What did you hear this month?'] }],
  });
  return shell.call<SessionInfo>('session.get', { id: session.id });
}

async function chooseFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('exports a session as a file and imports it back as a second, separate session', async ({ page, shell }) => {
  const original = await richSession(shell, 'Quarterly review');
  await page.goto(shell.url);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Quarterly review' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Quarterly review.groundwork');
  const text = fs.readFileSync((await file.path())!, 'utf8');
  const document = JSON.parse(text) as SessionDocumentInfo;
  expect(document).toMatchObject({ format: 'groundwork', kind: 'session', session: { title: 'Quarterly review' } });
  expect(document.boards).toHaveLength(2);
  expect(document.boards[1].nodes).toHaveLength(1);
  expect(document.agenda).toHaveLength(1);

  await chooseFile(page, file.suggestedFilename(), text);
  await expect(page.getByRole('status').filter({ hasText: 'Imported the session “Quarterly review”' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Quarterly review' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Boards' }).getByRole('tab')).toHaveText(original.boards.map((b) => b.title));

  await page.getByRole('link', { name: '← Sessions' }).click();
  await expect(titles(page)).toHaveText(['Quarterly review', 'Quarterly review']);
  const sessions = await shell.call<SessionInfo[]>('session.list', {});
  expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
  const copy = await shell.call<SessionInfo & { agenda: { boardId: string }[] }>('session.get', { id: sessions.find((s) => s.id !== original.id)!.id });
  expect(copy.boards.map((b) => b.title)).toEqual(original.boards.map((b) => b.title));
  expect(copy.boards.some((b) => original.boards.some((o) => o.id === b.id))).toBe(false);
  // The agenda item follows its board to the board's new id.
  expect(copy.agenda[0].boardId).toBe(copy.boards[1].id);
});

test('a file dropped on the window is imported', async ({ page, shell }) => {
  const original = await richSession(shell, 'Field feedback');
  const exported = await shell.call<SessionDocumentInfo>('session.export', { id: original.id });
  exported.session.title = 'Field feedback, from a colleague';
  await page.goto(shell.url);
  await expect(titles(page)).toHaveText(['Field feedback']);

  const drag = (type: string, text: string) =>
    page.evaluate(
      ([type, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'from-a-colleague.groundwork.json', { type: 'application/json' }));
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [type, text],
    );
  const text = JSON.stringify(exported);
  await drag('dragenter', text);
  await drag('dragover', text);
  await expect(page.getByText('Drop a .groundwork file to import it')).toBeVisible();
  await drag('drop', text);
  await expect(page.getByText('Drop a .groundwork file to import it')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Field feedback, from a colleague' })).toBeVisible();
  await page.getByRole('link', { name: '← Sessions' }).click();
  await expect(titles(page)).toHaveText(['Field feedback, from a colleague', 'Field feedback']);
});

test('a broken file and a file from a newer version are refused with the problem named, and nothing is written', async ({ page, shell }) => {
  const original = await richSession(shell, 'Only this one');
  const text = JSON.stringify(await shell.call<SessionDocumentInfo>('session.export', { id: original.id }));
  await page.goto(shell.url);

  await chooseFile(page, 'cut-short.groundwork', text.slice(0, Math.floor(text.length / 2)));
  const broken = page.getByRole('alert').filter({ hasText: 'cut-short.groundwork' });
  await expect(broken).toContainText('not a Groundwork file');
  await expect(broken).toContainText('JSON');

  const future = { ...(JSON.parse(text) as SessionDocumentInfo), version: 99 };
  await chooseFile(page, 'future.groundwork.json', JSON.stringify(future));
  const newer = page.getByRole('alert').filter({ hasText: 'future.groundwork.json' });
  await expect(newer).toContainText('was not imported');
  await expect(newer).toContainText(/version/i);

  await expect(titles(page)).toHaveText(['Only this one']);
  expect(await shell.call<SessionInfo[]>('session.list', {})).toHaveLength(1);
  expect((await shell.call<unknown[]>('template.list', {})).filter((t) => !(t as { builtIn: boolean }).builtIn)).toHaveLength(0);
});
