import type { Area, Rect, Viewport } from './pages';

/** The part of the board (board coordinates) a page of `area` shows under `viewport`. */
function visibleRect(viewport: Viewport, area: Area): Rect {
  return { x: -viewport.x / viewport.zoom, y: -viewport.y / viewport.zoom, width: area.width / viewport.zoom, height: area.height / viewport.zoom };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * A copy of the overview's drawn board (its React Flow viewport) holding only the nodes and edges
 * a page of `area` shows under `viewport`. A tile page draws its own part of the board, not the
 * whole board behind a clip: printing those hidden nodes was most of a tiled handout's time.
 */
export function copyForTile(drawn: HTMLElement, viewport: Viewport, area: Area): HTMLElement {
  const rect = visibleRect(viewport, area);
  const copy = drawn.cloneNode(true) as HTMLElement;
  const frame = drawn.getBoundingClientRect();
  const zoom = frame.width / drawn.offsetWidth;
  const onBoard = (element: Element): Rect => {
    const box = element.getBoundingClientRect();
    return { x: (box.left - frame.left) / zoom, y: (box.top - frame.top) / zoom, width: box.width / zoom, height: box.height / zoom };
  };
  for (const selector of ['.react-flow__node', '.react-flow__edge']) {
    const copies = copy.querySelectorAll(selector);
    drawn.querySelectorAll(selector).forEach((element, i) => {
      if (!overlaps(onBoard(element), rect)) copies[i].remove();
    });
  }
  return copy;
}
