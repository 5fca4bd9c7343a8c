import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { intersects, type Rect } from './geometry';

/** Grid cells of the index, in flow px: about a card and a gap. */
const CELL = 400;

interface CardIndex {
  rects: Map<string, Rect>;
  cells: Map<string, string[]>;
}

/** A node's box on the board; frames are regions, not cards, and edges run across them. */
export function cardRect(node: InternalNode | undefined): Rect | null {
  if (!node || node.type === 'frame' || node.hidden) return null;
  const width = node.measured.width ?? node.width ?? 0;
  const height = node.measured.height ?? node.height ?? 0;
  if (!width || !height) return null;
  return { x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width, height };
}

const cellsOf = (r: Rect) => {
  const keys: string[] = [];
  for (let i = Math.floor(r.x / CELL); i <= Math.floor((r.x + r.width) / CELL); i++)
    for (let j = Math.floor(r.y / CELL); j <= Math.floor((r.y + r.height) / CELL); j++) keys.push(`${i}:${j}`);
  return keys;
};

/**
 * One index per nodes array: React Flow hands out a new array on every change of any node, so a
 * drag rebuilds it once per frame, and every edge then asks it only about its own neighbourhood.
 */
const indexes = new WeakMap<object, CardIndex>();

function indexOf(state: ReactFlowState): CardIndex {
  const cached = indexes.get(state.nodes);
  if (cached) return cached;
  const index: CardIndex = { rects: new Map(), cells: new Map() };
  for (const node of state.nodeLookup.values()) {
    const rect = cardRect(node);
    if (!rect) continue;
    index.rects.set(node.id, rect);
    for (const key of cellsOf(rect)) {
      const cell = index.cells.get(key);
      if (cell) cell.push(node.id);
      else index.cells.set(key, [node.id]);
    }
  }
  indexes.set(state.nodes, index);
  return index;
}

/** The cards that overlap `area`, but those in `except`, in a stable order. */
export function cardsIn(state: ReactFlowState, area: Rect, except: readonly string[] = []): Rect[] {
  const index = indexOf(state);
  const ids = new Set<string>();
  for (const key of cellsOf(area)) for (const id of index.cells.get(key) ?? []) if (!except.includes(id)) ids.add(id);
  return [...ids]
    .sort()
    .map((id) => index.rects.get(id)!)
    .filter((r) => intersects(r, area));
}
