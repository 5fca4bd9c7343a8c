import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '../../main/export/chromium-printer';
import { DEFAULT_PRINT_OPTIONS, printRoute } from '../../shared/export/print-options';
import { startTestServer, type TestServer } from '../helpers/backend';
import { handoutSession } from '../helpers/handout';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const WARM_MS = 1_500;

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

let server: TestServer;
let route: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first (npx vite build): the PDF is printed from it');
  server = await startTestServer({ rendererDir: RENDERER_DIR });
  route = printRoute((await handoutSession(server.call)).sessionId, DEFAULT_PRINT_OPTIONS);
}, 60_000);
afterAll(() => server?.close());

describe('the served shell’s printer between exports', () => {
  it('prints again with the browser it kept open, closes it once idle, and starts another when asked', async () => {
    const printer = chromiumPrinter(() => server.url, undefined, WARM_MS);
    const job = () => ({ paper: 'a4' as const, signal: new AbortController().signal, onProgress: () => undefined });
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
    const printer = chromiumPrinter(() => server.url, undefined, WARM_MS);
    const cancel = new AbortController();
    const cancelled = printer.print(route, { paper: 'a4', signal: cancel.signal, onProgress: () => cancel.abort() });
    await expect(cancelled).rejects.toThrow(/cancelled/);
    expect(isPdf(await printer.print(route, { paper: 'a4', signal: new AbortController().signal, onProgress: () => undefined }))).toBe(true);
    await printer.close?.();
  }, 60_000);
});
