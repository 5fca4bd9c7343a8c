import type { Viewport } from '../../shared/model';

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
const MAX_ZOOM = 2.5;
const PADDING = 0.05;

/**
 * The camera for a step: the rectangle fitted to the screen, unless that would shrink text
 * under MIN_LEGIBLE_PX; then the zoom stops there and the rectangle is shown in `parts`
 * (row by row), `part` choosing which.
 */
export function cameraFor(bounds: Rect, screen: { width: number; height: number }, part: number): { viewport: Viewport; parts: number } {
  const usableWidth = screen.width * (1 - 2 * PADDING);
  const usableHeight = screen.height * (1 - 2 * PADDING);
  const minZoom = MIN_LEGIBLE_PX / SMALLEST_PROJECTOR_FONT_PX;
  const fit = Math.min(usableWidth / Math.max(bounds.width, 1), usableHeight / Math.max(bounds.height, 1), MAX_ZOOM);
  const zoom = Math.max(fit, minZoom);
  const viewWidth = usableWidth / zoom;
  const viewHeight = usableHeight / zoom;
  const columns = Math.max(1, Math.ceil(bounds.width / viewWidth - 0.01));
  const rows = Math.max(1, Math.ceil(bounds.height / viewHeight - 0.01));
  const parts = columns * rows;
  const index = Math.min(Math.max(part, 0), parts - 1);
  const column = index % columns;
  const row = Math.floor(index / columns);
  // The last column and row align with the far edge, so no part shows empty space beyond it.
  const left = columns === 1 ? bounds.x + bounds.width / 2 - viewWidth / 2 : Math.min(bounds.x + column * viewWidth, bounds.x + bounds.width - viewWidth);
  const top = rows === 1 ? bounds.y + bounds.height / 2 - viewHeight / 2 : Math.min(bounds.y + row * viewHeight, bounds.y + bounds.height - viewHeight);
  return {
    viewport: { x: -left * zoom + screen.width * PADDING, y: -top * zoom + screen.height * PADDING, zoom },
    parts,
  };
}
