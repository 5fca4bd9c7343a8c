import { expect, seriousViolations, test } from './fixtures';

test('every screen has no serious or critical accessibility violations', async ({ page, shell }) => {
  // Seven axe passes over full screens: near a minute on two idle cores, more on a loaded machine.
  test.setTimeout(180_000);
  const templates = await shell.call<{ id: string; name: string }[]>('template.list', {});
  const levels = templates.find((t) => /Levels of work/.test(t.name))!;
  const session = await shell.call<{ id: string }>('session.createFromTemplate', { templateId: levels.id, title: 'Accessible workshop' });

  await page.goto(shell.url);
  await expect(page.getByRole('link', { name: 'Accessible workshop' })).toBeVisible();
  expect(await seriousViolations(page), 'home').toEqual([]);

  await page.goto(`${shell.url}#/templates`);
  await expect(page.getByRole('article')).toHaveCount(5);
  expect(await seriousViolations(page), 'gallery').toEqual([]);

  await page.goto(`${shell.url}#/session/${session.id}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await seriousViolations(page), 'editor').toEqual([]);
  for (const tab of ['Findings', 'Top signals', 'Agenda']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    expect(await seriousViolations(page), `editor, ${tab} tab`).toEqual([]);
  }

  const [audience] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Present' }).click()]);
  await expect(page.getByRole('region', { name: 'Presenter controls' })).toBeVisible();
  expect(await seriousViolations(page), 'presenter').toEqual([]);
  await audience.setViewportSize({ width: 1920, height: 1080 });
  await expect(audience.getByRole('main', { name: 'Audience view' })).toHaveAttribute('aria-busy', 'false');
  expect(await seriousViolations(audience), 'audience').toEqual([]);
});
