import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { XYMinimap, type XYMinimapInstance } from '@xyflow/system';
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useBoard } from '../state/board-store';
import { flowNodeBox, type BoardFlowNode } from '../state/flow';
import { union, type Rect } from './edges/geometry';

const WIDTH = 160;
const HEIGHT = 110;
/** Room around the board in the minimap, in minimap pixels. */
const OFFSET = 5;
const COLOURS: Record<string, string> = { role: '#13222b', decisionMaker: '#7a2e8e', note: '#e0b400', text: '#0d5c63', stage: '#1f6fb2', frame: '#c9d1d6', goldenCircle: '#b4462d' };
const OTHER_COLOUR = '#8a9aa3';

interface Drawn {
  /** One path of rectangles per colour, frames first so the cards in them are drawn over them. */
  paths: { colour: string; d: string }[];
  bounds: Rect | null;
  /** What each node was drawn as, by id. */
  shown: Map<string, { rect: Rect; d: string }>;
}

/** Each node's rectangle, kept while React Flow keeps the node's object (all but the changed ones). */
const rectangles = new WeakMap<BoardFlowNode, { rect: Rect; d: string }>();

/** A card being dragged stays where it was until it is dropped: the minimap is not drawn again on every frame of a drag. */
function rectangleOf(node: BoardFlowNode, before: Map<string, { rect: Rect; d: string }>) {
  let drawn = rectangles.get(node) ?? (node.dragging ? before.get(node.id) : undefined);
  if (!drawn) {
    const rect = flowNodeBox(node);
    drawn = { rect, d: `M${rect.x},${rect.y}h${rect.width}v${rect.height}h${-rect.width}z` };
    rectangles.set(node, drawn);
  }
  return drawn;
}

/** The minimap's drawing of `nodes`: `previous` itself when nothing it draws has moved. */
function drawnOf(nodes: readonly BoardFlowNode[], previous: Drawn): Drawn {
  const byColour = new Map<string, string[]>([[COLOURS.frame, []]]);
  const rects: Rect[] = [];
  const shown = new Map<string, { rect: Rect; d: string }>();
  for (const node of nodes) {
    const drawn = rectangleOf(node, previous.shown);
    const colour = COLOURS[node.type!] ?? OTHER_COLOUR;
    (byColour.get(colour) ?? byColour.set(colour, []).get(colour)!).push(drawn.d);
    rects.push(drawn.rect);
    shown.set(node.id, drawn);
  }
  const paths = [...byColour].filter(([, ds]) => ds.length).map(([colour, ds]) => ({ colour, d: ds.join('') }));
  const same = paths.length === previous.paths.length && paths.every((p, i) => p.colour === previous.paths[i].colour && p.d === previous.paths[i].d);
  return same ? previous : { paths, bounds: rects.length ? union(rects) : null, shown };
}

/** A selector of the minimap's drawing, which keeps its answer while nothing it draws has moved. */
function drawing(): (s: { nodes: BoardFlowNode[] }) => Drawn {
  let seen: BoardFlowNode[] | null = null;
  let drawn: Drawn = { paths: [], bounds: null, shown: new Map() };
  return (s) => {
    if (s.nodes !== seen) {
      seen = s.nodes;
      drawn = drawnOf(s.nodes, drawn);
    }
    return drawn;
  };
}

const Nodes = memo(function Nodes({ paths }: { paths: Drawn['paths'] }) {
  return paths.map(({ colour, d }) => <path key={colour} className="react-flow__minimap-node" d={d} style={{ fill: colour }} />);
});

const viewOf = (s: ReactFlowState) => `${s.transform.join(' ')} ${s.width} ${s.height}`;

/**
 * The board in miniature, at the canvas's bottom right, with the part on screen unmasked; drag or
 * wheel on it to move the view. One path per colour: React Flow's own minimap draws each node as
 * an element and asks after every node on each change of React Flow's store, which cost about as
 * much per frame of a drag on a 500-node board as the rest of the canvas.
 */
export function BoardMinimap({ label }: { label: string }) {
  const drawn = useBoard(useMemo(() => drawing(), []));
  useStore(viewOf);
  const store = useStoreApi();
  const { transform, width: flowWidth, height: flowHeight, panZoom, translateExtent } = store.getState();
  const svg = useRef<SVGSVGElement>(null);
  const minimap = useRef<XYMinimapInstance | null>(null);
  const titleId = useId();

  const [tx, ty, zoom] = transform;
  const view = { x: -tx / zoom, y: -ty / zoom, width: flowWidth / zoom, height: flowHeight / zoom };
  const all = drawn.bounds ? union([drawn.bounds, view]) : view;
  const scale = Math.max(all.width / WIDTH, all.height / HEIGHT);
  // XYMinimap reads the scale as the pointer moves.
  const scaleRef = useRef(scale);
  useLayoutEffect(() => {
    scaleRef.current = scale;
  });
  const offset = OFFSET * scale;
  const box = {
    x: all.x - (scale * WIDTH - all.width) / 2 - offset,
    y: all.y - (scale * HEIGHT - all.height) / 2 - offset,
    width: scale * WIDTH + 2 * offset,
    height: scale * HEIGHT + 2 * offset,
  };

  useEffect(() => {
    if (!svg.current || !panZoom) return;
    minimap.current = XYMinimap({ domNode: svg.current, panZoom, getTransform: () => store.getState().transform, getViewScale: () => scaleRef.current });
    return () => minimap.current?.destroy();
  }, [panZoom, store]);
  useEffect(() => {
    minimap.current?.update({ translateExtent, width: flowWidth, height: flowHeight, pannable: true, zoomable: true });
  }, [translateExtent, flowWidth, flowHeight, panZoom]);

  const outside = `M${box.x - offset},${box.y - offset}h${box.width + 2 * offset}v${box.height + 2 * offset}h${-box.width - 2 * offset}z`;
  return (
    <Panel position="bottom-right" className="react-flow__minimap" style={{ width: WIDTH, height: HEIGHT }}>
      <svg ref={svg} width={WIDTH} height={HEIGHT} viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`} className="react-flow__minimap-svg" role="img" aria-labelledby={titleId}>
        <title id={titleId}>{label}</title>
        <Nodes paths={drawn.paths} />
        <path className="react-flow__minimap-mask" d={`${outside}M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`} fillRule="evenodd" pointerEvents="none" />
      </svg>
    </Panel>
  );
}
