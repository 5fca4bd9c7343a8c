import { boardIdOf, createSessionInUi, expect, openPhone, seriousViolations, settled, test } from './fixtures';

interface RoomStatus {
  open: boolean;
  code: string;
  url: string;
  joinUrl: string;
  pending: { id: string; text: string }[];
}

test('three phones join, add notes the facilitator moderates onto the board, and vote live', async ({ page, shell, browser }, testInfo) => {
  // Four browser contexts and two accessibility scans: on a loaded machine this takes minutes.
  test.setTimeout(240_000);
  await createSessionInUi(page, shell, 'Signals from the field');
  const boardId = boardIdOf(page);

  // The facilitator opens the room: a QR code, the code and the address, readable on the projector.
  await page.getByRole('button', { name: 'Room…' }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await panel.getByRole('button', { name: 'Open room' }).click();
  // The click asks main to open the room: wait for it to be open, not for a state already read.
  let status!: RoomStatus;
  await expect.poll(async () => (status = await shell.call<RoomStatus>('room.status', {}))).toMatchObject({ open: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.2:\d+\/$/) });
  await expect(panel.getByRole('img', { name: /QR code to join/ })).toBeVisible();
  await expect(panel.getByText(`${status.code.slice(0, 3)} ${status.code.slice(3)}`)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('facilitator-room-open.png') });
  // Show to the room: the join card fills the audience window on the projector, then comes off.
  const [audience] = await Promise.all([page.waitForEvent('popup'), panel.getByRole('button', { name: 'Show to the room' }).click()]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  const overlay = audience.getByRole('region', { name: 'How to join the room' });
  await expect(overlay.getByRole('img', { name: /QR code/ })).toBeVisible();
  const codeSize = await overlay.locator('.join-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(codeSize).toBeGreaterThan(100);
  await audience.screenshot({ path: testInfo.outputPath('projector-join-overlay.png') });
  await panel.getByRole('button', { name: 'Hide from the room' }).click();
  await expect(overlay).toHaveCount(0);
  await audience.close();

  const errors: string[] = [];
  const names = ['Ana', 'Ben', 'Chloé'];
  const phones = await Promise.all(names.map(() => openPhone(browser, errors)));
  for (const [i, phone] of phones.entries()) {
    await phone.goto(status.joinUrl);
    await expect(phone.getByLabel('Code')).toHaveValue(status.code);
    await phone.getByLabel('Your name').fill(names[i]);
    await phone.getByRole('button', { name: 'Join' }).click();
    await expect(phone.getByRole('heading', { name: 'Signals from the field' })).toBeVisible();
    await expect(phone.getByText('3 of 3 dots left')).toBeVisible();
  }
  await expect(page.getByRole('button', { name: /Room: 3 joined/ })).toBeVisible();
  expect(await seriousViolations(phones[0]), 'participant page').toEqual([]);

  // Each phone adds a note of its own kind; they wait in the facilitator's queue.
  const notes = [
    ['Weak signal', 'Buyers ask about carbon reporting'],
    ['Question', 'Who signs off above the VP?'],
    ['Story', 'A rep lost a deal to a slower vendor'],
  ] as const;
  for (const [i, phone] of phones.entries()) {
    await phone.getByRole('radio', { name: notes[i][0] }).check();
    await phone.getByLabel('Your note').fill(notes[i][1]);
    await phone.getByRole('button', { name: 'Add note' }).click();
    await expect(phone.getByText('waiting')).toBeVisible();
  }
  await phones[0].screenshot({ path: testInfo.outputPath('phone-note-waiting.png') });
  const queue = panel.getByRole('region', { name: /Waiting for you/ });
  await expect(queue.getByRole('listitem')).toHaveCount(3);
  expect(await seriousViolations(page), 'room panel with its queue').toEqual([]);

  // Edit one, reject one, accept the rest: they land on the board in its Inbox frame.
  await queue.getByRole('button', { name: `Edit “${notes[1][1]}”` }).click();
  await queue.getByLabel('Text').fill('Who signs off above the VP of sales?');
  await queue.getByRole('button', { name: 'Save' }).click();
  await queue.getByRole('button', { name: `Reject “${notes[2][1]}”` }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(2);
  await queue.getByRole('button', { name: 'Accept all' }).click();
  await expect(queue.getByRole('listitem')).toHaveCount(0);
  await expect(page.locator('.react-flow__node').filter({ hasText: 'Who signs off above the VP of sales?' })).toBeVisible();
  await expect(page.locator('.react-flow__node').filter({ hasText: notes[0][1] })).toBeVisible();
  await expect(page.locator('.react-flow__node').filter({ hasText: 'Inbox' })).toBeVisible();
  await expect(phones[2].getByText('not taken')).toBeVisible();

  // Every phone sees the board live and places dots; the votes land on the canvas.
  for (const phone of phones) await expect(phone.getByRole('button', { name: `Vote for “${notes[0][1]}”` })).toBeVisible();
  for (const phone of phones) await phone.getByRole('button', { name: `Vote for “${notes[0][1]}”` }).click();
  await phones[1].getByRole('button', { name: 'Vote for “Who signs off above the VP of sales?”' }).click();
  await expect(phones[0].getByText('2 of 3 dots left')).toBeVisible();
  await expect(phones[1].getByText('1 of 3 dots left')).toBeVisible();
  await expect(phones[2].getByLabel('3 dots')).toBeVisible();
  await expect(page.locator('.react-flow__node').filter({ hasText: notes[0][1] }).getByLabel('3 votes')).toBeVisible();
  await phones[1].screenshot({ path: testInfo.outputPath('phone-board-votes.png'), fullPage: true });
  const board = await settled(page, shell, boardId);
  const votes = Object.fromEntries(board.nodes.filter((n) => n.kind === 'note').map((n) => [n.data.text, n.data.votes]));
  expect(votes).toEqual({ [notes[0][1]]: 3, 'Who signs off above the VP of sales?': 1 });

  // With auto-accept, a note goes straight onto the board.
  await panel.getByLabel('Accept incoming notes automatically').check();
  await phones[2].getByLabel('Your note').fill('Slack time is where the ideas come from');
  await phones[2].getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.react-flow__node').filter({ hasText: 'Slack time is where the ideas come from' })).toBeVisible();
  await expect(phones[0].getByText('Slack time is where the ideas come from')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('facilitator-after-votes.png') });

  // Closing the room ends every phone's place in it.
  await panel.getByRole('button', { name: 'Close room' }).click();
  for (const phone of phones) await expect(phone.getByRole('heading', { name: 'The room is closed' })).toBeVisible();
  expect(await shell.call<RoomStatus>('room.status', {})).toMatchObject({ open: false });

  // A phone that joins again while the room is closed hears why at once, never a dead button, and
  // joins with the new code once the facilitator opens the room again.
  const again = phones[0];
  await again.getByRole('button', { name: 'Join again' }).click();
  await again.getByLabel('Code').fill(status.code);
  await again.getByLabel('Your name').fill('Ana');
  await again.getByRole('button', { name: 'Join' }).click();
  await expect(again.getByRole('alert')).toContainText('The room is not open right now');
  await expect(again.getByRole('button', { name: 'Join' })).toBeEnabled();
  await panel.getByRole('button', { name: 'Open room' }).click();
  // The click only asks main to open the room: wait until it has.
  await expect.poll(async () => (await shell.call<RoomStatus>('room.status', {})).open).toBe(true);
  const reopened = await shell.call<RoomStatus>('room.status', {});
  // The room prefers its port, so the address on the phone still leads to it.
  expect(reopened.url).toBe(status.url);
  await expect(again.getByText('Waiting for the room…')).toHaveCount(0);
  await again.getByLabel('Code').fill(reopened.code);
  await again.getByRole('button', { name: 'Join' }).click();
  await expect(again.getByRole('heading', { name: 'Signals from the field' })).toBeVisible();
  expect(errors).toEqual([]);
  await Promise.all(phones.map((p) => p.context().close()));
});

test('a phone slow to start shows the join form and joins: its socket may open before the page listens for it', async ({ shell, browser }) => {
  const session = await shell.call<{ id: string }>('session.create', { title: 'Slow phone' });
  const room = await shell.call<{ code: string; joinUrl: string }>('room.open', { sessionId: session.id, host: '127.0.0.2' });
  const errors: string[] = [];
  const phone = await openPhone(browser, errors);
  // A slow phone: each of React's scheduled tasks (its render, then its effects) waits 300 ms,
  // while the socket made in the first render opens as fast as the network lets it.
  await phone.addInitScript(() => {
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
      setTimeout(() => post.apply(this, args), 300);
    } as MessagePort['postMessage'];
  });
  await phone.goto(room.joinUrl);
  await expect(phone.getByLabel('Code')).toHaveValue(room.code);
  // The page knows its socket is open, though it opened before the page listened: no false
  // "Waiting for the room…", and the join goes through.
  await expect(phone.getByText('Waiting for the room…')).toHaveCount(0);
  await phone.getByLabel('Your name').fill('Ana');
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.getByRole('heading', { name: 'Slow phone' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a phone fetches its board whole once and follows it from the room’s diffs, however often the room changes', async ({ shell, browser }) => {
  const session = await shell.call<{ id: string; boards: { id: string }[] }>('session.create', { title: 'Diffs only' });
  const room = await shell.call<{ code: string; joinUrl: string }>('room.open', { sessionId: session.id, host: '127.0.0.2' });
  await shell.call('room.updateSettings', { settings: { autoAccept: true, inputBoardIds: [session.boards[0].id] } });
  const errors: string[] = [];
  const [reader, writer] = await Promise.all([openPhone(browser, errors), openPhone(browser, errors)]);
  // Counts the whole-board fetches the reader's page sends.
  await reader.addInitScript(() => {
    const send = WebSocket.prototype.send;
    (window as unknown as { boardFetches: number }).boardFetches = 0;
    WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
      if (typeof data === 'string' && JSON.parse(data).method === 'room.board') (window as unknown as { boardFetches: number }).boardFetches++;
      send.call(this, data);
    };
  });
  const fetches = () => reader.evaluate(() => (window as unknown as { boardFetches: number }).boardFetches);
  for (const [phone, name] of [
    [reader, 'Ana'],
    [writer, 'Ben'],
  ] as const) {
    await phone.goto(room.joinUrl);
    await phone.getByLabel('Your name').fill(name);
    await phone.getByRole('button', { name: 'Join' }).click();
    await expect(phone.getByRole('heading', { name: 'Diffs only' })).toBeVisible();
  }
  // Each note changes the room's state (the writer's notes, the room's counts) and the board.
  for (const text of ['First from Ben', 'Second from Ben', 'Third from Ben']) {
    await writer.getByLabel('Your note').fill(text);
    await writer.getByRole('button', { name: 'Add note' }).click();
    await expect(reader.getByText(text)).toBeVisible();
  }
  // A change of settings tells every phone the room changed; the board's diffs go on after it.
  await shell.call('room.updateSettings', { settings: { names: 'shown' } });
  await expect(reader.getByText('Your name will appear beside your notes.')).toBeVisible();
  await writer.getByLabel('Your note').fill('Fourth from Ben');
  await writer.getByRole('button', { name: 'Add note' }).click();
  await expect(reader.getByText('Fourth from Ben')).toBeVisible();
  expect(await fetches()).toBe(1);
  expect(errors).toEqual([]);
  await Promise.all([reader, writer].map((p) => p.context().close()));
});
