import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/export/print-options';
import { startTestServer, type TestServer } from '../helpers/backend';
import { handoutSession, type HandoutSession } from '../helpers/handout';
import { makeTempDir, removeDir } from '../helpers/temp-dir';

/** The built renderer: `npm test` builds it before the tests run. */
const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');

let server: TestServer;
let out: string;
let small: HandoutSession;

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first (npx vite build): the PDF is printed from it');
  server = await startTestServer({ rendererDir: RENDERER_DIR, printer: 'chromium' });
  out = makeTempDir('pdf');
  small = await handoutSession(server.call);
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (out) removeDir(out);
});

async function exportPdf(sessionId: string, options: Partial<typeof DEFAULT_PRINT_OPTIONS> = {}, jobId = `job_${Date.now()}`): Promise<string> {
  const { pdf, bytes } = await server.call('export.pdf', { sessionId, jobId, options: { ...DEFAULT_PRINT_OPTIONS, ...options } });
  const file = path.join(out, `${jobId}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdf, 'base64'));
  expect(fs.statSync(file).size).toBe(bytes);
  // KEEP_PDFS=DIR keeps each handout to look at (pdftoppm -png).
  if (process.env.KEEP_PDFS) fs.copyFileSync(file, path.join(process.env.KEEP_PDFS, path.basename(file)));
  return file;
}

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(pdfinfo(file))![1]);
/** The PDF's text (of pages `first` to `last` when given) with line breaks as spaces: a note's text wraps inside its card. */
const text = (file: string, first?: number, last?: number) =>
  execFileSync('pdftotext', [...(first ? ['-f', String(first), '-l', String(last ?? first)] : []), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const qpdfCheck = (file: string) => execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });

// A real Chromium prints each handout: a few seconds each, several times that on a loaded machine.
describe('the PDF handout, printed by headless Chromium from the served shell', { timeout: 90_000 }, () => {
  it('has a cover and one landscape A4 page per board, every label and board title as text, and passes qpdf --check', async () => {
    const file = await exportPdf(small.sessionId, { findings: false, signals: false, notes: false, facilitator: 'Ada Okafor' });
    expect(pages(file)).toBe(1 + small.boardTitles.length);
    expect(pdfinfo(file)).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts \(A4\)/);
    const words = text(file);
    for (const label of [...small.labels, ...small.boardTitles, 'Northwind kickoff', 'Northwind sales team', '24 November 2026', 'Ada Okafor', 'Draw the org map']) {
      expect(words, label).toContain(label);
    }
    expect(words).toMatch(/Page 1 of 4/);
    expect(qpdfCheck(file)).toContain('No syntax or stream encoding errors');
  });

  it('shows a phone note’s author beside it, and leaves out the notes private mode still hides', async () => {
    const session = await server.call('session.create', { title: 'Private round' });
    const note = (id: string, data: Record<string, unknown>, x: number) => ({
      type: 'node.add' as const,
      node: { id, kind: 'note' as const, position: { x, y: 0 }, size: null, data: { category: 'idea' as const, votes: 0, ...data } as never },
    });
    await server.call('board.apply', {
      boardId: session.boards[0].id,
      ops: [note('n1', { text: 'Shared with the room', author: 'Ana Ruiz' }, 0), note('n2', { text: 'Not revealed yet', author: 'Ben Ode', hidden: true }, 300)],
    });
    const words = text(await exportPdf(session.id, { findings: false, signals: false, notes: true }));
    expect(words).toContain('Shared with the room');
    expect(words.split('Ana Ruiz').length - 1, 'on the board and in the list of notes').toBe(2);
    expect(words).not.toContain('Not revealed yet');
    expect(words).not.toContain('Ben Ode');
  });

  it('prints on Letter when asked, with the appendix pages after the boards', async () => {
    const file = await exportPdf(small.sessionId, { paper: 'letter', findings: true, signals: true, notes: true });
    expect(pdfinfo(file)).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
    expect(pages(file)).toBe(1 + small.boardTitles.length + 3);
    const words = text(file);
    expect(words).toContain('Findings');
    expect(words).toContain('Top-voted signals');
    expect(words).toContain('All notes');
    // The most-voted signal heads its list; the unvoted question only appears among all notes.
    expect(words.indexOf('Buyers ask for monthly pricing')).toBeLessThan(words.indexOf('Rival halved its onboarding time', words.indexOf('Top-voted signals')));
  });

  it('tiles a board too large to read on one page after an overview, every node on some tile', async () => {
    const big = await handoutSession(server.call, { bigBoardRoles: 80 });
    const file = await exportPdf(big.sessionId, { findings: false, signals: false }, 'job_tiled');
    const words = text(file);
    expect(words).toContain('Whole company: overview');
    const tiles = Number(/Whole company: part A1 \(1 of (\d+)\)/.exec(words)?.[1]);
    expect(tiles).toBeGreaterThan(1);
    expect(pages(file)).toBe(1 + 3 + 1 + tiles);
    for (const label of big.labels) expect(words, label).toContain(label);
    // "Staff member 1" is not found inside "Staff member 12".
    const holds = (pageText: string, label: string) => new RegExp(`${label}(?!\\d)`).test(pageText);
    const onTiles = text(file, 6, 5 + tiles);
    for (const label of big.bigBoardLabels) expect(holds(onTiles, label), `${label} on a tile`).toBe(true);
    // Each tile holds its own part of the board, not the whole board behind a clip (tiles overlap a
    // little, so with two tiles the first may hold somewhat more than half).
    const onFirstTile = text(file, 6);
    expect(big.bigBoardLabels.filter((label) => !holds(onFirstTile, label)).length).toBeGreaterThan(big.bigBoardLabels.length / 3);
  });

  it('reports progress board by board and stops when cancelled, printing nothing', async () => {
    const events: { done: number; total: number }[] = [];
    const jobId = 'job_cancelled';
    const stopListening = server.backend.hub.subscribe('test-listener', (name, payload) => {
      if (name !== 'export.progress') return;
      const event = payload as { jobId: string; done: number; total: number };
      if (event.jobId !== jobId) return;
      events.push(event);
      void server.call('export.cancel', { jobId });
    });
    await expect(exportPdf(small.sessionId, {}, jobId)).rejects.toThrow(/cancelled/);
    stopListening();
    expect(events.length).toBeGreaterThan(0);
    expect(events[0].total).toBe(3);
    expect(fs.existsSync(path.join(out, `${jobId}.pdf`))).toBe(false);
    // Nothing is left running: the same id can export again.
    expect(pages(await exportPdf(small.sessionId, { findings: false, signals: false }, jobId))).toBe(4);
  });

  it('refuses an unknown session by name, before starting a browser', async () => {
    await expect(exportPdf('s_missing')).rejects.toThrow(/not_found/);
  });
});

describe('a backend without a printer', () => {
  it('says it cannot print here and where to print instead', async () => {
    const bare = await startTestServer();
    try {
      const session = await bare.call('session.create', { title: 'No printer' });
      await expect(bare.call('export.pdf', { sessionId: session.id, jobId: 'j1', options: DEFAULT_PRINT_OPTIONS })).rejects.toThrow(/print view/);
    } finally {
      await bare.close();
    }
  });
});
