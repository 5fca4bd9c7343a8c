import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { selectionOf, useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { addNodeToType, addNote, addReport, addSibling, moveSelection, navigate, nodeBoxes, nodeElement, setOnAdded, setStance, setStratum } from './capture';
import { openCaptureDialog } from './capture-dialogs';
import { deleteSelection, duplicateSelection, editSelected, selectAll } from './commands';
import { keyAction, type CanvasAction } from './key-actions';
import { cycleRegion, focusCanvas } from './regions';
import { showInfo } from '../state/toasts';
import { appendTyped, dropTyped, keepTyped, startEditing } from './useLabelEditing';
import { isTyping } from '../ui/is-typing';
import { EDGE_MARGIN, focusInView, MINIMAP_ROOM, viewCentre } from './on-screen';

type Flow = ReactFlowInstance<BoardFlowNode, BoardFlowEdge>;

interface ArrangeSetting {
  /** Whether the board's "Keep arranged" was ever set, on or off. */
  keepArrangedChosen: boolean;
  onKeepArranged(on: boolean): void;
}

/**
 * An org map grown from the keyboard keeps itself arranged, as an imported or pasted one does:
 * "Keep arranged" comes on with the first report or sibling added by a key on a board where
 * nobody has chosen either way (a blank board), and the facilitator hears how to turn it off.
 */
function keepKeyboardMapArranged(setting: ArrangeSetting): void {
  const board = useBoard.getState();
  if (board.keepArranged || setting.keepArrangedChosen) return;
  board.setKeepArranged(true);
  setting.onKeepArranged(true);
  showInfo('Keep arranged is on: the map lays itself out by levels as you add. Turn it off in the toolbar.');
}


function run(action: CanvasAction, flow: Flow, setting: ArrangeSetting): boolean {
  const board = useBoard.getState();
  const one = () => {
    const ids = selectionOf(board).nodeIds;
    return ids.length === 1 ? ids[0] : null;
  };
  switch (action.type) {
    case 'undo':
      board.undo();
      return true;
    case 'redo':
      board.redo();
      return true;
    case 'duplicate':
      duplicateSelection();
      return true;
    case 'selectAll':
      selectAll();
      return true;
    case 'delete':
      deleteSelection();
      return true;
    case 'edit':
      revealUndrawn(flow, one()!);
      return editSelected();
    case 'deselect':
      board.selectOnly([]);
      focusCanvas();
      return true;
    case 'help':
    case 'reportsTo':
    case 'timeSpan':
    case 'purchaseRole':
      openCaptureDialog(action.type);
      return true;
    case 'nextRegion':
    case 'previousRegion':
      return cycleRegion(action.type === 'nextRegion');
    case 'addReport':
      keepKeyboardMapArranged(setting);
      return !!addReport(one()!);
    case 'addSibling':
      if (board.doc.nodes.get(one()!)?.kind === 'role') keepKeyboardMapArranged(setting);
      return !!addSibling(one()!);
    case 'addRole':
      return !!addNodeToType('role', viewCentre(flow));
    case 'addNote':
      return !!addNote(viewCentre(flow));
    case 'type':
      revealUndrawn(flow, one()!);
      startEditing(one()!, action.text);
      return true;
    case 'navigate': {
      const next = navigate(action.direction);
      if (next) focusInView(flow, next);
      // An arrow with nowhere to go still must not scroll the page or move the node.
      return true;
    }
    case 'move': {
      const moved = moveSelection(action.direction, action.far);
      const only = one();
      // A card moved off screen keeps the focus: on a board the canvas culls, one off screen is not
      // drawn, so the view goes to it once the move is drawn.
      if (moved && only) requestAnimationFrame(() => focusInView(flow, only));
      return moved;
    }
    case 'stratum':
      return setStratum(action.stratum);
    case 'stance':
      return setStance(action.stance);
  }
}

/**
 * Brings the node being edited into view when the keyboard put it off screen, with its manager
 * so the reporting line shows; it zooms out if both do not fit, never in.
 */
function reveal(flow: Flow, id: string): void {
  const boxes = nodeBoxes();
  const measured = boxes.get(id);
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  if (!measured || !pane) return;
  // Room below for the card to grow as its label is typed, and for the minimap in the corner.
  const box = { ...measured, height: measured.height + GROWTH };
  const topLeft = flow.flowToScreenPosition({ x: box.x, y: box.y });
  const bottomRight = flow.flowToScreenPosition({ x: box.x + box.width, y: box.y + box.height });
  const margin = EDGE_MARGIN;
  if (topLeft.x >= pane.left + margin && topLeft.y >= pane.top + margin && bottomRight.x <= pane.right - margin && bottomRight.y <= pane.bottom - MINIMAP_ROOM) return;
  const { doc } = useBoard.getState();
  const managerId = [...doc.edges.values()].find((e) => e.kind === 'reports-to' && e.target === id)?.source;
  const shown = [box, managerId ? boxes.get(managerId) : undefined].filter((b): b is NonNullable<typeof b> => !!b);
  const left = Math.min(...shown.map((b) => b.x));
  const top = Math.min(...shown.map((b) => b.y));
  const right = Math.max(...shown.map((b) => b.x + b.width));
  const bottom = Math.max(...shown.map((b) => b.y + b.height));
  const zoom = Math.min(flow.getZoom(), (pane.width * 0.8) / (right - left), ((pane.height - MINIMAP_ROOM) * 0.8) / (bottom - top));
  void flow.setCenter((left + right) / 2, (top + bottom) / 2, { zoom, duration: 200 });
}

/**
 * An edit started by key on a card the view has left: on a board the canvas culls, that card is
 * not drawn, and neither would be its editor nor what is typed into it until the view is on it.
 */
function revealUndrawn(flow: Flow, id: string): void {
  if (!nodeElement(id)) reveal(flow, id);
}

/** Flow units a card may grow by while its label is typed (a title wrapping to two lines). */
const GROWTH = 100;

/**
 * The canvas shortcuts, read before React Flow's own (capture phase), so the arrows walk the
 * tree instead of nudging nodes. They stay out of the way while the facilitator types in a field
 * or a dialog, and Tab leaves the canvas as usual unless a single role is selected.
 */
export function useCanvasKeys(flow: Flow, setting: ArrangeSetting): void {
  const settingRef = useRef(setting);
  useEffect(() => {
    settingRef.current = setting;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      // Enter and Space on a focused button press that button (a vote, a toolbar command).
      if ((event.key === 'Enter' || event.key === ' ') && target?.tagName === 'BUTTON') return;
      const board = useBoard.getState();
      const mod = event.ctrlKey || event.metaKey || event.altKey;
      // Keys typed while a node's editor is still mounting belong to that editor.
      if (board.editingId && !board.doc.nodes.has(board.editingId)) board.setEditing(null);
      if (board.editingId && !mod) {
        const keeps = (event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey;
        if (event.key.length === 1) appendTyped(board.editingId, event.key);
        else if (event.key === 'Backspace') dropTyped(board.editingId);
        else if (event.key === 'Escape') board.setEditing(null);
        else if (keeps) keepTyped(board.editingId);
        // Tab goes on to its own action (a role adds a report), as it does in the editor.
        if (!keeps || event.key !== 'Tab') {
          event.preventDefault();
          event.stopPropagation();
          return;
        }
      }
      const { nodeIds, edgeIds } = selectionOf(board);
      const byId = new Map(board.nodes.map((n) => [n.id, n]));
      const onNode = !!target?.closest?.('.react-flow__node');
      const inCanvas = !target || target === document.body || !!target.closest?.('.react-flow');
      const action = keyAction(event, {
        selected: nodeIds.map((id) => byId.get(id)?.type ?? 'text'),
        edgeSelected: edgeIds.length > 0,
        inCanvas,
        onNode,
        presenting: !!document.querySelector('.presenter-controls'),
      });
      if (!action || !run(action, flow, settingRef.current)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [flow]);

  // A card the keyboard added is brought into view once React Flow has measured it (a frame or
  // two after it mounts). A card opened by a double-click is where the pointer is: the view stays.
  useEffect(() => {
    setOnAdded((id) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => reveal(flow, id)))));
    return () => setOnAdded(null);
  }, [flow]);
}
