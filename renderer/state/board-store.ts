import { applyNodeChanges, applyEdgeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { Viewport } from '../../shared/model';
import { createDoc, withEdgesOfRemovedNodes, type BoardDoc, type Op } from '../../shared/ops';
import type { Reply } from '../../shared/api/wire';
import { api } from '../api/client';
import { CULLING_MIN_NODES, dropEstimates, estimatedOnArrival, isEstimated, measuredSizes, patchFlow, realSize, toFlowEdge, toShownFlowNode, type BoardFlowEdge, type BoardFlowNode } from './flow';
import { arrangeByLevels, bandStratumOps } from '../../shared/layout/arrange-by-levels';
import { expectedSize } from '../../shared/layout/expected-size';
import { keepArrangedOps } from '../../shared/layout/keep-arranged';
import { pushDownOps } from '../../shared/layout/notes';
import { roleSizes } from '../../shared/layout/role-size';
import { intersects } from '../canvas/edges/geometry';
import type { Box } from '../canvas/placement';
import { clearFindings, refreshFindings } from '../findings/findings-store';
import { frameContents, withFrameContents } from './frame-drag';
import { showError } from './toasts';
import { Arrivals } from './sync/arrivals';
import type { Batch } from './sync/batch';
import { BoardSync, type LoadedBoard } from './sync/board-sync';
import { DELETED_ELSEWHERE, describeNode, refusedEdit } from './sync/describe';
import { editorOutbox } from './sync/editor-outbox';
import { nextFrame } from './sync/next-frame';
import { joinTouched, touchedBy, type Touched } from './sync/replica';
import { UndoHistory, type Step, type StepKind } from './undo-history';

/** Where a canvas draws the nodes others add, a few a frame: see BoardStore.pacedArrivals. */
export interface PacedArrivals {
  drawn(): Box | undefined;
}

interface BoardStore {
  boardId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'missing';
  /** The board's revision in main that this replica has caught up with. */
  revision: number;
  doc: BoardDoc;
  nodes: BoardFlowNode[];
  edges: BoardFlowEdge[];
  /** The viewport stored with the board when it was opened; null means "fit the view". */
  initialViewport: Viewport | null;
  editingId: string | null;
  /** Whether the stratum bands show behind the map; a role dropped into a band takes its stratum. */
  strataBands: boolean;
  /** Whether every structural edit of the org map re-arranges it, in the same undo step. */
  keepArranged: boolean;
  /**
   * Whether others' new nodes join a few a frame (arrivals.ts): in the editor, where the
   * facilitator may be dragging while a room's burst comes in, those its canvas would draw, in
   * the part of the board `drawn` gives (undefined: all of it); null on the projector, where
   * nobody drags and every note should show as soon as it can.
   */
  pacedArrivals: PacedArrivals | null;
  /**
   * Whether the nodes of a board the canvas culls arrive with estimated sizes (flow.ts): on for the
   * editor's canvas; off on the projector, which draws every node and aims its camera by real sizes.
   */
  estimatesSizes: boolean;
  canUndo: boolean;
  canRedo: boolean;

  /**
   * Starts loading a board before it is opened: the page asks for the board in its address as it
   * starts, before React renders, and the editor while the session is on its way; `open` takes
   * that reply instead of asking again. Asked again for the same board, it keeps the first request.
   * `early` is main.tsx's request for it, already on its way (renderer/api/early-board.ts).
   */
  prefetch(boardId: string, early?: Promise<Reply | null>): void;
  /** The board's revision as its session reports it: a replica behind it catches up (BoardSync.heardOf). */
  heardOf(boardId: string, revision: number): void;
  open(boardId: string): Promise<void>;
  close(): void;
  /** The facilitator's edit: applied now, sent to main, undoable as one step. */
  edit(ops: Op[]): boolean;
  undo(): void;
  redo(): void;
  /** The editor's canvas: drags and nudges are edits, and a card's new size may move others. */
  onFlowNodesChange(changes: NodeChange<BoardFlowNode>[]): void;
  /**
   * A window that only shows the board (the projector): it keeps React Flow's measurements and
   * never edits. Its cards are drawn at other sizes than the editor's, so a note it saw grow
   * would push the ones below by another amount than the editor does, and both would send it.
   */
  onShownNodesChange(changes: NodeChange<BoardFlowNode>[]): void;
  onFlowEdgesChange(changes: EdgeChange<BoardFlowEdge>[]): void;
  setEditing(id: string | null): void;
  setStrataBands(on: boolean): void;
  setKeepArranged(on: boolean): void;
  setPacedArrivals(paced: PacedArrivals | null): void;
  setEstimatesSizes(on: boolean): void;
  selectOnly(ids: Iterable<string>): void;
}

const history = new UndoHistory();

/** The nodes React Flow has measured in `changes`. */
function measuredIn(changes: NodeChange<BoardFlowNode>[]): Set<string> {
  const ids = new Set<string>();
  for (const change of changes) if (change.type === 'dimensions' && change.dimensions) ids.add(change.id);
  return ids;
}
/** The contents of each frame being dragged, fixed when its drag starts. */
const draggedFrames = new Map<string, string[]>();

interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

const selections = new WeakMap<BoardFlowNode[], WeakMap<BoardFlowEdge[], Selection>>();

/**
 * The selected node and edge ids, worked out once per change of the flow arrays however many
 * components ask (a drag changes the node array every frame).
 */
export function selectionOf({ nodes, edges }: Pick<BoardStore, 'nodes' | 'edges'>): Selection {
  let byEdges = selections.get(nodes);
  if (!byEdges) selections.set(nodes, (byEdges = new WeakMap()));
  let selection = byEdges.get(edges);
  if (!selection) {
    selection = { nodeIds: nodes.filter((n) => n.selected).map((n) => n.id), edgeIds: edges.filter((e) => e.selected).map((e) => e.id) };
    byEdges.set(edges, selection);
  }
  return selection;
}

export const useBoard = create<BoardStore>((set, get) => {
  /**
   * What main told this window (others' edits, answers to its own) since the last frame: shown
   * together with the next one. A room's burst lands as a commit every few dozen ms; drawn one by
   * one, a canvas that falls behind would stay behind, each late commit a render of its own.
   */
  let unshown: Touched | null = null;
  /** Nodes others added that have not joined the canvas yet: a few join with each frame. */
  const arrivals = new Arrivals();
  // A hidden window draws no frames (nextFrame runs it on a timer): it takes every node at once.
  const showUnshown = nextFrame(() => showView(touchedBy([]), document.visibilityState === 'visible' ? get().pacedArrivals : null));
  const showNextFrame = (touched: Touched) => {
    unshown = unshown ? joinTouched(unshown, touched) : touched;
    showUnshown.request();
  };

  /**
   * The flow arrays and findings follow the replica's view where it changed (and where it changed
   * unshown). Others' new nodes join a few a frame (`paced`, what main told this window); anything
   * else shows them all first, as this window's own edits are made against every node main has.
   */
  const showView = (changed: Touched, paced: PacedArrivals | null = null) => {
    let touched = unshown ? joinTouched(unshown, changed) : changed;
    unshown = null;
    showUnshown.cancel();
    const replica = sync.replica;
    if (!replica) return;
    const doc = replica.view;
    if (touched.all) arrivals.clear();
    else if (paced) {
      const shown = new Set(get().nodes.map((n) => n.id));
      const area = paced.drawn();
      const drawn = (id: string) => {
        const node = doc.nodes.get(id);
        return !!node && (!area || intersects(area, { ...node.position, ...(node.size ?? expectedSize(node.kind, node.data)) }));
      };
      touched = arrivals.pace(touched, (id) => shown.has(id), drawn);
      if (arrivals.size) showUnshown.request();
    } else touched = arrivals.flush(touched);
    const estimated = estimatedOnArrival(get().estimatesSizes && doc.nodes.size >= CULLING_MIN_NODES, get().keepArranged);
    if (touched.all) {
      const previous = new Map(get().nodes.map((n) => [n.id, n]));
      const previousEdges = new Map(get().edges.map((e) => [e.id, e]));
      const toShown = toShownFlowNode(estimated, true);
      set({
        doc,
        revision: replica.revision,
        nodes: [...doc.nodes.values()].map((n) => toShown(n, previous.get(n.id))),
        edges: [...doc.edges.values()].map((e) => toFlowEdge(e, previousEdges.get(e.id))),
      });
    } else if (touched.nodes.size > 0 || touched.edges.size > 0 || doc !== get().doc) {
      const { nodes, edges } = get();
      set({
        doc,
        revision: replica.revision,
        nodes: patchFlow(nodes, doc.nodes, touched.nodes, toShownFlowNode(estimated, false)),
        edges: patchFlow(edges, doc.edges, touched.edges, toFlowEdge),
      });
    } else {
      // This window's own edit confirmed: the view stays as it was, the revision moves on.
      if (replica.revision !== get().revision) set({ revision: replica.revision });
      return;
    }
    endEditOfDeleted(doc);
    // A board shown whole (opened, reloaded) is checked at once, so the render that draws it draws its
    // findings' marks too; other changes are checked with the next frame.
    refreshFindings(doc, { now: touched.all });
  };

  /**
   * The card being typed into was deleted in another window: the typing ends, and the message says
   * what it was typed into. (This window's own delete cannot come first: leaving the field keeps it.)
   */
  const endEditOfDeleted = (doc: BoardDoc) => {
    const { editingId } = get();
    if (!editingId || doc.nodes.has(editingId)) return;
    const node = sync.replica?.nodeOf(editingId);
    get().setEditing(null);
    showError(new Error(`Not saved: what you typed in ${node ? describeNode(node) : 'a card'}. ${DELETED_ELSEWHERE}`));
  };

  const sync = new BoardSync(
    {
      getBoard: (id, batchIds) => api().call('board.get', { id, batchIds }),
      onBoardChanged: (listener) => api().on('board.changed', listener),
      onReconnect: (listener) => api().onReconnect(listener),
    },
    editorOutbox(),
    {
      viewChanged: showNextFrame,
      dropped: (batch, message) => {
        showError(new Error(message));
        forgetSteps(batch);
      },
    },
  );

  let prefetched: { boardId: string; reply: Promise<LoadedBoard> } | null = null;
  /** The board on its way to the canvas. */
  let opening: { boardId: string; done: Promise<void> } | null = null;

  async function load(boardId: string) {
    set({ boardId, status: 'loading', canUndo: history.canUndo(boardId), canRedo: history.canRedo(boardId) });
    const early = prefetched?.boardId === boardId ? prefetched.reply : undefined;
    prefetched = null;
    try {
      const board = await sync.load(boardId, early);
      if (!board || get().boardId !== boardId) return;
      set({ status: 'ready', initialViewport: board.viewport, editingId: null, nodes: [], edges: [] });
      showView({ nodes: new Set(), edges: new Set(), all: true });
    } catch (error) {
      if (get().boardId === boardId) set({ status: 'missing' });
      showError(error);
    }
  }

  /** Notes measured taller since the last settling; while a label is typed they wait for its end. */
  const grownNotes = new Set<string>();

  /** An edit that was never saved cannot be undone or redone: its steps go with it. */
  function forgetSteps(batch: Batch) {
    history.forgetBatch(batch.boardId, batch.id);
    if (get().boardId === batch.boardId) set({ canUndo: history.canUndo(batch.boardId), canRedo: history.canRedo(batch.boardId) });
  }

  /**
   * Applies ops to the view and sends them; returns the step that takes them back, or null when
   * they do not fit (`refused` says why).
   */
  const applyToReplica = (ops: Op[], refused: (error: unknown) => void = showError): Step | null => {
    let step: Step;
    try {
      const { inverse, batchIds } = sync.edit(ops);
      step = { ops: inverse, batchIds };
    } catch (error) {
      refused(error);
      return null;
    }
    showView(touchedBy(ops));
    return step;
  };

  const applyOwn = (ops: Op[], kind: StepKind): boolean => {
    const boardId = get().boardId;
    if (!boardId || ops.length === 0 || get().status !== 'ready') return false;
    // Undo and redo steps were made against the board as it was: others may have drawn edges since,
    // some perhaps not shown yet (they wait for the next frame, or their turn to join it).
    if (unshown || arrivals.size) showView(touchedBy([]));
    const inverse =
      kind === 'edit'
        ? applyToReplica(ops)
        : // A step made before another window deleted what it changes: said in the facilitator's words, not the op's.
          applyToReplica(withEdgesOfRemovedNodes(get().doc, ops), (error) =>
            showError(new Error(refusedEdit(kind === 'undone' ? 'Not undone' : 'Not redone', ops, (id) => sync.replica?.nodeOf(id), error))),
          );
    if (!inverse) return false;
    history.record(boardId, inverse, kind);
    set({ canUndo: history.canUndo(boardId), canRedo: history.canRedo(boardId) });
    return true;
  };

  /**
   * With Keep arranged on, cards React Flow has just measured (drawn for the first time, or grown
   * with their text) may no longer fit the arrangement: the moves that fit them join the step of
   * the edit that changed them, or make a step of their own (a board opened with cards measured
   * differently). Not while a label is being typed, nor after an undo while redo is possible.
   */
  const settleArrangement = () => {
    const { doc, nodes } = get();
    if (!canSettle()) return;
    try {
      amendLastStep(arrangeByLevels(doc, roleSizes(doc, measuredSizes(nodes))));
    } catch {
      // A map too wide to arrange stays as it is; Arrange by levels says why.
    }
  };

  /** Notes measured taller push the notes under them down (with Keep arranged or without). */
  const settleNotes = () => {
    if (!grownNotes.size || !canSettle()) return;
    const { doc, nodes } = get();
    const ops = pushDownOps(doc, measuredSizes(nodes), grownNotes);
    grownNotes.clear();
    amendLastStep(ops);
  };

  const canSettle = () => {
    const { boardId, editingId, status } = get();
    return !!boardId && !editingId && status === 'ready' && !history.canRedo(boardId);
  };

  /**
   * Ops the last edit caused, once the canvas measured its result: into that edit's step while it
   * is the latest, else a step of their own. The canvas measures a changed card only after it is
   * drawn, so the moves its real size calls for (Keep arranged, a grown note pushing the ones
   * below) come later; in the edit's step, they undo with it.
   */
  const amendLastStep = (ops: Op[]) => {
    const boardId = get().boardId;
    if (!ops.length || !boardId) return;
    if (!history.canAmend(boardId)) {
      applyOwn(ops, 'edit');
      return;
    }
    const inverse = applyToReplica(ops);
    if (inverse) history.amend(boardId, inverse);
  };

  return {
    boardId: null,
    status: 'idle',
    revision: 0,
    doc: createDoc(),
    nodes: [],
    edges: [],
    initialViewport: null,
    editingId: null,
    strataBands: false,
    keepArranged: false,
    pacedArrivals: null,
    estimatesSizes: true,
    canUndo: false,
    canRedo: false,

    prefetch(boardId, early) {
      if (prefetched?.boardId === boardId) return;
      // An early refusal is asked again over the socket, whose refusal this window handles; left to
      // reject here, it would be unhandled until the sync awaits it.
      const reply = sync.fetch(boardId, early?.then((r) => (r?.ok ? (r.result as LoadedBoard) : null)));
      // A board the session turns out not to have is never opened: its refusal is no news.
      reply.catch(() => undefined);
      prefetched = { boardId, reply };
    },

    heardOf: (boardId, revision) => sync.heardOf(boardId, revision),

    open(boardId) {
      const { boardId: openId, status } = get();
      if (openId === boardId && status === 'ready') return sync.reload();
      // The editor asks again as the address catches up with the board it chose: one request does.
      if (openId === boardId && status === 'loading' && opening?.boardId === boardId) return opening.done;
      const done = load(boardId).finally(() => {
        if (opening?.done === done) opening = null;
      });
      opening = { boardId, done };
      return done;
    },

    close() {
      prefetched = null;
      opening = null;
      sync.close();
      arrivals.clear();
      clearFindings();
      set({ boardId: null, status: 'idle', doc: createDoc(), nodes: [], edges: [], editingId: null });
    },

    edit(ops) {
      const { keepArranged, doc, nodes } = get();
      if (!keepArranged) return applyOwn(ops, 'edit');
      return applyOwn([...ops, ...keepArrangedOps(doc, ops, measuredSizes(nodes))], 'edit');
    },

    undo() {
      const { boardId } = get();
      const step = boardId ? history.takeUndo(boardId) : undefined;
      if (step && !applyOwn(step.ops, 'undone')) set({ canUndo: history.canUndo(boardId!) });
    },

    redo() {
      const { boardId } = get();
      const step = boardId ? history.takeRedo(boardId) : undefined;
      if (step && !applyOwn(step.ops, 'redone')) set({ canRedo: history.canRedo(boardId!) });
    },

    onFlowNodesChange(incoming) {
      const { doc, nodes, strataBands, editingId } = get();
      const changes = withFrameContents(incoming, doc, (frameId) => {
        let contents = draggedFrames.get(frameId);
        if (!contents) draggedFrames.set(frameId, (contents = frameContents(doc, frameId, nodes)));
        return contents;
      });
      const moves: Op[] = [];
      for (const change of changes) {
        // A drag's end and a keyboard nudge both arrive as a settled position: that is the edit.
        if (change.type === 'position' && change.dragging === false && change.position) {
          draggedFrames.delete(change.id);
          const node = doc.nodes.get(change.id);
          const before = node?.position;
          if (before && (before.x !== change.position.x || before.y !== change.position.y)) {
            moves.push({ type: 'node.move', id: change.id, position: change.position });
            if (strataBands && node.kind === 'role') moves.push(...bandStratumOps(doc, change.id, change.position.y));
          }
        }
      }
      const measuredIds = measuredIn(changes);
      // A note drawn taller than it was measured before (its text grew); a first measurement is no growth.
      let byId: Map<string, BoardFlowNode> | null = null;
      for (const change of changes) {
        if (change.type !== 'dimensions' || !change.dimensions || doc.nodes.get(change.id)?.kind !== 'note') continue;
        byId ??= new Map(nodes.map((n) => [n.id, n]));
        const shown = byId.get(change.id);
        // An estimate is no measurement either, but for the note being edited: it is drawn, and a
        // note drawn at just its estimate is never reported (flow.ts, toArrivingFlowNode).
        const before = realSize(shown)?.height ?? (editingId === change.id ? shown?.measured?.height : undefined);
        if (before && change.dimensions.height > before + 0.5) grownNotes.add(change.id);
      }
      set({ nodes: dropEstimates(applyNodeChanges(changes.filter((c) => c.type !== 'remove'), get().nodes), measuredIds) });
      if (moves.length) get().edit(moves);
      else if (get().keepArranged && [...measuredIds].some((id) => doc.nodes.get(id)?.kind === 'role')) settleArrangement();
      settleNotes();
    },

    onShownNodesChange(changes) {
      const measured = changes.filter((c) => c.type === 'dimensions');
      if (measured.length) set({ nodes: dropEstimates(applyNodeChanges(measured, get().nodes), measuredIn(measured)) });
    },

    onFlowEdgesChange(changes) {
      set({ edges: applyEdgeChanges(changes.filter((c) => c.type === 'select'), get().edges) });
    },

    setEditing(id) {
      set({ editingId: id });
      // The edit that keeps the text comes right after (useLabelEditing): settle once it is made.
      if (id === null) queueMicrotask(settleNotes);
    },
    setStrataBands: (on) => set({ strataBands: on }),
    setKeepArranged: (on) => {
      if (on === get().keepArranged) return;
      set({ keepArranged: on });
      // Roles shown with estimated sizes so far are drawn once to be measured (estimatedOnArrival).
      const estimatedRoles = on ? get().nodes.filter((n) => n.type === 'role' && isEstimated(n)) : [];
      if (estimatedRoles.length) showView({ nodes: new Set(estimatedRoles.map((n) => n.id)), edges: new Set(), all: false });
    },
    setPacedArrivals: (paced) => set({ pacedArrivals: paced }),
    setEstimatesSizes: (on) => set({ estimatesSizes: on }),

    selectOnly(ids) {
      const wanted = new Set(ids);
      set({
        nodes: get().nodes.map((n) => (!!n.selected === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) })),
        edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      });
    },
  };
});
