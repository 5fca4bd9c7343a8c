import { orgImportOps, type OrgRow } from '../../shared/import/org-csv';
import { arrangeByLevels } from '../../shared/layout/arrange-by-levels';
import { defaultNodeData, newId, NODE_KIND_INFO, type NodeKind, type Position } from '../../shared/model';
import { copyFragment, pasteOps, removeNodesOps } from '../../shared/ops';
import { tidyOps } from '../../shared/layout/notes';
import { roleSizes } from '../../shared/layout/role-size';
import { selectionOf, useBoard } from '../state/board-store';
import { measuredSizes } from '../state/flow';
import { showError } from '../state/toasts';
import { setClipboard, takeClipboard } from './clipboard';
import { clearTitle, type Box } from './placement';

/** The canvas's edits, shared by the keyboard, the toolbar and the palette. */

const selectedNodeIds = () => selectionOf(useBoard.getState()).nodeIds;
const selectedEdgeIds = () => selectionOf(useBoard.getState()).edgeIds;

export function addNode(kind: NodeKind, position: Position): string {
  const id = newId('n');
  const { edit, selectOnly } = useBoard.getState();
  edit([{ type: 'node.add', node: { id, kind, position, size: NODE_KIND_INFO[kind].newSize, data: defaultNodeData(kind) } as never }]);
  selectOnly([id]);
  return id;
}

export function deleteSelection(): void {
  const { doc, edit } = useBoard.getState();
  const ops = removeNodesOps(doc, selectedNodeIds(), selectedEdgeIds());
  if (ops.length) edit(ops);
}

export function copySelection(): boolean {
  const ids = selectedNodeIds();
  if (!ids.length) return false;
  setClipboard(copyFragment(useBoard.getState().doc, ids));
  return true;
}

export function paste(): void {
  const clip = takeClipboard();
  if (!clip) return;
  const { ops, nodeIds } = pasteOps(clip.fragment, clip.offset);
  const { edit, selectOnly } = useBoard.getState();
  if (edit(ops)) selectOnly(nodeIds);
}

export function duplicateSelection(): void {
  const ids = selectedNodeIds();
  if (!ids.length) return;
  const { ops, nodeIds } = pasteOps(copyFragment(useBoard.getState().doc, ids), { x: 32, y: 32 });
  const { edit, selectOnly } = useBoard.getState();
  if (edit(ops)) selectOnly(nodeIds);
}

export function selectAll(): void {
  useBoard.getState().selectOnly(useBoard.getState().nodes.map((n) => n.id));
}

export function editSelected(): boolean {
  const ids = selectedNodeIds();
  if (ids.length !== 1) return false;
  useBoard.getState().setEditing(ids[0]);
  return true;
}

const FRAME_PADDING = 40;
const FRAME_TITLE_SPACE = 56;
/** The frame title's average glyph width (nodes.css: 24px bold), a little generous. */
const TITLE_CHAR = 15;

/**
 * Puts a frame named for the cluster around the selected nodes, as one undoable step; returns its
 * id. Neighbours lying where its title goes move off the frame in that step, so the title shows.
 */
export function groupSelectionIntoFrame(title: string): string | null {
  const { nodes, edit, selectOnly } = useBoard.getState();
  const boxOf = (n: (typeof nodes)[number]): Box => ({ ...n.position, width: n.measured?.width ?? n.width ?? 0, height: n.measured?.height ?? n.height ?? 0 });
  const selected = nodes.filter((n) => n.selected && n.type !== 'frame').map(boxOf);
  if (!selected.length) return null;
  const x = Math.min(...selected.map((b) => b.x)) - FRAME_PADDING;
  const y = Math.min(...selected.map((b) => b.y)) - FRAME_PADDING - FRAME_TITLE_SPACE;
  // At least as wide as its title tab needs (24px bold, its padding, and the 40px the tab leaves
  // free), so a cluster of one column of notes does not cut its name short.
  const tabWidth = Math.ceil(title.length * TITLE_CHAR + 36);
  const width = Math.max(Math.max(...selected.map((b) => b.x + b.width)) + FRAME_PADDING - x, tabWidth + 40);
  const height = Math.max(...selected.map((b) => b.y + b.height)) + FRAME_PADDING - y;
  const frame = { x, y, width, height };
  const neighbours = nodes.filter((n) => !n.selected && n.type !== 'frame').map((n) => ({ id: n.id, box: boxOf(n) }));
  const moves = clearTitle({ x, y, width: tabWidth, height: FRAME_TITLE_SPACE }, frame, neighbours);
  const id = newId('n');
  const ok = edit([
    { type: 'node.add', node: { id, kind: 'frame', position: { x, y }, size: { width, height }, data: { title } } },
    ...moves.map(({ id: moved, position }) => ({ type: 'node.move' as const, id: moved, position: { x: Math.round(position.x), y: Math.round(position.y) } })),
  ]);
  if (!ok) return null;
  selectOnly([id]);
  return id;
}

/** Lays the org map out by stratum, top-down, as one undoable step. Returns whether anything moved. */
export function arrangeOrgMap(): boolean {
  const { doc, nodes, edit } = useBoard.getState();
  let ops;
  try {
    ops = arrangeByLevels(doc, roleSizes(doc, measuredSizes(nodes)));
  } catch (error) {
    // A map wider than the whole board: nothing moves, and the facilitator hears why.
    showError(error);
    return false;
  }
  return ops.length > 0 && edit(ops);
}

/**
 * Whether pasted text is meant as an org chart: the board is an org map (it has a role, or shows
 * the strata bands) or is still empty. Elsewhere a paste brings the copied nodes.
 */
export function isOrgBoard(): boolean {
  const { doc, strataBands } = useBoard.getState();
  if (strataBands || doc.nodes.size === 0) return true;
  for (const node of doc.nodes.values()) if (node.kind === 'role') return true;
  return false;
}

/** Puts the rows of an org chart on the board, arranged and kept so, as one undo step; the new roles are selected. Null when refused. */
export function importOrgChart(rows: readonly OrgRow[], origin: Position): string[] | null {
  let imported;
  try {
    imported = orgImportOps(rows, origin);
  } catch (error) {
    showError(error);
    return null;
  }
  const { edit, selectOnly, setKeepArranged } = useBoard.getState();
  // An imported chart keeps itself arranged from now on (the caller stores the setting): the
  // canvas's measured sizes then settle the layout within this same undo step.
  setKeepArranged(true);
  if (!edit(imported.ops)) return null;
  selectOnly(imported.nodeIds);
  return imported.nodeIds;
}

/** Tidy: the selected notes lined up in a grid from their top-left corner, as one undoable step. */
export function tidySelectedNotes(): boolean {
  const { doc, nodes, edit } = useBoard.getState();
  const ops = tidyOps(doc, measuredSizes(nodes), selectedNodeIds());
  return ops.length > 0 && edit(ops);
}
