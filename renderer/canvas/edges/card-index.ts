import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { nodeRect } from './ends';
import { gridCells, intersects, type Rect } from './geometry';

/** Grid cells of the index, in flow px: about a card and a gap. */
const CELL = 400;

interface CardIndex {
  rects: Map<string, Rect>;
  cells: Map<string, string[]>;
  /** Counts up each time a card comes, goes, moves or changes size. */
  generation: number;
  /** The cells where a card changed since the index of the generation before. */
  changed: Set<string>;
}

/**
 * A node's box on the board; frames are regions, not cards, and edges run across them. A card
 * being dragged stays an obstacle where it was until it is dropped: the edges near its old place
 * and its path are routed again once, where it lands, not when the drag starts and on every
 * frame of it (the card is drawn over them meanwhile).
 */
function cardRect(node: InternalNode | undefined, previous: CardIndex | undefined): Rect | null {
  if (!node || node.type === 'frame' || node.hidden) return null;
  if (node.dragging) return previous?.rects.get(node.id) ?? null;
  return nodeRect(node);
}

const cellsOf = (r: Rect) => gridCells(r, CELL);

const sameRect = (a: Rect | undefined, b: Rect | null) => !!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * One index per nodes array: React Flow hands out a new array on every change of any node (each
 * frame of a drag). The index carries over from the flow's previous one and changes only where a
 * card did, so a frame that moves no card (a dragged card is none) costs one pass over the nodes.
 */
const indexes = new WeakMap<object, CardIndex>();
/** Each flow's latest index (keyed by its node lookup, which lives as long as the flow). */
const latest = new WeakMap<object, CardIndex>();

/** The cards now, each with its box, and whether they are the cards of `previous`. */
function currentCards(state: ReactFlowState, previous: CardIndex | undefined) {
  const rects = new Map<string, Rect>();
  let same = !!previous;
  for (const node of state.nodeLookup.values()) {
    const rect = cardRect(node, previous);
    if (!rect) continue;
    rects.set(node.id, rect);
    if (same && !sameRect(previous!.rects.get(node.id), rect)) same = false;
  }
  return { rects, same: same && rects.size === previous!.rects.size };
}

function indexOf(state: ReactFlowState): CardIndex {
  const cached = indexes.get(state.nodes);
  if (cached) return cached;
  const previous = latest.get(state.nodeLookup);
  const { rects, same } = currentCards(state, previous);
  const index = same ? previous! : rebuild(rects, previous);
  latest.set(state.nodeLookup, index);
  indexes.set(state.nodes, index);
  return index;
}

function rebuild(rects: Map<string, Rect>, previous: CardIndex | undefined): CardIndex {
  const cells = new Map<string, string[]>();
  for (const [id, rect] of rects)
    for (const key of cellsOf(rect)) {
      const cell = cells.get(key);
      if (cell) cell.push(id);
      else cells.set(key, [id]);
    }
  const changed = new Set<string>();
  const ids = new Set([...rects.keys(), ...(previous?.rects.keys() ?? [])]);
  for (const id of ids) {
    const [now, before] = [rects.get(id), previous?.rects.get(id)];
    if (sameRect(before, now ?? null)) continue;
    for (const key of [...(now ? cellsOf(now) : []), ...(before ? cellsOf(before) : [])]) changed.add(key);
  }
  return { rects, cells, generation: (previous?.generation ?? 0) + 1, changed };
}

/** Whether a card in `area` may have changed since the index of generation `seen`, and the generation now. */
function cardsChangedIn(state: ReactFlowState, area: Rect, seen: number): { generation: number; changed: boolean } {
  const index = indexOf(state);
  if (index.generation === seen) return { generation: seen, changed: false };
  // Generations skipped (an edge mounted again): nothing says which cells changed meanwhile.
  if (index.generation !== seen + 1) return { generation: index.generation, changed: true };
  return { generation: index.generation, changed: cellsOf(area).some((key) => index.changed.has(key)) };
}

/**
 * A selector of the cards that overlap `area`, but those in `except`. It runs on every change of
 * React Flow's store it hears (each frame of a drag; of a pan too, for the edge labels), and asks
 * the index again only when a card in `area` changed; compare its results with sameRects.
 */
export function cardsNear(area: Rect | null, except: readonly string[] = []): (state: ReactFlowState) => Rect[] {
  let seenNodes: unknown = null;
  let seenGeneration = -1;
  let cards: Rect[] = [];
  return (state) => {
    if (!area || state.nodes === seenNodes) return cards;
    seenNodes = state.nodes;
    const { generation, changed } = cardsChangedIn(state, area, seenGeneration);
    seenGeneration = generation;
    if (changed) cards = cardsIn(state, area, except);
    return cards;
  };
}

/** The cards that overlap `area`, but those in `except`, in a stable order. */
function cardsIn(state: ReactFlowState, area: Rect, except: readonly string[] = []): Rect[] {
  const index = indexOf(state);
  const ids = new Set<string>();
  for (const key of cellsOf(area)) for (const id of index.cells.get(key) ?? []) if (!except.includes(id)) ids.add(id);
  return [...ids]
    .sort()
    .map((id) => index.rects.get(id)!)
    .filter((r) => intersects(r, area));
}
