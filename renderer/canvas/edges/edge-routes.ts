import { bottom, centreX, centreY, inflate, right, segmentCrosses, union, type Point, type Rect } from './geometry';

/** The side of a card a connector leaves or enters by. */
type Side = 'top' | 'right' | 'bottom' | 'left';

interface Port extends Point {
  side: Side;
}

/**
 * How an edge attaches: `tree` is a reporting line (manager's bottom centre down to the
 * report's top centre, across on the manager's bus); `side` joins the facing left and right
 * sides (two cards of one stratum); `facing` takes whichever pair of facing sides has more room.
 */
export type RouteStyle = 'tree' | 'side' | 'facing';

interface RouteRequest {
  source: Rect;
  target: Rect;
  style: RouteStyle;
  /** For `tree`: the height of the manager's bus, shared by all its reports. Halfway down when not given. */
  busY?: number | null;
  /** Cards the edge must not cross: every card near it but its two ends. */
  obstacles: readonly Rect[];
}

/** The shortest straight run out of a card before a bend. */
export const STUB = 16;
/** How far a connector keeps from cards it passes. */
const CLEARANCE = 10;
/** How far from a card's corner a connector may attach. */
const INSET = 24;
/** What a bend costs in the search, in px of length: a longer route with fewer bends reads better. */
const BEND = 60;

const OUTWARD: Record<Side, Point> = { top: { x: 0, y: -1 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/** The middle of the overlap of two ranges (each shrunk by INSET), or null when they do not overlap. */
function sharedMiddle(aStart: number, aEnd: number, bStart: number, bEnd: number): number | null {
  const start = Math.max(aStart + Math.min(INSET, (aEnd - aStart) / 2), bStart + Math.min(INSET, (bEnd - bStart) / 2));
  const end = Math.min(aEnd - Math.min(INSET, (aEnd - aStart) / 2), bEnd - Math.min(INSET, (bEnd - bStart) / 2));
  return start <= end ? (start + end) / 2 : null;
}

function verticalPorts(source: Rect, target: Rect): [Port, Port] {
  const down = centreY(target) >= centreY(source);
  const x = sharedMiddle(source.x, right(source), target.x, right(target));
  return [
    { x: x ?? centreX(source), y: down ? bottom(source) : source.y, side: down ? 'bottom' : 'top' },
    { x: x ?? centreX(target), y: down ? target.y : bottom(target), side: down ? 'top' : 'bottom' },
  ];
}

function sidePorts(source: Rect, target: Rect): [Port, Port] {
  const rightward = centreX(target) >= centreX(source);
  const y = sharedMiddle(source.y, bottom(source), target.y, bottom(target));
  return [
    { x: rightward ? right(source) : source.x, y: y ?? centreY(source), side: rightward ? 'right' : 'left' },
    { x: rightward ? target.x : right(target), y: y ?? centreY(target), side: rightward ? 'left' : 'right' },
  ];
}

const gapBetween = (aStart: number, aEnd: number, bStart: number, bEnd: number) => Math.max(bStart - aEnd, aStart - bEnd);

/** The ends of the connector and, for a tree, the bus height it crosses at. */
function portsFor({ source, target, style, busY }: RouteRequest): { ports: [Port, Port]; middle: number | null } {
  const below = target.y - bottom(source);
  if (style === 'tree' && below >= 2 * STUB) {
    const middle = Math.min(Math.max(busY ?? bottom(source) + below / 2, bottom(source) + STUB), target.y - STUB);
    return {
      ports: [
        { x: centreX(source), y: bottom(source), side: 'bottom' },
        // A report nearly under its manager's centre takes the line straight, without a jog.
        { x: Math.abs(centreX(target) - centreX(source)) <= STUB ? centreX(source) : centreX(target), y: target.y, side: 'top' },
      ],
      middle,
    };
  }
  const across = gapBetween(source.x, right(source), target.x, right(target));
  const apart = gapBetween(source.y, bottom(source), target.y, bottom(target));
  const sideways = style === 'side' ? across >= 2 * STUB || apart < 2 * STUB : across >= apart;
  return { ports: sideways ? sidePorts(source, target) : verticalPorts(source, target), middle: null };
}

const isVertical = (side: Side) => side === 'top' || side === 'bottom';

/** The Z (or straight line) between two ports: out, across at `middle`, in. */
function zRoute(from: Port, to: Port, middle: number | null): Point[] {
  if (isVertical(from.side)) {
    const y = middle ?? (from.y + to.y) / 2;
    return [from, { x: from.x, y }, { x: to.x, y }, to];
  }
  const x = (from.x + to.x) / 2;
  return [from, { x, y: from.y }, { x, y: to.y }, to];
}

const step = (p: Port, by: number): Point => ({ x: p.x + OUTWARD[p.side].x * by, y: p.y + OUTWARD[p.side].y * by });

/** Drops repeated points and points in the middle of a straight run. */
function simplify(points: readonly Point[]): Point[] {
  const distinct = points.filter((p, i) => i === 0 || p.x !== points[i - 1].x || p.y !== points[i - 1].y).map(({ x, y }) => ({ x, y }));
  return distinct.filter((p, i) => {
    if (i === 0 || i === distinct.length - 1) return true;
    const a = distinct[i - 1];
    const b = distinct[i + 1];
    return !((a.x === p.x && p.x === b.x) || (a.y === p.y && p.y === b.y));
  });
}

/** Whether the route stays out of every obstacle, and out of its own ends between its first and last run. */
function isClear(route: readonly Point[], blocked: readonly Rect[], ends: readonly Rect[]): boolean {
  for (let i = 1; i < route.length; i++) {
    const [a, b] = [route[i - 1], route[i]];
    if (blocked.some((r) => segmentCrosses(a, b, r))) return false;
    if (i > 1 && i < route.length - 1 && ends.some((r) => segmentCrosses(a, b, r))) return false;
  }
  return true;
}

/**
 * The orthogonal route of an edge: the plain org-chart shape when nothing is in its way, else the
 * route with the fewest bends and least length around the cards in between (a search over the
 * lines along the cards' sides, as orthogonal connector routers do).
 */
export function routeEdge(request: RouteRequest): Point[] {
  const { ports, middle } = portsFor(request);
  const [from, to] = ports;
  const blocked = request.obstacles.map((r) => inflate(r, CLEARANCE));
  const ends = [request.source, request.target];
  const plain = simplify(zRoute(from, to, middle));
  if (isClear(plain, blocked, ends)) return plain;
  const around = searchAround(from, to, middle, [...blocked, ...ends.map((r) => inflate(r, CLEARANCE))]);
  return around ? simplify([from, ...around, to]) : plain;
}

/** Each direction of travel: 0 right, 1 down, 2 left, 3 up. */
const DIRECTIONS: Point[] = [
  { x: 1, y: 0 },
  { x: 0, y: 1 },
  { x: -1, y: 0 },
  { x: 0, y: -1 },
];
const directionOf = (v: Point) => DIRECTIONS.findIndex((d) => d.x === Math.sign(v.x) && d.y === Math.sign(v.y));

/**
 * Arrays a search works in, kept from one search to the next: a long edge across a big board
 * searches a grid of tens of thousands of points, and new arrays for each search (each change
 * near it) would keep the garbage collector busy while the facilitator types.
 */
const scratch = { blocked: new Uint8Array(0), cost: new Float64Array(0), previous: new Int32Array(0) };

function scratchFor(points: number) {
  const states = points * 4;
  if (scratch.cost.length < states) {
    scratch.blocked = new Uint8Array(points * 3);
    scratch.cost = new Float64Array(states);
    scratch.previous = new Int32Array(states);
  }
  const blocked = scratch.blocked.subarray(0, points * 3).fill(0);
  return {
    inside: blocked.subarray(0, points),
    across: blocked.subarray(points, 2 * points),
    down: blocked.subarray(2 * points),
    cost: scratch.cost.subarray(0, states).fill(Infinity),
    previous: scratch.previous.subarray(0, states).fill(-1),
  };
}

/**
 * Marks which points and unit runs of the grid of candidate lines lie in a blocked card: worked
 * out once per search, card by card, so each step of the search is a lookup, not a walk over
 * every card (a long edge across a big board has hundreds of cards around it).
 */
function markBlocked(
  xs: readonly number[],
  ys: readonly number[],
  blocked: readonly Rect[],
  { inside, across, down }: { inside: Uint8Array; across: Uint8Array; down: Uint8Array },
) {
  const rows = ys.length;
  const xIndex = new Map(xs.map((x, i) => [x, i]));
  const yIndex = new Map(ys.map((y, j) => [y, j]));
  for (const r of blocked) {
    // Every card's sides are lines of the grid.
    const [i0, i1, j0, j1] = [xIndex.get(r.x)!, xIndex.get(right(r))!, yIndex.get(r.y)!, yIndex.get(bottom(r))!];
    for (let i = i0; i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const at = i * rows + j;
        const inX = i > i0 && i < i1;
        const inY = j > j0 && j < j1;
        if (inX && inY) inside[at] = 1;
        // `across` is the run from (i, j) to (i + 1, j); `down` from (i, j) to (i, j + 1).
        if (inY && i < i1) across[at] = 1;
        if (inX && j < j1) down[at] = 1;
      }
  }
}

/** The cheapest bend-penalised path on the grid of candidate lines, from one stub end to the other. */
function searchAround(from: Port, to: Port, middle: number | null, blocked: readonly Rect[]): Point[] | null {
  const start = step(from, STUB);
  const goal = step(to, STUB);
  const outer = inflate(union([...blocked, { x: start.x, y: start.y, width: 0, height: 0 }, { x: goal.x, y: goal.y, width: 0, height: 0 }]), 2 * STUB);
  const lines = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  const xs = lines([start.x, goal.x, outer.x, right(outer), ...blocked.flatMap((r) => [r.x, right(r)])]);
  const ys = lines([start.y, goal.y, outer.y, bottom(outer), ...(middle === null ? [] : [middle]), ...blocked.flatMap((r) => [r.y, bottom(r)])]);
  const [columns, rows] = [xs.length, ys.length];
  const { inside, across, down, cost, previous } = scratchFor(columns * rows);
  markBlocked(xs, ys, blocked, { inside, across, down });
  /** Whether the unit run from point `at` (column i, row j) one step in direction `d` is clear. */
  const free = (at: number, d: number) => {
    switch (d) {
      case 0:
        return !across[at];
      case 1:
        return !down[at];
      case 2:
        return !across[at - rows];
      default:
        return !down[at - 1];
    }
  };

  const startDir = directionOf(OUTWARD[from.side]);
  const goalDir = directionOf({ x: -OUTWARD[to.side].x, y: -OUTWARD[to.side].y });
  const [si, sj, gi, gj] = [xs.indexOf(start.x), ys.indexOf(start.y), xs.indexOf(goal.x), ys.indexOf(goal.y)];
  // A* search: a lower bound of what the rest of the route costs (its length along the grid,
  // and a bend unless the goal lies straight ahead, entered the right way) guides the search
  // towards the goal without ever passing over a cheaper route.
  const remaining = (i: number, j: number, d: number) => {
    const dx = goal.x - xs[i];
    const dy = goal.y - ys[j];
    const { x, y } = DIRECTIONS[d];
    const ahead = d === goalDir && dx * y === dy * x && dx * x + dy * y >= 0;
    return Math.abs(dx) + Math.abs(dy) + (ahead ? 0 : BEND);
  };
  // A state is a point of the grid and the direction it was entered in: (i * rows + j) * 4 + d.
  const first = (si * rows + sj) * 4 + startDir;
  cost[first] = 0;
  const queue = new MinQueue();
  queue.push(first, remaining(si, sj, startDir));
  while (queue.size > 0) {
    const estimate = queue.topPriority();
    const current = queue.pop();
    const d = current & 3;
    const at = current >> 2;
    const i = Math.floor(at / rows);
    const j = at % rows;
    const spent = cost[current];
    if (estimate > spent + remaining(i, j, d)) continue;
    if (i === gi && j === gj && d === goalDir) return unwind(current, previous, xs, ys);
    for (let nd = 0; nd < 4; nd++) {
      if (nd === (d + 2) % 4) continue;
      const ni = i + DIRECTIONS[nd].x;
      const nj = j + DIRECTIONS[nd].y;
      if (ni < 0 || nj < 0 || ni >= columns || nj >= rows) continue;
      const nat = ni * rows + nj;
      if (inside[nat] || !free(at, nd)) continue;
      const next = nat * 4 + nd;
      const total = spent + Math.abs(xs[ni] - xs[i]) + Math.abs(ys[nj] - ys[j]) + (nd === d ? 0 : BEND);
      if (total < cost[next]) {
        cost[next] = total;
        previous[next] = current;
        queue.push(next, total + remaining(ni, nj, nd));
      }
    }
  }
  return null;
}

function unwind(end: number, previous: Int32Array, xs: number[], ys: number[]): Point[] {
  const points: Point[] = [];
  for (let at = end; at !== -1; at = previous[at]) {
    const point = at >> 2;
    points.push({ x: xs[Math.floor(point / ys.length)], y: ys[point % ys.length] });
  }
  return points.reverse();
}

/** A binary heap of (key, priority), lowest priority first. */
class MinQueue {
  private keys: number[] = [];
  private priorities: number[] = [];
  get size() {
    return this.keys.length;
  }
  topPriority(): number {
    return this.priorities[0];
  }
  push(key: number, priority: number) {
    const { keys, priorities } = this;
    let i = keys.length;
    keys.push(key);
    priorities.push(priority);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (priorities[parent] <= priority) break;
      keys[i] = keys[parent];
      priorities[i] = priorities[parent];
      i = parent;
    }
    keys[i] = key;
    priorities[i] = priority;
  }
  /** Takes the key of lowest priority out. */
  pop(): number {
    const { keys, priorities } = this;
    const top = keys[0];
    const key = keys.pop()!;
    const priority = priorities.pop()!;
    const size = keys.length;
    if (size === 0) return top;
    let i = 0;
    // No destructuring in this loop: its arrays were most of what opening a big board allocated.
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      let leastPriority = priority;
      if (l < size && priorities[l] < leastPriority) {
        least = l;
        leastPriority = priorities[l];
      }
      if (r < size && priorities[r] < leastPriority) least = r;
      if (least === i) break;
      keys[i] = keys[least];
      priorities[i] = priorities[least];
      i = least;
    }
    keys[i] = key;
    priorities[i] = priority;
    return top;
  }
}

/** The SVG path of a route, its bends rounded. */
export function routePath(points: readonly Point[], radius = 8): string {
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, p, b] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(p.x - a.x, p.y - a.y) / 2, Math.hypot(b.x - p.x, b.y - p.y) / 2);
    const towards = (q: Point) => ({ x: Math.sign(q.x - p.x) * r, y: Math.sign(q.y - p.y) * r });
    const [into, outOf] = [towards(a), towards(b)];
    d += ` L ${p.x + into.x} ${p.y + into.y} Q ${p.x} ${p.y} ${p.x + outOf.x} ${p.y + outOf.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}

/**
 * An arrowhead at the route's end, and the route shortened to its base so the line does not
 * show through the tip.
 */
export function withArrowhead(points: readonly Point[], size = 12): { line: Point[]; head: string } {
  const tip = points[points.length - 1];
  const before = points[points.length - 2];
  const length = Math.hypot(tip.x - before.x, tip.y - before.y) || 1;
  const ux = (tip.x - before.x) / length;
  const uy = (tip.y - before.y) / length;
  const base = { x: tip.x - ux * size, y: tip.y - uy * size };
  const half = size * 0.5;
  const head = `M ${tip.x} ${tip.y} L ${base.x - uy * half} ${base.y + ux * half} L ${base.x + uy * half} ${base.y - ux * half} Z`;
  return { line: [...points.slice(0, -1), base], head };
}
