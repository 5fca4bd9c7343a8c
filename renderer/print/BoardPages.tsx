import { ReactFlow, ReactFlowProvider, useNodesInitialized, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { checkBoard } from '../../shared/levels/checks';
import type { Finding } from '../../shared/levels/findings';
import type { Board } from '../../shared/model';
import { createDoc } from '../../shared/ops';
import { edgeTypes } from '../canvas/edges/BoardEdge';
import { EdgeLabels } from '../canvas/edges/EdgeLabels';
import { nodeTypes } from '../canvas/nodes';
import { ConnectedNodesContext, useConnectedNodes } from '../canvas/nodes/Handles';
import { detailAt, type Detail } from '../canvas/nodes/detail';
import { DetailContext } from '../canvas/nodes/WithDetail';
import { STATIC_FLOW_PROPS } from '../canvas/static-flow';
import { bandLabelGutter, StrataBands, StrataBandsAt } from '../canvas/StrataBands';
import { flagEdges } from '../findings/flagged-edges';
import { toFlowEdge, toFlowNode, type BoardFlowEdge, type BoardFlowNode } from '../state/flow';
import { GRID_LABEL_PX, minPrintZoom, planBoard, PRINT_DETAIL, rowName, tileName, type Area, type Rect, type Tile, type Viewport } from './pages';
import { copyForTile } from './tile-copy';

type Plan = ReturnType<typeof planBoard>;

/** Two frames: React Flow draws the edges in the frame after it has measured the nodes. */
const afterPaint = (then: () => void) => requestAnimationFrame(() => requestAnimationFrame(then));

/** Calls `onMeasured` with the bounds of every node, once React Flow has measured them all, and the band labels' gutter. */
function MeasureBounds({ onMeasured, drawn }: { onMeasured(bounds: Rect, leftGutter: number): void; drawn: React.RefObject<HTMLDivElement | null> }) {
  const initialised = useNodesInitialized();
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  useEffect(() => {
    if (initialised && drawn.current) onMeasured(flow.getNodesBounds(flow.getNodes()), bandLabelGutter(drawn.current));
  }, [initialised, flow, onMeasured, drawn]);
  return null;
}

/** Moves the camera to `viewport` and reports, a paint later, that the page is drawn. */
function ShowViewport({ viewport, onShown }: { viewport: Viewport | null; onShown(): void }) {
  const initialised = useNodesInitialized();
  const flow = useReactFlow();
  useEffect(() => {
    if (!initialised || !viewport) return;
    void flow.setViewport(viewport).then(() => afterPaint(onShown));
  }, [initialised, viewport, flow, onShown]);
  return null;
}

/** The checks' findings on a board's edges (a compression, a gap): the handout shows them as the editor does. */
function findingsByEdge(board: Board): Map<string, Finding[]> {
  const byEdge = new Map<string, Finding[]>();
  for (const finding of checkBoard(createDoc(board.nodes, board.edges))) {
    for (const id of finding.edgeIds) byEdge.set(id, [...(byEdge.get(id) ?? []), finding]);
  }
  return byEdge;
}

interface FlowPageProps {
  title: string;
  nodes: BoardFlowNode[];
  edges: BoardFlowEdge[];
  detail: Detail;
  strataBands: boolean;
  area: Area;
  height: number;
  viewport: Viewport | null;
  onMeasured?(bounds: Rect, leftGutter: number): void;
  /** Called with the drawn board (its React Flow viewport) once it shows `viewport`. */
  onShown(drawn: HTMLElement): void;
  /** Drawn over the board: the overview's tile grid. */
  overlay?: React.ReactNode;
}

function BoardPage({ title, height, area, children }: { title: string; height: number; area: Area; children: React.ReactNode }) {
  return (
    <section className="print-page print-board" style={{ height }} aria-label={title}>
      <header className="print-board-title">
        <h2>{title}</h2>
      </header>
      <div className="print-board-area" style={{ width: area.width, height: area.height }}>
        {children}
      </div>
    </section>
  );
}

const FlowPage = memo(function FlowPage({ title, nodes, edges, detail, strataBands, area, height, viewport, onMeasured, onShown, overlay }: FlowPageProps) {
  const flowRef = useRef<HTMLDivElement>(null);
  const connected = useConnectedNodes(edges);
  const shown = useCallback(() => {
    const drawn = flowRef.current?.querySelector<HTMLElement>('.react-flow__viewport');
    if (drawn) onShown(drawn);
  }, [onShown]);
  return (
    <BoardPage title={title} height={height} area={area}>
      <ReactFlowProvider>
        <DetailContext.Provider value={detail}>
          <ConnectedNodesContext.Provider value={connected}>
            {/* The edges are passed on each change: their marks' words follow the detail. */}
            <ReactFlow ref={flowRef} defaultNodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} className={`detail-${detail}`} defaultViewport={viewport ?? undefined} {...STATIC_FLOW_PROPS} minZoom={0.01}>
              {strataBands && <StrataBands />}
              <EdgeLabels />
              {onMeasured && <MeasureBounds onMeasured={onMeasured} drawn={flowRef} />}
              <ShowViewport viewport={viewport} onShown={shown} />
            </ReactFlow>
          </ConnectedNodesContext.Provider>
        </DetailContext.Provider>
      </ReactFlowProvider>
      {overlay}
    </BoardPage>
  );
});

/**
 * A tile of a large board: a copy of the overview's drawn board under the tile's camera. Static
 * DOM prints the same (text as text, edges as vectors) and costs a fraction of another React Flow.
 */
const TilePage = memo(function TilePage({ title, area, height, drawn, viewport, strataBands, onShown }: { title: string; area: Area; height: number; drawn: HTMLElement; viewport: Viewport; strataBands: boolean; onShown(): void }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const copy = copyForTile(drawn, viewport, area);
    copy.style.transform = `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`;
    host.current?.append(copy);
    afterPaint(onShown);
    return () => copy.remove();
  }, [drawn, viewport, area, onShown]);
  return (
    <BoardPage title={title} height={height} area={area}>
      <div ref={host} className="react-flow print-tile-copy" aria-hidden="true">
        {strataBands && <StrataBandsAt y={viewport.y} zoom={viewport.zoom} />}
      </div>
    </BoardPage>
  );
});

/**
 * The overview's grid: where each tile's page is on the board, read as on a map: the row's letter
 * at its left, the column's number above it (tile B2 is the second row's second column).
 */
function TileGrid({ tiles, viewport }: { tiles: readonly Tile[]; viewport: Viewport }) {
  const box = (rect: Rect) => ({ left: viewport.x + rect.x * viewport.zoom, top: viewport.y + rect.y * viewport.zoom, width: rect.width * viewport.zoom, height: rect.height * viewport.zoom });
  return (
    <div className="print-tile-grid" aria-hidden="true">
      {tiles.map((tile) => (
        <div key={tileName(tile)} className="print-tile" style={box(tile.rect)} />
      ))}
      {tiles
        .filter((tile) => tile.row === 0)
        .map((tile) => {
          const { left, top, width } = box(tile.rect);
          return (
            <span key={`column ${tile.column}`} className="print-tile-label" style={{ left, top: top - GRID_LABEL_PX, width, height: GRID_LABEL_PX }}>
              {tile.column + 1}
            </span>
          );
        })}
      {tiles
        .filter((tile) => tile.column === 0)
        .map((tile) => {
          const { left, top, height } = box(tile.rect);
          return (
            <span key={`row ${tile.row}`} className="print-tile-label" style={{ left: left - GRID_LABEL_PX, top, width: GRID_LABEL_PX, height }}>
              {rowName(tile.row)}
            </span>
          );
        })}
    </div>
  );
}

/**
 * One board's pages: the board fitted to a page, or, when that would be too small to read, an
 * overview with a grid followed by one page per tile. Reports `onReady` once every page is drawn.
 */
export const BoardPages = memo(function BoardPages({ board, area, height, onReady }: { board: Board; area: Area; height: number; onReady(boardId: string): void }) {
  const nodes = useMemo(() => board.nodes.map((n) => toFlowNode(n)), [board.nodes]);
  const [plan, setPlan] = useState<Plan | null>(null);
  const detail = plan ? detailAt(plan.fit.zoom, PRINT_DETAIL) : 'full';
  // Paper has no pointer: no edge needs the wide transparent path React Flow adds for hovering it.
  const edges = useMemo(() => flagEdges(board.edges.map((e) => ({ ...toFlowEdge(e), interactionWidth: 0 })), findingsByEdge(board)), [board]);
  const minZoom = useMemo(() => minPrintZoom(board.nodes.map((n) => n.kind)), [board.nodes]);
  const [overview, setOverview] = useState<HTMLElement | null>(null);
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());

  const pages = plan ? 1 + plan.tiles.length : 1;
  useEffect(() => {
    if (nodes.length === 0 || (plan && shown.size === pages)) onReady(board.id);
  }, [nodes.length, plan, shown, pages, board.id, onReady]);

  // Stable callbacks, one per page, so a page that is drawn is not drawn again.
  const shownPage = (key: string) => () => setShown((current) => (current.has(key) ? current : new Set(current).add(key)));
  const measured = useCallback((bounds: Rect, leftGutter: number) => setPlan(planBoard(bounds, area, minZoom, leftGutter)), [area, minZoom]);
  const overviewShown = useCallback((drawn: HTMLElement) => {
    setOverview(drawn);
    setShown((current) => (current.has('overview') ? current : new Set(current).add('overview')));
  }, []);
  const tileShown = useMemo(() => new Map(plan?.tiles.map((tile) => [tileName(tile), shownPage(tileName(tile))])), [plan]);

  if (nodes.length === 0) {
    return (
      <section className="print-page print-board" style={{ height }} aria-label={board.title}>
        <header className="print-board-title">
          <h2>{board.title}</h2>
        </header>
        <p className="print-empty">This board is empty.</p>
      </section>
    );
  }
  const tiled = plan !== null && plan.tiles.length > 0;
  return (
    <>
      <FlowPage
        title={tiled ? `${board.title}: overview` : board.title}
        nodes={nodes}
        edges={edges}
        detail={detail}
        strataBands={board.settings.strataBands}
        area={area}
        height={height}
        viewport={plan?.fit ?? null}
        onMeasured={measured}
        onShown={overviewShown}
        overlay={tiled && <TileGrid tiles={plan.tiles} viewport={plan.fit} />}
      />
      {tiled &&
        overview &&
        plan.tiles.map((tile, index) => (
          <TilePage
            key={tileName(tile)}
            title={`${board.title}: part ${tileName(tile)} (${index + 1} of ${plan.tiles.length})`}
            area={area}
            height={height}
            drawn={overview}
            viewport={tile.viewport}
            strataBands={board.settings.strataBands}
            onShown={tileShown.get(tileName(tile))!}
          />
        ))}
    </>
  );
});
