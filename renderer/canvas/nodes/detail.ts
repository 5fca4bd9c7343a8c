import type { NodeKind } from '../../../shared/model';

/**
 * How much of each node a zoom level can show legibly (semantic zoom), one mechanism for the
 * editor, the projector and the printed page:
 * - `full`: every card with all its text;
 * - `names`: role cards and decision-makers as their name and stratum in large type
 *   (COMPACT_TEXT_PX), at the size of the full card so nothing on the board moves;
 * - `shapes`: every node as its box, shape and colour, without text.
 */
export type Detail = 'full' | 'names' | 'shapes';

/** The compact card's name and stratum (nodes.css `.compact-card`), in board pixels. */
export const COMPACT_TEXT_PX = 40;

/** The kinds drawn compact at `names`; every other node keeps its full card there. */
export type CompactKind = 'role' | 'decisionMaker';
const COMPACT_KINDS: ReadonlySet<NodeKind> = new Set<CompactKind>(['role', 'decisionMaker']);
export const isCompactKind = (kind: NodeKind): kind is CompactKind => COMPACT_KINDS.has(kind);

/**
 * Whether every text of nodes of these kinds is at least COMPACT_TEXT_PX at `names`: the compact
 * cards, and frames' titles and text on the board, which grow to that size there (nodes.css).
 * Notes, stages and the golden circle keep their full, smaller text.
 */
export function legibleAtNames(kinds: Iterable<NodeKind>): boolean {
  for (const kind of kinds) if (!isCompactKind(kind) && kind !== 'frame' && kind !== 'text') return false;
  return true;
}

/** Zooms below which a surface shows less: under `names` the compact cards, under `shapes` bare shapes. */
export interface DetailZooms {
  names: number;
  shapes: number;
}

/**
 * The editor: a card's smallest text (16 px) is under 7 px below 0.45, where the compact card's
 * name is still 18 px; below 0.25 even that is unreadable, and bare shapes are far cheaper to draw.
 */
export const EDITOR_DETAIL: DetailZooms = { names: 0.45, shapes: 0.25 };

export function detailAt(zoom: number, zooms: DetailZooms): Detail {
  if (zoom < zooms.shapes) return 'shapes';
  if (zoom < zooms.names) return 'names';
  return 'full';
}
