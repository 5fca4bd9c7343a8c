import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../../main/export/chromium-printer';
import { waitUntilPrintable } from '../../../main/export/print-wait';
import { printWindowOptions } from '../../../main/electron/window-options';
import type { PrintStatus } from '../../../shared/export/print-status';

describe('finding a browser to print with', () => {
  it('takes GROUNDWORK_CHROMIUM, then CHROMIUM_PATH, then the first usual place that exists', () => {
    expect(findChromium({ GROUNDWORK_CHROMIUM: '/opt/chrome', CHROMIUM_PATH: '/x' }, 'linux', () => false)).toBe('/opt/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/x' }, 'linux', () => false)).toBe('/x');
    expect(findChromium({}, 'linux', (f) => f === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, 'win32', (f) => f.endsWith('msedge.exe'))).toMatch(/Edge/);
    expect(findChromium({}, 'linux', () => false)).toBeNull();
  });

  it('keeps Chromium’s sandbox unless running as root, and never calls home', () => {
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(chromiumArgs(false)).toContain('--disable-background-networking');
  });

  it('opens no address-bar popup beside the print view, in one list of features Chromium reads', () => {
    const features = chromiumArgs(false).filter((arg) => arg.startsWith('--disable-features='));
    expect(features).toHaveLength(1);
    expect(features[0].split('=')[1].split(',')).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'OptimizationHints']));
  });
});

describe('waiting for the print view', () => {
  const statuses = (...list: (PrintStatus | null)[]) => {
    let i = 0;
    return () => Promise.resolve(JSON.stringify(list[Math.min(i++, list.length - 1)]));
  };
  const job = (signal = new AbortController().signal) => {
    const seen: string[] = [];
    return { seen, options: { signal, pollMs: 1, onProgress: (s: PrintStatus) => seen.push(`${s.done}/${s.total}`) } };
  };

  it('passes each change of progress on, once, and returns when the view is ready', async () => {
    const { seen, options } = job();
    const read = statuses(null, { state: 'loading', done: 0, total: 0 }, { state: 'rendering', done: 0, total: 3 }, { state: 'rendering', done: 0, total: 3 }, { state: 'rendering', done: 2, total: 3 }, { state: 'ready', done: 3, total: 3 });
    await waitUntilPrintable(read, options);
    expect(seen).toEqual(['0/3', '2/3', '3/3']);
  });

  it('reads again at once when the status changed, and only waits between reads of one that did not', async () => {
    const { seen, options } = job();
    const read = statuses({ state: 'rendering', done: 0, total: 2 }, { state: 'rendering', done: 1, total: 2 }, { state: 'ready', done: 2, total: 2 });
    const started = Date.now();
    await waitUntilPrintable(read, { ...options, pollMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(seen).toEqual(['0/2', '1/2', '2/2']);
  });

  it('fails with the view’s own words when it could not load the session', async () => {
    const { options } = job();
    await expect(waitUntilPrintable(statuses({ state: 'failed', done: 0, total: 0, message: 'No session s_1' }), options)).rejects.toThrow(/could not be made: No session s_1/);
  });

  it('stops when cancelled and when the view hangs', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(waitUntilPrintable(statuses({ state: 'rendering', done: 0, total: 1 }), job(controller.signal).options)).rejects.toThrow(/cancelled/);
    await expect(waitUntilPrintable(statuses({ state: 'rendering', done: 0, total: 1 }), { ...job().options, timeoutMs: 20 })).rejects.toThrow(/not ready after/);
  });
});

describe('Electron’s hidden print window', () => {
  it('is never shown and keeps every security flag of the editor', () => {
    const options = printWindowOptions('/app/preload.js');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ preload: '/app/preload.js', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('is not throttled as a background window, has no DevTools and checks no spelling', () => {
    expect(printWindowOptions('/app/preload.js').webPreferences).toMatchObject({ backgroundThrottling: false, devTools: false, spellcheck: false });
    expect(printWindowOptions('/app/preload.js').paintWhenInitiallyHidden).toBe(true);
  });
});
