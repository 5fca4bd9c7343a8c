import { GroundworkError } from '../../../shared/errors';
import { LIMITS, type Board } from '../../../shared/model';
import type { Op } from '../../../shared/ops';
import { toBatches, type Batch } from './batch';
import { refusedEdit } from './describe';
import type { Outbox } from './outbox';
import { BoardReplica, type Touched } from './replica';

export type LoadedBoard = Board & { appliedBatches?: string[] };

/** What the sync needs of main: the board, and the edits others make to it. */
interface SyncApi {
  getBoard(id: string, batchIds: string[]): Promise<LoadedBoard>;
  onBoardChanged(listener: (change: { boardId: string; revision: number; ops: Op[] }) => void): () => void;
  onReconnect(listener: () => void): () => void;
}

/** What the sync tells the window. */
interface SyncHost {
  /** The view of the open board changed where `touched` says. */
  viewChanged(touched: Touched): void;
  /** An edit was dropped, never to be saved: the message names it and says why. */
  dropped(batch: Batch, message: string): void;
}

/** How long a revision may be missing while later ones wait before the board is asked for again. */
const GAP_RELOAD_MS = 1_000;

/**
 * Keeps the open board's replica in step with main: this window's edits go out through the
 * outbox, others' edits and this window's acknowledgements come in by revision, and a window
 * that missed something (a gap, a reconnect) asks for the board again, naming the batches of its
 * own that it still waits for, so it replays only those main does not hold yet.
 */
export class BoardSync {
  private open: { boardId: string; replica: BoardReplica } | null = null;
  /**
   * What arrives while the board is on its way (others' edits, main's answers to this window's
   * batches): applied to the replica once it is made, which takes only what is past its revision.
   */
  private loading: { boardId: string; arrived: ((replica: BoardReplica) => Touched)[] } | null = null;
  /** The latest revision main has announced of each board: a reply older than that is stale. */
  private heard = new Map<string, number>();
  private reloading: Promise<void> | null = null;
  /** Loads waiting for the connection to come back before they ask for their board again. */
  private waitingForConnection = new Set<() => void>();
  private reloadAgain = false;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: SyncApi,
    private readonly outbox: Outbox,
    private readonly host: SyncHost,
  ) {
    api.onBoardChanged(({ boardId, revision, ops }) => {
      this.hear(boardId, revision);
      this.change(boardId, (r) => r.remote(revision, ops));
    });
    api.onReconnect(() => {
      this.resumeWaitingLoads();
      this.outbox.retryNow();
      void this.reload();
    });
    outbox.on({
      acknowledged: (batch, revision) => {
        this.hear(batch.boardId, revision);
        this.change(batch.boardId, (r) => r.acknowledged(batch, revision));
      },
      rejected: (batch, error) => {
        this.host.dropped(batch, this.droppedMessage(batch, error));
        this.change(batch.boardId, (r) => r.rejected(batch.id));
      },
    });
  }

  get replica(): BoardReplica | null {
    return this.open?.replica ?? null;
  }

  /**
   * Main's board with this window's waiting edits on top; `early` is a `board.get` already on its
   * way. Unreachable, it asks again once the connection is back. Null when another `load` or a
   * `close` came after it: the view is theirs.
   */
  async load(boardId: string, early?: Promise<LoadedBoard>): Promise<LoadedBoard | null> {
    this.close();
    const loading = (this.loading = { boardId, arrived: [] });
    let board: LoadedBoard;
    try {
      board = await this.firstReply(boardId, loading, early);
    } catch (error) {
      if (this.loading !== loading) return null;
      this.loading = null;
      throw error;
    }
    if (this.loading !== loading) return null;
    this.loading = null;
    this.open = { boardId, replica: new BoardReplica(board, this.outbox.pendingFor(boardId), board.appliedBatches ?? []) };
    for (const apply of loading.arrived) this.change(boardId, apply);
    this.dropUnfit();
    // An early reply can predate what this window has since heard of the board.
    if ((this.heard.get(boardId) ?? -1) > this.open.replica.revision) void this.reload();
    return board;
  }

  private hear(boardId: string, revision: number) {
    if (revision > (this.heard.get(boardId) ?? -1)) this.heard.set(boardId, revision);
  }

  private resumeWaitingLoads() {
    const waiting = [...this.waitingForConnection];
    this.waitingForConnection.clear();
    waiting.forEach((resume) => resume());
  }

  private async firstReply(boardId: string, loading: NonNullable<BoardSync['loading']>, early?: Promise<LoadedBoard>): Promise<LoadedBoard> {
    for (let reply = early ?? this.fetch(boardId); ; reply = this.fetch(boardId)) {
      try {
        return await reply;
      } catch (error) {
        if (!(error instanceof GroundworkError && error.code === 'unavailable') || this.loading !== loading) throw error;
        // An early request may have failed before the connection came back: ask now, not at the next reconnect.
        if (reply === early) {
          early = undefined;
          continue;
        }
        await new Promise<void>((resume) => this.waitingForConnection.add(resume));
        if (this.loading !== loading) throw error;
      }
    }
  }

  close(): void {
    this.open = null;
    this.loading = null;
    this.resumeWaitingLoads();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  /**
   * This window's edit: into the view at once, then out to main. Returns the ops that undo it and
   * the batches it travels in; throws when it does not fit the view.
   */
  edit(ops: readonly Op[]): { inverse: Op[]; batchIds: string[] } {
    const open = this.open;
    if (!open) throw new GroundworkError('not_found', 'No board is open');
    const batches = toBatches(open.boardId, ops);
    const inverse = open.replica.edit(batches);
    this.outbox.add(batches);
    return { inverse, batchIds: batches.map((b) => b.id) };
  }

  /**
   * Asks main for the open board again and replays what of this window's it does not hold yet.
   * Asked while a reload is on its way, it asks once more after it: that reply may predate the
   * reason for asking.
   */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.reloadOnce().finally(() => {
      this.reloading = null;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        void this.reload();
      }
    });
    return this.reloading;
  }

  private async reloadOnce(): Promise<void> {
    const open = this.open;
    if (!open) return;
    let board: LoadedBoard;
    try {
      board = await this.fetch(open.boardId);
    } catch (error) {
      // Unreachable: the next reconnect reloads. Gone: the editor finds out from the session.
      if (error instanceof GroundworkError && (error.code === 'unavailable' || error.code === 'not_found')) return;
      throw error;
    }
    if (this.open !== open) return;
    this.host.viewChanged(open.replica.load(board, board.appliedBatches ?? []));
    this.dropUnfit();
    this.watchGap();
  }

  /**
   * Main's board, and which of this window's waiting batches for it main already holds. `early`
   * is a reply asked for without naming any (see renderer/api/early-board.ts): it stands when no
   * batch for the board waits, and null (that request failed or was refused) means asking here.
   */
  async fetch(boardId: string, early?: Promise<LoadedBoard | null>): Promise<LoadedBoard> {
    await this.outbox.ready;
    const pending = () => (this.open?.boardId === boardId ? this.open.replica.pendingIds : this.outbox.pendingFor(boardId).map((b) => b.id));
    if (early && pending().length === 0) {
      const board = await early;
      if (board) return board;
    }
    return this.api.getBoard(boardId, pending().slice(0, LIMITS.batchIdsPerGet));
  }

  /**
   * A revision of the board learnt other than from its events (its session's summary): an open
   * replica still behind it after GAP_RELOAD_MS (an event or acknowledgement may be on its way)
   * asks again. That is how a board read before this window's socket started
   * catches up with an edit made in between, which no event brings.
   */
  heardOf(boardId: string, revision: number): void {
    this.hear(boardId, revision);
    this.watchGap();
  }

  private change(boardId: string, apply: (replica: BoardReplica) => Touched) {
    if (this.loading?.boardId === boardId) return void this.loading.arrived.push(apply);
    const open = this.open;
    if (!open || open.boardId !== boardId) return;
    let touched: Touched;
    try {
      touched = apply(open.replica);
    } catch {
      // Main's ops did not apply to the confirmed board: it is not main's board any more.
      void this.reload();
      return;
    }
    this.host.viewChanged(touched);
    this.dropUnfit();
    this.watchGap();
  }

  /** Edits of this window that others' edits have made impossible: dropped, with a message, unless already on their way. */
  private dropUnfit() {
    const open = this.open;
    if (!open) return;
    for (const { batch, error } of open.replica.unfit) {
      if (!this.outbox.discard(batch.id)) continue;
      open.replica.forget(batch.id);
      this.host.dropped(batch, this.droppedMessage(batch, error));
    }
  }

  /** Whether the open replica misses a revision: one that arrived after it waits, or main is known to be past it. */
  private behind(): boolean {
    const open = this.open;
    return !!open && (open.replica.hasGap || open.replica.revision < (this.heard.get(open.boardId) ?? -1));
  }

  private watchGap() {
    if (this.gapTimer || !this.behind()) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.behind()) void this.reload();
    }, GAP_RELOAD_MS);
  }

  private droppedMessage(batch: Batch, error: unknown): string {
    const replica = this.open?.boardId === batch.boardId ? this.open.replica : null;
    return refusedEdit('Not saved', batch.ops, (id) => replica?.nodeOf(id), error);
  }
}
