import type { ReactFlowInstance } from '@xyflow/react';
import type { NodeKind } from '../../shared/model';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { KIND_NAMES } from '../state/flow';
import { addNode, deleteSelection, duplicateSelection } from './commands';
import { findFreeSpot } from './placement';

const KINDS: NodeKind[] = ['role', 'note', 'text'];
/** Roughly how large each kind renders before React Flow has measured it. */
const EXPECTED_SIZE: Record<NodeKind, { width: number; height: number }> = {
  role: { width: 200, height: 80 },
  note: { width: 220, height: 130 },
  text: { width: 220, height: 56 },
};
const FALLBACK_SIZE = { width: 200, height: 80 };

/** The canvas toolbar: add nodes where the facilitator is looking, undo and redo, and selection commands. */
export function Palette({ flow }: { flow: ReactFlowInstance<BoardFlowNode, BoardFlowEdge> }) {
  const canUndo = useBoard((s) => s.canUndo);
  const canRedo = useBoard((s) => s.canRedo);
  const hasSelection = useBoard((s) => s.nodes.some((n) => n.selected) || s.edges.some((e) => e.selected));

  const add = (kind: NodeKind) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
    const occupied = useBoard.getState().nodes.map((n) => ({
      ...n.position,
      width: n.measured?.width ?? n.width ?? FALLBACK_SIZE.width,
      height: n.measured?.height ?? n.height ?? FALLBACK_SIZE.height,
    }));
    addNode(kind, findFreeSpot(flow.screenToFlowPosition(centre), EXPECTED_SIZE[kind], occupied));
  };

  return (
    <div className="palette" role="toolbar" aria-label="Board tools">
      {KINDS.map((kind) => (
        <button key={kind} type="button" onClick={() => add(kind)}>
          Add {KIND_NAMES[kind].toLowerCase()}
        </button>
      ))}
      <span className="separator" />
      <button type="button" onClick={() => useBoard.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" onClick={() => useBoard.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <button type="button" onClick={duplicateSelection} disabled={!hasSelection} aria-keyshortcuts="Control+D">
        Duplicate
      </button>
      <button type="button" onClick={deleteSelection} disabled={!hasSelection} aria-keyshortcuts="Delete">
        Delete
      </button>
    </div>
  );
}
