import { gridCells, inflate, intersects, type Point, type Rect } from './geometry';

interface Size {
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The edge's route. */
  points: readonly Point[];
  /** The label's box when written out. */
  size: Size;
}

/**
 * Where a label goes: written out in `box`, or as `number` in a badge at `box`, its text in the
 * legend. A badge with no room on its edge sits nearby, with a leader `from` the edge's middle.
 */
type LabelPlacement = { id: string; box: Rect; number: null } | { id: string; box: Rect; number: number; from: Point | null };

/** Space kept between a label and cards, other labels and its own line. */
const MARGIN = 4;
/** Where along its route a label is tried, from the middle out. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88];
/** Up to this many labels, each takes the spot that leaves the others the most room. */
const LOOKAHEAD_MAX = 40;

/** The point `fraction` of the way along a route, and whether the run there is vertical. */
function pointAlong(points: readonly Point[], fraction: number): { at: Point; vertical: boolean } {
  const lengths = points.slice(1).map((p, i) => Math.abs(p.x - points[i].x) + Math.abs(p.y - points[i].y));
  let left = lengths.reduce((sum, l) => sum + l, 0) * fraction;
  for (let i = 0; i < lengths.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (left <= lengths[i] || i === lengths.length - 1) {
      const t = lengths[i] === 0 ? 0 : Math.min(left / lengths[i], 1);
      return { at: { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, vertical: a.x === b.x };
    }
    left -= lengths[i];
  }
  return { at: points[0], vertical: false };
}

/** Boxes for a label at each spot along its route: on the line, then beside it on either side. */
function candidates(points: readonly Point[], { width, height }: Size): Rect[] {
  return ALONG.flatMap((fraction) => {
    const { at, vertical } = pointAlong(points, fraction);
    const centred = { x: at.x - width / 2, y: at.y - height / 2, width, height };
    const beside = vertical
      ? [
          { ...centred, x: at.x + MARGIN * 2 },
          { ...centred, x: at.x - MARGIN * 2 - width },
        ]
      : [
          { ...centred, y: at.y - MARGIN * 2 - height },
          { ...centred, y: at.y + MARGIN * 2 },
        ];
    return [centred, ...beside];
  });
}

/** Grid cells of `Taken`, in flow px: about a card. */
const CELL = 256;

/**
 * The boxes a label must keep clear of, filed by grid cell: a spot is tested against the boxes
 * near it, not every card of the board (a fitted 5,000-card board tries tens of spots per badge).
 */
class Taken {
  private readonly cells = new Map<string, Rect[]>();

  add(box: Rect): void {
    for (const key of gridCells(box, CELL)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box);
      else this.cells.set(key, [box]);
    }
  }

  isFree = (box: Rect): boolean => gridCells(box, CELL).every((key) => !this.cells.get(key)?.some((r) => intersects(r, box)));
}

/** Badge spots in rings around a point, nearest first: for an edge too short to hold even a number. */
function around(at: Point, { width, height }: Size): Rect[] {
  const spots: Rect[] = [];
  for (let ring = 1; ring <= 4; ring++)
    for (let k = 0; k < 8 * ring; k++) {
      const angle = (2 * Math.PI * k) / (8 * ring) - Math.PI / 2;
      const distance = ring * (width + 2 * MARGIN);
      spots.push({ x: at.x + Math.cos(angle) * distance - width / 2, y: at.y + Math.sin(angle) * distance - height / 2, width, height });
    }
  return spots;
}

/**
 * Places edge labels so that none covers a card or another label: each along its own edge at
 * the first free spot from the middle out. A label with no free spot, or every label when
 * `numbered` (zoomed too far out to read them), becomes a numbered badge of `badge` size, its
 * text listed in the legend by that number. Shorter routes go first: they have fewer spots.
 */
export function placeLabels(labels: readonly LabelRequest[], cards: readonly Rect[], badge: Size, numbered = false): LabelPlacement[] {
  const taken = new Taken();
  for (const card of cards) taken.add(inflate(card, MARGIN));
  const { isFree } = taken;
  const length = (l: LabelRequest) => l.points.slice(1).reduce((sum, p, i) => sum + Math.abs(p.x - l.points[i].x) + Math.abs(p.y - l.points[i].y), 0);
  const order = [...labels].sort((a, b) => length(a) - length(b) || a.id.localeCompare(b.id));
  const written: LabelPlacement[] = [];
  const waiting: LabelRequest[] = [];
  const spotsOf = new Map(order.map((l) => [l.id, numbered ? [] : candidates(l.points, l.size)]));
  for (const [index, label] of order.entries()) {
    const free = spotsOf.get(label.id)!.filter(isFree);
    // Of the free spots, the one that takes fewest spots from the labels still to come (on a board
    // with few labels; with many, the first is good enough and far cheaper).
    const later = order.length <= LOOKAHEAD_MAX ? order.slice(index + 1).flatMap((l) => spotsOf.get(l.id)!.filter(isFree)) : [];
    const blocked = (box: Rect) => later.filter((spot) => intersects(inflate(box, MARGIN), spot)).length;
    const box = free.reduce<Rect | undefined>((best, spot) => (best === undefined || blocked(spot) < blocked(best) ? spot : best), undefined);
    if (!box) {
      waiting.push(label);
      continue;
    }
    taken.add(inflate(box, MARGIN));
    written.push({ id: label.id, box, number: null });
  }
  // Numbers follow the labels' order on the board, top to bottom, so the legend reads like the map.
  const top = (l: LabelRequest) => Math.min(...l.points.map((p) => p.y));
  const badges = waiting
    .sort((a, b) => top(a) - top(b) || a.id.localeCompare(b.id))
    .map((label, i): LabelPlacement => {
      const middle = pointAlong(label.points, 0.5).at;
      const onEdge = candidates(label.points, badge);
      const spots = [...onEdge, ...around(middle, badge)];
      const free = spots.findIndex(isFree);
      const box = spots[Math.max(free, 0)];
      taken.add(inflate(box, MARGIN));
      return { id: label.id, box, number: i + 1, from: free >= onEdge.length ? middle : null };
    });
  return [...written, ...badges];
}
