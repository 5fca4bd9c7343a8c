import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { newId } from '../../shared/model';
import { noteNode } from '../helpers/sample';
import { boardIdOf, createSessionInUi, expect, openPhone, seriousViolations, test } from './fixtures';

const SHOTS = process.env.VOTING_SHOTS ?? '';

/**
 * Every count a person could read or hear on the page: its text and its accessible names, less
 * what is no count of dots on a note (the rules, a phone's own dots left, how many have voted).
 */
async function countsOnPage(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const labels = [...document.querySelectorAll('[aria-label], [title]')].map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`);
    return [document.body.innerText, ...labels].join('\n');
  });
  const allowed = [/\d+ of \d+ (dots left|people have voted|have voted|have answered)/g, /at most \d+ dots? on one note/gi, /\d+ dots? each/g, /\d+ dots placed/g];
  const rest = allowed.reduce((t, pattern) => t.replace(pattern, ''), text);
  return rest.match(/\b\d+ (votes?|dots?)\b/gi) ?? [];
}

test('a timed vote shows no count anywhere until it ends, then the ranking on the projector and in the handout; a poll’s chart', async ({ page, shell, browser }) => {
  test.setTimeout(300_000);
  await createSessionInUi(page, shell, 'What we heard');
  const boardId = boardIdOf(page);
  const sessionId = /#\/session\/([^/]+)/.exec(page.url())![1];
  const texts = ['Pricing is unclear', 'Approvals take weeks', 'Buyers change often'];
  // Votes from earlier free voting on one note: hidden too while the vote runs, replaced at the end.
  const notes = texts.map((text, i) => noteNode({ position: { x: i * 260, y: 0 }, data: { text, votes: i === 0 ? 5 : 0 } }));
  await shell.call('board.apply', { boardId, ops: notes.map((node) => ({ type: 'node.add', node })) });
  await expect(page.locator('.react-flow__node').filter({ hasText: texts[0] }).getByLabel('5 votes')).toBeVisible();

  await page.getByRole('button', { name: 'Room…' }).click();
  const panel = page.getByRole('complementary', { name: 'Room' });
  await panel.getByRole('button', { name: 'Open room' }).click();
  const [audience] = await Promise.all([page.waitForEvent('popup'), panel.getByRole('button', { name: 'Show to the room' }).click()]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await panel.getByRole('button', { name: 'Hide from the room' }).click();
  const room = await shell.call<{ joinUrl: string; code: string }>('room.status', {});

  const errors: string[] = [];
  const names = ['Ana', 'Ben', 'Chloé'];
  const phones = await Promise.all(names.map(() => openPhone(browser, errors)));
  for (const [i, phone] of phones.entries()) {
    await phone.goto(room.joinUrl);
    await phone.getByLabel('Your name').fill(names[i]);
    await phone.getByRole('button', { name: 'Join' }).click();
    await expect(phone.getByRole('heading', { name: 'What we heard' })).toBeVisible();
  }

  // A timed vote: 2 dots each, both may go on one note.
  const voteForm = panel.getByRole('form', { name: 'Start a vote' });
  await voteForm.getByLabel('Dots per person').fill('2');
  await voteForm.getByLabel('Most dots on one note').fill('2');
  await voteForm.getByLabel(/Time limit/).fill('0.5');
  await voteForm.getByRole('button', { name: 'Start the vote' }).click();
  await expect(panel.getByText('0 of 3 people have voted')).toBeVisible();
  const onScreen = audience.getByRole('region', { name: 'Vote' });
  await expect(onScreen.getByRole('timer')).toBeVisible();

  const add = (phone: Page, text: string) => phone.getByRole('button', { name: `Add a dot to ‘${text}’` }).click();
  for (const phone of phones) await expect(phone.getByRole('timer')).toBeVisible();
  await add(phones[0], texts[2]);
  await add(phones[0], texts[2]);
  await expect(phones[0].getByText('0 of 2 dots left')).toBeVisible();
  await expect(phones[0].getByRole('button', { name: `Add a dot to ‘${texts[1]}’` })).toBeDisabled();
  await add(phones[1], texts[2]);
  await add(phones[1], texts[1]);
  await add(phones[2], texts[1]);
  await add(phones[2], texts[0]);
  for (const phone of phones) await expect(phone.getByText('0 of 2 dots left')).toBeVisible();
  await expect(panel.getByText('3 of 3 people have voted')).toBeVisible();
  await expect(onScreen.getByText('3 of 3 have voted')).toBeVisible();
  if (SHOTS) {
    await phones[1].screenshot({ path: `${SHOTS}-phone-voting.png` });
    await audience.screenshot({ path: `${SHOTS}-projector-running.png` });
  }

  // Until the vote ends, no count of dots or votes on a note anywhere: text or accessible names.
  for (const shown of [page, audience, ...phones]) expect(await countsOnPage(shown)).toEqual([]);
  await expect(page.locator('.react-flow__node .vote-count')).toHaveCount(0);
  expect(await seriousViolations(phones[0]), 'phone voting').toEqual([]);
  expect(await seriousViolations(page), 'room panel with a vote running').toEqual([]);

  // Main's clock ends it: the projector's tally builds up, ranked, ties by text.
  const results = audience.getByRole('region', { name: 'Vote results' });
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(results.getByRole('listitem')).toHaveText([/Buyers change often\s*3 dots/, /Approvals take weeks\s*2 dots/, /Pricing is unclear\s*1 dot/]);
  await expect(page.locator('.react-flow__node').filter({ hasText: texts[2] }).getByLabel('3 votes')).toBeVisible();
  await expect(page.locator('.react-flow__node').filter({ hasText: texts[0] }).getByLabel('1 vote')).toBeVisible();
  await expect(panel.getByRole('list', { name: 'Results of the vote on Board 1' }).getByRole('listitem')).toHaveCount(3);
  const arrival = () => results.getByRole('listitem').first().evaluate((li) => getComputedStyle(li).animationName);
  expect(await arrival()).toBe('voting-arrive');
  // Asked for less motion, the ranking is there at once.
  await audience.emulateMedia({ reducedMotion: 'reduce' });
  expect(await arrival()).toBe('none');
  if (SHOTS) {
    await audience.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await audience.screenshot({ path: `${SHOTS}-projector-tally.png` });
  }

  // A poll on the levels of work; answers can change until it closes.
  const pollForm = panel.getByRole('form', { name: 'Ask a poll' });
  await pollForm.getByLabel('Question').fill('Which stratum is the buyer you meet most?');
  await pollForm.getByRole('button', { name: 'Strata I to VIII' }).click();
  await pollForm.getByRole('button', { name: 'Ask the room' }).click();
  await expect(audience.getByRole('region', { name: 'Poll' }).getByRole('heading', { name: 'Which stratum is the buyer you meet most?' })).toBeVisible();
  const answer = (phone: Page, choice: string) => phone.getByRole('radio', { name: choice, exact: true }).check();
  await answer(phones[0], 'III');
  await answer(phones[0], 'IV');
  await answer(phones[1], 'IV');
  await answer(phones[2], 'VI');
  await expect(panel.getByText('3 of 3 have answered')).toBeVisible();
  if (SHOTS) {
    await phones[0].screenshot({ path: `${SHOTS}-phone-poll.png` });
    await audience.screenshot({ path: `${SHOTS}-projector-poll-open.png` });
  }
  await panel.getByRole('button', { name: 'Close and show results' }).click();
  const chart = audience.getByRole('list', { name: 'Answers' });
  await expect(chart.getByRole('listitem')).toHaveText(['I0', 'II0', 'III0', 'IV2', 'V0', 'VI1', 'VII0', 'VIII0']);
  if (SHOTS) {
    await audience.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await audience.screenshot({ path: `${SHOTS}-projector-poll.png` });
  }

  // The handout lists the vote's ranking and the poll's answers.
  const { pdf } = await shell.call<{ pdf: string }>('export.pdf', {
    sessionId,
    jobId: newId('job'),
    options: { paper: 'a4', facilitator: '', findings: false, signals: true, notes: false },
  });
  const file = test.info().outputPath('handout.pdf');
  fs.writeFileSync(file, Buffer.from(pdf, 'base64'));
  const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(words).toMatch(/1\. Buyers change often \(3 dots\) 2\. Approvals take weeks \(2 dots\) 3\. Pricing is unclear \(1 dot\)/);
  expect(words).toContain('Poll: Which stratum is the buyer you meet most?');
  expect(errors).toEqual([]);
  await Promise.all(phones.map((p) => p.context().close()));
});
