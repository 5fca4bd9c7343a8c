import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { handoutSession } from '../helpers/handout';
import { callOf, edgeLengths, expect, exportBoardSvg, test } from './fixtures';
import { cancelledError, type PdfPrinter } from '../../main/export/printer';
import { startShellWith, type ServedShell } from './server';

async function openExport(page: Page, shell: ServedShell, sessionId: string) {
  await page.goto(`${shell.url}#/session/${sessionId}`);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export…' }).click();
  return page.getByRole('dialog', { name: 'Export' });
}

async function saved(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const file = await download;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('exports the session as a PDF handout from the export dialog: pages, size, every label as text, valid', async ({ page, shell }) => {
  const session = await handoutSession(callOf(shell));
  const dialog = await openExport(page, shell, session.sessionId);
  await dialog.getByRole('radio', { name: 'Letter' }).check();
  await dialog.getByRole('textbox', { name: 'Facilitator' }).fill('Ada Okafor');
  await dialog.getByRole('checkbox', { name: 'Findings' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Top-voted signals' }).uncheck();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = await saved(download);
  expect(pdf.name).toBe('Northwind kickoff.pdf');
  await expect(page.getByRole('status').filter({ hasText: 'Saved the handout as Northwind kickoff.pdf' })).toBeVisible();

  const file = test.info().outputPath('handout.pdf');
  fs.writeFileSync(file, pdf.bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+4\b/);
  expect(info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);
  const words = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const label of [...session.labels, ...session.boardTitles, 'Ada Okafor']) expect(words, label).toContain(label);
  expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');

  // The facilitator's name is remembered for the next handout.
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('dialog', { name: 'Export' }).getByRole('textbox', { name: 'Facilitator' })).toHaveValue('Ada Okafor');
});

test('the print view draws every board with its edges attached, and prints from the browser', async ({ page, shell }) => {
  const session = await handoutSession(callOf(shell));
  await page.goto(`${shell.url}#/session/${session.sessionId}/print?paper=a4&findings=1&signals=1&notes=0`);
  await expect(page.getByText('Ready to print')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Northwind org map' })).toBeVisible();
  const lengths = await edgeLengths(page);
  expect(lengths).toHaveLength(3);
  for (const length of lengths) expect(length).toBeGreaterThan(40);
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();

  // Printed, the page is the handout alone: no toolbar, and no message that happens to be on screen.
  const toasts = page.locator('.toasts');
  expect(await toasts.evaluate((el) => getComputedStyle(el).display)).not.toBe('none');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  expect(await toasts.evaluate((el) => getComputedStyle(el).display)).toBe('none');
});

test('each tile page of a large board draws its own part of the board, and together the tiles hold every node', async ({ page, shell }) => {
  const session = await handoutSession(callOf(shell), { bigBoardRoles: 80 });
  await page.goto(`${shell.url}#/session/${session.sessionId}/print?paper=a4&findings=0&signals=0&notes=0`);
  await expect(page.getByText('Ready to print')).toBeVisible();
  const tiles = page.getByRole('region', { name: /^Whole company: part / });
  const perTile = await tiles.evaluateAll((pages) => pages.map((tile) => [...tile.querySelectorAll('.react-flow__node')].map((node) => node.getAttribute('data-id'))));
  expect(perTile.length).toBeGreaterThan(1);
  for (const ids of perTile) expect(ids.length).toBeGreaterThan(0);
  for (const ids of perTile) expect(ids.length).toBeLessThan(80);
  expect(new Set(perTile.flat()).size).toBe(80);
});

/**
 * A printer that has drawn the first board of four and goes no further until the export is
 * cancelled: the progress stays on screen for as long as the test looks. It tells its progress
 * again and again, as the real one does from what it polls.
 */
function heldPrinter(): PdfPrinter & { cancelled: boolean } {
  const printer = {
    cancelled: false,
    print: (_route: string, { signal, onProgress }: Parameters<PdfPrinter['print']>[1]) =>
      new Promise<Uint8Array>((_, reject) => {
        const timer = setInterval(() => onProgress({ state: 'rendering', done: 1, total: 4 }), 100);
        signal.addEventListener('abort', () => {
          clearInterval(timer);
          printer.cancelled = true;
          reject(cancelledError());
        });
      }),
  };
  return printer;
}

test('shows progress while a handout is drawn, and Cancel stops the printer without a download', async ({ page }) => {
  const printer = heldPrinter();
  const shell = await startShellWith(printer);
  try {
    const session = await handoutSession(callOf(shell));
    let downloads = 0;
    page.on('download', () => downloads++);
    const dialog = await openExport(page, shell, session.sessionId);
    await dialog.getByRole('button', { name: 'Export PDF' }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '1');
    await expect(dialog.getByText('Drawing board 2 of 4…')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog', { name: 'Export' })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Export cancelled: nothing was saved' })).toBeVisible();
    await expect.poll(() => printer.cancelled).toBe(true);
    expect(downloads).toBe(0);
  } finally {
    await shell.stop();
    fs.rmSync(shell.dataDir, { recursive: true, force: true });
  }
});

test('exports the board as a PNG at the scale asked for, not blank, and as an SVG holding the labels', async ({ page, shell }) => {
  const session = await handoutSession(callOf(shell));
  let dialog = await openExport(page, shell, session.sessionId);
  await dialog.getByRole('radio', { name: 'Image of this board' }).check();
  await dialog.getByRole('radio', { name: '1×' }).check();
  const oneX = /(\d+) × (\d+) pixels/.exec((await dialog.getByLabel('Image size').textContent())!)!.slice(1).map(Number);
  await dialog.getByRole('radio', { name: '2×' }).check();
  await expect(dialog.getByLabel('Image size')).toHaveText(`${oneX[0] * 2} × ${oneX[1] * 2} pixels`);
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export image' }).click();
  const png = await saved(download);
  expect(png.name).toBe('Northwind kickoff - Northwind org map@2x.png');
  expect(pngSize(png.bytes)).toEqual({ width: oneX[0] * 2, height: oneX[1] * 2 });

  // Not blank: the picture has ink on it (dark text and lines on the light canvas).
  const spread = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let sum = 0;
    let squares = 0;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
      sum += grey;
      squares += grey * grey;
      if (grey < 80) dark++;
    }
    const n = data.length / 4;
    return { variance: squares / n - (sum / n) ** 2, dark };
  }, png.bytes.toString('base64'));
  expect(spread.variance).toBeGreaterThan(100);
  expect(spread.dark).toBeGreaterThan(500);

  dialog = await openExport(page, shell, session.sessionId);
  await dialog.getByRole('radio', { name: 'Image of this board' }).check();
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export image' }).click();
  const svg = await saved(download);
  expect(svg.name).toBe('Northwind kickoff - Northwind org map.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, text: doc.documentElement.textContent ?? '', edges: doc.querySelectorAll('path.react-flow__edge-path').length };
  }, svg.bytes.toString('utf8'));
  expect(parsed).toMatchObject({ root: 'svg', error: false, edges: 3 });
  for (const name of ['Ingrid Holm', 'Oskar Lind', 'Mira Sand', 'Pavel Kos']) expect(parsed.text).toContain(name);
});

test('exports only the selection when asked, with the edges between the selected nodes', async ({ page, shell }) => {
  const session = await handoutSession(callOf(shell));
  await page.goto(`${shell.url}#/session/${session.sessionId}`);
  await page.getByRole('group', { name: 'Role: Ingrid Holm' }).click();
  await page.getByRole('group', { name: 'Role: Oskar Lind' }).click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: 'Image of this board' }).check();
  await dialog.getByRole('radio', { name: 'The selection' }).check();
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export image' }).click();
  const svg = await saved(download);
  expect(svg.name).toBe('Northwind kickoff - Northwind org map (selection).svg');
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('Ingrid Holm');
  expect(text).toContain('Oskar Lind');
  expect(text).not.toContain('Mira Sand');
  expect(text.match(/react-flow__edge-path/g)).toHaveLength(1);
});

test('an image of a board the canvas culls holds its cards at their real size, even those never on screen', async ({ page, shell }) => {
  const session = await shell.call<{ id: string; title: string; boards: { id: string; title: string }[] }>('session.create', { title: 'Signals' });
  const boardId = session.boards[0].id;
  const note = (i: number, text: string, x: number, y: number) => ({ type: 'node.add', node: { id: `n${i}`, kind: 'note', position: { x, y }, size: null, data: { text, category: 'idea', votes: 0 } } });
  // 24 short notes, and below them, far off, one long note: the lowest card sets the image's height.
  const ops = Array.from({ length: 24 }, (_, i) => note(i, `Signal ${i + 1}`, (i % 6) * 280, Math.floor(i / 6) * 200));
  const long = 'Buyers ask for proof of return before the first meeting, procurement joins earlier with a checklist of its own, and the budget owner wants the whole team in the room before anything is signed. '.repeat(2);
  ops.push(note(24, long, 3000, 3000));
  await shell.call('board.apply', { boardId, ops });
  // Opened at zoom 1 on the short notes: the long one is never drawn.
  await shell.call('board.setViewport', { boardId, viewport: { x: 40, y: 40, zoom: 1 } });
  await page.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(page.locator('.react-flow__node[data-id="n0"]')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="n24"]')).toHaveCount(0);

  const image = await page.evaluate((text) => {
    const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), whole: root.textContent?.includes('the budget owner wants the whole team') };
  }, await exportBoardSvg(page));
  expect(image.whole).toBe(true);
  // The long note as the canvas draws it, in a second window opened on it: the image's height runs from the top notes to its bottom.
  await shell.call('board.setViewport', { boardId, viewport: { x: 40 - 3000, y: 40 - 3000, zoom: 1 } });
  const other = await page.context().newPage();
  await other.goto(`${shell.url}#/session/${session.id}/${boardId}`);
  await expect(other.locator('.react-flow__node[data-id="n24"]')).toBeVisible();
  const drawn = (await other.locator('.react-flow__node[data-id="n24"]').boundingBox())!;
  expect(drawn.height).toBeGreaterThan(200);
  expect(image).toEqual({ width: 3000 + 240 + 2 * 32, height: Math.ceil(3000 + drawn.height + 2 * 32), whole: true });
});
