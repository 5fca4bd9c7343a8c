import { GroundworkError } from '../../shared/errors';
import { ROOM_LIMITS } from '../../shared/model/room-limits';
import type { Op } from '../../shared/ops';
import type { NewNote, NoteRow } from './room-store';

/** How long a write waits for others to share its transaction: a burst becomes a few edits. */
const GROUP_COMMIT_MS = 40;

interface QueuedNote extends NewNote {
  committed: Promise<void>;
  done: (error?: unknown) => void;
}

interface VoteWrite {
  boardId: string;
  participantId: string;
  nodeId: string;
  delta: 1 | -1;
  done: (error?: unknown) => void;
}

export interface BoardWriter {
  /** Runs `work` in one transaction; what it publishes is sent once that commits. */
  together(work: () => void): void;
  /** Puts participants' notes in the room's queue, waiting for the facilitator (or auto-accept). */
  insertNotes(notes: readonly NewNote[]): void;
  /** The board's notes' current votes. */
  votesOf(boardId: string): Map<string, number>;
  /** Runs `write` and the ops in one transaction, bumps the revision and tells every window. */
  apply(boardId: string, ops: Op[], write: () => void): void;
  insertVote(participantId: string, nodeId: string): boolean;
  deleteVote(participantId: string, nodeId: string): boolean;
  /** The ops that put `notes` in the board's Inbox, with each note's new node id. */
  inbox(boardId: string, notes: readonly NoteRow[]): { ops: Op[]; nodeIds: string[] };
  markAccepted(notes: readonly NoteRow[], nodeIds: readonly string[]): void;
}

/**
 * The room's writes, committed in groups: the notes phones send, their dots and the notes
 * auto-accepted that arrive within GROUP_COMMIT_MS are one transaction (one fsync), with one
 * revision and one `board.changed` per board, so sixty phones at once cost the disk a few commits
 * and the facilitator's canvas a few renders, not hundreds. With auto-accept a note lands on its
 * board in the commit that queues it. A phone's reply waits for the commit: what it was told is on
 * disk.
 */
export class RoomWrites {
  private notes: QueuedNote[] = [];
  /**
   * The same notes by participant and key: every note sent asks what its phone has queued. Walking
   * the queue for each cost the bench's 600-note burst 33 ms before its first commit, and grows
   * with the square: a full room (300 phones, 15 notes each) would wait about two seconds.
   */
  private readonly notesOf = new Map<string, Map<string, QueuedNote>>();
  private votes: VoteWrite[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Votes queued and not yet committed, per participant: counted against the budget already. */
  private readonly queued = new Map<string, Map<string, 1 | -1>>();

  constructor(
    private readonly writer: BoardWriter,
    private readonly takeAutoAccepted: () => NoteRow[],
    /** After a commit, with the notes it took from the queue onto their boards. */
    private readonly afterFlush: (accepted: readonly NoteRow[]) => void,
    /** How many notes wait in the room's queue, committed. */
    private readonly waitingNotes: () => number,
  ) {}

  queuedOf(participantId: string): ReadonlyMap<string, 1 | -1> {
    return this.queued.get(participantId) ?? new Map();
  }

  /** A participant's notes sent and not yet committed. */
  queuedNotes(participantId: string): number {
    return this.notesOf.get(participantId)?.size ?? 0;
  }

  /** Whether the participant's note with this key waits for the next commit. */
  hasQueuedNote(participantId: string, clientKey: string): boolean {
    return this.notesOf.get(participantId)?.has(clientKey) ?? false;
  }

  /** Settles once the note is committed; the same key again while it waits joins the same commit. */
  note(note: NewNote): Promise<void> {
    const mine = this.notesOf.get(note.participant.id) ?? new Map<string, QueuedNote>();
    const waiting = mine.get(note.clientKey);
    if (waiting) return waiting.committed;
    let done!: QueuedNote['done'];
    const committed = new Promise<void>((resolve, reject) => (done = (error) => (error ? reject(error) : resolve())));
    const queued = { ...note, committed, done };
    this.notes.push(queued);
    this.notesOf.set(note.participant.id, mine.set(note.clientKey, queued));
    this.schedule();
    return committed;
  }

  vote(boardId: string, participantId: string, nodeId: string, delta: 1 | -1): Promise<void> {
    const mine = this.queued.get(participantId) ?? new Map<string, 1 | -1>();
    mine.set(nodeId, delta);
    this.queued.set(participantId, mine);
    return new Promise((resolve, reject) => {
      this.votes.push({ boardId, participantId, nodeId, delta, done: (error) => (error ? reject(error) : resolve()) });
      this.schedule();
    });
  }

  schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), GROUP_COMMIT_MS);
  }

  /** What waits for the next commit, taken out of the queue. */
  private takeQueued(): { votes: VoteWrite[]; notes: QueuedNote[] } {
    const taken = { votes: this.votes, notes: this.notes };
    this.votes = [];
    this.notes = [];
    this.notesOf.clear();
    return taken;
  }

  /** Drops what is queued (the room closed): the phones are told nothing was saved. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { votes, notes } = this.takeQueued();
    this.queued.clear();
    votes.forEach((v) => v.done(new GroundworkError('forbidden', 'The room closed before your dot was saved', [])));
    notes.forEach((n) => n.done(new GroundworkError('forbidden', 'The room closed before your note was saved', [])));
  }

  flush(): void {
    this.timer = null;
    const { votes, notes } = this.takeQueued();
    // The room's queue holds at most ROOM_LIMITS.pendingNotes: counted once a commit, not for each
    // note sent (a count walks every waiting note, and a burst's 600 notes each paid for one).
    const fits = Math.max(0, ROOM_LIMITS.pendingNotes - (notes.length ? this.waitingNotes() : 0));
    const sent = notes.slice(0, fits);
    const refused = notes.slice(fits);
    refused.forEach((n) => n.done(new GroundworkError('too_large', 'The facilitator has many notes waiting: try again in a minute', [])));
    // Replies go out once the transaction has committed, never before.
    const settled: (() => void)[] = [];
    let accepted: NoteRow[] = [];
    try {
      this.writer.together(() => {
        if (sent.length) this.writer.insertNotes(sent);
        settled.push(...sent.map((n) => () => n.done()));
        const notes = this.takeAutoAccepted();
        accepted = notes;
        const boards = new Map<string, { votes: VoteWrite[]; notes: NoteRow[] }>();
        const of = (boardId: string) => boards.get(boardId) ?? boards.set(boardId, { votes: [], notes: [] }).get(boardId)!;
        for (const vote of votes) of(vote.boardId).votes.push(vote);
        for (const note of notes) of(note.board_id).notes.push(note);
        for (const [boardId, group] of boards) settled.push(...this.commit(boardId, group.votes, group.notes));
      });
      settled.forEach((settle) => settle());
    } catch (error) {
      votes.forEach((v) => v.done(error));
      sent.forEach((n) => n.done(error));
    }
    for (const vote of votes) {
      const mine = this.queued.get(vote.participantId);
      if (mine?.get(vote.nodeId) === vote.delta) mine.delete(vote.nodeId);
      if (mine?.size === 0) this.queued.delete(vote.participantId);
    }
    if (votes.length || sent.length || refused.length || accepted.length) this.afterFlush(accepted);
  }

  /** Commits one board's dots and accepted notes; returns how to tell each dot's phone. */
  private commit(boardId: string, votes: VoteWrite[], notes: NoteRow[]): (() => void)[] {
    try {
      const current = this.writer.votesOf(boardId);
      const placed = notes.length ? this.writer.inbox(boardId, notes) : { ops: [], nodeIds: [] };
      const net = new Map<string, number>();
      const write = () => {
        for (const vote of votes) {
          // A note removed meanwhile takes no dot; the same dot twice is one row.
          if (!current.has(vote.nodeId)) continue;
          const changed = vote.delta > 0 ? this.writer.insertVote(vote.participantId, vote.nodeId) : this.writer.deleteVote(vote.participantId, vote.nodeId);
          if (changed) net.set(vote.nodeId, (net.get(vote.nodeId) ?? 0) + vote.delta);
        }
        if (notes.length) this.writer.markAccepted(notes, placed.nodeIds);
      };
      // The vote rows decide the counts, so the ops are built inside the transaction, after them.
      const ops: Op[] = [...placed.ops];
      this.writer.apply(boardId, ops, () => {
        write();
        for (const [nodeId, delta] of net) if (delta !== 0) ops.push({ type: 'node.update', id: nodeId, data: { votes: Math.max(0, current.get(nodeId)! + delta) } });
      });
      return votes.map((v) => () => v.done());
    } catch (error) {
      // A board too full for the notes: they keep waiting for the facilitator, and the dots still land.
      if (notes.length && error instanceof GroundworkError && error.code === 'too_large') return this.commit(boardId, votes, []);
      return votes.map((v) => () => v.done(error));
    }
  }
}
