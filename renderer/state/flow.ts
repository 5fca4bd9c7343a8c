import type { Edge as FlowEdge, Node as FlowNode, NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import { expectedSize } from '../../shared/layout/expected-size';
import { NODE_KIND_INFO, nodeLabel, type BoardEdge, type BoardNode, type NodeKind, type Size } from '../../shared/model';
import { neededDiameter } from '../canvas/golden-circle-fit';
import { measureCircle } from '../canvas/measure-words';

export type BoardFlowNode = FlowNode<BoardNode['data'] & Record<string, unknown>, NodeKind>;
export type BoardFlowEdge = FlowEdge<BoardEdge['data'] & Record<string, unknown>>;

/**
 * From this many nodes the editor's canvas mounts only what is on screen, and nodes arrive with
 * estimated sizes (estimatedOnArrival). A room's board passes it before a burst of notes is under
 * way, and the notes that land off screen are never drawn: in the 60-phone burst (a board of 30
 * notes to start with) the facilitator's frames had a p95 of 50 ms with culling from 200 nodes and
 * 33 ms from 20. Below it every node is drawn, with its real size.
 */
export const CULLING_MIN_NODES = 20;

/** A handle's box (styles.css), centred on the node's edge. */
const HANDLE = 12;

function expectedHandles(kind: NodeKind, { width, height }: Size): NodeHandle[] {
  const half = HANDLE / 2;
  const box = { width: HANDLE, height: HANDLE };
  switch (NODE_KIND_INFO[kind].handles) {
    case 'vertical':
      return [
        { type: 'target', position: Position.Top, x: width / 2 - half, y: -half, ...box },
        { type: 'source', position: Position.Bottom, x: width / 2 - half, y: height - half, ...box },
      ];
    case 'horizontal':
      return [
        { type: 'target', position: Position.Left, x: (kind === 'stage' ? width * 0.1 : 0) - half, y: height / 2 - half, ...box },
        { type: 'source', position: Position.Right, x: width - half, y: height / 2 - half, ...box },
      ];
    default:
      return [];
  }
}

/** The size a node is drawn at: its own, but a golden circle as large as its words need (golden-circle-fit.ts). */
function shownSize(node: BoardNode): Size | undefined {
  if (node.kind !== 'goldenCircle') return node.size ?? undefined;
  const diameter = neededDiameter(measureCircle(node.data), node.size?.width ?? NODE_KIND_INFO.goldenCircle.expectedSize.width);
  return { width: diameter, height: diameter };
}

/**
 * React Flow's node for a board node. What React Flow keeps on its own (selection, measured
 * size, dragging) is carried over from the previous object so an edit does not reset it.
 */
export function toFlowNode(node: BoardNode, previous?: BoardFlowNode): BoardFlowNode {
  const size = shownSize(node);
  return {
    ...previous,
    id: node.id,
    type: node.kind,
    position: node.position,
    data: node.data as BoardFlowNode['data'],
    ariaLabel: `${NODE_KIND_INFO[node.kind].name}: ${nodeLabel(node)}`,
    width: size?.width,
    height: size?.height,
    // Frames are regions: drawn behind what they hold.
    zIndex: node.kind === 'frame' ? -1 : undefined,
  };
}

/**
 * A board node as it arrives on the canvas, before React Flow has measured it: with a size and
 * handles React Flow takes it as measured, so a canvas that culls (onlyRenderVisibleElements)
 * mounts only the nodes on screen from the first frame (React Flow 12.12 mounts every node it
 * has no handle bounds for), and fitting the view counts every node, mounted or not. A node React
 * Flow has measured before (a board opened again) keeps that size.
 *
 * React Flow reports a node's size only where it differs from the node's: a card drawn at just
 * its estimate, as every box and compact card is when zoomed out (WithDetail.tsx), reports none,
 * so a big board opened whole is not sent back through the store node by node. It keeps its
 * estimate, which is its size, and its handles, which are where it draws them (nodes.css). A
 * node with a size of its own (set, or a golden circle's) is drawn in a box of that size at every
 * zoom, which its card need not fill: its estimate is half a pixel off, so React Flow measures it
 * once, handles and all.
 */
export function toArrivingFlowNode(node: BoardNode, previous?: BoardFlowNode): BoardFlowNode {
  const flowNode = toFlowNode(node);
  const measured = realSize(previous);
  if (measured) return { ...flowNode, measured };
  const own = shownSize(node);
  const size = own ?? expectedSize(node.kind, node.data);
  const off = own ? 0.5 : 0;
  return { ...flowNode, measured: { width: size.width + off, height: size.height + off }, handles: expectedHandles(node.kind, size) };
}

/** Where a flow node is on the board and how large: as React Flow measured it, else as it was given, else as expected. */
export function flowNodeBox(node: BoardFlowNode): { x: number; y: number; width: number; height: number } {
  const width = node.measured?.width ?? node.width;
  const height = node.measured?.height ?? node.height;
  if (width !== undefined && height !== undefined) return { ...node.position, width, height };
  const expected = expectedSize(node.type!, node.data);
  return { ...node.position, width: width ?? expected.width, height: height ?? expected.height };
}

/**
 * The sizes React Flow has measured, by node id: what the arrangement uses where it has them. A
 * node still carrying its estimate (toArrivingFlowNode, with its handles: not drawn yet, or drawn
 * at exactly that size) is left out: the arrangement uses its own expected size for it.
 */
export function measuredSizes(nodes: readonly BoardFlowNode[]): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const n of nodes) {
    const size = realSize(n);
    if (size) sizes.set(n.id, size);
  }
  return sizes;
}

/** Whether a flow node still carries the estimate `toArrivingFlowNode` gave it: its handles mark it. */
export const isEstimated = (node?: BoardFlowNode): boolean => !!node?.handles;

/** The size React Flow measured for a node, if it has: never an estimate. */
export function realSize(node?: BoardFlowNode): Size | undefined {
  const size = node?.measured;
  return size?.width && size.height && !isEstimated(node) ? { width: size.width, height: size.height } : undefined;
}

/**
 * Drops the estimated handles of `toArrivingFlowNode` from the nodes React Flow has now
 * measured: React Flow would otherwise take them again on every later change of the node.
 */
export function dropEstimates(nodes: BoardFlowNode[], measuredIds: ReadonlySet<string>): BoardFlowNode[] {
  if (measuredIds.size === 0) return nodes;
  let changed = false;
  const next = nodes.map((node) => {
    if (!isEstimated(node) || !measuredIds.has(node.id)) return node;
    changed = true;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { handles, ...rest } = node;
    return rest;
  });
  return changed ? next : nodes;
}

export function toFlowEdge(edge: BoardEdge, previous?: BoardFlowEdge): BoardFlowEdge {
  return {
    ...previous,
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.kind,
    label: edge.data.label || undefined,
    className: `edge-${edge.kind}`,
    ariaLabel: `${edge.kind} edge`,
    data: edge.data as BoardFlowEdge['data'],
  };
}

/**
 * Rebuilds the flow arrays after ops touched `nodeIds`/`edgeIds`, reusing every untouched object,
 * in the source's (drawing) order: an undone removal comes back at its place, not on top. An
 * item of the source neither shown nor touched stays out (a node waiting its turn, arrivals.ts).
 */
export function patchFlow<T extends { id: string }, B extends { id: string }>(
  current: T[],
  source: Map<string, B>,
  touched: Set<string>,
  convert: (item: B, previous?: T) => T,
): T[] {
  if (touched.size === 0) return current;
  const seen = new Set<string>();
  const next: T[] = [];
  for (const item of current) {
    seen.add(item.id);
    if (!touched.has(item.id)) next.push(item);
    else {
      const fresh = source.get(item.id);
      if (fresh) next.push(convert(fresh, item));
    }
  }
  const added = [...touched].filter((id) => source.has(id) && !seen.has(id));
  if (added.length === 0) return next;
  const kept = new Map(next.map((item) => [item.id, item]));
  const ordered: T[] = [];
  for (const item of source.values()) {
    const shown = kept.get(item.id) ?? (touched.has(item.id) ? convert(item) : undefined);
    if (shown) ordered.push(shown);
  }
  return ordered;
}

/** A flow node without the estimate `toArrivingFlowNode` gave it: React Flow draws it to measure it. */
export function withoutEstimate(previous?: BoardFlowNode): BoardFlowNode | undefined {
  if (!previous || !isEstimated(previous)) return previous;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { handles, measured, ...rest } = previous;
  return rest;
}

/**
 * Which nodes arrive with an estimated size on a board big enough to cull: all of them, but the
 * roles of a map kept arranged. Keep arranged places a role by its real size, so an estimate
 * replaced by the real size as the role is first drawn (scrolled into view) would move cards:
 * opening the board would edit it. Those roles are each drawn once to be measured.
 */
export function estimatedOnArrival(culled: boolean, keepArranged: boolean): (node: BoardNode) => boolean {
  return (node) => culled && !(keepArranged && node.kind === 'role');
}

/**
 * React Flow's node for a board node shown: as the whole board is shown `anew` (opened, or caught
 * up) or in a patch. An `estimated` node arrives with its expected size (`toArrivingFlowNode`),
 * so one off screen is never mounted; one the canvas showed before keeps what React Flow keeps on
 * it, except in a board shown anew, which keeps only a real measured size.
 */
export function toShownFlowNode(estimated: (node: BoardNode) => boolean, anew: boolean): (node: BoardNode, previous?: BoardFlowNode) => BoardFlowNode {
  return (node, previous) => {
    if (!estimated(node)) return toFlowNode(node, withoutEstimate(previous));
    return anew || !previous ? toArrivingFlowNode(node, previous) : toFlowNode(node, previous);
  };
}
