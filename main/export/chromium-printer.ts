import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { READ_PRINT_STATUS } from '../../shared/export/print-status';
import { GroundworkError } from '../../shared/errors';
import { cancelledError, PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, type PdfPrinter } from './printer';
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

/** Quiet and offline: no first-run pages, no calls home (this machine may have no network at all). */
export function chromiumArgs(isRoot: boolean): string[] {
  const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
  // Chromium refuses to start its sandbox as root (containers, CI); as any other user it keeps it.
  return isRoot ? ['--no-sandbox', ...args] : args;
}

/**
 * The served shell's printer: headless Chromium opens the print view on this server, waits for
 * it to say it is ready and prints it. One browser per export: nothing lingers between exports.
 */
export function chromiumPrinter(baseUrl: () => string, executablePath: string | null = findChromium(process.env, process.platform)): PdfPrinter {
  return {
    async print(route, { signal, onProgress }) {
      if (!executablePath) {
        throw new GroundworkError('unavailable', 'No Chromium, Chrome or Edge was found to print with: set GROUNDWORK_CHROMIUM to one, or open the print view and use your browser’s Print');
      }
      if (signal.aborted) throw cancelledError();
      const browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs(process.getuid?.() === 0) });
      const stop = () => void browser.close();
      signal.addEventListener('abort', stop);
      try {
        const page = await browser.newPage();
        await page.goto(new URL(route, baseUrl()).href);
        await waitUntilPrintable(() => page.evaluate(READ_PRINT_STATUS), { signal, onProgress });
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, headerTemplate: PDF_HEADER_TEMPLATE, footerTemplate: PDF_FOOTER_TEMPLATE, tagged: true, outline: true });
      } catch (error) {
        throw signal.aborted ? cancelledError() : error;
      } finally {
        signal.removeEventListener('abort', stop);
        await browser.close().catch(() => undefined);
      }
    },
  };
}
