import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { intersects, type Rect } from './geometry';

/** Grid cells of the index, in flow px: about a card and a gap. */
const CELL = 400;

interface CardIndex {
  rects: Map<string, Rect>;
  cells: Map<string, string[]>;
  /** Moves on for a cell when a card in it came, went, moved or changed size since the previous index. */
  versions: Map<string, number>;
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
/** Each flow's latest index (keyed by its node lookup, which lives as long as the flow), to carry the cell versions on. */
const latest = new WeakMap<object, CardIndex>();

const sameRect = (a: Rect | undefined, b: Rect | undefined) => !!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

function cellVersions(index: CardIndex, previous: CardIndex | undefined): Map<string, number> {
  const versions = new Map<string, number>();
  const keys = new Set([...index.cells.keys(), ...(previous?.cells.keys() ?? [])]);
  for (const key of keys) {
    const now = index.cells.get(key) ?? [];
    const before = previous?.cells.get(key) ?? [];
    const same = now.length === before.length && now.every((id, i) => id === before[i] && sameRect(index.rects.get(id), previous?.rects.get(id)));
    versions.set(key, (previous?.versions.get(key) ?? 0) + (same ? 0 : 1));
  }
  return versions;
}

function indexOf(state: ReactFlowState): CardIndex {
  const cached = indexes.get(state.nodes);
  if (cached) return cached;
  const index: CardIndex = { rects: new Map(), cells: new Map(), versions: new Map() };
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
  index.versions = cellVersions(index, latest.get(state.nodeLookup));
  latest.set(state.nodeLookup, index);
  indexes.set(state.nodes, index);
  return index;
}

/** A key that changes whenever a card in `area` changes: an edge asks for its cards again only then. */
export function areaVersion(state: ReactFlowState, area: Rect): string {
  const { versions } = indexOf(state);
  return cellsOf(area)
    .map((key) => versions.get(key) ?? 0)
    .join(',');
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
