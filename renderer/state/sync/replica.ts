import type { BoardEdge, BoardNode } from '../../../shared/model';
import { applyOps, createDoc, type BoardDoc, type Op } from '../../../shared/ops';
import type { Batch } from './batch';

/** The ids of the nodes and edges whose view may have changed: the flow arrays patch only these. */
export interface Touched {
  nodes: Set<string>;
  edges: Set<string>;
  /** The whole view was rebuilt (a load): patching by ids is not enough. */
  all: boolean;
}

/** A board as main confirmed it, at `revision`. */
export interface ConfirmedBoard {
  revision: number;
  nodes: readonly BoardNode[];
  edges: readonly BoardEdge[];
}

interface Local {
  batch: Batch;
  /** The revision main gave it, once acknowledged; it stays in the view until the confirmed board reaches it. */
  revision?: number;
  /** Why it no longer applies on top of the confirmed board, when it does not. */
  unfit?: unknown;
}

export function touchedBy(ops: readonly Op[], into: Touched = { nodes: new Set(), edges: new Set(), all: false }): Touched {
  for (const op of ops) {
    if (op.type === 'node.add') into.nodes.add(op.node.id);
    else if (op.type === 'edge.add') into.edges.add(op.edge.id);
    else if (op.type.startsWith('node.')) into.nodes.add(op.id);
    else into.edges.add(op.id);
  }
  return into;
}

/** What `a` and `b` touched, together. */
export function joinTouched(a: Touched, b: Touched): Touched {
  return { nodes: new Set([...a.nodes, ...b.nodes]), edges: new Set([...a.edges, ...b.edges]), all: a.all || b.all };
}

const copyDoc = (doc: BoardDoc): BoardDoc => ({ nodes: new Map(doc.nodes), edges: new Map(doc.edges) });

/**
 * One window's copy of a board, kept as Replicache keeps its client view: the confirmed board
 * (main's state at `revision`) and this window's own batches that main has not confirmed yet.
 * The view the facilitator sees is the confirmed board with those batches replayed on top.
 * Changes arrive by revision (others' edits as events, this window's own as acknowledgements)
 * and are applied to the confirmed board strictly in order; what comes early waits.
 */
export class BoardReplica {
  private confirmed: BoardDoc;
  private confirmedRevision: number;
  private local: Local[] = [];
  private readonly arrived = new Map<number, { ops: readonly Op[]; batchId?: string }>();
  /** Nodes others deleted lately, so a message about an edit that was dropped can still name them. */
  private readonly departed = new Map<string, BoardNode>();
  view: BoardDoc;

  /** Main's state of the board, with this window's batches not yet confirmed (`pending`, in order), of which it holds `applied`. */
  constructor(board: ConfirmedBoard, pending: readonly Batch[] = [], applied: readonly string[] = []) {
    this.confirmed = createDoc(board.nodes, board.edges);
    this.confirmedRevision = board.revision;
    this.view = this.confirmed;
    this.local = pending.map((batch) => ({ batch }));
    this.load(board, applied);
  }

  get revision(): number {
    return this.confirmedRevision;
  }

  /** Whether something arrived past a revision that has not: a window that waits too long for it reloads. */
  get hasGap(): boolean {
    return this.arrived.size > 0;
  }

  get pendingIds(): string[] {
    return this.local.map((l) => l.batch.id);
  }

  /**
   * Main's state of the board again (a reconnect, a gap); `applied` names those of this
   * window's waiting batches that the state already holds.
   */
  load(board: ConfirmedBoard, applied: readonly string[]): Touched {
    // A reply that took its time: what arrived meanwhile has brought the board further already.
    if (board.revision < this.confirmedRevision) return touchedBy([]);
    const held = new Set(applied);
    this.confirmed = createDoc(board.nodes, board.edges);
    this.confirmedRevision = board.revision;
    for (const revision of this.arrived.keys()) if (revision <= board.revision) this.arrived.delete(revision);
    this.local = this.local.filter((l) => !held.has(l.batch.id) && !((l.revision ?? Infinity) <= board.revision));
    this.advance();
    this.rebuild();
    return { nodes: new Set(), edges: new Set(), all: true };
  }

  /**
   * This window's edit, split into batches: applied to the view at once, all or nothing.
   * Returns the ops that undo it; throws, with the view untouched, when it does not fit.
   */
  edit(batches: readonly Batch[]): Op[] {
    const inverse = applyOps(this.view, batches.flatMap((b) => b.ops));
    for (const batch of batches) this.local.push({ batch });
    return inverse;
  }

  /**
   * Main applied this window's batch as `revision`. A batch the replica never showed (one this
   * window took over from a page that closed) arrives like another window's edit.
   */
  acknowledged(batch: Batch, revision: number): Touched {
    const batchId = batch.id;
    const entry = this.local.find((l) => l.batch.id === batchId);
    if (!entry) return this.remote(revision, batch.ops);
    if (revision <= this.confirmedRevision) {
      this.local = this.local.filter((l) => l !== entry);
      return touchedBy([]);
    }
    entry.revision = revision;
    this.arrived.set(revision, { ops: entry.batch.ops, batchId });
    return this.advance();
  }

  /** Main refused this window's batch: it leaves the view. */
  rejected(batchId: string): Touched {
    const entry = this.local.find((l) => l.batch.id === batchId);
    if (!entry) return touchedBy([]);
    this.local = this.local.filter((l) => l !== entry);
    return entry.unfit !== undefined ? touchedBy([]) : this.rebuild();
  }

  /** Another window's edit, applied by main as `revision`. */
  remote(revision: number, ops: readonly Op[]): Touched {
    if (revision <= this.confirmedRevision) return touchedBy([]);
    this.arrived.set(revision, { ops });
    return this.advance();
  }

  /** Applies what has arrived, in revision order, to the confirmed board, and brings the view along. */
  private advance(): Touched {
    const foreign: Op[] = [];
    for (let next = this.arrived.get(this.confirmedRevision + 1); next; next = this.arrived.get(this.confirmedRevision + 1)) {
      this.rememberDeparting(next.ops);
      // Throws, with the confirmed board as it was, when main's ops do not fit it: the caller reloads.
      applyOps(this.confirmed, next.ops);
      this.arrived.delete(this.confirmedRevision + 1);
      this.confirmedRevision++;
      const own = next.batchId === undefined ? -1 : this.local.findIndex((l) => l.batch.id === next.batchId);
      if (own >= 0) {
        this.local.splice(own, 1);
        // Confirmed out of turn (an earlier own batch is still on its way): the order changed.
        if (own > 0) foreign.push(...next.ops);
      } else foreign.push(...next.ops);
    }
    if (foreign.length === 0) return touchedBy([]);
    if (this.local.length === 0 && this.view !== this.confirmed) {
      // Nothing of ours on top: the view is the confirmed board plus the same ops.
      applyOps(this.view, foreign);
      return touchedBy(foreign);
    }
    return touchedBy(foreign, this.rebuild());
  }

  private rememberDeparting(ops: readonly Op[]) {
    if (this.departed.size > 1000) this.departed.clear();
    for (const op of ops) {
      const node = op.type === 'node.remove' ? this.confirmed.nodes.get(op.id) : undefined;
      if (node) this.departed.set(node.id, node);
    }
  }

  /** The view again: a copy of the confirmed board with this window's batches replayed on top. */
  private rebuild(): Touched {
    const touched = touchedBy([]);
    const view = copyDoc(this.confirmed);
    for (const entry of this.local) {
      touchedBy(entry.batch.ops, touched);
      try {
        applyOps(view, entry.batch.ops);
        entry.unfit = undefined;
      } catch (error) {
        entry.unfit = error;
      }
    }
    this.view = view;
    return touched;
  }

  /** This window's batches that no longer apply on top of the confirmed board (their node was deleted elsewhere). */
  get unfit(): { batch: Batch; error: unknown }[] {
    return this.local.filter((l) => l.unfit !== undefined).map((l) => ({ batch: l.batch, error: l.unfit }));
  }

  /** The node as this window last knew it, also when another window has deleted it since. */
  nodeOf(id: string): BoardNode | undefined {
    return this.view.nodes.get(id) ?? this.confirmed.nodes.get(id) ?? this.departed.get(id);
  }

  /** A batch the caller dropped before it was sent (it was unfit): it leaves for good. */
  forget(batchId: string): void {
    this.local = this.local.filter((l) => l.batch.id !== batchId);
  }
}
