import { describe, expect, it } from 'vitest';
import { DEFAULT_PRINT_OPTIONS, parsePrintQuery, printRoute, PRINTER_IDLE_ROUTE } from '../../../shared/export/print-options';
import { parseRoute, routeHash } from '../../../renderer/state/router';
import { GRID_LABEL_PX, MAX_TILES_A_SIDE, MIN_PRINT_ZOOM, minPrintZoom, pageGeometry, pageRule, planBoard, tileName } from '../../../renderer/print/pages';
import { agendaWithStarts, clockOffset, formatWorkshopDate } from '../../../renderer/print/cover-text';

describe('print options in the print view route', () => {
  it('round-trips every option, a facilitator name with spaces and symbols included', () => {
    const options = { paper: 'letter' as const, facilitator: 'Zoë O’Neil & co?', findings: false, signals: true, notes: true };
    const route = printRoute('s_1', options);
    expect(parseRoute(route)).toEqual({ screen: 'print', sessionId: 's_1', options });
  });

  it('knows the blank screen the printer waits on, and nothing below it', () => {
    expect(parseRoute(PRINTER_IDLE_ROUTE)).toEqual({ screen: 'idle' });
    expect(routeHash({ screen: 'idle' })).toBe(PRINTER_IDLE_ROUTE);
    expect(parseRoute(`${PRINTER_IDLE_ROUTE}/more`)).toEqual({ screen: 'home', creating: false });
  });

  it('falls back to the defaults for a missing or unknown value', () => {
    expect(parsePrintQuery('paper=a3&findings=maybe')).toEqual({ ...DEFAULT_PRINT_OPTIONS, findings: false });
    expect(parsePrintQuery('')).toEqual(DEFAULT_PRINT_OPTIONS);
  });
});

describe('page geometry', () => {
  it('prints landscape: A4 is 297 × 210 mm, Letter 279.4 × 215.9 mm, the board below its title', () => {
    const a4 = pageGeometry('a4');
    expect(a4.page).toEqual({ widthMm: 297, heightMm: 210 });
    expect(a4.board.width).toBeGreaterThan(a4.board.height);
    expect(a4.board.height).toBeLessThan(a4.content.height);
    expect(pageGeometry('letter').page).toEqual({ widthMm: 279.4, heightMm: 215.9 });
  });

  it('puts the title and the page number at the foot of every page, a title with quotes and backslashes kept as written', () => {
    const rule = pageRule(pageGeometry('a4'), 'The "Q3" plan \\ draft\nv2: workshop handout');
    expect(rule).toContain('size: 297mm 210mm; margin: 10mm 10mm 14mm 10mm;');
    expect(rule).toContain('@bottom-left { content: "The \\"Q3\\" plan \\\\ draft v2: workshop handout";');
    expect(rule).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });
});

describe('fitting a board to a page', () => {
  const area = { width: 1000, height: 600 };

  it('centres the board, never enlarging a small one beyond 1×', () => {
    const view = planBoard({ x: 100, y: 100, width: 200, height: 100 }, area).fit;
    expect(view.zoom).toBe(1);
    expect(view.x + (100 + 100) * view.zoom).toBe(500);
    expect(view.y + (100 + 50) * view.zoom).toBe(300);
  });

  it('fits a wide board across the page inside its padding, right of the strata gutter', () => {
    const { fit } = planBoard({ x: 0, y: 0, width: 2000, height: 100 }, area, MIN_PRINT_ZOOM, 40);
    expect(fit.zoom).toBeCloseTo((1000 - 40 - 2 * 12) / 2000, 6);
    expect(fit.x).toBeCloseTo(40 + 12, 0);
    expect(fit.y + 50 * fit.zoom).toBeCloseTo(300, 6);
  });

  it('keeps a board that is legible at the fitted zoom on one page', () => {
    const plan = planBoard({ x: 0, y: 0, width: 1800, height: 1000 }, area);
    expect(plan.fit.zoom).toBeGreaterThanOrEqual(MIN_PRINT_ZOOM);
    expect(plan.tiles).toEqual([]);
  });

  it('tiles a large board so that every tile prints at a legible zoom and together they cover it', () => {
    const bounds = { x: -500, y: 200, width: 6000, height: 2500 };
    const plan = planBoard(bounds, area);
    expect(plan.fit.zoom).toBeLessThan(MIN_PRINT_ZOOM);
    expect(plan.tiles.length).toBe(plan.columns * plan.rows);
    expect(plan.columns).toBeGreaterThan(1);
    for (const tile of plan.tiles) expect(tile.viewport.zoom).toBeGreaterThanOrEqual(MIN_PRINT_ZOOM);
    const left = Math.min(...plan.tiles.map((t) => t.rect.x));
    const right = Math.max(...plan.tiles.map((t) => t.rect.x + t.rect.width));
    const top = Math.min(...plan.tiles.map((t) => t.rect.y));
    const bottom = Math.max(...plan.tiles.map((t) => t.rect.y + t.rect.height));
    expect([left, top, right, bottom]).toEqual([bounds.x, bounds.y, bounds.x + bounds.width, bounds.y + bounds.height]);
    // Neighbours overlap, so a node cut at one page's edge is whole on the next.
    const [a1, a2] = plan.tiles;
    expect(a2.rect.x).toBeLessThan(a1.rect.x + a1.rect.width);
  });

  it('prints an org map of 30 roles on one page with compact cards, where full cards would need tiles', () => {
    const map = { x: 0, y: 720, width: 2800, height: 1160 };
    expect(planBoard(map, area).tiles.length).toBeGreaterThan(0);
    const compact = minPrintZoom(['role', 'role', 'decisionMaker', 'frame', 'text']);
    const plan = planBoard(map, area, compact);
    expect(plan.tiles).toEqual([]);
    // Its names (40 px on a compact card) print at 8 pt or more.
    expect(40 * plan.fit.zoom * 0.75).toBeGreaterThanOrEqual(8);
    expect(minPrintZoom(['role', 'note'])).toBe(MIN_PRINT_ZOOM);
  });

  it('keeps the strata bands’ label gutter free at each page’s left edge', () => {
    const bounds = { x: 0, y: 0, width: 800, height: 300 };
    const plain = planBoard(bounds, area);
    const guttered = planBoard(bounds, area, MIN_PRINT_ZOOM, 200);
    expect(bounds.x * guttered.fit.zoom + guttered.fit.x).toBeGreaterThanOrEqual(200);
    expect((bounds.x + bounds.width) * guttered.fit.zoom + guttered.fit.x).toBeLessThanOrEqual(area.width);
    expect(guttered.fit.zoom).toBeLessThan(plain.fit.zoom);
    const tiled = planBoard({ x: 0, y: 0, width: 6000, height: 2500 }, area, MIN_PRINT_ZOOM, 200);
    for (const tile of tiled.tiles) expect(tile.rect.x * tile.viewport.zoom + tile.viewport.x).toBeGreaterThanOrEqual(200);
  });

  it('keeps a band above and left of a tiled board on its overview for the grid’s labels, off the cards', () => {
    const bounds = { x: -300, y: 50, width: 6000, height: 2500 };
    for (const gutter of [0, 200]) {
      const { fit, tiles } = planBoard(bounds, area, MIN_PRINT_ZOOM, gutter);
      expect(tiles.length).toBeGreaterThan(1);
      expect(bounds.x * fit.zoom + fit.x).toBeGreaterThanOrEqual(gutter + GRID_LABEL_PX);
      expect(bounds.y * fit.zoom + fit.y).toBeGreaterThanOrEqual(GRID_LABEL_PX);
      expect((bounds.x + bounds.width) * fit.zoom + fit.x).toBeLessThanOrEqual(area.width);
      expect((bounds.y + bounds.height) * fit.zoom + fit.y).toBeLessThanOrEqual(area.height);
    }
  });

  it('stops at a fixed number of pages a side for a huge board', () => {
    const plan = planBoard({ x: 0, y: 0, width: 200_000, height: 200_000 }, area);
    expect(plan.columns).toBe(MAX_TILES_A_SIDE);
    expect(plan.rows).toBe(MAX_TILES_A_SIDE);
  });

  it('names tiles by row letter and column number', () => {
    expect(tileName({ row: 0, column: 0 })).toBe('A1');
    expect(tileName({ row: 2, column: 3 })).toBe('C4');
  });
});

describe('the cover', () => {
  it('gives each agenda item its start from the beginning of the workshop', () => {
    const items = [20, 35, 15].map((timeboxMinutes, i) => ({ id: `a${i}`, title: `Item ${i}`, timeboxMinutes, boardId: null, frameId: null, prompts: [] }));
    expect(agendaWithStarts(items).map((i) => clockOffset(i.start))).toEqual(['0:00', '0:20', '0:55']);
  });

  it('writes the workshop day in words, the same in every time zone', () => {
    expect(formatWorkshopDate('2026-11-24')).toBe('24 November 2026');
  });
});
