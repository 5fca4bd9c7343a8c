import type { Page } from '@playwright/test';
import { ownTemplate, setUpLibrary } from '../helpers/library';
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster';
import { expect, test } from './fixtures';
import { startServedShell, type ServedShell } from './server';

let cluster: PgCluster;
let urlOf: (user: string) => string;
test.beforeAll(async () => {
  cluster = await startPgCluster();
  ({ url: urlOf } = await setUpLibrary(cluster, 'firm'));
});
test.afterAll(() => cluster?.destroy());

const card = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

async function openTeam(page: Page, shell: ServedShell): Promise<void> {
  await page.goto(`${shell.url}#/templates`);
  await page.getByRole('button', { name: 'Team', exact: true }).click();
}

test('two trainers share a template through the gallery: publish, use, version 2 available, withdraw offered to its author only, offline', async ({ page, shell: ann }) => {
  test.setTimeout(120_000);
  const own = await ann.call<{ template: { id: string } }>('file.import', { document: ownTemplate('Kick-off', 'Our own opening workshop') });

  // Ann connects from the gallery and publishes her template with a change note.
  await openTeam(page, ann);
  await expect(page.getByText('No team library is set.')).toBeVisible();
  await page.getByRole('button', { name: 'Library settings…' }).click();
  await page.getByLabel('Library address').fill(urlOf('ann'));
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Last synced .* · ann@127\.0\.0\.1:\d+\/firm$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Mine', exact: true }).click();
  await card(page, 'Kick-off').getByRole('button', { name: 'Publish to team library…' }).click();
  await page.getByLabel('Change note').fill('First cut');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published “Kick-off” as version 1.' })).toBeVisible();

  // Ben sees it under Team, finds it by searching, and uses it.
  const ben = await startServedShell();
  const benPage = await page.context().newPage();
  try {
    await ben.call('library.setUrl', { url: urlOf('ben') });
    await openTeam(benPage, ben);
    const kickOff = card(benPage, 'Kick-off');
    await expect(kickOff).toContainText('Version 1');
    await expect(kickOff).toContainText('by ann');
    await expect(kickOff).toContainText('What changed: First cut');
    await benPage.getByRole('searchbox', { name: 'Search templates' }).fill('no such thing');
    await expect(benPage.getByText('No team template matches “no such thing”.')).toBeVisible();
    await benPage.getByRole('searchbox', { name: 'Search templates' }).fill('opening');
    await kickOff.getByRole('button', { name: 'Use template' }).click();
    await expect(benPage).toHaveURL(/#\/session\//);
    await expect(benPage.getByRole('heading', { name: 'Kick-off' })).toBeVisible();

    // Ann publishes version 2; Ben's gallery says so, with the note, and he takes it.
    await ann.call('library.publish', { templateId: own.template.id, note: 'Adds a warm-up' });
    await openTeam(benPage, ben);
    const update = kickOff.getByRole('region', { name: 'Version 2 available for Kick-off' });
    await expect(update).toContainText('Your session “Kick-off” uses version 1.');
    await expect(update).toContainText('Version 2: Adds a warm-up');
    await update.getByRole('button', { name: 'Take version 2' }).click();
    await expect(benPage).toHaveURL(/#\/session\//);
    const status = await ben.call<{ origins: { sessionTitle: string; version: number }[] }>('library.status', {});
    expect(status.origins.map((o) => [o.sessionTitle, o.version])).toEqual([
      ['Kick-off', 2],
      ['Kick-off', 1],
    ]);

    // Withdrawing is Ann's (the database refuses Ben): Ben is not offered it.
    await openTeam(benPage, ben);
    await expect(kickOff.getByRole('button', { name: 'Use template' })).toBeVisible();
    await expect(kickOff.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);

    // With the server down the gallery shows the cached list and says it is offline.
    cluster.stop();
    try {
      await benPage.getByRole('button', { name: 'Sync now' }).click();
      await expect(benPage.getByRole('alert').filter({ hasText: /^Offline: showing the list as last synced\. The team library .* cannot be reached/ })).toBeVisible();
      await expect(kickOff).toContainText('Version 2');
      await expect(benPage.getByRole('status').filter({ hasText: /^Last synced / })).toBeVisible();
    } finally {
      cluster.start();
    }

    await openTeam(page, ann);
    await card(page, 'Kick-off').getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Withdrawn from the team library.' })).toBeVisible();
    await expect(card(page, 'Kick-off')).toHaveCount(0);
  } finally {
    await benPage.close();
    await ben.stop();
  }
});

test('a publish made offline waits and is delivered once the library is back', async ({ page, shell }) => {
  await shell.call('library.setUrl', { url: urlOf('ann') });
  const imported = await shell.call<{ template: { id: string } }>('file.import', { document: ownTemplate('Closing round') });
  cluster.stop();
  try {
    await page.goto(`${shell.url}#/templates`);
    await page.getByRole('button', { name: 'Mine', exact: true }).click();
    await card(page, 'Closing round').getByRole('button', { name: 'Publish to team library…' }).click();
    await page.getByLabel('Change note').fill('First cut');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '“Closing round” will be published when the team library is reachable.' })).toBeVisible();
    await page.getByRole('button', { name: 'Team', exact: true }).click();
    await expect(page.getByText('Waiting to publish when the library is reachable: “Closing round” (First cut).')).toBeVisible();
  } finally {
    cluster.start();
  }
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page, 'Closing round')).toContainText('Version 1');
  await expect(page.getByText(/Waiting to publish/)).toHaveCount(0);
  expect(cluster.psql(`SELECT count(*) FROM groundwork.template_versions WHERE template_id = '${imported.template.id}'`, 'firm').trim()).toBe('1');
});
