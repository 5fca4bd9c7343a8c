import { MAX_PARTS, type NodeKind, type StepFit, type Viewport } from '../../shared/model';
import { COMPACT_TEXT_PX, legibleAtNames, type DetailZooms } from '../canvas/nodes/detail';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest text the projector theme renders at zoom 1 (nodes.css under .projector). */
export const SMALLEST_PROJECTOR_FONT_PX = 20;
/** Nothing on the projector is smaller than this, read from the back of the room. */
export const MIN_LEGIBLE_PX = 24;
/** Where every card's details are legible; below it the cards draw compact (detail.ts). */
const DETAILED_ZOOM = MIN_LEGIBLE_PX / SMALLEST_PROJECTOR_FONT_PX;
/** The projector never draws bare shapes: the camera keeps its text legible instead. */
export const PROJECTOR_DETAIL: DetailZooms = { names: DETAILED_ZOOM, shapes: 0 };
const MAX_ZOOM = 2.5;
const PADDING = 0.05;

/**
 * The least zoom at which a step of these kinds of node stays legible: an org map or a buying
 * centre can draw its cards compact, name and stratum in large type; other nodes need their full text.
 */
export function legibleZoom(kinds: Iterable<NodeKind>): number {
  return legibleAtNames(kinds) ? MIN_LEGIBLE_PX / COMPACT_TEXT_PX : DETAILED_ZOOM;
}

/**
 * The camera for a step. `auto` shows the step whole when it fits at `minZoom` or above, else
 * in `parts` (row by row, `part` choosing which) at `minZoom`; `parts` splits it at the zoom where
 * every card is drawn in full; `whole` fits it to the screen whatever the size of its text.
 * `screen.left` is kept free at the screen's left edge (the strata bands' labels). Given the
 * step's `cards`, a part is left out unless its view holds the centre of a card no part before it
 * showed whole: the room would see an empty corner of a frame, or the cards it has just seen
 * again, a little higher (the first part stays, it carries the frame's title). `partOf` tells
 * which part shows a card: the first that shows it whole, else the first whose view holds its
 * centre, else the nearest. A step never takes more than MAX_PARTS parts.
 */
export function cameraFor(
  bounds: Rect,
  { width, height, left: inset = 0 }: { width: number; height: number; left?: number },
  part: number,
  minZoom: number,
  fit: StepFit = 'auto',
  cards?: readonly Rect[],
): { viewport: Viewport; parts: number; partOf(card: Rect): number } {
  // A kept inset stands for the padding on its side.
  const padLeft = inset > 0 ? inset : width * PADDING;
  const usableWidth = width - padLeft - width * PADDING;
  const usableHeight = height * (1 - 2 * PADDING);
  const fitted = Math.min(usableWidth / Math.max(bounds.width, 1), usableHeight / Math.max(bounds.height, 1), MAX_ZOOM);
  const grid = (zoom: number) => {
    const [viewWidth, viewHeight] = [usableWidth / zoom, usableHeight / zoom];
    return { zoom, viewWidth, viewHeight, columns: Math.max(1, Math.ceil(bounds.width / viewWidth - 0.01)), rows: Math.max(1, Math.ceil(bounds.height / viewHeight - 0.01)) };
  };
  let at = grid(fit === 'whole' ? fitted : Math.max(fitted, fit === 'parts' ? Math.max(minZoom, DETAILED_ZOOM) : minZoom));
  // A board so large it would take more parts than a presentation counts is shown further out.
  while (at.columns * at.rows > MAX_PARTS) at = grid(at.zoom * 0.9);
  const { zoom, viewWidth, viewHeight, columns, rows } = at;
  // The last column and row align with the far edge, so no part shows empty space beyond it.
  const leftOf = (column: number) => (columns === 1 ? bounds.x + bounds.width / 2 - viewWidth / 2 : Math.min(bounds.x + column * viewWidth, bounds.x + bounds.width - viewWidth));
  const topOf = (row: number) => (rows === 1 ? bounds.y + bounds.height / 2 - viewHeight / 2 : Math.min(bounds.y + row * viewHeight, bounds.y + bounds.height - viewHeight));
  const viewOf = (cell: number) => ({ x: leftOf(cell % columns), y: topOf(Math.floor(cell / columns)) });
  const centre = (c: Rect) => ({ x: c.x + c.width / 2, y: c.y + c.height / 2 });
  const holds = (cell: number, c: Rect) => {
    const [view, at] = [viewOf(cell), centre(c)];
    return at.x >= view.x && at.x < view.x + viewWidth && at.y >= view.y && at.y < view.y + viewHeight;
  };
  const whollyIn = (cell: number, c: Rect) => {
    const view = viewOf(cell);
    return c.x >= view.x && c.y >= view.y && c.x + c.width <= view.x + viewWidth && c.y + c.height <= view.y + viewHeight;
  };
  const cells: number[] = [];
  const shownWhole = new Set<Rect>();
  for (let cell = 0; cell < columns * rows; cell++) {
    // A part earns its press with a card the parts before it have not shown whole.
    if (cards && cell > 0 && !cards.some((c) => !shownWhole.has(c) && holds(cell, c))) continue;
    cells.push(cell);
    for (const c of cards ?? []) if (whollyIn(cell, c)) shownWhole.add(c);
  }
  const parts = cells.length;
  const { x: left, y: top } = viewOf(cells[Math.min(Math.max(part, 0), parts - 1)]);
  const partOf = (card: Rect) => {
    const whole = cells.findIndex((cell) => whollyIn(cell, card));
    if (whole >= 0) return whole;
    const holding = cells.findIndex((cell) => holds(cell, card));
    if (holding >= 0) return holding;
    const at = centre(card);
    const distance = (cell: number) => {
      const view = viewOf(cell);
      return Math.hypot(view.x + viewWidth / 2 - at.x, view.y + viewHeight / 2 - at.y);
    };
    return cells.reduce((best, cell, i) => (distance(cell) < distance(cells[best]) ? i : best), 0);
  };
  return {
    viewport: { x: padLeft - left * zoom, y: -top * zoom + height * PADDING, zoom },
    parts,
    partOf,
  };
}
