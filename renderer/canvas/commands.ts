import { defaultNodeData, newId, type NodeKind, type Position } from '../../shared/model';
import { copyFragment, pasteOps, removeNodesOps } from '../../shared/ops';
import { useBoard } from '../state/board-store';
import { setClipboard, takeClipboard } from './clipboard';

/** The canvas's edits, shared by the keyboard, the toolbar and the palette. */

const selectedNodeIds = () => useBoard.getState().nodes.filter((n) => n.selected).map((n) => n.id);
const selectedEdgeIds = () => useBoard.getState().edges.filter((e) => e.selected).map((e) => e.id);

export function addNode(kind: NodeKind, position: Position): string {
  const id = newId('n');
  const { edit, selectOnly } = useBoard.getState();
  edit([{ type: 'node.add', node: { id, kind, position, size: null, data: defaultNodeData(kind) } as never }]);
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
