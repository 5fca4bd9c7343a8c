import { ReactFlow, ReactFlowProvider, useReactFlow, useStore, type ReactFlowState, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { edgeTypes } from '../canvas/edges/BoardEdge';
import { EdgeLabels } from '../canvas/edges/EdgeLabels';
import { nodeTypes } from '../canvas/nodes';
import { ConnectedNodesContext, useConnectedNodes } from '../canvas/nodes/Handles';
import { detailAt } from '../canvas/nodes/detail';
import { DetailContext } from '../canvas/nodes/WithDetail';
import { STATIC_FLOW_PROPS } from '../canvas/static-flow';
import { bandLabelGutter, StrataBands } from '../canvas/StrataBands';
import { useFlaggedEdges } from '../findings/flagged-edges';
import { timerOf } from '../../shared/presentation/timer';
import { Clock } from '../presentation/Clock';
import { cameraFor, legibleZoom, MIN_LEGIBLE_PX, PROJECTOR_DETAIL, type Rect } from '../presentation/camera';
import { currentItem, spotlightNode } from '../presentation/commands';
import { usePresentation } from '../presentation/presentation-store';
import { PresenterControls } from '../presentation/PresenterControls';
import { useAudienceWindow } from '../presentation/audience-window';
import { dimmedAround, dimmedBesideSpotlight, hiddenByReveal } from '../presentation/reveal';
import { revealItems, type RevealItem } from '../../shared/presentation/reveal';
import { PresentationShortcuts } from '../presentation/PresentationShortcuts';
import { usePresentationKeys } from '../presentation/usePresentationKeys';
import { VoteTally } from '../presentation/VoteTally';
import { VotingOnScreen } from '../presentation/VotingOnScreen';
import { useFollowVoting } from '../room/voting-state';
import { JoinOnScreen } from '../room/JoinCard';
import '../presentation/presentation.css';
import { useBoard } from '../state/board-store';
import { isHiddenNote, type NodeKind, type StepMeasurement } from '../../shared/model';
import { NoteNamesContext } from '../canvas/nodes/note-names';
import { ShownOnlyContext } from '../canvas/nodes/shown-only';
import { useNamesShown } from '../room/names-shown';
import { flowNodeBox, type BoardFlowNode } from '../state/flow';

/**
 * The rectangle a step shows (its frame with the cards that head it, or everything on its board),
 * the least zoom its nodes stay legible at, its cards, and the ids of the frame and its heads.
 */
function stepView(nodes: readonly BoardFlowNode[], frameId: string | null): { bounds: Rect; minZoom: number; cards: Rect[]; framing: string[] | null } | null {
  const frame = frameId ? nodes.find((n) => n.id === frameId) : undefined;
  const shown = frame ? [frame, ...headersOf(frame, nodes)] : nodes;
  if (!shown.length) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of shown) {
    const box = flowNodeBox(node);
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  const inside = frame ? nodes.filter((n) => n.position.x >= left && n.position.y >= top && n.position.x < right && n.position.y < bottom) : nodes;
  return {
    bounds: { x: left, y: top, width: right - left, height: bottom - top },
    minZoom: legibleZoom(frame && inside.length === 1 ? kindsToCome(nodes) : inside.map((n) => n.type!)),
    cards: inside.filter((n) => n.type !== 'frame').map(flowNodeBox),
    framing: frame ? shown.map((n) => n.id) : null,
  };
}

/** How far above a frame a card may end and still head it. */
const HEADER_GAP = 60;

/**
 * The cards that head a frame's columns: just above it, over its width (a process's steps, with
 * the frame their notes go under). The room needs them to read the frame, so the camera shows them with it.
 */
function headersOf(frame: BoardFlowNode, nodes: readonly BoardFlowNode[]): BoardFlowNode[] {
  const box = flowNodeBox(frame);
  return nodes.filter((n) => {
    if (n.type === 'frame') return false;
    const card = flowNodeBox(n);
    const [middle, bottom] = [card.x + card.width / 2, card.y + card.height];
    return middle >= box.x && middle <= box.x + box.width && bottom <= box.y && bottom >= box.y - HEADER_GAP;
  });
}

/** An empty step, or none at all. */
const ONE_PART: StepMeasurement = { parts: 1, itemParts: [], splits: false };

/** The part that shows each of the step's reveal items, in the order they are revealed. */
function revealedParts(nodes: readonly BoardFlowNode[], items: readonly RevealItem[], partOf: (card: Rect) => number): number[] {
  const ids = new Set(items.map((item) => item.nodeId));
  const boxes = new Map(nodes.filter((n) => ids.has(n.id)).map((n) => [n.id, flowNodeBox(n)]));
  return items.map((item) => {
    const box = boxes.get(item.nodeId);
    return box ? partOf(box) : 0;
  });
}

/**
 * What a room will place in an empty frame: cards of the kinds on the rest of the board (roles on
 * an org map), or notes on a board with none yet. The camera frames the empty step for them, or
 * the first to land would move it in the middle of the discussion.
 */
function kindsToCome(nodes: readonly BoardFlowNode[]): NodeKind[] {
  const kinds = new Set(nodes.map((n) => n.type!).filter((kind) => kind !== 'frame' && kind !== 'text'));
  return kinds.size ? [...kinds] : ['note'];
}

/** Within half a pixel and a thousandth of the zoom: the same view on screen. */
const sameViewport = (a: Viewport, b: Viewport) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < a.zoom / 1000;

const spotlightOnClick = (_: unknown, node: BoardFlowNode) => spotlightNode(node.id);

const paneWidthOf = (s: ReactFlowState) => s.width;
const paneHeightOf = (s: ReactFlowState) => s.height;

/** The step's title and its question, under the board, large enough for the back of the room. */
function StepCaption() {
  const step = usePresentation((s) => (s.state ? s.steps[Math.min(s.state.stepIndex, s.steps.length - 1)] : undefined));
  const question = usePresentation((s) => s.session?.agenda.find((item) => item.id === step?.agendaItemId)?.prompts[0]);
  if (!step) return null;
  return (
    <section className="audience-caption" aria-label="Current step">
      <h1>{step.title}</h1>
      {question && <p>{question}</p>}
    </section>
  );
}

/** `picking`: the presenter's controls are over the board, and a card clicked is spotlit. */
function Stage({ onMoving, picking }: { onMoving(moving: boolean): void; picking: boolean }) {
  const state = usePresentation((s) => s.state);
  const steps = usePresentation((s) => s.steps);
  const allNodes = useBoard((s) => s.nodes);
  // Notes private mode still hides never reach the projector: not drawn, not framed by the camera.
  const nodes = useMemo(() => allNodes.filter((n) => !isHiddenNote(n.type, n.data)), [allNodes]);
  /** Where the camera was last sent, as what it shows. */
  const [camera, setCamera] = useState<Viewport | null>(null);
  const cameraZoom = camera?.zoom ?? null;
  // Cards are drawn for where the camera goes, not for each frame of its glide: d3's smooth zoom
  // dips on the way, and cards drawn compact mid-glide would change the step's bounds, sending
  // the camera off again, back and forth.
  const detail = useStore((s) => detailAt(cameraZoom ?? s.transform[2], PROJECTOR_DETAIL));
  const edges = useFlaggedEdges(useBoard((s) => s.edges), state?.findingsVisible ?? true);
  const connected = useConnectedNodes(edges);
  const boardId = useBoard((s) => s.boardId);
  const strataBands = usePresentation((s) => s.session?.boards.find((b) => b.id === boardId)?.settings.strataBands ?? false);
  const status = useBoard((s) => s.status);
  const doc = useBoard((s) => s.doc);
  // Nothing is draggable here: the camera needs every node's size, and the projector never edits.
  const onNodesChange = useBoard((s) => s.onShownNodesChange);
  const flow = useReactFlow();
  // React Flow keeps the pane's size as it observes it: reading the element instead would lay
  // out the whole board again in the middle of each frame a room's notes arrive in.
  const paneWidth = useStore(paneWidthOf);
  const paneHeight = useStore(paneHeightOf);
  /** Where the camera was last sent. */
  const aimedAt = useRef<Viewport | null>(null);
  const step = state ? steps[Math.min(state.stepIndex, steps.length - 1)] : undefined;
  const measured = nodes.every((n) => n.measured?.width || n.width);
  const view = useMemo(() => (step && boardId === step.boardId ? stepView(nodes, step.frameId) : null), [nodes, step, boardId]);

  useEffect(() => {
    if (step && step.boardId !== useBoard.getState().boardId) void useBoard.getState().open(step.boardId);
  }, [step]);

  // The camera follows the step into the space the caption leaves; a step too large to read at
  // once is split into parts unless the presenter chose otherwise, and main learns how many (an
  // empty step, or none at all, is one part).
  useEffect(() => {
    if (!state) return;
    const { measured: report } = usePresentation.getState();
    if (!step) return report(state.stepIndex, ONE_PART);
    if (boardId !== step.boardId || !measured || status !== 'ready') return;
    if (!view) return report(state.stepIndex, ONE_PART);
    if (!paneWidth || !paneHeight) return;
    const flowElement = strataBands ? document.querySelector('.audience .react-flow') : null;
    const screen = { width: paneWidth, height: paneHeight, left: flowElement ? bandLabelGutter(flowElement) : 0 };
    const { viewport, parts, partOf } = cameraFor(view.bounds, screen, state.part, view.minZoom, state.fit, view.cards);
    report(state.stepIndex, {
      parts,
      itemParts: state.revealed === null ? [] : revealedParts(nodes, revealItems(useBoard.getState().doc.nodes, step.frameId), partOf),
      splits: cameraFor(view.bounds, screen, 0, view.minZoom, 'parts', view.cards).parts > 1,
    });
    // An edit that leaves the step's view where it is (a label typed, a card moved inside it)
    // moves no camera: a glide restarted on each edit would redraw the whole board for 600 ms.
    if (aimedAt.current && sameViewport(aimedAt.current, viewport)) return;
    aimedAt.current = viewport;
    setCamera(viewport);
    onMoving(true);
    void flow.setViewport(viewport, { duration: 600 }).then(() => onMoving(false));
  }, [state, step, boardId, view, nodes, measured, status, flow, onMoving, paneWidth, paneHeight, strataBands]);

  const revealed = state?.revealed ?? null;
  // Only with reveal on: the reading order sorts the whole board, and in a room's burst of notes
  // the stage renders for each commit.
  const items = step && revealed !== null ? revealItems(doc.nodes, step.frameId) : null;
  const unrevealed = items && revealed !== null ? hiddenByReveal(items, revealed) : null;
  const focus = items && view?.framing ? dimmedAround(new Set([...view.framing, ...items.map((item) => item.nodeId)]), edges) : '';
  const hiddenKey = unrevealed ? [...unrevealed.nodeIds].join('\n') : '';
  // An edge that meets a card not revealed yet would give it away, and so would its label.
  const shownEdges = useMemo(() => {
    if (!hiddenKey) return edges;
    const hidden = new Set(hiddenKey.split('\n'));
    return edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  }, [edges, hiddenKey]);
  // The board the camera shows once it has arrived: the legend lists the numbers on it.
  const shownArea = camera && paneWidth ? { x: -camera.x / camera.zoom, y: -camera.y / camera.zoom, width: paneWidth / camera.zoom, height: paneHeight / camera.zoom } : view?.bounds;
  const spotlight = state?.spotlightNodeId;
  const css = [
    unrevealed?.css ?? '',
    focus,
    spotlight ? dimmedBesideSpotlight(spotlight) : '',
  ]
    .filter(Boolean)
    .join('\n');

  return (
    <DetailContext.Provider value={detail}>
      <ShownOnlyContext.Provider value={true}>
        <ConnectedNodesContext.Provider value={connected}>
          {css && <style>{css}</style>}
          <ReactFlow
            nodes={nodes}
            edges={shownEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            className={`detail-${detail}`}
            // Frames' titles are sized for it (presentation.css): legible, and no larger than a narrow frame needs.
            style={cameraZoom ? ({ '--camera-zoom': cameraZoom } as CSSProperties) : undefined}
            onNodesChange={onNodesChange}
            onNodeClick={picking ? spotlightOnClick : undefined}
            {...STATIC_FLOW_PROPS}
          >
            {strataBands && <StrataBands />}
            <EdgeLabels minScreenPx={MIN_LEGIBLE_PX} legendArea={shownArea} deferred />
          </ReactFlow>
        </ConnectedNodesContext.Provider>
      </ShownOnlyContext.Provider>
    </DetailContext.Provider>
  );
}

/**
 * The audience view on the projector: only the board, in the projector theme, following the
 * presenter step by step and every edit live. One screen: O shows the presenter's controls on top.
 */
export function Audience({ sessionId }: { sessionId: string }) {
  const state = usePresentation((s) => s.state);
  const [overlay, setOverlay] = useState(false);
  const [help, setHelp] = useState(false);
  const [moving, setMoving] = useState(true);
  useAudienceWindow();
  useFollowVoting(sessionId);
  const namesShown = useNamesShown(sessionId);

  useEffect(() => {
    useBoard.getState().setEstimatesSizes(false);
    void usePresentation.getState().load(sessionId, { measures: true });
    return () => {
      useBoard.getState().close();
      useBoard.getState().setEstimatesSizes(true);
    };
  }, [sessionId]);

  // As in the editor: the room sees the neutral screen, and this window stays to show it.
  const leave = useCallback(() => {
    setOverlay(false);
    usePresentation.getState().update({ ended: true });
    if (document.fullscreenElement) void document.exitFullscreen();
  }, []);
  usePresentationKeys({
    arrowsOnlyWithoutSelection: false,
    hasSelection: () => false,
    onLeave: leave,
    onHelp: () => setHelp(true),
    onOverlay: () => setOverlay((o) => !o),
  });

  const item = state ? currentItem() : undefined;
  if (state?.ended) return <Ended sessionId={sessionId} joinVisible={state.joinVisible} />;
  return (
    <main className={`audience projector screen-${state?.screen ?? 'board'}${overlay ? ' with-controls' : ''}`} aria-label="Audience view" aria-busy={moving}>
      <ReactFlowProvider>
        <NoteNamesContext.Provider value={namesShown}>
          <Stage onMoving={setMoving} picking={overlay} />
        </NoteNamesContext.Provider>
      </ReactFlowProvider>
      <StepCaption />
      {state?.screen !== 'board' && <div className="screen-cover" aria-label={state?.screen === 'black' ? 'Black screen' : 'White screen'} role="img" />}
      {state?.timerVisible && item && <Clock item={item} timer={timerOf(state.timers, item.id)} className="audience-clock" />}
      {state?.tallyVisible && <VoteTally />}
      <VotingOnScreen sessionId={sessionId} />
      {overlay && (
        <div className="audience-overlay">
          <PresenterControls onHelp={() => setHelp(true)} onLeave={leave} showPrompts />
        </div>
      )}
      {state?.joinVisible && <JoinOnScreen sessionId={sessionId} />}
      {help && <PresentationShortcuts place="audience" onClose={() => setHelp(false)} />}
    </main>
  );
}

/** After End presentation: the session's title and nothing of the last step, until the next Present. */
function Ended({ sessionId, joinVisible }: { sessionId: string; joinVisible: boolean }) {
  const title = usePresentation((s) => s.session?.title);
  return (
    <main className="audience audience-ended" aria-label="Audience view">
      <h1>{title}</h1>
      <p>The presentation has ended</p>
      {joinVisible && <JoinOnScreen sessionId={sessionId} />}
    </main>
  );
}
