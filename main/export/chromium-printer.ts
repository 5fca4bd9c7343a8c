import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PRINTER_IDLE_ROUTE } from '../../shared/export/print-options';
import { PRINT_STATUS_ATTRIBUTE } from '../../shared/export/print-status';
import { GroundworkError } from '../../shared/errors';
import { cancelledError, type PdfPrinter } from './printer';
import { waitUntilPrintable } from './print-wait';

const CANDIDATES: Record<string, readonly string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/snap/bin/chromium'],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** The Chromium-based browser the served shell prints with: GROUNDWORK_CHROMIUM or CHROMIUM_PATH first, then the usual places. */
export function findChromium(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (file: string) => boolean = fs.existsSync): string | null {
  const chosen = env.GROUNDWORK_CHROMIUM || env.CHROMIUM_PATH;
  if (chosen) return chosen;
  return (CANDIDATES[platform] ?? []).find(exists) ?? null;
}

/**
 * Chromium's features the printer turns off. Chromium heeds only the last `--disable-features`, so
 * this one replaces Playwright's and keeps what of it matters here.
 */
const DISABLED_FEATURES = [
  // Headless Chromium is the whole browser: each page opens a window whose address bar loads its
  // suggestions popup, a WebUI page in a renderer of its own, some 2 s of CPU an export beside
  // the print view on a two-core laptop.
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  // No calls home.
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'MediaRouter',
  // The print view is on this server over plain HTTP, also at a LAN address.
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
];

/** Quiet and offline: no first-run pages, no calls home (this machine may have no network at all). */
export function chromiumArgs(isRoot: boolean): string[] {
  const args = [
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
  ];
  // Chromium refuses to start its sandbox as root (containers, CI); as any other user it keeps it.
  return isRoot ? ['--no-sandbox', ...args] : args;
}

const STATUS = JSON.stringify(PRINT_STATUS_ATTRIBUTE);
const IDLE = JSON.stringify(PRINTER_IDLE_ROUTE);
/** A page that does not answer within this is not kept, nor used again: its renderer may hang. */
const MOVE_MS = 3000;

/** `moved`, or false once `MOVE_MS` has passed or the page failed. */
const inTime = (moved: Promise<unknown>): Promise<boolean> =>
  Promise.race([moved.then((result) => result === true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), MOVE_MS).unref())]);

/**
 * The print view's status as soon as it differs from `last`, looked at in each frame, or as it is
 * after a second without a change. An expression, not a function: the page's CSP forbids eval.
 */
const statusChange = (page: Page) => (last: unknown) =>
  page.evaluate(`new Promise((resolve) => {
    const until = performance.now() + 1000;
    const look = () => {
      const status = document.documentElement.getAttribute(${STATUS});
      if ((status !== null && status !== ${typeof last === 'string' ? JSON.stringify(last) : 'null'}) || performance.now() > until) resolve(status);
      else requestAnimationFrame(look);
    };
    look();
  })`);

/**
 * How long the browser stays open after an export. A facilitator often exports again within
 * minutes (another paper size, the notes added), and that export starts without a browser launch.
 */
const WARM_MS = 120_000;

/**
 * Sends a page that printed to the app's blank screen, and resolves true once its print view is
 * gone (the status the printer waits on with it), so the next handout's status is the next one read.
 */
const moveToIdle = (page: Page): Promise<boolean> =>
  inTime(
    page.evaluate(
      `new Promise((resolve) => {
        location.hash = ${IDLE};
        const look = () => (document.documentElement.hasAttribute(${STATUS}) ? requestAnimationFrame(look) : resolve(true));
        look();
      })`,
    ),
  );

/**
 * Moves a kept page from the blank screen to the print view at `route`, within the document: true
 * once moved, false when the page is not on the blank screen (or is gone) and cannot be trusted.
 */
const moveFromIdle = (page: Page, route: string): Promise<boolean> =>
  inTime(page.evaluate(`location.hash === ${IDLE} && !document.documentElement.hasAttribute(${STATUS}) && ((location.hash = ${JSON.stringify(route)}), true)`));

/**
 * The served shell's printer: headless Chromium opens the print view on this server, waits for
 * it to say it is ready and prints it. The browser and one context stay open for `warmMs` after
 * the last export, and so does the page of the last export that printed, moved to the app's blank
 * screen: the next export draws its print view there, with the app loaded and its code compiled
 * (the ten-board handout in 1.7 s, not 3.1: bench, export). Exports at the same time each
 * have a page; a failed or cancelled export's page is closed.
 */
export function chromiumPrinter(baseUrl: () => string, executablePath: string | null = findChromium(process.env, process.platform), warmMs = WARM_MS): PdfPrinter {
  let browser: Promise<Browser> | null = null;
  // Kept with the browser: its HTTP cache and compiled scripts let the next print view load sooner.
  let context: Promise<BrowserContext> | null = null;
  let printing = 0;
  let keptPage: Page | null = null;
  /** The last printed page on its way to the blank screen: the next export waits for it, to print there. */
  let keeping: Promise<void> = Promise.resolve();
  let idle: ReturnType<typeof setTimeout> | undefined;

  const launched = (path: string): Promise<Browser> => {
    if (browser) return browser;
    // Loaded on first use: only the served shell prints this way, and the desktop installer leaves
    // playwright-core (14 MB) out.
    const launching: Promise<Browser> = import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: path, headless: true, args: chromiumArgs(process.getuid?.() === 0) }))
      .then(
        (started) => {
          // A browser closed when idle may go after the next export has launched another: that one stays.
          started.on('disconnected', () => {
            if (browser !== launching) return;
            browser = null;
            context = null;
            keptPage = null;
          });
          return started;
        },
        (error: unknown) => {
          if (browser === launching) browser = null;
          throw error;
        },
      );
    browser = launching;
    return launching;
  };
  const warmContext = (path: string): Promise<BrowserContext> => {
    context ??= launched(path).then(
      (started) => started.newContext(),
      (error: unknown) => {
        context = null;
        throw error;
      },
    );
    return context;
  };
  /** The print view at `route`: in the kept page when there is one, else in a new page of the warm context. */
  const openPrintView = async (route: string, path: string, signal: AbortSignal, opened: (page: Page) => void): Promise<Page> => {
    await keeping;
    if (signal.aborted) throw cancelledError();
    const kept = keptPage;
    keptPage = null;
    if (kept) {
      opened(kept);
      if (await moveFromIdle(kept, route)) return kept;
      await kept.close().catch(() => undefined);
    }
    const page = await (await warmContext(path)).newPage();
    opened(page);
    if (signal.aborted) throw cancelledError();
    await page.goto(new URL(route, baseUrl()).href);
    return page;
  };
  /** Keeps a page that printed, unless another is kept by then; the handout it drew is let go. */
  const keep = async (page: Page) => {
    if (!keptPage && (await moveToIdle(page)) && !keptPage) keptPage = page;
    else await page.close().catch(() => undefined);
  };
  const close = async () => {
    clearTimeout(idle);
    const closing = browser;
    browser = null;
    context = null;
    keptPage = null;
    await (await closing?.catch(() => null))?.close().catch(() => undefined);
  };

  return {
    async print(route, { signal, onProgress }) {
      if (!executablePath) {
        throw new GroundworkError('unavailable', 'No Chromium, Chrome or Edge was found to print with: set GROUNDWORK_CHROMIUM to one, or open the print view and use your browser’s Print');
      }
      if (signal.aborted) throw cancelledError();
      clearTimeout(idle);
      printing++;
      let page: Page | null = null;
      let printed = false;
      // Closing the page stops a print however far it got, even a page that hangs.
      const stop = () => void page?.close();
      signal.addEventListener('abort', stop);
      try {
        const view = await openPrintView(route, executablePath, signal, (opened) => (page = opened));
        if (signal.aborted) throw cancelledError();
        await waitUntilPrintable(statusChange(view), { signal, onProgress });
        // The print view's @page rule gives the page its size, margins and footer.
        const pdf = await view.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        printed = !signal.aborted;
        return pdf;
      } catch (error) {
        throw signal.aborted ? cancelledError() : error;
      } finally {
        signal.removeEventListener('abort', stop);
        // The PDF is answered meanwhile: the page lets its handout go in the background.
        if (printed && page) keeping = keep(page);
        else await (page as Page | null)?.close().catch(() => undefined);
        if (--printing === 0) {
          idle = setTimeout(() => void close(), warmMs);
          idle.unref();
        }
      }
    },
    close,
  };
}
