import { expect, openPhone, seriousViolations, test } from './fixtures';
import type { ServedShell } from './server';

interface RoomStatus {
  code: string;
  joinUrl: string;
}

const PROJECTOR = { width: 1920, height: 1080 };

/** Three frames in reading order (the steps of the presentation), the first holding a note, and a second board. */
async function workshop(shell: ServedShell) {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Signals from the field' });
  const boardId = session.boards[0].id;
  const frame = (id: string, title: string, x: number) => ({ type: 'node.add', node: { id, kind: 'frame', position: { x, y: 0 }, size: { width: 700, height: 450 }, data: { title } } });
  await shell.call('board.apply', {
    boardId,
    ops: [
      frame('f1', 'Signals', 0),
      frame('f2', 'Patterns', 800),
      frame('f3', 'Inbox', 1600),
      { type: 'node.add', node: { id: 'n1', kind: 'note', position: { x: 40, y: 100 }, size: null, data: { text: 'Budgets move to Q3', category: 'weak-signal', votes: 0 } } },
    ],
  });
  await shell.call('board.create', { sessionId: session.id, title: 'Parking lot' });
  return { sessionId: session.id, boardId };
}

const ANA = 'The buyer fears the audit';
const BEN = 'Procurement owns the shortlist';

test('private mode hides phones’ notes from the room until the reveal, names show beside notes, and phones follow the steps', async ({ page, shell, browser }, testInfo) => {
  test.setTimeout(240_000);
  const { sessionId, boardId } = await workshop(shell);
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  await page.getByRole('button', { name: 'Room…' }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await panel.getByRole('button', { name: 'Open room' }).click();
  await panel.getByLabel('Accept incoming notes automatically').check();
  await panel.getByRole('checkbox', { name: 'Parking lot' }).check();
  await panel.getByRole('checkbox', { name: 'Private mode' }).check();
  await expect(page.getByRole('region', { name: 'Private mode' })).toContainText('Private mode is on');
  const status = await shell.call<RoomStatus>('room.status', {});

  const errors: string[] = [];
  const names = ['Ana', 'Ben', 'Chloé'];
  const phones = await Promise.all(names.map(() => openPhone(browser, errors)));
  for (const [i, phone] of phones.entries()) {
    await phone.goto(status.joinUrl);
    // The join page says what the room does with names before anyone gives theirs.
    await expect(phone.getByText('Your name will appear beside your notes.')).toBeVisible();
    await phone.getByLabel('Your name').fill(names[i]);
    await phone.getByRole('button', { name: 'Join' }).click();
    await expect(phone.getByRole('heading', { name: 'Signals from the field' })).toBeVisible();
    await expect(phone.getByText('Your name will appear beside your notes.')).toBeVisible();
    await expect(phone.getByText(/Private mode: only you and the facilitator see your notes/)).toBeVisible();
  }
  const [ana, ben, chloe] = phones;
  for (const [phone, text] of [
    [ana, ANA],
    [ben, BEN],
  ] as const) {
    await phone.getByLabel('Your note').fill(text);
    await phone.getByRole('button', { name: 'Add note' }).click();
    await expect(phone.getByText('on the board, seen only by you and the facilitator')).toBeVisible();
  }

  // The facilitator sees both, marked hidden from the room, each with its author's name beside it.
  await panel.getByRole('button', { name: 'Hide the room panel' }).click();
  await page.getByRole('button', { name: 'Fit View' }).click();
  const anaOnCanvas = page.locator('.react-flow__node').filter({ hasText: ANA });
  await expect(anaOnCanvas).toContainText('Hidden from the room');
  await expect(anaOnCanvas).toContainText('Ana');
  await expect(page.locator('.react-flow__node').filter({ hasText: BEN })).toContainText('Ben');
  const banner = page.getByRole('region', { name: 'Private mode' });
  await expect(banner).toContainText('2 notes on this board wait for the reveal');
  await page.screenshot({ path: testInfo.outputPath('canvas-hidden-notes.png') });
  expect(await seriousViolations(page), 'canvas with the private-mode banner').toEqual([]);

  // No other phone has them: not in its text, not in an accessible name.
  await expect(chloe.getByText('Budgets move to Q3')).toBeVisible();
  for (const [phone, others] of [
    [ana, [BEN]],
    [ben, [ANA]],
    [chloe, [ANA, BEN]],
  ] as const) {
    for (const text of others) {
      await expect(phone.getByText(text)).toHaveCount(0);
      expect(await phone.locator('body').innerHTML()).not.toContain(text);
    }
  }

  // The projector shows neither, on any step; phones follow the steps, and one tap brings a phone back.
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await audience.setViewportSize(PROJECTOR);
  await expect(audience.getByText('Budgets move to Q3')).toBeVisible();
  await expect(audience.locator('.react-flow__node').filter({ hasText: ANA })).toHaveCount(0);
  await expect(audience.locator('.react-flow__node').filter({ hasText: BEN })).toHaveCount(0);
  for (const phone of phones) await expect(phone.getByRole('region', { name: 'On screen' })).toContainText('On screen: Signals');
  await expect(chloe.getByRole('region', { name: 'Signals' })).toContainText('on screen');
  await chloe.screenshot({ path: testInfo.outputPath('phone-following.png') });

  await ben.getByRole('combobox', { name: 'Board' }).selectOption({ label: 'Parking lot' });
  await expect(ben.getByRole('heading', { name: 'Parking lot' })).toBeVisible();
  const controls = page.getByRole('region', { name: 'Presenter controls' });
  await controls.getByRole('button', { name: 'Next ▶' }).click();
  await expect(controls).toContainText('Step 2 of 4');
  await expect(chloe.getByRole('region', { name: 'On screen' })).toContainText('On screen: Patterns');
  await expect(ben.getByRole('region', { name: 'On screen' })).toContainText('On screen: Patterns');
  // Ben looked around: he stays where he is until he asks to follow.
  await expect(ben.getByRole('heading', { name: 'Parking lot' })).toBeVisible();
  await ben.screenshot({ path: testInfo.outputPath('phone-looking-around.png') });
  expect(await seriousViolations(ben), 'phone looking around').toEqual([]);
  await ben.getByRole('button', { name: 'Follow the facilitator' }).click();
  await expect(ben.getByRole('combobox', { name: 'Board' })).toHaveValue(boardId);
  await expect(ben.getByRole('region', { name: 'On screen' })).toContainText('you are following');
  await expect(ben.getByRole('button', { name: 'Follow the facilitator' })).toHaveCount(0);

  await controls.getByRole('button', { name: 'Next ▶' }).click();
  await expect(controls).toContainText('Step 3 of 4');
  await expect(chloe.getByRole('region', { name: 'On screen' })).toContainText('On screen: Inbox');
  await expect(audience.locator('.react-flow__node').filter({ hasText: ANA })).toHaveCount(0);

  // Reveal: every phone and the projector have both at once, with their authors' names on the projector.
  await banner.getByRole('button', { name: 'Reveal all and end private mode' }).click();
  await expect(banner).toHaveCount(0);
  await expect(anaOnCanvas).not.toContainText('Hidden from the room');
  for (const phone of [ben, chloe]) await expect(phone.getByText(ANA)).toBeVisible();
  await expect(ana.getByText('on the board', { exact: true })).toBeVisible();
  await expect(chloe.getByText(BEN)).toBeVisible();
  await expect(audience.locator('.react-flow__node').filter({ hasText: ANA })).toContainText('Ana');
  await expect(audience.locator('.react-flow__node').filter({ hasText: BEN })).toContainText('Ben');
  await audience.screenshot({ path: testInfo.outputPath('projector-revealed.png') });
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.screenshot({ path: testInfo.outputPath('canvas-names.png') });

  // Anonymous hides the names everywhere (they come back with Shown); phones say so.
  await page.getByRole('button', { name: /^Room: 3 joined/ }).click();
  await panel.getByRole('radio', { name: 'Anonymous' }).check();
  await expect(anaOnCanvas).not.toContainText('Ana');
  await expect(audience.locator('.react-flow__node').filter({ hasText: ANA })).not.toContainText('Ana');
  await expect(chloe.getByText('Your notes are anonymous.')).toBeVisible();

  // Closing the room: every phone says so.
  await panel.getByRole('button', { name: 'Close room' }).click();
  for (const phone of phones) await expect(phone.getByRole('heading', { name: 'The room is closed' })).toBeVisible();
  expect(errors).toEqual([]);
  await Promise.all(phones.map((p) => p.context().close()));
});

test('a setting ticked while main still answers the one before stays ticked', async ({ page, shell }) => {
  const { sessionId, boardId } = await workshop(shell);
  // What main sends this window can be held back, and let go a frame at a time.
  let held: (string | Buffer)[] | null = null;
  let toPage: ((message: string | Buffer) => void) | null = null;
  const settingCalls: number[] = [];
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message)) as { id: number; method: string };
      if (call.method === 'room.updateSettings') settingCalls.push(call.id);
      server.send(message);
    });
    server.onMessage((message) => (held ? held.push(message) : ws.send(message)));
    toPage = (message) => ws.send(message);
  });
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  await page.getByRole('button', { name: 'Room…' }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await panel.getByRole('button', { name: 'Open room' }).click();
  const autoAccept = panel.getByLabel('Accept incoming notes automatically');
  const privateMode = panel.getByRole('checkbox', { name: 'Private mode' });
  await expect(privateMode).not.toBeChecked();

  held = [];
  await autoAccept.check();
  await privateMode.check();
  // Main's answer to the first (auto-accept on, private mode still off) arrives; the second's waits.
  const answersFirst = (m: string | Buffer) => {
    const frame = JSON.parse(String(m)) as { type: string; id?: number };
    return frame.type === 'reply' && frame.id === settingCalls[0];
  };
  await expect.poll(() => held!.some(answersFirst)).toBe(true);
  const firstReply = held.findIndex(answersFirst);
  for (const message of held.splice(0, firstReply + 1)) toPage!(message);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(privateMode).toBeChecked({ timeout: 0 });

  const rest = held;
  held = null;
  for (const message of rest) toPage!(message);
  await expect(page.getByRole('region', { name: 'Private mode' })).toContainText('Private mode is on');
  const status = await shell.call<{ settings: { autoAccept: boolean; privateMode: boolean } }>('room.status', {});
  expect(status.settings).toMatchObject({ autoAccept: true, privateMode: true });
  await expect(autoAccept).toBeChecked();
  await expect(privateMode).toBeChecked();
});
