import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { STUB } from './edge-routes';
import { bottom, type Rect } from './geometry';

/**
 * A node's box on the board, any kind; null until React Flow knows its size. In whole pixels, as
 * React Flow measures: the estimate a big board's nodes arrive with (flow.ts, half a pixel over)
 * then routes every edge once, not again when the measured size turns out the same.
 */
export function nodeRect(node: InternalNode | undefined): Rect | null {
  const width = Math.floor(node?.measured.width ?? node?.width ?? 0);
  const height = Math.floor(node?.measured.height ?? node?.height ?? 0);
  if (!node || !width || !height) return null;
  return { x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width, height };
}

export const sameRect = (a: Rect | null, b: Rect | null) => a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

/** A node's stratum, for the kinds that have one. */
export function stratumOf(node: InternalNode | undefined): number | null {
  const stratum = (node?.data as { stratum?: unknown } | undefined)?.stratum;
  return typeof stratum === 'number' ? stratum : null;
}

/** Each manager's reports, per edges array (a new array comes with every change of an edge). */
const reportsByEdges = new WeakMap<object, Map<string, string[]>>();

function reportsOf(state: ReactFlowState, managerId: string): string[] {
  let reports = reportsByEdges.get(state.edges);
  if (!reports) {
    reports = new Map();
    for (const edge of state.edges) {
      if (edge.type !== 'reports-to') continue;
      const list = reports.get(edge.source);
      if (list) list.push(edge.target);
      else reports.set(edge.source, [edge.target]);
    }
    reportsByEdges.set(state.edges, reports);
  }
  return reports.get(managerId) ?? [];
}

/** Each manager's bus, per nodes and edges arrays (a new array comes with every change of a node or an edge). */
const busesByNodes = new WeakMap<object, { edges: object; buses: Map<string, number | null> }>();

/**
 * The height of a manager's bus, the horizontal line all its reporting lines share: halfway
 * between the manager and the highest of its reports below it. Worked out once per manager for
 * all its reporting lines.
 */
export function busY(state: ReactFlowState, managerId: string): number | null {
  let known = busesByNodes.get(state.nodes);
  if (known?.edges !== state.edges) busesByNodes.set(state.nodes, (known = { edges: state.edges, buses: new Map() }));
  const { buses } = known;
  let bus = buses.get(managerId);
  if (bus === undefined) buses.set(managerId, (bus = busOf(state, managerId)));
  return bus;
}

function busOf(state: ReactFlowState, managerId: string): number | null {
  const manager = nodeRect(state.nodeLookup.get(managerId));
  if (!manager) return null;
  const floor = bottom(manager) + 2 * STUB;
  let highest = Infinity;
  for (const id of reportsOf(state, managerId)) {
    const top = nodeRect(state.nodeLookup.get(id))?.y;
    if (top !== undefined && top >= floor) highest = Math.min(highest, top);
  }
  return highest === Infinity ? null : bottom(manager) + (highest - bottom(manager)) / 2;
}
