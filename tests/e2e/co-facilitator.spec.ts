import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, nodeByName, settled, test, threeFrameSession } from './fixtures';

const LAPTOP = { width: 1366, height: 768 };

/** The frame the audience camera shows: the one whose centre is nearest the screen's centre. */
function frameInView(audience: Page): Promise<string> {
  return audience.evaluate(() => {
    const centre = { x: innerWidth / 2, y: innerHeight / 2 };
    const frames = [...document.querySelectorAll('.react-flow__node-frame')].map((el) => {
      const r = el.getBoundingClientRect();
      return { title: el.textContent ?? '', d: Math.hypot(r.x + r.width / 2 - centre.x, r.y + r.height / 2 - centre.y) };
    });
    return frames.sort((a, b) => a.d - b.d)[0]?.title ?? '';
  });
}

const nodeIdsOn = (page: Page) => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')).sort());

test('a co-facilitator pairs over the room address, edits beside the host, sees the host’s selection and moves the presentation', async ({ page, shell, browser }) => {
  test.setTimeout(180_000);
  const { sessionId, boardId } = await threeFrameSession(shell, 'Account plan with Priya');
  await page.setViewportSize(LAPTOP);
  await page.goto(`${shell.url}#/session/${sessionId}/${boardId}`);
  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await expect.poll(() => frameInView(audience)).toContain('Why we sell');

  // The host opens the room and pairs a second laptop: a QR code, a code and its expiry.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Room…' }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await panel.getByRole('button', { name: 'Open room' }).click();
  await panel.getByRole('button', { name: 'Add a co-facilitator' }).click();
  const card = panel.getByRole('region', { name: 'Pair a co-facilitator' });
  const qr = card.getByRole('img', { name: /QR code to pair a co-facilitator/ });
  await expect(qr).toBeVisible();
  await expect(card).toContainText(/Valid once, until/);
  const pairingUrl = (await qr.getAttribute('aria-label'))!.replace(/^.*: /, '');
  expect(pairingUrl).toMatch(/^http:\/\/127\.0\.0\.2:\d+\/co-facilitator#code=[A-Z2-9]{8}$/);
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/cofac-host-pairing.png' });

  // The second laptop: its own browser, through the room's address only.
  const laptop = await browser.newContext({ viewport: LAPTOP });
  const second = await laptop.newPage();
  const errors: string[] = [];
  second.on('pageerror', (error) => errors.push(error.message));
  await second.goto(pairingUrl);
  await expect(second.getByRole('heading', { name: 'Join as co-facilitator' })).toBeVisible();
  const { violations } = await new AxeBuilder({ page: second }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const code = second.getByLabel('Code');
  const rightCode = await code.inputValue();
  expect(rightCode).toMatch(/^[A-Z2-9]{8}$/);
  await code.fill(rightCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');
  await second.getByLabel('Your name').fill('Priya');
  await second.getByRole('button', { name: 'Join as co-facilitator' }).click();
  await expect(second.getByRole('alert')).toContainText('That code is not one the host made');
  await second.screenshot({ path: '/tmp/cofac-pairing-error.png' });
  await code.fill(rightCode);
  await second.getByRole('button', { name: 'Join as co-facilitator' }).click();
  await expect(second.getByRole('heading', { name: 'Account plan with Priya' })).toBeVisible();
  await expect(second.locator('.react-flow__node')).toHaveCount(6);
  await expect(second.getByRole('button', { name: 'Export…' })).toHaveCount(0);
  await expect(panel.getByRole('listitem').filter({ hasText: 'Priya' })).toContainText('connected');
  await panel.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Hide the room panel' }).click();

  // Both edit at once; both end with what the server holds.
  await Promise.all([page.getByRole('button', { name: 'Add role' }).click(), second.getByRole('button', { name: 'Add text' }).click()]);
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  await expect(second.locator('.react-flow__node')).toHaveCount(8);
  await settled(second, shell, boardId);
  const held = (await settled(page, shell, boardId)).nodes.map((n) => n.id).sort();
  await expect.poll(() => nodeIdsOn(page)).toEqual(held);
  await expect.poll(() => nodeIdsOn(second)).toEqual(held);

  // Each sees the other's selection, outlined with their name.
  await nodeByName(page, 'Note: Why we sell: our answer').click();
  await expect(second.locator('.presence-name', { hasText: 'Host' })).toBeVisible();
  await nodeByName(second, 'Note: How we sell: our answer').click();
  await expect(page.locator('.presence-name', { hasText: 'Priya' })).toBeVisible();
  await second.screenshot({ path: '/tmp/cofac-presence.png' });

  // The co-facilitator drives the presentation: the host's audience window follows.
  await second.keyboard.press('Escape');
  const [ownAudience] = await Promise.all([second.waitForEvent('popup'), second.getByRole('button', { name: 'Present' }).click()]);
  await ownAudience.close();
  // A step the audience window shows in parts takes a Next per part.
  const controls = second.getByRole('region', { name: 'Presenter controls' });
  await expect(controls).toContainText('Step 1 of 3');
  await expect(async () => {
    if (!(await controls.textContent())?.includes('Step 2 of 3')) await controls.getByRole('button', { name: 'Next ▶' }).click();
    await expect(controls).toContainText('Step 2 of 3', { timeout: 2_000 });
  }).toPass();
  await expect.poll(() => frameInView(audience)).toContain('How we sell');
  await expect(page.getByRole('region', { name: 'Presenter controls' })).toContainText('Step 2 of 3');

  // Revoked: the second laptop is back at the pairing page, told why.
  await page.getByRole('button', { name: /^Room: / }).click();
  await panel.getByRole('button', { name: 'Revoke Priya' }).click();
  await expect(second.getByText('The host ended your access')).toBeVisible();
  expect(errors).toEqual([]);
  await laptop.close();
});
