import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../main/export/chromium-printer';
import { DEFAULT_PRINT_OPTIONS, printRoute } from '../../shared/export/print-options';
import { startTestServer, type TestServer } from '../helpers/backend';
import { handoutSession } from '../helpers/handout';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const WARM_MS = 1_500;
/** Long enough that the browser, and the page it keeps, stay open between a test's exports on a loaded machine. */
const KEPT_MS = 60_000;

/** The Chromium browsers this test process started (each export's pages run in the browser's children). */
function browsersStarted(): number {
  let count = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').trim();
      const [, comm, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat)!;
      if (/chrom/i.test(comm) && Number(rest.split(' ')[1]) === process.pid) count++;
    } catch {
      // The process ended while we looked.
    }
  }
  return count;
}

/** Command lines of the processes under the browsers this test process started. */
function browserProcesses(): string[] {
  const parentOf = new Map<number, number>();
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const descends = (pid: number): boolean => pid > 1 && (parentOf.get(pid) === process.pid || descends(parentOf.get(pid) ?? 0));
  return [...parentOf.keys()].filter(descends).map((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  });
}

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString() === '%PDF-';
/** A PDF's text, its line breaks as spaces. */
const pdfText = (bytes: Uint8Array) => execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
const job = () => ({ paper: 'a4' as const, signal: new AbortController().signal, onProgress: () => undefined });

let server: TestServer;
let sessionId: string;
let route: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first (npx vite build): the PDF is printed from it');
  server = await startTestServer({ rendererDir: RENDERER_DIR });
  sessionId = (await handoutSession(server.call)).sessionId;
  route = printRoute(sessionId, DEFAULT_PRINT_OPTIONS);
}, 60_000);
afterAll(() => server?.close());

describe('the served shell’s printer between exports', () => {
  it('prints again with the browser it kept open, closes it once idle, and starts another when asked', async () => {
    const printer = chromiumPrinter(() => server.url, undefined, WARM_MS);
    expect(browsersStarted()).toBe(0);

    expect(isPdf(await printer.print(route, job()))).toBe(true);
    expect(browsersStarted()).toBe(1);
    expect(isPdf(await printer.print(route, job()))).toBe(true);
    expect(browsersStarted()).toBe(1);

    await expect.poll(browsersStarted, { timeout: WARM_MS + 5_000 }).toBe(0);
    expect(isPdf(await printer.print(route, job()))).toBe(true);
    await printer.close?.();
    await expect.poll(browsersStarted, { timeout: 5_000 }).toBe(0);
  }, 60_000);

  it('runs no renderer for the browser’s own address bar beside the print view', async () => {
    const printer = chromiumPrinter(() => server.url, undefined, WARM_MS);
    expect(isPdf(await printer.print(route, { paper: 'a4', signal: new AbortController().signal, onProgress: () => undefined }))).toBe(true);
    const processes = browserProcesses();
    expect(processes.filter((cmdline) => cmdline.includes('--type=renderer')).length).toBeGreaterThan(0);
    expect(processes.filter((cmdline) => cmdline.includes('--top-chrome-webui'))).toEqual([]);
    await printer.close?.();
  }, 60_000);

  it('a cancelled export leaves the kept browser able to print the next one', async () => {
    const printer = chromiumPrinter(() => server.url, undefined, KEPT_MS);
    // The export before printed: the cancelled one runs in the page it kept.
    expect(isPdf(await printer.print(route, job()))).toBe(true);
    const cancel = new AbortController();
    const cancelled = printer.print(route, { paper: 'a4', signal: cancel.signal, onProgress: () => cancel.abort() });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    expect(isPdf(await printer.print(route, { paper: 'a4', signal: new AbortController().signal, onProgress: () => undefined }))).toBe(true);
    await printer.close?.();
  }, 60_000);

  it('prints the session as it is at each export, the same handout asked for again included, all in one page', async () => {
    const printer = chromiumPrinter(() => server.url, undefined, KEPT_MS);
    const [orgMap] = (await server.call('session.get', { id: sessionId })).boards;
    // Each load of the app asks main for its status once: the kept page loads it only the first time.
    let appLoads = 0;
    const dispatch = server.backend.dispatch;
    server.backend.dispatch = (method, input, ctx) => {
      if (method === 'app.status') appLoads++;
      return dispatch(method, input, ctx);
    };
    try {
      await server.call('board.rename', { id: orgMap.id, title: 'Northwind org map' });
      expect(pdfText(await printer.print(route, job()))).toContain('Northwind org map');

      await server.call('board.rename', { id: orgMap.id, title: 'Org map after the break' });
      const again = pdfText(await printer.print(route, job()));
      expect(again).toContain('Org map after the break');
      expect(again).not.toContain('Northwind org map');

      const letter = printRoute(sessionId, { ...DEFAULT_PRINT_OPTIONS, paper: 'letter', facilitator: 'Ada Okafor' });
      const third = await printer.print(letter, job());
      expect(pdfText(third)).toContain('Ada Okafor');
      expect(execFileSync('pdfinfo', ['-'], { input: third, encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
      expect(appLoads).toBe(1);
    } finally {
      server.backend.dispatch = dispatch;
      await server.call('board.rename', { id: orgMap.id, title: 'Northwind org map' });
      await printer.close?.();
    }
  }, 90_000);

  it('prints exports asked for at the same time each with its own session', async () => {
    const printer = chromiumPrinter(() => server.url, undefined, KEPT_MS);
    const other = await server.call('session.create', { title: 'Harbour offsite' });
    const otherRoute = printRoute(other.id, DEFAULT_PRINT_OPTIONS);
    expect(pdfText(await printer.print(route, job()))).toContain('Northwind kickoff');
    const [first, second] = await Promise.all([printer.print(otherRoute, job()), printer.print(route, job())]);
    expect(pdfText(first)).toContain('Harbour offsite');
    expect(pdfText(first)).not.toContain('Northwind kickoff');
    expect(pdfText(second)).toContain('Northwind kickoff');
    expect(pdfText(await printer.print(otherRoute, job()))).toContain('Harbour offsite');
    await printer.close?.();
  }, 90_000);
});
