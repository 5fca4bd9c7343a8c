import type { AgendaItem } from '../model/agenda';
import type { BoardNode } from '../model/nodes';
import { MAX_PARTS } from '../model/presentation';

/** One step of a presentation: a board, or one frame of it, and the agenda item it belongs to. */
export interface Step {
  boardId: string;
  frameId: string | null;
  agendaItemId: string | null;
  title: string;
}

interface StepSource {
  boards: readonly { id: string; title: string }[];
  agenda: readonly AgendaItem[];
  /** The frames of each board, as far as they are known. */
  framesOf(boardId: string): readonly Extract<BoardNode, { kind: 'frame' }>[];
}

/** Frames in reading order: top to bottom, then left to right, rows 80 units apart. */
export function readingOrder<T extends { position: { x: number; y: number } }>(items: readonly T[]): T[] {
  const ROW = 80;
  return [...items].sort((a, b) => Math.round(a.position.y / ROW) - Math.round(b.position.y / ROW) || a.position.x - b.position.x);
}

/**
 * The steps of a session: its agenda's items in order where it has an agenda (each on its board
 * and frame); otherwise every board's frames in reading order, a board without frames as one step.
 */
export function presentationSteps({ boards, agenda, framesOf }: StepSource): Step[] {
  const boardIds = new Set(boards.map((b) => b.id));
  const fromAgenda = agenda
    .filter((item) => item.boardId && boardIds.has(item.boardId))
    .map((item) => ({ boardId: item.boardId!, frameId: item.frameId, agendaItemId: item.id, title: item.title }));
  if (fromAgenda.length) return fromAgenda;
  return boards.flatMap((board): Step[] => {
    const frames = readingOrder(framesOf(board.id));
    if (!frames.length) return [{ boardId: board.id, frameId: null, agendaItemId: null, title: board.title }];
    return frames.map((frame) => ({ boardId: board.id, frameId: frame.id, agendaItemId: null, title: frame.data.title || board.title }));
  });
}

interface Position {
  stepIndex: number;
  part: number;
  parts: number;
  /** The part that shows each reveal item (PresentationState.itemParts). */
  itemParts: number[];
  revealed: number | null;
}

/**
 * Next and previous, as in presentation software: through a step's reveal (when on; the camera
 * goes to the part that shows each item) and then its parts before the next step; the next step
 * starts hidden at its first part, and going back finds the previous step as the room last saw it:
 * at its last part (however many the audience measures), every item shown.
 * `revealCountOf(i)`: how many items step i reveals.
 */
export function advance(position: Position, direction: 1 | -1, stepCount: number, revealCountOf: (stepIndex: number) => number): Position {
  const { stepIndex, parts, itemParts, revealed } = position;
  const part = Math.min(position.part, parts - 1);
  /** The part that shows the room `count` items revealed: the last one's, or the first part. */
  const showing = (count: number) => (count === 0 ? 0 : (itemParts[count - 1] ?? part));
  const entered = (at: number, nextPart: number, nextRevealed: number | null): Position => ({ stepIndex: at, part: nextPart, parts: 1, itemParts: [], revealed: nextRevealed });
  if (direction === 1) {
    if (revealed !== null && revealed < revealCountOf(stepIndex)) return { ...position, revealed: revealed + 1, part: showing(revealed + 1) };
    if (part < parts - 1) return { ...position, part: part + 1 };
    if (stepIndex < stepCount - 1) return entered(stepIndex + 1, 0, revealed === null ? null : 0);
    return position;
  }
  // Back the way forward came: the parts walked after the last item, then the items themselves.
  if (revealed !== null && revealed > 0 && part <= showing(revealed)) return { ...position, revealed: revealed - 1, part: showing(revealed - 1) };
  if (part > 0) return { ...position, part: part - 1 };
  if (stepIndex > 0) return entered(stepIndex - 1, MAX_PARTS - 1, revealed === null ? null : revealCountOf(stepIndex - 1));
  return position;
}
