/** Board geometry the edge routing and label placement share: flow coordinates, y down. */
export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const right = (r: Rect) => r.x + r.width;
export const bottom = (r: Rect) => r.y + r.height;
export const centreX = (r: Rect) => r.x + r.width / 2;
export const centreY = (r: Rect) => r.y + r.height / 2;

export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** Whether two rectangles share area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
}

/** The cells of a grid of `cell` px squares that `r` lies in, as "column:row" keys. */
export function gridCells(r: Rect, cell: number): string[] {
  const keys: string[] = [];
  for (let i = Math.floor(r.x / cell); i <= Math.floor(right(r) / cell); i++)
    for (let j = Math.floor(r.y / cell); j <= Math.floor(bottom(r) / cell); j++) keys.push(`${i}:${j}`);
  return keys;
}

/** The smallest rectangle holding all of `rects`. */
export function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map(right)) - x, height: Math.max(...rects.map(bottom)) - y };
}

/** Whether the horizontal or vertical segment a–b runs through the inside of `r`. */
export function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  if (a.y === b.y) return a.y > r.y && a.y < bottom(r) && Math.max(a.x, b.x) > r.x && Math.min(a.x, b.x) < right(r);
  return a.x > r.x && a.x < right(r) && Math.max(a.y, b.y) > r.y && Math.min(a.y, b.y) < bottom(r);
}

/** Runs for every edge on each change of React Flow's store but a pan or a zoom (each frame of a drag): the same array is the common answer. */
export const sameRects = (a: readonly Rect[], b: readonly Rect[]) =>
  a === b || (a.length === b.length && a.every((r, i) => r.x === b[i].x && r.y === b[i].y && r.width === b[i].width && r.height === b[i].height));
