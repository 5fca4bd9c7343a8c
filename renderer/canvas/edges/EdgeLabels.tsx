import { Panel, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useState } from 'react';
import { createStore, useStore as useZustand, type StoreApi } from 'zustand';
import { BoardPortal } from '../BoardPortal';
import { cardsNear } from './card-index';
import { inflate, intersects, sameRects, union, type Point, type Rect } from './geometry';
import { placeLabels, type LabelRequest } from './label-placement';

interface LabelRoute {
  text: string;
  points: readonly Point[];
  /** The label names a finding (a compression, a gap): drawn as its quiet tag. */
  finding: boolean;
}
type Routes = StoreApi<{ routes: ReadonlyMap<string, LabelRoute> }>;

/**
 * The labelled edges' routes of one React Flow instance. Edges hand theirs in (or take them back,
 * null) from their layout effects; all those of one commit reach the label layer as one change, so
 * a board opened with hundreds of labels does not copy the map once per label.
 */
interface Registry {
  routes: Routes;
  hand(id: string, route: LabelRoute | null): void;
}

function createRegistry(): Registry {
  const routes: Routes = createStore(() => ({ routes: new Map() }));
  const handed = new Map<string, LabelRoute | null>();
  const takeHanded = () => {
    const next = new Map(routes.getState().routes);
    for (const [id, route] of handed) {
      if (route) next.set(id, route);
      else next.delete(id);
    }
    handed.clear();
    routes.setState({ routes: next });
  };
  return {
    routes,
    hand(id, route) {
      if (handed.size === 0) queueMicrotask(takeHanded);
      handed.set(id, route);
    },
  };
}

/** One registry per React Flow instance: the editor, the projector and each printed page. */
const registries = new WeakMap<object, Registry>();

function useRegistry(): Registry {
  // useStoreApi makes a new wrapper per caller; the store's own getState is the instance's identity.
  const instance = useStoreApi().getState;
  let registry = registries.get(instance);
  if (!registry) {
    registry = createRegistry();
    registries.set(instance, registry);
  }
  return registry;
}

/** Hands an edge's label and route to the board's label layer, which places every label at once. */
export function useLabelRoute(id: string, text: string, points: readonly Point[] | null, finding = false): void {
  const registry = useRegistry();
  useLayoutEffect(() => {
    if (!text || !points) return;
    registry.hand(id, { text, points, finding });
    return () => registry.hand(id, null);
  }, [registry, id, text, points, finding]);
}

interface Metrics {
  /** The font without its size: "italic 700 {size} DejaVu Sans" as canvas wants it, size filled in. */
  font: (size: number) => string;
  fontSize: number;
  lineHeight: number;
  padX: number;
  padY: number;
}

/** A label wraps past this many ems. */
const MAX_LINE_EMS = 18;
/** On screen, a label under this size cannot be read: labels become numbers listed in the legend. */
const MIN_READABLE_PX = 8;
/** A number badge's size on screen, however far the board is zoomed out. */
const BADGE_PX = 22;

let measuring: CanvasRenderingContext2D | null = null;

/** Breaks a label into lines no wider than the maximum, as the browser would at spaces. */
function wrap(text: string, metrics: Metrics): { lines: string[]; width: number } {
  measuring ??= document.createElement('canvas').getContext('2d');
  const context = measuring!;
  context.font = metrics.font(metrics.fontSize);
  const max = MAX_LINE_EMS * metrics.fontSize;
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && context.measureText(`${last} ${word}`).width <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return { lines, width: Math.min(max, Math.max(0, ...lines.map((line) => context.measureText(line).width))) };
}

/**
 * Zoomed out, a badge grows by powers of two so it keeps about its size on screen (0.7 to 1.4
 * times BADGE_PX) without a new placement on every frame of a zoom.
 */
const badgeScale = (s: ReactFlowState) => 2 ** Math.max(0, Math.round(Math.log2(1 / s.transform[2])));

/**
 * How many times larger (a power of two, so a zoom does not re-place labels on every frame) a
 * size of `base` flow px must be drawn to be at least `px` on screen.
 */
const scaleFor = (px: number, base: number, zoom: number) => 2 ** Math.max(0, Math.ceil(Math.log2(px / (base * zoom))));
/** A number badge's text, as a part of its size. */
const BADGE_TEXT = 0.6;

/** A line from a badge placed off its edge back to the edge's middle: which edge the number names. */
function Leader({ box, to }: { box: Rect; to: Point }) {
  const radius = box.width / 2;
  const [dx, dy] = [to.x - (box.x + radius), to.y - (box.y + box.height / 2)];
  const length = Math.hypot(dx, dy) - radius;
  if (length <= 0) return null;
  const thickness = Math.max(1, box.width / 24);
  return (
    <span
      className="edge-label-leader"
      aria-hidden="true"
      style={{ width: length, height: thickness, marginTop: -thickness / 2, transform: `rotate(${Math.atan2(dy, dx)}rad) translateX(${radius}px)` }}
    />
  );
}

/**
 * The board's edge labels, placed clear of cards and of each other along their edges; a label
 * with no room, or every label when zoomed too far out to read, shows as a number on its edge
 * and is listed in a legend on the board. `minScreenPx`: the projector's floor for text, which
 * labels and badges keep however far the camera zooms out; `legendArea`: the part of the board
 * whose numbers the legend lists (the projector's step), else all of them. `deferred`: a live
 * board's labels are placed in a render of their own that gives way to every frame, so a big board
 * with hundreds of them (findings' marks among them) is drawn first; a board drawn for a file is not.
 */
export function EdgeLabels({ minScreenPx, legendArea, deferred = false }: { minScreenPx?: number; legendArea?: Rect | null; deferred?: boolean }) {
  const registered = useZustand(useRegistry().routes, (s) => s.routes);
  const waited = useDeferredValue(registered);
  const routes = deferred ? waited : registered;
  const [metrics, setMetrics] = useState<Metrics | null>(null);
  const readable = useStore((s) => !metrics || metrics.fontSize * s.transform[2] >= MIN_READABLE_PX);
  const zoomedOutBadge = useStore(badgeScale);
  const textScale = useStore((s) => (minScreenPx && metrics ? scaleFor(minScreenPx, metrics.fontSize, s.transform[2]) : 1));
  const scale = useStore((s) => (minScreenPx ? Math.max(zoomedOutBadge, scaleFor(minScreenPx / BADGE_TEXT, BADGE_PX, s.transform[2])) : zoomedOutBadge));

  // The portal's host appears after the first render: the label font is read once the probe is in
  // it and laid out. Read in the commit that adds it, which may add a whole board's cards too, the
  // style would make the browser work out every card's style there and then (0.2 s at 5,000 cards).
  const probe = useCallback((element: HTMLDivElement) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      const style = getComputedStyle(element);
      const fontSize = parseFloat(style.fontSize);
      setMetrics({
        font: (size) => `${style.fontStyle} ${style.fontWeight} ${size}px ${style.fontFamily}`,
        fontSize,
        lineHeight: parseFloat(style.lineHeight) || fontSize * 1.25,
        padX: parseFloat(style.paddingLeft),
        padY: parseFloat(style.paddingTop),
      });
    });
    observer.observe(element, { box: 'border-box' });
    return () => observer.disconnect();
  }, []);

  // The labels' sizes and the board area they may take: these change with the labels and the zoom steps, not per frame.
  const labels = useMemo(() => {
    if (!metrics || routes.size === 0) return null;
    const drawn: Metrics = {
      ...metrics,
      fontSize: metrics.fontSize * textScale,
      lineHeight: metrics.lineHeight * textScale,
      padX: metrics.padX * textScale,
      padY: metrics.padY * textScale,
    };
    const texts = new Map<string, string[]>();
    const requests: LabelRequest[] = [...routes].map(([id, { text, points }]) => {
      const { lines, width } = wrap(text, drawn);
      texts.set(id, lines);
      return { id, points, size: { width: Math.ceil(width) + 2 * drawn.padX + 2, height: lines.length * drawn.lineHeight + 2 * drawn.padY } };
    });
    const badge = BADGE_PX * scale;
    const reach = Math.max(badge, ...requests.map((r) => Math.max(r.size.width, r.size.height)));
    const area = inflate(union(requests.flatMap((r) => r.points.map((p) => ({ ...p, width: 0, height: 0 })))), reach);
    const text = { fontSize: drawn.fontSize, lineHeight: `${drawn.lineHeight}px`, padding: `${drawn.padY}px ${drawn.padX}px` };
    return { requests, texts, badge, area, text };
  }, [metrics, routes, scale, textScale]);
  // The cards the labels keep clear of: a new placement only when one of them came, went, moved or grew.
  const cards = useStore(useMemo(() => cardsNear(labels?.area ?? null), [labels]), sameRects);

  const layout = useMemo(() => {
    if (!labels) return null;
    const { requests, texts, badge, text } = labels;
    const placements = placeLabels(requests, cards, { width: badge, height: badge }, !readable);
    return { placements, texts, badge, text };
  }, [labels, cards, readable]);

  // The projector lists the numbers of the step it shows, not those of the rest of the board.
  const legend = layout?.placements.filter((p) => p.number !== null && (!legendArea || intersects(p.box, legendArea))).sort((a, b) => a.number! - b.number!) ?? [];
  return (
    <>
      <BoardPortal>
        <div ref={probe} className="edge-label edge-label-probe" aria-hidden="true" />
        {layout?.placements.map((placement) => {
          const { id, box, number } = placement;
          return (
            <div
              key={id}
              className={`edge-label${number === null ? '' : ' edge-label-number'}${routes.get(id)?.finding ? ' edge-label-finding' : ''}`}
              data-edge-id={id}
              style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height, ...(number === null ? layout.text : { fontSize: layout.badge * BADGE_TEXT }) }}
            >
              {number ?? layout.texts.get(id)!.map((line, i) => <span key={i}>{line}</span>)}
              {placement.number !== null && placement.from && <Leader box={box} to={placement.from} />}
            </div>
          );
        })}
      </BoardPortal>
      {legend.length > 0 && (
        <Panel position="top-right" className="edge-legend">
          <ol aria-label="Edge labels">
            {legend.map(({ id, number }) => (
              <li key={id}>
                <span className="edge-label-number" aria-hidden="true">
                  {number}
                </span>
                {routes.get(id)?.text}
              </li>
            ))}
          </ol>
        </Panel>
      )}
    </>
  );
}
