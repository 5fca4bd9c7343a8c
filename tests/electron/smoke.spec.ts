import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
const SKIP_REASON = 'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); this suite runs where it exists';

/** In plain Node the electron package exports its binary's path, and throws when it was never downloaded. */
function electronIsInstalled(): boolean {
  try {
    createRequire(__filename)('electron');
    return true;
  } catch {
    return false;
  }
}

const installed = electronIsInstalled();
// Playwright loads this file in the runner and again in each worker; workers inherit the runner's
// environment, so the flag keeps the reason to one line of output.
if (!installed && !process.env.GROUNDWORK_ELECTRON_SKIP_LOGGED) {
  process.env.GROUNDWORK_ELECTRON_SKIP_LOGGED = '1';
  console.log(`Electron suite skipped: ${SKIP_REASON}.`);
}
test.skip(!installed, SKIP_REASON);
test.describe.configure({ mode: 'serial' });

let dataDir: string;
test.beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-electron-'));
});
test.afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function launch() {
  const app = await electron.launch({ args: [repoRoot], env: { ...process.env, GROUNDWORK_DATA_DIR: dataDir } });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

test('opens the editor window with only the contract bridge exposed', async () => {
  const { app, page } = await launch();
  try {
    await expect(page).toHaveTitle(/Groundwork/);
    expect(page.url()).toMatch(/^app:\/\/groundwork\//);
    expect(await page.evaluate(() => Object.keys((window as unknown as { groundwork: object }).groundwork).sort())).toEqual(['call', 'onEvent']);
    expect(await page.evaluate(() => [typeof require, typeof process])).toEqual(['undefined', 'undefined']);
  } finally {
    await app.close();
  }
});

test('keeps a session created from the home screen after the app is reopened', async () => {
  const title = 'Leadership offsite';
  const first = await launch();
  try {
    await first.page.getByRole('button', { name: 'New session' }).click();
    await first.page.getByLabel('Title').fill(title);
    await first.page.getByRole('button', { name: 'Create session' }).click();
    await expect(first.page.getByRole('heading', { name: title })).toBeVisible();
  } finally {
    await first.app.close();
  }
  const second = await launch();
  try {
    await expect(second.page.getByRole('link', { name: title })).toBeVisible();
  } finally {
    await second.app.close();
  }
});

test('prints the session as a PDF handout with printToPDF in a hidden window', async () => {
  const { app, page } = await launch();
  try {
    const result = await page.evaluate(async () => {
      const bridge = (window as unknown as { groundwork: { call(method: string, input: unknown): Promise<{ ok: boolean; result?: { id?: string; pdf?: string } }> } }).groundwork;
      const created = await bridge.call('session.create', { title: 'Handout check' });
      const sessionId = created.result!.id!;
      const options = { paper: 'a4', facilitator: 'Ada', findings: true, signals: true, notes: false };
      const printed = await bridge.call('export.pdf', { sessionId, options, jobId: 'electron_pdf' });
      return printed.result?.pdf ?? null;
    });
    expect(result).not.toBeNull();
    const bytes = Buffer.from(result!, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The hidden window is gone once the handout is printed.
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
