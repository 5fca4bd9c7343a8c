import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type NodeMouseHandler,
  type OnMoveEnd,
  type ReactFlowProps,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { startTransition, useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { allowedEdgeKinds, defaultEdgeData, newId, type EdgeKind } from '../../shared/model';
import { useFlaggedEdges } from '../findings/flagged-edges';
import { SidePanel } from '../panels/SidePanel';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { BoardMinimap } from './BoardMinimap';
import { addNodeToType } from './capture';
import { CaptureDialogs } from './CaptureDialogs';
import { ConnectMenu, type PendingConnection } from './ConnectMenu';
import { DotGrid } from './DotGrid';
import { AroundCardsContext, edgeTypes } from './edges/BoardEdge';
import { EdgeLabels } from './edges/EdgeLabels';
import { nodeTypes } from './nodes';
import { culls, drawnArea } from './on-screen';
import { FIT_VIEW, fittedView } from './opening-view';
import { detailAt, EDITOR_DETAIL, type Detail } from './nodes/detail';
import { DetailContext } from './nodes/WithDetail';
import { Palette } from './Palette';
import { StrataBands } from './StrataBands';
import { PresenceOutlines } from '../presence/PresenceOutlines';
import { useCanvasKeys } from './useCanvasKeys';
import { useViewportSaver } from './useViewportSaver';
import { ZOOM_RANGE } from './zoom-range';

const SNAP_GRID: [number, number] = [16, 16];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/**
 * Past this many nodes the canvas has no minimap: it is drawn again whenever the view moves beyond
 * the board, and a pan over a fitted board of thousands would pay for that on every frame.
 */
const MINIMAP_MAX_NODES = 1000;
/**
 * Zoomed out, cards show less (detail.ts); at bare shapes the snapping dots (under 8px apart) go
 * too, which makes a pan or a drag over a whole big board far cheaper to draw.
 */
const detailOf = (s: { transform: [number, number, number] }): Detail => detailAt(s.transform[2], EDITOR_DETAIL);

/**
 * From this many nodes the first frames draw the edges straight: routing thousands of them around
 * the cards would hold the whole board back. They take their routes once the board is on screen, in
 * a render that gives way to every frame (a transition), so a pan or a drag meanwhile stays smooth.
 */
const STRAIGHT_FIRST_MIN_NODES = 200;

function useAroundCards(): boolean {
  const [aroundCards, setAroundCards] = useState(() => useBoard.getState().nodes.length < STRAIGHT_FIRST_MIN_NODES);
  useEffect(() => {
    if (aroundCards) return;
    const idle = requestIdleCallback(() => startTransition(() => setAroundCards(true)), { timeout: 1000 });
    return () => cancelIdleCallback(idle);
  }, [aroundCards]);
  return aroundCards;
}

/**
 * The view the board opens at: its stored one, else the whole board fitted (fittedView) to the pane
 * the stand-in fills, worked out before the first frame and stored as the board's. `fits`: React
 * Flow fits the board again once it has measured it, for cards whose size was only a guess.
 */
function useOpeningView(save: (viewport: Viewport) => void): { view: Viewport | null; fits: boolean; standIn: RefObject<HTMLDivElement | null> } {
  const stored = useBoard((s) => s.initialViewport);
  const [fitted, setFitted] = useState<Viewport | null>(null);
  const standIn = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (stored || !standIn.current) return;
    const { width, height } = standIn.current.getBoundingClientRect();
    const view = fittedView(useBoard.getState().nodes, width, height);
    setFitted(view);
    save(view);
  }, [stored, save]);
  return { view: stored ?? fitted, fits: !stored, standIn };
}

function addEdge(source: string, target: string, kind: EdgeKind): void {
  useBoard.getState().edit([{ type: 'edge.add', edge: { id: newId('e'), kind, source, target, data: defaultEdgeData(kind) } }]);
}

const startEditing: NodeMouseHandler<BoardFlowNode> = (_event, node) => useBoard.getState().setEditing(node.id);
// Dragging swallows the focus a click would give; the clicked node takes it, so Enter edits it
// and the arrow keys move it, instead of acting on whatever button had focus before.
const focusNode: NodeMouseHandler<BoardFlowNode> = (event) => {
  if (!(event.target as HTMLElement).closest('button, input, textarea, select')) (event.currentTarget as HTMLElement).focus();
};

interface SettingsProps {
  onToggleBands(on: boolean): void;
  /** Whether the board's "Keep arranged" was ever set, on or off: a choice the keyboard leaves alone. */
  keepArrangedChosen: boolean;
  onKeepArranged(on: boolean): void;
}

/**
 * React Flow with the board's nodes and edges: the one part of the canvas that renders again on
 * every frame of a drag. What it is given besides (the layers drawn with it, the handlers) comes
 * from Flow, which does not, so React skips those.
 */
function BoardFlow(props: Omit<ReactFlowProps<BoardFlowNode, BoardFlowEdge>, 'nodes' | 'edges'>) {
  const nodes = useBoard((s) => s.nodes);
  const edges = useFlaggedEdges(useBoard((s) => s.edges));
  return <ReactFlow nodes={nodes} edges={edges} {...props} />;
}

function Flow({ boardId, onToggleBands, keepArrangedChosen, onKeepArranged }: { boardId: string } & SettingsProps) {
  const detail = useStore(detailOf);
  const overview = detail === 'shapes';
  const strataBands = useBoard((s) => s.strataBands);
  const onNodesChange = useBoard((s) => s.onFlowNodesChange);
  const onEdgesChange = useBoard((s) => s.onFlowEdgesChange);
  const culling = useBoard((s) => culls(s.nodes.length, detail));
  const showMinimap = useBoard((s) => s.nodes.length <= MINIMAP_MAX_NODES);
  const aroundCards = useAroundCards();
  const saveViewport = useViewportSaver(boardId);
  const { view, fits, standIn } = useOpeningView(saveViewport);
  const onMoveEnd: OnMoveEnd = useCallback((_event, viewport) => saveViewport(viewport), [saveViewport]);
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  const [pending, setPending] = useState<PendingConnection | null>(null);
  useCanvasKeys(flow, { keepArrangedChosen, onKeepArranged });
  const flowStore = useStoreApi<BoardFlowNode, BoardFlowEdge>();
  useEffect(() => {
    useBoard.getState().setPacedArrivals({ drawn: () => drawnArea(flowStore.getState(), useBoard.getState().nodes.length) });
    return () => useBoard.getState().setPacedArrivals(null);
  }, [flowStore]);

  // A double-click on the empty canvas puts a note there, ready to type.
  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      if (!(event.target as HTMLElement).classList.contains('react-flow__pane')) return;
      addNodeToType('note', flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow],
  );

  // Connecting two nodes offers only the edge kinds that make sense for them.
  const onConnect = useCallback((connection: Connection) => {
    const { doc } = useBoard.getState();
    const source = doc.nodes.get(connection.source);
    const target = doc.nodes.get(connection.target);
    if (!source || !target || source.id === target.id) return;
    const kinds = allowedEdgeKinds(source.kind, target.kind);
    if (kinds.length === 1) return addEdge(source.id, target.id, kinds[0]);
    const pointer = lastPointer;
    setPending({ source: source.id, target: target.id, kinds, x: pointer.x, y: pointer.y });
  }, []);

  return (
    <div className="canvas" aria-label="Board canvas" onPointerUp={(e) => (lastPointer = { x: e.clientX, y: e.clientY })}>
      <Palette flow={flow} onToggleBands={onToggleBands} onKeepArranged={onKeepArranged} />
      <DetailContext.Provider value={detail}>
        <AroundCardsContext.Provider value={aroundCards}>
          {view ? (
            <BoardFlow
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              className={`detail-${detail}${culling ? ' culled' : ''}`}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onNodeClick={focusNode}
              onNodeDoubleClick={startEditing}
              onDoubleClick={onDoubleClick}
              onMoveEnd={onMoveEnd}
              defaultViewport={view}
              fitView={fits}
              fitViewOptions={FIT_VIEW}
              {...ZOOM_RANGE}
              snapToGrid
              snapGrid={SNAP_GRID}
              deleteKeyCode={null}
              multiSelectionKeyCode={MULTI_SELECT_KEYS}
              elevateNodesOnSelect={false}
              // From CULLING_MIN_NODES only what is on screen is in the DOM: a board opens at its working
              // view in the time its visible part takes, and panning or dragging does not touch the rest.
              onlyRenderVisibleElements={culling}
              zoomOnDoubleClick={false}
              proOptions={{ hideAttribution: true }}
            >
              {!overview && <DotGrid gap={SNAP_GRID[0] * 2} size={1.5} />}
              {strataBands && <StrataBands />}
              <EdgeLabels deferred />
              <PresenceOutlines />
              <Controls position="bottom-left" showInteractive={false} fitViewOptions={FIT_VIEW} />
              {showMinimap && <BoardMinimap label="Minimap" />}
            </BoardFlow>
          ) : (
            <div ref={standIn} />
          )}
        </AroundCardsContext.Provider>
      </DetailContext.Provider>
      <CaptureDialogs />
      {pending && (
        <ConnectMenu
          pending={pending}
          onCancel={() => setPending(null)}
          onChoose={(kind) => {
            addEdge(pending.source, pending.target, kind);
            setPending(null);
          }}
        />
      )}
    </div>
  );
}

/** Where the last pointer went up: the connect menu opens there, at the end of the drawn connection. */
let lastPointer = { x: 0, y: 0 };

/** The board's canvas and its side panel; remounted per board so each opens at its own stored viewport. */
export function Canvas({ boardId, ...settings }: { boardId: string } & SettingsProps) {
  return (
    <ReactFlowProvider key={boardId}>
      <div className="workspace">
        <Flow boardId={boardId} {...settings} />
        <SidePanel />
      </div>
    </ReactFlowProvider>
  );
}
