import type { Area, Rect, Viewport } from './pages';

/** The part of the board (board coordinates) a page of `area` shows under `viewport`. */
function visibleRect(viewport: Viewport, area: Area): Rect {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: area.width / viewport.zoom, height: area.height / viewport.zoom };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** What is measured on the overview, and what a tile that does not show it leaves out: an edge is drawn in an <svg> of its own. */
const DRAWN = [
  { selector: '.react-flow__node', drawing: (found: Element) => found },
  { selector: '.react-flow__edge', drawing: (found: Element) => found.parentElement ?? found },
];

/**
 * Where each drawn node and edge of the overview lies on the board, in DRAWN's order. Measured once
 * per board and kept: every measurement after a change to the document lays the whole handout out
 * again, and a board's tiles would each pay for that.
 */
const measured = new WeakMap<HTMLElement, Rect[][]>();

function drawnRects(drawn: HTMLElement): Rect[][] {
  const known = measured.get(drawn);
  if (known) return known;
  const frame = drawn.getBoundingClientRect();
  const zoom = frame.width / drawn.offsetWidth;
  const onBoard = (element: Element): Rect => {
    const box = element.getBoundingClientRect();
    return { x: (box.left - frame.left) / zoom, y: (box.top - frame.top) / zoom, width: box.width / zoom, height: box.height / zoom };
  };
  const rects = DRAWN.map(({ selector }) => [...drawn.querySelectorAll(selector)].map(onBoard));
  measured.set(drawn, rects);
  return rects;
}

/**
 * A copy of the overview's drawn board (its React Flow viewport) holding only the nodes and edges
 * a page of `area` shows under `viewport`. A tile page draws its own part of the board, not the
 * whole board behind a clip: printing those hidden nodes was most of a tiled handout's time.
 */
export function copyForTile(drawn: HTMLElement, viewport: Viewport, area: Area): HTMLElement {
  const rect = visibleRect(viewport, area);
  const rects = drawnRects(drawn);
  const copy = drawn.cloneNode(true) as HTMLElement;
  DRAWN.forEach(({ selector, drawing }, kind) => {
    const copies = copy.querySelectorAll(selector);
    rects[kind].forEach((onBoard, i) => {
      if (!overlaps(onBoard, rect)) drawing(copies[i]).remove();
    });
  });
  // The handles are hidden; the overview has them only for React Flow to measure where edges attach.
  for (const handle of copy.querySelectorAll('.react-flow__handle')) handle.remove();
  return copy;
}
