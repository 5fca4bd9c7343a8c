import type { Board } from './board';
import type { NoteData } from './nodes';

/** A note private mode still hides: only its author and the facilitator see it. Takes a node's kind (a canvas node's type) and data. */
export const isHiddenNote = (kind: string | undefined, data: unknown): boolean => kind === 'note' && (data as Partial<NoteData>).hidden === true;

/** The board as the room sees it (the projector, the handout): without hidden notes, nor lines to them. */
export function roomView(board: Board): Board {
  const hidden = new Set(board.nodes.filter((n) => isHiddenNote(n.kind, n.data)).map((n) => n.id));
  if (hidden.size === 0) return board;
  return { ...board, nodes: board.nodes.filter((n) => !hidden.has(n.id)), edges: board.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target)) };
}
