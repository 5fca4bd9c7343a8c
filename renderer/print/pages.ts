import { getViewportForBounds, type Dimensions, type Rect, type Viewport } from '@xyflow/react';
import { PAPER_SIZES, type Paper } from '../../shared/export/print-options';
import type { NodeKind } from '../../shared/model';
import { COMPACT_TEXT_PX, legibleAtNames, type DetailZooms } from '../canvas/nodes/detail';

export type { Rect, Viewport };
/** The board's part of a page (CSS px). */
export type Area = Dimensions;

const PX_PER_MM = 96 / 25.4;
/** Page margins (mm): the printer's footer with the page number sits in the bottom one. */
const MARGIN_MM = { top: 10, right: 10, bottom: 14, left: 10 };
/** The board title above each board page (CSS px). */
const HEADER_PX = 52;
/** Space kept between the board and the page's edges (CSS px). */
const PAD_PX = 12;
/**
 * Below this zoom a node's names (24 px) print under 8 pt and its smallest text (16 px) under
 * 5.4 pt: the board is tiled onto several pages after an overview instead.
 */
export const MIN_PRINT_ZOOM = 0.45;
/** A printed name is never under 8 pt (10.8 px), full card or compact. */
const MIN_NAME_PX = 24 * MIN_PRINT_ZOOM;
/** Cards print in full wherever that is legible; a board that would need tiles for it prints compact cards. */
export const PRINT_DETAIL: DetailZooms = { names: MIN_PRINT_ZOOM, shapes: 0 };

/** The least zoom a board of these kinds of node prints legibly at: role cards and decision-makers can print compact. */
export function minPrintZoom(kinds: Iterable<NodeKind>): number {
  return legibleAtNames(kinds) ? MIN_NAME_PX / COMPACT_TEXT_PX : MIN_PRINT_ZOOM;
}
/** A board so large that more tiles would be needed prints at a smaller zoom, on at most this many pages a side. */
export const MAX_TILES_A_SIDE = 6;
/** The room an overview keeps above and left of a tiled board for its grid's column numbers and row letters (CSS px). */
export const GRID_LABEL_PX = 24;
/** Tiles overlap by this share of their size, so a node cut at one edge is whole on the next page. */
const OVERLAP = 0.04;

/** A landscape page of `paper`: its size in mm and the board area inside the margins and the header, in CSS px. */
export function pageGeometry(paper: Paper) {
  const { width, height } = PAPER_SIZES[paper];
  const page = { widthMm: height, heightMm: width };
  const content = {
    width: (page.widthMm - MARGIN_MM.left - MARGIN_MM.right) * PX_PER_MM,
    height: (page.heightMm - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM,
  };
  return { page, content, board: { width: Math.floor(content.width), height: Math.floor(content.height - HEADER_PX) } };
}

/** A CSS string literal holding `text`. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;

/** The footer's text, 4 px padding setting it where the printers' footer templates had it. */
const FOOTER_STYLE = "font-family: 'DejaVu Sans', sans-serif; font-size: 8px; color: #3d4f5a; padding-top: 4px";

/**
 * The handout's page: its size and margins, and `footer` (the document's title) and the page number
 * at the foot of every page, appendix pages that flow included. Chromium draws these margin boxes
 * itself, in Electron's printToPDF, headless Chromium and a browser's Print alike; a printer's
 * footer template instead lays out a document of its own for each page.
 */
export function pageRule(geometry: Pick<ReturnType<typeof pageGeometry>, 'page'>, footer: string): string {
  const { widthMm, heightMm } = geometry.page;
  return [
    `@page { size: ${widthMm}mm ${heightMm}mm; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;`,
    `  @bottom-left { content: ${cssString(footer)}; ${FOOTER_STYLE}; }`,
    `  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${FOOTER_STYLE}; }`,
    '}',
  ].join('\n');
}

export interface Tile {
  row: number;
  column: number;
  rect: Rect;
  /** The camera that shows `rect` on its page. */
  viewport: Viewport;
}

/**
 * How a board of `bounds` prints on pages of `area`: one fitted page, or, under `minZoom`, an
 * overview and its tiles. `leftGutter` (CSS px) is kept free at each page's left edge, for the
 * strata bands' labels; an overview keeps a band above and left of the board for its grid's
 * labels, which would otherwise cover the cards at the tiles' corners.
 */
export function planBoard(bounds: Rect, page: Area, minZoom = MIN_PRINT_ZOOM, leftGutter = 0): { fit: Viewport; tiles: Tile[]; columns: number; rows: number } {
  const area = { width: page.width - leftGutter, height: page.height };
  // Centred in the area (less `inset` at its top and left), as large as fits inside the padding, never enlarged beyond 1×.
  const fitted = (rect: Rect, inset = 0): Viewport => {
    const size = { width: Math.max(rect.width, 1), height: Math.max(rect.height, 1) };
    const viewport = getViewportForBounds({ ...rect, ...size }, area.width - inset, area.height - inset, 0, 1, `${PAD_PX}px`);
    return { ...viewport, x: viewport.x + leftGutter + inset, y: viewport.y + inset };
  };
  const fit = fitted(bounds);
  if (fit.zoom >= minZoom) return { fit, tiles: [], columns: 1, rows: 1 };
  const usable = { width: area.width - 2 * PAD_PX, height: area.height - 2 * PAD_PX };
  // Each tile grows by its overlaps on both sides: counted in, so every tile stays legible.
  const grown = minZoom * (1 + 2 * OVERLAP);
  const columns = Math.min(MAX_TILES_A_SIDE, Math.ceil((bounds.width * grown) / usable.width));
  const rows = Math.min(MAX_TILES_A_SIDE, Math.ceil((bounds.height * grown) / usable.height));
  const cell = { width: bounds.width / columns, height: bounds.height / rows };
  const tiles: Tile[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const overlapX = columns > 1 ? cell.width * OVERLAP : 0;
      const overlapY = rows > 1 ? cell.height * OVERLAP : 0;
      const left = bounds.x + column * cell.width - (column > 0 ? overlapX : 0);
      const top = bounds.y + row * cell.height - (row > 0 ? overlapY : 0);
      const right = bounds.x + (column + 1) * cell.width + (column < columns - 1 ? overlapX : 0);
      const bottom = bounds.y + (row + 1) * cell.height + (row < rows - 1 ? overlapY : 0);
      const rect = { x: left, y: top, width: right - left, height: bottom - top };
      tiles.push({ row, column, rect, viewport: fitted(rect) });
    }
  }
  return { fit: fitted(bounds, GRID_LABEL_PX), tiles, columns, rows };
}

/** "A" for the first row of tiles. */
export const rowName = (row: number) => String.fromCharCode(65 + row);

/** "A1" for the first row's first tile: the name on the overview and on the tile's own page. */
export function tileName(tile: Pick<Tile, 'row' | 'column'>): string {
  return `${rowName(tile.row)}${tile.column + 1}`;
}
