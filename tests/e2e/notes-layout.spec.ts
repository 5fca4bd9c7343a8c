import type { Page } from '@playwright/test';
import { NODE_KIND_INFO } from '../../shared/model';
import { noteNode, textNode } from '../helpers/sample';
import { boardIdOf, createSessionInUi, expect, nodeByName, sessionWith, settled, test } from './fixtures';
import { connectPhone, phoneAddress } from '../helpers/participant-client';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of nodes of a kind that overlap on screen, by name. */
async function overlaps(page: Page, selector: string): Promise<string[]> {
  const cards = await page.locator(selector).evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-label') ?? '', box: e.getBoundingClientRect().toJSON() as Box })));
  const found: string[] = [];
  for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) if (overlap(cards[i].box, cards[j].box)) found.push(`${cards[i].name} / ${cards[j].name}`);
  return found;
}

/**
 * Notes that overlap another, and notes not wholly inside the board's one frame, by name: read in
 * one go, so a camera still gliding moves all of them alike.
 */
function notesClearOfEachOtherInFrame(page: Page): Promise<{ overlapping: string[]; outside: string[] }> {
  return page.evaluate(() => {
    const frame = document.querySelector('.react-flow__node-frame')!.getBoundingClientRect();
    const notes = [...document.querySelectorAll('.react-flow__node-note')].map((e) => ({ name: e.getAttribute('aria-label') ?? '', box: e.getBoundingClientRect() }));
    const overlapping: string[] = [];
    for (const [i, a] of notes.entries()) {
      for (const b of notes.slice(i + 1)) {
        if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) overlapping.push(`${a.name} / ${b.name}`);
      }
    }
    const outside = notes.filter(({ box }) => box.left < frame.left || box.top < frame.top || box.right > frame.right || box.bottom > frame.bottom).map((n) => n.name);
    return { overlapping, outside };
  });
}

async function writeNote(page: Page, index: number, text: string): Promise<void> {
  await page.getByRole('group', { name: /^Note:/ }).nth(index).dblclick();
  const editor = page.getByRole('textbox', { name: 'Edit note text' });
  await editor.fill(text);
  await editor.press('Enter');
}

test('Tidy lines up the selected notes in a grid in one undo step; a note whose text grows pushes the ones below it', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Notes wall');
  const boardId = boardIdOf(page);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add note' }).click();
  for (let i = 0; i < 4; i++) await writeNote(page, i, `Signal ${i + 1}`);
  const tidy = page.getByRole('button', { name: 'Tidy' });
  await expect(tidy).toBeDisabled();

  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('Control+a');
  await expect(tidy).toBeEnabled();
  const before = await settled(page, shell, boardId);
  await tidy.click();
  const grid = await expect.poll(async () => (await settled(page, shell, boardId)).revision).toBe(before.revision + 1).then(() => settled(page, shell, boardId));
  // Two columns, two rows: two distinct x and two distinct y.
  expect(new Set(grid.nodes.map((n) => n.position.x)).size).toBe(2);
  expect(new Set(grid.nodes.map((n) => n.position.y)).size).toBe(2);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.screenshot({ path: 'test-results/notes-after-tidy.png' });

  // The note at the top left grows by several lines: the note under it moves down, nothing overlaps.
  const topLeft = grid.nodes.reduce((a, b) => (b.position.y < a.position.y || (b.position.y === a.position.y && b.position.x < a.position.x) ? b : a));
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await nodeByName(page, `Note: ${topLeft.data.text as string}`).dblclick();
  const editor = page.getByRole('textbox', { name: 'Edit note text' });
  await editor.fill('Buyers now ask for proof of return before the first meeting, and procurement joins earlier than it did, with a checklist of its own and a budget owner in the room');
  await editor.press('Enter');
  await expect.poll(() => overlaps(page, '.react-flow__node-note')).toEqual([]);
  const grown = await settled(page, shell, boardId);
  const under = grid.nodes.find((n) => n.id !== topLeft.id && n.position.x === topLeft.position.x)!;
  expect(grown.nodes.find((n) => n.id === under.id)!.position.y).toBeGreaterThan(under.position.y);

  // One undo takes back the text and the push together; one more, the tidy.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.map((n) => [n.data.text, n.position.y])).toEqual(grid.nodes.map((n) => [n.data.text, n.position.y]));
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.map((n) => n.position)).toEqual(before.nodes.map((n) => n.position));
});

test('on a big board, a note drawn at just the size it was expected to have pushes the note under it when its text grows', async ({ page, shell }) => {
  // Enough headings far off that the editor treats the board as big (CULLING_MIN_NODES): its cards
  // arrive with estimated sizes. A short note is drawn at exactly a note's expected size, which
  // React Flow never reports: its first reported size is its editor's.
  const headings = Array.from({ length: 30 }, (_, i) => textNode({ id: `h${i}`, position: { x: 6000 + i * 240, y: 0 }, data: { text: `Heading ${i}`, variant: 'label' } }));
  const upper = noteNode({ id: 'upper', position: { x: 0, y: 0 }, data: { text: 'Budgets', category: 'weak-signal' } });
  const lower = noteNode({ id: 'lower', position: { x: 0, y: 160 }, data: { text: 'Procurement', category: 'weak-signal' } });
  const { boardId, url } = await sessionWith(shell, 'Big wall', [...headings, upper, lower]);
  await shell.call('board.setViewport', { boardId, viewport: { x: 60, y: 60, zoom: 1 } });
  await page.goto(url);
  const upperNote = nodeByName(page, 'Note: Budgets');
  await expect(upperNote).toBeVisible();
  expect(await upperNote.evaluate((e: HTMLElement) => [e.offsetWidth, e.offsetHeight])).toEqual([NODE_KIND_INFO.note.expectedSize.width, NODE_KIND_INFO.note.expectedSize.height]);

  await upperNote.dblclick();
  const editor = page.getByRole('textbox', { name: 'Edit note text' });
  // Taller than the note was, shorter than its editor.
  await editor.fill('Budgets freeze in March for all new deals');
  await editor.press('Enter');
  await expect.poll(() => overlaps(page, '.react-flow__node-note')).toEqual([]);
  const stored = await settled(page, shell, boardId);
  expect(stored.nodes.find((n) => n.id === 'lower')!.position.y).toBeGreaterThan(lower.position.y);
});

test('Group into frame puts the frame behind its notes with its title in view and uncovered', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Frame title');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add note' }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Group into frame' }).click();
  await page.getByLabel('Cluster name').fill('Buying is changing');
  await page.getByRole('button', { name: 'Group', exact: true }).click();
  const title = nodeByName(page, 'Frame: Buying is changing').locator('.frame-title');
  await expect(title).toBeVisible();
  // Measured once the dialog has gone and the new frame has settled where it will stay.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await title.boundingBox());
      const still = now === last;
      last = now;
      return still;
    }, { intervals: [250] })
    .toBe(true);

  // The whole name shows: the frame is wide enough for its tab, even around one column of notes.
  expect(await title.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  const titleBox = (await title.boundingBox())!;
  const notes = await page.locator('.react-flow__node-note').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  expect(notes.filter((n) => overlap(n, titleBox))).toEqual([]);
  // Nothing is drawn over the title: the point at its centre hits the title itself.
  const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.frame-title'), { x: titleBox.x + titleBox.width / 2, y: titleBox.y + titleBox.height / 2 });
  expect(hit).toBe(true);
  // And the frame is behind its notes: a note's centre hits the note.
  const note = notes[0];
  const onNote = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.react-flow__node-note'), { x: note.x + note.width / 2, y: note.y + note.height / 2 });
  expect(onNote).toBe(true);
  await page.screenshot({ path: 'test-results/frame-title.png' });
});

test('Group into frame moves a neighbouring note off the new frame’s title, in the same undo step', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Crowded wall');
  const boardId = boardIdOf(page);
  const note = (id: string, text: string, x: number, y: number) => ({ type: 'node.add', node: { id, kind: 'note', position: { x, y }, size: null, data: { text, category: 'weak-signal', votes: 0 } } });
  // Three notes in a row, and just above the first, one that is not in the cluster.
  await shell.call('board.apply', {
    boardId,
    ops: [note('a', 'Buyers ask for proof', 0, 400), note('b', 'Procurement joins early', 280, 400), note('c', 'Budgets move to IT', 560, 400), note('above', 'A note from before', 0, 220)],
  });
  await expect(page.locator('.react-flow__node-note')).toHaveCount(4);
  await page.getByRole('button', { name: 'Fit View' }).click();
  for (const [i, text] of ['Buyers ask for proof', 'Procurement joins early', 'Budgets move to IT'].entries()) {
    await nodeByName(page, `Note: ${text}`).click({ modifiers: i ? ['Shift'] : [], position: { x: 20, y: 10 } });
  }
  const before = await settled(page, shell, boardId);
  await page.getByRole('button', { name: 'Group into frame' }).click();
  await page.getByLabel('Cluster name').fill('Buying is changing');
  await page.getByRole('button', { name: 'Group', exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fit View' }).click();

  const title = nodeByName(page, 'Frame: Buying is changing').locator('.frame-title');
  const uncovered = async () => {
    const box = (await title.boundingBox())!;
    const notes = await page.locator('.react-flow__node-note').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
    const hit = await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.frame-title'), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    return hit && notes.every((n) => !overlap(n, box));
  };
  await expect.poll(uncovered).toBe(true);
  await page.screenshot({ path: 'test-results/frame-title-neighbour.png' });
  // The cluster stayed where it was; the neighbour moved.
  const grouped = await settled(page, shell, boardId);
  const at = (board: typeof grouped, id: string) => board.nodes.find((n) => n.id === id)!.position;
  for (const id of ['a', 'b', 'c']) expect(at(grouped, id)).toEqual(at(before, id));
  expect(at(grouped, 'above')).not.toEqual(at(before, 'above'));

  // One undo takes the frame and the move back together.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await settled(page, shell, boardId)).nodes.map((n) => [n.id, n.position])).toEqual(before.nodes.map((n) => [n.id, n.position]));
});

test('imports a semicolon-separated CSV file, as spreadsheets save it where the comma is the decimal mark', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Semicolons');
  const boardId = boardIdOf(page);
  const csv = 'Name;Title;Manager;Stratum\r\nHelen Cho;CEO;;V\r\n"Whitfield; Dana";VP Sales, EMEA;Helen Cho;IV\r\nSam Ortiz;Regional manager;Whitfield; Dana;III\r\n';
  await page.getByRole('button', { name: 'Import org chart…' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'org.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const dialog = page.getByRole('dialog', { name: 'Import an org chart' });
  // Sam's row splits "Whitfield; Dana" unquoted into two fields: reported by line, the rest imports.
  await expect(dialog.getByText('Line 4: This row has 5 fields; the header has 4.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Import the 2 valid rows' }).click();
  await expect(page.locator('.react-flow__node-role')).toHaveCount(2);
  const board = await settled(page, shell, boardId);
  expect(board.nodes.map((n) => [n.data.person, n.data.title, n.data.stratum]).sort()).toEqual([
    ['Helen Cho', 'CEO', 5],
    ['Whitfield; Dana', 'VP Sales, EMEA', 4],
  ]);
  expect(board.edges).toHaveLength(1);
});

test('a note added from the toolbar is seen whole where the facilitator is looking; when that is full the view makes room for it', async ({ page, shell }) => {
  await createSessionInUi(page, shell, 'Notes wall');
  /** How many notes lie wholly inside the canvas on screen, and whether the selected (just added) one does. */
  const seen = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const whole = (note: Element) => {
        const r = note.getBoundingClientRect();
        return r.left >= pane.left && r.top >= pane.top && r.right <= pane.right && r.bottom <= pane.bottom;
      };
      const notes = [...document.querySelectorAll('.react-flow__node-note')];
      return { notes: notes.filter(whole).length, added: notes.some((n) => n.classList.contains('selected') && whole(n)) };
    });
  for (let i = 1; i <= 8; i++) {
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.locator('.react-flow__node-note')).toHaveCount(i);
    // The first few fit beside each other, zooming out a little: none of them leaves the screen.
    await expect.poll(seen, { message: `note ${i}` }).toEqual({ notes: i <= 4 ? i : expect.any(Number), added: true });
  }
  expect(await overlaps(page, '.react-flow__node-note')).toEqual([]);
});

test('phones’ notes accepted one at a time stack in the Inbox with their authors’ names, none on another, all inside the frame', async ({ page, shell }, testInfo) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Signals wall' });
  const boardId = session.boards[0].id;
  await shell.call('room.open', { sessionId: session.id });
  await shell.call('room.updateSettings', { settings: { autoAccept: true, names: 'shown', inputBoardIds: [boardId] } });
  const room = await shell.call<{ url: string; code: string }>('room.status', {});
  const names = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli'];
  const phones = await Promise.all(names.map((_, i) => connectPhone(room.url, {}, phoneAddress(i))));
  await Promise.all(phones.map((phone, i) => phone.join(room.code, names[i])));
  const texts = [
    'Budgets move to Q3',
    'Procurement now owns the shortlist, and IT has a veto on anything that touches customer data',
    'Why?',
    'The buyer fears the audit more than the price',
    'Two reps lost deals to a slower vendor with a better onboarding story for finance teams',
  ];
  // Each note is sent once the one before is on the board: every note lands in a commit of its own,
  // placed below the notes already in the Inbox.
  for (let round = 0; round < 3; round++) {
    for (const [i, phone] of phones.entries()) {
      const reply = await phone.call('note.add', { id: `n_${round}_${i}`, boardId, text: texts[(i + round) % texts.length], category: 'idea' });
      expect(reply).toMatchObject({ ok: true, result: { status: 'accepted' } });
    }
  }
  await Promise.all(phones.map((phone) => phone.close()));

  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(page.locator('.react-flow__node-note')).toHaveCount(15);
  await expect(page.locator('.react-flow__node-note').filter({ hasText: 'Chloé' })).toHaveCount(3);
  await settled(page, shell, boardId);
  expect(await notesClearOfEachOtherInFrame(page)).toEqual({ overlapping: [], outside: [] });
  await page.screenshot({ path: testInfo.outputPath('inbox-editor.png') });

  // The projector draws notes larger (24px text): they stay clear of each other and inside the Inbox there too.
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await expect(audience.locator('.react-flow__node-note').filter({ visible: true })).toHaveCount(15);
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
  expect(await notesClearOfEachOtherInFrame(audience)).toEqual({ overlapping: [], outside: [] });
  await audience.screenshot({ path: testInfo.outputPath('inbox-projector.png') });
});
