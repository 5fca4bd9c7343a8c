import { expect, test } from './fixtures';

test('an error while rendering shows a recoverable screen, and Try again brings the app back', async ({ page, shell }) => {
  await shell.call('session.create', { title: 'Survives a crash' });
  // Break date formatting inside the page until the test heals it: the home list throws while rendering.
  await page.addInitScript(() => {
    const original = Object.getOwnPropertyDescriptor(Intl.DateTimeFormat.prototype, 'format')!;
    Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', {
      configurable: true,
      get() {
        if ((window as unknown as { broken?: boolean }).broken !== false) return () => { throw new Error('date formatting failed'); };
        return original.get!.call(this);
      },
    });
  });
  // React reports the caught render error on the console, as it should: here that is expected,
  // so this test swaps the fixture's console check for one on uncaught page errors only.
  const errors: string[] = [];
  page.removeAllListeners('console');
  page.removeAllListeners('pageerror');
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(shell.url);
  await expect(page.getByRole('alert')).toContainText('Something went wrong on this screen');
  await expect(page.getByRole('alert')).toContainText('date formatting failed');

  await page.evaluate(() => ((window as unknown as { broken?: boolean }).broken = false));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'Survives a crash' })).toBeVisible();
  expect(errors).toEqual([]);
});
