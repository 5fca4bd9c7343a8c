import { newId, NODE_KIND_INFO, type BoardNode, type NoteCategory } from '../../shared/model';
import { estimateNoteHeight } from '../../shared/layout/note-size';
import type { Op } from '../../shared/ops';
import type { RoomSettings } from '../../shared/model/room';
import type { NoteRow } from './room-store';

/** Where accepted notes land: a frame of this title on their board, made when missing. */
export const INBOX_TITLE = 'Inbox';

const NOTE_WIDTH = 240;
const GAP = 24;
const COLUMNS = 5;
/** Room under the frame's title before the first row. */
const TITLE_BAND = 72;
const FRAME_WIDTH = COLUMNS * (NOTE_WIDTH + GAP) + GAP;

function heightOf(node: BoardNode): number {
  if (node.size) return node.size.height;
  return node.kind === 'note' ? estimateNoteHeight(node.data) : 80;
}

interface IncomingNote {
  text: string;
  category: NoteCategory;
  votes?: number;
  author?: string;
  hidden?: boolean;
}

/**
 * A participant's note as it lands on the board: hidden while private mode is on, and with its
 * author's name only when the room showed names as it was sent (a note sent anonymously stays so).
 */
export function landingOf(note: NoteRow, settings: RoomSettings): IncomingNote {
  return {
    text: note.text,
    category: note.category as NoteCategory,
    ...(note.named ? { author: note.author } : {}),
    ...(settings.privateMode ? { hidden: true } : {}),
  };
}

/**
 * The ops that put `notes` into the board's Inbox frame: the frame first when it is missing (to
 * the right of everything, so it covers nothing), each note at the foot of the shortest column,
 * and the frame grown to hold them. Returns the new notes' ids in the order given.
 */
export function inboxOps(nodes: readonly BoardNode[], notes: readonly IncomingNote[]): { ops: Op[]; nodeIds: string[] } {
  const ops: Op[] = [];
  let frame = nodes.find((n): n is Extract<BoardNode, { kind: 'frame' }> => n.kind === 'frame' && n.data.title.trim().toLowerCase() === INBOX_TITLE.toLowerCase());
  if (!frame) {
    const right = nodes.reduce((max, n) => Math.max(max, n.position.x + (n.size?.width ?? NOTE_WIDTH)), -Infinity);
    const top = nodes.reduce((min, n) => Math.min(min, n.position.y), Infinity);
    frame = {
      id: newId('n'),
      kind: 'frame',
      position: { x: Number.isFinite(right) ? Math.round(right + 160) : 0, y: Number.isFinite(top) ? Math.round(top) : 0 },
      size: { width: FRAME_WIDTH, height: NODE_KIND_INFO.frame.expectedSize.height },
      data: { title: INBOX_TITLE },
    };
    ops.push({ type: 'node.add', node: frame });
  }
  const area = { x: frame.position.x, y: frame.position.y, width: frame.size?.width ?? FRAME_WIDTH, height: frame.size?.height ?? NODE_KIND_INFO.frame.expectedSize.height };
  const columns = Math.max(1, Math.floor((area.width - GAP) / (NOTE_WIDTH + GAP)));
  const bottoms = Array.from({ length: columns }, () => area.y + TITLE_BAND);
  for (const node of nodes) {
    if (node.id === frame.id) continue;
    const { x, y } = node.position;
    if (x < area.x || y < area.y || x >= area.x + area.width || y >= area.y + area.height) continue;
    const column = Math.min(columns - 1, Math.max(0, Math.floor((x - area.x - GAP / 2) / (NOTE_WIDTH + GAP))));
    bottoms[column] = Math.max(bottoms[column], y + heightOf(node) + GAP);
  }
  const nodeIds: string[] = [];
  for (const note of notes) {
    const column = bottoms.indexOf(Math.min(...bottoms));
    const id = newId('n');
    nodeIds.push(id);
    ops.push({
      type: 'node.add',
      node: {
        id,
        kind: 'note',
        position: { x: area.x + GAP + column * (NOTE_WIDTH + GAP), y: bottoms[column] },
        size: null,
        data: {
          text: note.text,
          category: note.category,
          votes: note.votes ?? 0,
          ...(note.author ? { author: note.author } : {}),
          ...(note.hidden ? { hidden: true } : {}),
        },
      },
    });
    bottoms[column] += estimateNoteHeight(note) + GAP;
  }
  const needed = Math.max(...bottoms) - area.y;
  if (needed > area.height) ops.push({ type: 'node.resize', id: frame.id, size: { width: area.width, height: Math.ceil(needed) } });
  return { ops, nodeIds };
}
