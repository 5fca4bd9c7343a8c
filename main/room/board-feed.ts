import type { BoardNode, Board } from '../../shared/model';
import type { ParticipantBoard, ParticipantNote } from '../../shared/model/room';
import type { Store } from '../store/store';

/** How often phones hear about a board that keeps changing (a burst of notes and votes). */
const FEED_EVERY_MS = 250;

type Frame = Extract<BoardNode, { kind: 'frame' }>;

/** A board as a phone shows it: its notes, each with its votes (0 while hidden by a running vote) and the frame it sits in. */
function projectBoard(board: Board, countsHidden = false): ParticipantBoard {
  const frames = board.nodes.filter((n): n is Frame => n.kind === 'frame' && n.size !== null);
  const groupOf = (node: BoardNode) => {
    const { x, y } = node.position;
    const around = frames.filter((f) => x >= f.position.x && y >= f.position.y && x < f.position.x + f.size!.width && y < f.position.y + f.size!.height);
    // The innermost frame names the group.
    around.sort((a, b) => a.size!.width * a.size!.height - b.size!.width * b.size!.height);
    return around[0]?.data.title ?? '';
  };
  const notes: ParticipantNote[] = [];
  for (const node of board.nodes) {
    // A note hidden by private mode reaches no phone; its author sees it among their own notes.
    if (node.kind === 'note' && !node.data.hidden) notes.push({ id: node.id, text: node.data.text, category: node.data.category, votes: countsHidden ? 0 : node.data.votes, group: groupOf(node) });
  }
  return { id: board.id, title: board.title, revision: board.revision, notes };
}

interface Sent {
  board: ParticipantBoard;
  byId: Map<string, string>;
}

/**
 * Keeps every phone's copy of the open boards current with small diffs (the notes that changed,
 * the ids removed) sent at most every FEED_EVERY_MS, rather than the whole board per edit: sixty
 * phones on hotel Wi-Fi share little bandwidth. A phone whose copy is not at `from` fetches it.
 */
export class BoardFeed {
  private readonly sent = new Map<string, Sent>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: () => Store,
    private readonly broadcast: (text: string) => void,
    private readonly countsHidden: (boardId: string) => boolean,
  ) {}

  /** The board as phones were last told it; flushed first when it has changed since. */
  current(boardId: string): ParticipantBoard {
    if (this.dirty.has(boardId) || !this.sent.has(boardId)) this.flushBoard(boardId);
    return this.sent.get(boardId)!.board;
  }

  changed(boardId: string): void {
    if (!this.sent.has(boardId)) return;
    this.dirty.add(boardId);
    this.timer ??= setTimeout(() => this.flush(), FEED_EVERY_MS);
  }

  reset(): void {
    this.sent.clear();
    this.dirty.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flush(): void {
    this.timer = null;
    for (const boardId of [...this.dirty]) {
      try {
        this.flushBoard(boardId);
      } catch {
        // The board was deleted: phones fetch it and hear it is gone.
        this.sent.delete(boardId);
        this.dirty.delete(boardId);
      }
    }
  }

  private flushBoard(boardId: string): void {
    const board = projectBoard(this.store().getBoard(boardId), this.countsHidden(boardId));
    const previous = this.sent.get(boardId);
    const byId = new Map(board.notes.map((n) => [n.id, JSON.stringify(n)]));
    this.sent.set(boardId, { board, byId });
    this.dirty.delete(boardId);
    if (!previous) return;
    const notes = board.notes.filter((n) => previous.byId.get(n.id) !== byId.get(n.id));
    const removed = [...previous.byId.keys()].filter((id) => !byId.has(id));
    if (notes.length === 0 && removed.length === 0 && board.revision === previous.board.revision) return;
    const payload = { boardId, from: previous.board.revision, revision: board.revision, notes, removed };
    this.broadcast(JSON.stringify({ type: 'event', name: 'board.notes', payload }));
  }
}
