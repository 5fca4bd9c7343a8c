import type { ReactFlowInstance } from '@xyflow/react';
import type { NodeKind } from '../../shared/model';
import { useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { KIND_NAMES } from '../state/flow';
import { addNode, deleteSelection, duplicateSelection } from './commands';

const KINDS: NodeKind[] = ['role', 'note', 'text'];
let added = 0;

/** The canvas toolbar: add nodes where the facilitator is looking, undo and redo, and selection commands. */
export function Palette({ flow }: { flow: ReactFlowInstance<BoardFlowNode, BoardFlowEdge> }) {
  const canUndo = useBoard((s) => s.canUndo);
  const canRedo = useBoard((s) => s.canRedo);
  const hasSelection = useBoard((s) => s.nodes.some((n) => n.selected) || s.edges.some((e) => e.selected));

  const add = (kind: NodeKind) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: innerWidth / 2, y: innerHeight / 2 };
    const step = (added++ % 8) * 24;
    const position = flow.screenToFlowPosition({ x: centre.x - 90 + step, y: centre.y - 40 + step });
    addNode(kind, position);
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
      <button type="button" onClick={() => flow.fitView({ padding: 0.2, maxZoom: 1.25, duration: 200 })}>
        Fit view
      </button>
    </div>
  );
}
