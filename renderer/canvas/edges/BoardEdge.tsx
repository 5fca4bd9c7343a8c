import { BaseEdge, useStore, type EdgeProps, type EdgeTypes, type ReactFlowState } from '@xyflow/react';
import { memo, useCallback, useContext, useMemo } from 'react';
import type { EdgeKind } from '../../../shared/model';
import type { BoardFlowEdge } from '../../state/flow';
import { DetailContext } from '../nodes/WithDetail';
import { cardsNear } from './card-index';
import { routeEdge, routePath, withArrowhead, type RouteStyle } from './edge-routes';
import { busY, nodeRect, sameRect, stratumOf } from './ends';
import { useLabelRoute } from './EdgeLabels';
import { inflate, sameRects, union } from './geometry';
import './edges.css';

/** How far around its two ends an edge looks for cards in its way. */
const REACH = 240;
/** The kinds whose direction means something: who sways whom, what comes next. */
const DIRECTED: ReadonlySet<EdgeKind> = new Set(['influences', 'flow']);

function edgeOfKind(kind: EdgeKind) {
  return memo(function BoardEdge({ id, source, target, label, data, interactionWidth }: EdgeProps<BoardFlowEdge>) {
    const sourceRect = useStore(useCallback((s: ReactFlowState) => nodeRect(s.nodeLookup.get(source)), [source]), sameRect);
    const targetRect = useStore(useCallback((s: ReactFlowState) => nodeRect(s.nodeLookup.get(target)), [target]), sameRect);
    const sameStratum = useStore(
      useCallback((s: ReactFlowState) => {
        const stratum = stratumOf(s.nodeLookup.get(source));
        return stratum !== null && stratum === stratumOf(s.nodeLookup.get(target));
      }, [source, target]),
    );
    const bus = useStore(useCallback((s: ReactFlowState) => (kind === 'reports-to' ? busY(s, source) : null), [source]));
    // Zoomed out to bare shapes (detail.ts), an edge keeps its plain shape and runs under the cards
    // in its way: routing around them is most of the cost of opening a big board seen whole, or of
    // dropping a card on it, for detours too small to follow there.
    const aroundCards = useContext(DetailContext) !== 'shapes';
    const area = useMemo(() => (aroundCards && sourceRect && targetRect ? inflate(union([sourceRect, targetRect]), REACH) : null), [aroundCards, sourceRect, targetRect]);
    const obstacles = useStore(useMemo(() => cardsNear(area, [source, target]), [area, source, target]), sameRects);
    const style: RouteStyle = sameStratum ? 'side' : kind === 'reports-to' ? 'tree' : 'facing';
    const points = useMemo(
      () => (sourceRect && targetRect ? routeEdge({ source: sourceRect, target: targetRect, style, busY: bus, obstacles }) : null),
      [sourceRect, targetRect, style, bus, obstacles],
    );
    useLabelRoute(id, typeof label === 'string' ? label : '', points, !!data?.finding);
    if (!points) return null;
    const { line, head } = DIRECTED.has(kind) ? withArrowhead(points) : { line: points, head: null };
    return (
      <>
        <BaseEdge id={id} path={routePath(line)} interactionWidth={interactionWidth} />
        {head && <path className="edge-arrowhead" d={head} />}
      </>
    );
  });
}

/** Declared once, outside any component, as React Flow asks; every view of a board draws its edges with these. */
export const edgeTypes = {
  'reports-to': edgeOfKind('reports-to'),
  influences: edgeOfKind('influences'),
  flow: edgeOfKind('flow'),
  relates: edgeOfKind('relates'),
} satisfies EdgeTypes & Record<EdgeKind, unknown>;
