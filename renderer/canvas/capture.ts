import { BAND_HEIGHT, bandTop } from '../../shared/levels/bands';
import { addRoleOps, stratumBelow } from '../../shared/levels/org-edits';
import { readOrgMap } from '../../shared/levels/org-map';
import { bandStratumOps, GRID, SUBTREE_GAP } from '../../shared/layout/arrange-by-levels';
import { expectedSize } from '../../shared/layout/expected-size';
import { defaultNodeData, newId, NODE_KIND_INFO, type BoardNode, type NodeKind, type Position, type Stance, type Stratum } from '../../shared/model';
import type { Op } from '../../shared/ops';
import { selectionOf, useBoard } from '../state/board-store';
import { flowNodeBox } from '../state/flow';
import type { Direction } from './key-actions';
import { spatialNeighbour, treeNeighbour } from './navigation';
import { findFreeInRow, findFreeSpot, type Box } from './placement';
import { startEditing } from './useLabelEditing';

/** Capture at the speed of talk: the keyboard's adds, moves and settings on the canvas. */

/** Every node's box: measured where React Flow has measured it, else its kind's usual size. */
export function nodeBoxes(): Map<string, Box> {
  return new Map(useBoard.getState().nodes.map((n) => [n.id, flowNodeBox(n)]));
}

const selected = () => selectionOf(useBoard.getState()).nodeIds;
const snap = (value: number) => Math.round(value / GRID) * GRID;
/** Where arrange by levels puts a card of this height in its stratum's band. */
const arrangedY = (stratum: Stratum | null, height: number) => snap(bandTop(stratum) + (BAND_HEIGHT - height) / 2);
/** Below a manager on a map that is not arranged by bands. */
const REPORT_DROP = 96;

/** What the canvas does with a card the keyboard or the toolbar added: bring it into view (set by the canvas). */
let onAdded: ((id: string) => void) | null = null;
export function setOnAdded(callback: ((id: string) => void) | null): void {
  onAdded = callback;
}
export const revealAdded = (id: string) => onAdded?.(id);

function addAndType(ops: Op[], id: string): boolean {
  const { edit, selectOnly } = useBoard.getState();
  if (!edit(ops)) return false;
  selectOnly([id]);
  startEditing(id);
  revealAdded(id);
  return true;
}

/** The right edge of the rightmost of these boxes, or null. */
const rightEdge = (boxes: (Box | undefined)[]) => {
  const present = boxes.filter((b): b is Box => !!b);
  return present.length ? Math.max(...present.map((b) => b.x + b.width)) : null;
};

/**
 * Tab on a role: a report of it, one stratum below, linked by reports-to in the same step, and its
 * label open for typing. It goes below the manager, in the next stratum's band when the manager
 * sits in its own, right of the reports already there, and never on top of a neighbour.
 */
export function addReport(managerId: string): string | null {
  const { doc } = useBoard.getState();
  const manager = doc.nodes.get(managerId);
  if (manager?.kind !== 'role') return null;
  const boxes = nodeBoxes();
  const box = boxes.get(managerId)!;
  const stratum = stratumBelow(manager.data.stratum);
  const size = { width: box.width, height: box.height };
  const inBands = manager.data.stratum !== null && Math.abs(box.y - arrangedY(manager.data.stratum, box.height)) < GRID;
  const y = inBands && stratum !== null ? arrangedY(stratum, size.height) : snap(box.y + box.height + REPORT_DROP);
  const map = readOrgMap(doc);
  const reports = (map.reportEdges.get(managerId) ?? []).map((e) => boxes.get(e.target));
  const right = rightEdge(reports);
  const x = right === null ? box.x : right + SUBTREE_GAP;
  const { id, ops } = addRoleOps(findFreeInRow({ x: snap(x), y }, size, [...boxes.values()]), stratum, managerId);
  return addAndType(ops, id) ? id : null;
}

/**
 * Enter on a role: a sibling (same manager, same stratum) to the right of the manager's reports;
 * on a decision-maker, another decision-maker beside it. Either opens for typing.
 */
export function addSibling(nodeId: string): string | null {
  const { doc } = useBoard.getState();
  const node = doc.nodes.get(nodeId);
  const boxes = nodeBoxes();
  const box = boxes.get(nodeId);
  if (!node || !box) return null;
  const size = { width: box.width, height: box.height };
  if (node.kind === 'decisionMaker') {
    const id = newId('n');
    const position = findFreeInRow({ x: snap(box.x + box.width + SUBTREE_GAP), y: box.y }, size, [...boxes.values()]);
    const dm: BoardNode = { id, kind: 'decisionMaker', position, size: null, data: { ...defaultNodeData('decisionMaker'), organisation: node.data.organisation } };
    return addAndType([{ type: 'node.add', node: dm }], id) ? id : null;
  }
  if (node.kind !== 'role') return null;
  const map = readOrgMap(doc);
  const managerId = map.managerEdges.get(nodeId)?.[0]?.source ?? null;
  const row = managerId ? (map.reportEdges.get(managerId) ?? []).map((e) => boxes.get(e.target)) : [box];
  const x = (rightEdge(row) ?? box.x + box.width) + SUBTREE_GAP;
  const { id, ops } = addRoleOps(findFreeInRow({ x: snap(x), y: box.y }, size, [...boxes.values()]), node.data.stratum, managerId);
  return addAndType(ops, id) ? id : null;
}

/** A node of `kind` centred near `centre`, clear of every other, open for typing. */
export function addNodeToType(kind: NodeKind, centre: Position): string | null {
  const id = newId('n');
  const data = defaultNodeData(kind);
  const position = findFreeSpot(centre, expectedSize(kind, data), [...nodeBoxes().values()]);
  const node = { id, kind, position: { x: snap(position.x), y: snap(position.y) }, size: null, data } as BoardNode;
  return addAndType([{ type: 'node.add', node }], id) ? id : null;
}

/** A note beside the selection (to its right), or at `centre` when nothing is selected. */
export function addNote(centre: Position): string | null {
  const boxes = nodeBoxes();
  const around = selected()
    .map((id) => boxes.get(id))
    .filter((b): b is Box => !!b);
  if (!around.length) return addNodeToType('note', centre);
  const right = Math.max(...around.map((b) => b.x + b.width));
  const top = Math.min(...around.map((b) => b.y));
  const size = NODE_KIND_INFO.note.expectedSize;
  return addNodeToType('note', { x: right + SUBTREE_GAP + size.width / 2, y: top + size.height / 2 });
}

/** The arrows select the next node: along the reporting lines from a role, the nearest node that way from anything else. */
export function navigate(direction: Direction): string | null {
  const ids = selected();
  if (ids.length !== 1) return null;
  const { doc, selectOnly } = useBoard.getState();
  const from = doc.nodes.get(ids[0]);
  if (!from) return null;
  const next = from.kind === 'role' ? treeNeighbour(doc, from.id, direction) : spatialNeighbour(nodeBoxes(), from.id, direction);
  if (!next) return null;
  selectOnly([next]);
  return next;
}

export const nodeElement = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

/** The node's element takes the focus, so screen readers follow the selection. */
export function focusNode(id: string): void {
  nodeElement(id)?.focus({ preventScroll: true });
}

const STEP: Record<Direction, Position> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/** Alt+arrows: the selected nodes move one grid step (four with Shift), as one undo step. */
export function moveSelection(direction: Direction, far: boolean): boolean {
  const { doc, edit, strataBands } = useBoard.getState();
  const distance = GRID * (far ? 4 : 1);
  const ops: Op[] = [];
  for (const id of selected()) {
    const node = doc.nodes.get(id);
    if (!node) continue;
    const position = { x: node.position.x + STEP[direction].x * distance, y: node.position.y + STEP[direction].y * distance };
    ops.push({ type: 'node.move', id, position });
    // With the bands showing, a role moved into another band takes its stratum, as a drag does.
    if (strataBands && node.kind === 'role') ops.push(...bandStratumOps(doc, id, position.y));
  }
  return ops.length > 0 && edit(ops);
}

/** 1–8 on selected roles and decision-makers: their stratum (0 clears it), as one step. */
export function setStratum(stratum: Stratum | null): boolean {
  const { doc, edit } = useBoard.getState();
  const ops: Op[] = [];
  for (const id of selected()) {
    const node = doc.nodes.get(id);
    if ((node?.kind === 'role' || node?.kind === 'decisionMaker') && node.data.stratum !== stratum) ops.push({ type: 'node.update', id, data: { stratum } });
  }
  return ops.length > 0 && edit(ops);
}

/** + = − on selected decision-makers: supporter, neutral, sceptic. */
export function setStance(stance: Stance): boolean {
  const { doc, edit } = useBoard.getState();
  const ops: Op[] = [];
  for (const id of selected()) {
    const node = doc.nodes.get(id);
    if (node?.kind === 'decisionMaker' && node.data.stance !== stance) ops.push({ type: 'node.update', id, data: { stance } });
  }
  return ops.length > 0 && edit(ops);
}
