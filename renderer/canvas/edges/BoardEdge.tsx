import { BaseEdge, type EdgeProps, type EdgeTypes, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { createContext, memo, useContext, useDeferredValue, useMemo } from 'react';
import type { EdgeKind } from '../../../shared/model';
import type { BoardFlowEdge } from '../../state/flow';
import { useFlowLayout } from '../flow-layout';
import { cardsNear } from './card-index';
import { routeEdge, routePath, withArrowhead, type RouteStyle } from './edge-routes';
import { busY, nodeRect, sameRect, stratumOf } from './ends';
import { useLabelRoute } from './EdgeLabels';
import { inflate, sameRects, union, type Rect } from './geometry';
import './edges.css';

/** How far around its two ends an edge looks for cards in its way. */
const REACH = 240;
/** The kinds whose direction means something: who sways whom, what comes next. */
const DIRECTED: ReadonlySet<EdgeKind> = new Set(['influences', 'flow']);
const NO_CARDS: Rect[] = [];

interface Ends {
  sourceRect: Rect | null;
  targetRect: Rect | null;
  /** Two cards of one stratum are joined side to side. */
  sameStratum: boolean;
  bus: number | null;
  /** An end is being dragged: the edge keeps its plain shape until the drop, then goes around cards. */
  moving: boolean;
}

/**
 * What an edge's shape depends on at its ends. The selector runs on every change of React Flow's
 * store but the viewport's (useFlowLayout), each frame of a drag, for every edge: it looks again
 * only when one of its two nodes changed (React Flow keeps an unchanged node's object), or, for a
 * reporting line, any node or edge (the manager's bus follows all its reports), and keeps its
 * answer while that answer holds.
 */
function endsOf(kind: EdgeKind, source: string, target: string): (s: ReactFlowState) => Ends {
  let seen: { a?: InternalNode; b?: InternalNode; nodes?: unknown; edges?: unknown } = {};
  let ends: Ends = { sourceRect: null, targetRect: null, sameStratum: false, bus: null, moving: false };
  return (s) => {
    const [a, b] = [s.nodeLookup.get(source), s.nodeLookup.get(target)];
    const sameEnds = a === seen.a && b === seen.b;
    if (sameEnds && (kind !== 'reports-to' || (s.nodes === seen.nodes && s.edges === seen.edges))) return ends;
    seen = { a, b, nodes: s.nodes, edges: s.edges };
    if (sameEnds) {
      const bus = busY(s, source);
      return bus === ends.bus ? ends : (ends = { ...ends, bus });
    }
    const [sourceRect, targetRect] = [nodeRect(a), nodeRect(b)];
    const stratum = stratumOf(a);
    const next: Ends = {
      sourceRect: sameRect(sourceRect, ends.sourceRect) ? ends.sourceRect : sourceRect,
      targetRect: sameRect(targetRect, ends.targetRect) ? ends.targetRect : targetRect,
      sameStratum: stratum !== null && stratum === stratumOf(b),
      bus: kind === 'reports-to' ? busY(s, source) : null,
      moving: !!a?.dragging || !!b?.dragging,
    };
    const same =
      next.sourceRect === ends.sourceRect && next.targetRect === ends.targetRect && next.sameStratum === ends.sameStratum && next.bus === ends.bus && next.moving === ends.moving;
    return same ? ends : (ends = next);
  };
}

/** What an edge is drawn from. */
interface Route {
  ends: Ends;
  style: RouteStyle;
  /** The cards in its way: none while an end is dragged, or where edges do not go around cards. */
  obstacles: Rect[];
}

/**
 * An edge's route, as one selector of React Flow's store (a board has one per edge, and each runs
 * on every change of the store but a pan or a zoom): its ends and, where it goes around cards,
 * the cards near them. Keeps its answer while that answer holds.
 */
function routeOf(kind: EdgeKind, source: string, target: string, aroundCards: boolean): (s: ReactFlowState) => Route {
  const endsNow = endsOf(kind, source, target);
  let near: (s: ReactFlowState) => Rect[] = () => NO_CARDS;
  let route: Route | null = null;
  return (s) => {
    const ends = endsNow(s);
    if (route?.ends === ends) {
      const obstacles = near(s);
      return sameRects(obstacles, route.obstacles) ? route : (route = { ...route, obstacles });
    }
    const { sourceRect, targetRect, moving, sameStratum } = ends;
    near = cardsNear(aroundCards && !moving && sourceRect && targetRect ? inflate(union([sourceRect, targetRect]), REACH) : null, [source, target]);
    return (route = { ends, style: sameStratum ? 'side' : kind === 'reports-to' ? 'tree' : 'facing', obstacles: near(s) });
  };
}

/**
 * Whether edges go around the cards in their way. The editor turns it off for the first frames of
 * a big board, so the board shows without waiting for every edge's route; the projector and print
 * always route.
 */
export const AroundCardsContext = createContext(true);

/**
 * The props an edge is drawn from: every one BoardEdge reads. React Flow also hands it the points
 * of its handles, which it does not use (it routes from its cards' boxes): those move when React
 * Flow first measures the cards an estimate stood for, and comparing them would draw every edge of
 * a big board again then.
 */
function sameDrawnProps(a: EdgeProps<BoardFlowEdge>, b: EdgeProps<BoardFlowEdge>): boolean {
  return a.id === b.id && a.source === b.source && a.target === b.target && a.label === b.label && a.data === b.data && a.interactionWidth === b.interactionWidth;
}

function edgeOfKind(kind: EdgeKind) {
  return memo(function BoardEdge({ id, source, target, label, data, interactionWidth }: EdgeProps<BoardFlowEdge>) {
    const aroundCards = useContext(AroundCardsContext);
    const route = useFlowLayout(useMemo(() => routeOf(kind, source, target, aroundCards), [source, target, aroundCards]));
    const { moving } = route.ends;
    // Going around cards is what costs in drawing an edge: the edge takes its new way in a render
    // of its own, after the frame that shows the edit (a card typed, added or moved, here or on
    // the projector), and until then keeps the plain shape. While an end is dragged the plain
    // shape is cheap and follows at once, and nothing is deferred: a value deferred on every frame
    // of a drag would cost a second render of the board in each.
    const deferred = useDeferredValue(moving ? null : route);
    const plain = useMemo(() => (route.obstacles.length ? { ...route, obstacles: NO_CARDS } : route), [route]);
    const shown = moving || !deferred ? plain : deferred;
    const points = useMemo(() => {
      const { ends, style, obstacles } = shown;
      return ends.sourceRect && ends.targetRect ? routeEdge({ source: ends.sourceRect, target: ends.targetRect, style, busY: ends.bus, obstacles }) : null;
    }, [shown]);
    useLabelRoute(id, typeof label === 'string' ? label : '', points, !!data?.finding);
    if (!points) return null;
    const { line, head } = DIRECTED.has(kind) ? withArrowhead(points) : { line: points, head: null };
    return (
      <>
        <BaseEdge id={id} path={routePath(line)} interactionWidth={interactionWidth} />
        {head && <path className="edge-arrowhead" d={head} />}
      </>
    );
  }, sameDrawnProps);
}

/** Declared once, outside any component, as React Flow asks; every view of a board draws its edges with these. */
export const edgeTypes = {
  'reports-to': edgeOfKind('reports-to'),
  influences: edgeOfKind('influences'),
  flow: edgeOfKind('flow'),
  relates: edgeOfKind('relates'),
} satisfies EdgeTypes & Record<EdgeKind, unknown>;
