import type { ReactFlowInstance } from '@xyflow/react';
import { memo, useState } from 'react';
import { expectedSize } from '../../shared/layout/expected-size';
import { defaultNodeData, NODE_KIND_INFO, NODE_KINDS, type NodeKind } from '../../shared/model';
import { selectionOf, useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { Dialog, Field } from '../ui/Dialog';
import { parseOrgPaste } from '../../shared/import/org-paste';
import { validRows, type OrgCsvResult } from '../../shared/import/org-csv';
import { showInfo } from '../state/toasts';
import { addNode, arrangeOrgMap, deleteSelection, duplicateSelection, groupSelectionIntoFrame, importOrgChart, isOrgBoard, tidySelectedNotes } from './commands';
import { nodeBoxes, revealAdded } from './capture';
import { seenArea, showBeside, viewCentre } from './on-screen';
import { openCaptureDialog } from './capture-dialogs';
import { ImportOrgDialog } from './ImportOrgDialog';
import { findFreeSpot, inside } from './placement';
import { useClipboardEvents } from './useClipboardEvents';

type Modal = 'group' | 'import' | null;

interface Props {
  flow: ReactFlowInstance<BoardFlowNode, BoardFlowEdge>;
  onToggleBands(on: boolean): void;
  onKeepArranged(on: boolean): void;
}

/**
 * The canvas toolbar: add nodes where the facilitator is looking, edit the selection, and the
 * board's tools. Memoised: the canvas renders on every frame of a drag, the toolbar need not.
 */
export const Palette = memo(function Palette({ flow, onToggleBands, onKeepArranged }: Props) {
  const canUndo = useBoard((s) => s.canUndo);
  const canRedo = useBoard((s) => s.canRedo);
  const hasSelection = useBoard((s) => {
    const { nodeIds, edgeIds } = selectionOf(s);
    return nodeIds.length + edgeIds.length > 0;
  });
  const strataBands = useBoard((s) => s.strataBands);
  const notesSelected = useBoard((s) => {
    let count = 0;
    for (const id of selectionOf(s).nodeIds) if (s.doc.nodes.get(id)?.kind === 'note') count++;
    return count;
  });
  const keepArranged = useBoard((s) => s.keepArranged);
  /** An org chart that came in (a file or a paste) keeps itself arranged from then on. */
  const imported = () => {
    onKeepArranged(true);
    void flow.fitView({ padding: 0.15, duration: 300 });
  };
  const roleSelected = useBoard((s) => selectionOf(s).nodeIds.some((id) => s.doc.nodes.get(id)?.kind === 'role'));
  const [modal, setModal] = useState<Modal>(null);
  const [frameTitle, setFrameTitle] = useState('');
  const [pasted, setPasted] = useState<{ name: string; result: OrgCsvResult } | null>(null);

  // Where the facilitator is looking; when that is full, beside it, and the view makes room for it.
  const add = (kind: NodeKind) => {
    const seen = seenArea(flow);
    const spot = findFreeSpot(viewCentre(flow), expectedSize(kind, defaultNodeData(kind)), [...nodeBoxes().values()], seen);
    const id = addNode(kind, spot);
    const card = nodeBoxes().get(id);
    if (!seen || !card || inside(card, seen) || showBeside(flow, card, seen)) return;
    // Keep arranged may have put it in a band far from the view: the view stays with the work there.
    if (card.x === spot.x && card.y === spot.y) revealAdded(id);
  };

  // Text pasted onto an org map is an org chart: imported at once when it reads cleanly, else the
  // import dialog opens on its problems, as for a file.
  useClipboardEvents((text) => {
    if (!isOrgBoard()) return false;
    const result = parseOrgPaste(text);
    if (result.rows.length === 0 && result.problems.length === 0) return false;
    if (result.problems.length > 0) {
      setPasted({ name: 'the pasted text', result });
      setModal('import');
      return true;
    }
    const rows = validRows(result);
    if (importOrgChart(rows, viewCentre(flow))) {
      showInfo(`Added ${rows.length} role${rows.length === 1 ? '' : 's'} from the pasted ${result.format}`);
      imported();
    }
    return true;
  });

  const arrange = () => {
    arrangeOrgMap();
    void flow.fitView({ padding: 0.15, duration: 300 });
  };

  return (
    <div className="palette" role="toolbar" aria-label="Board tools">
      <div className="palette-group" role="group" aria-label="Add">
        {NODE_KINDS.map((kind) => (
          <button key={kind} type="button" aria-label={`Add ${NODE_KIND_INFO[kind].name.toLowerCase()}`} onClick={() => add(kind)}>
            + {NODE_KIND_INFO[kind].name}
          </button>
        ))}
      </div>
      <div className="palette-group" role="group" aria-label="Edit">
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
        <button
          type="button"
          disabled={!hasSelection}
          onClick={() => {
            setFrameTitle('');
            setModal('group');
          }}
        >
          Group into frame
        </button>
        <button type="button" disabled={notesSelected < 2} title="Line up the selected notes in a grid" onClick={tidySelectedNotes}>
          Tidy
        </button>
      </div>
      <div className="palette-group" role="group" aria-label="Org map">
        <button type="button" onClick={arrange}>
          Arrange by levels
        </button>
        <button
          type="button"
          onClick={() => {
            setPasted(null);
            setModal('import');
          }}
        >
          Import org chart…
        </button>
        <button type="button" aria-pressed={strataBands} onClick={() => onToggleBands(!strataBands)}>
          Strata bands
        </button>
        <button
          type="button"
          aria-pressed={keepArranged}
          title="Re-arrange the org map by levels after every change to its roles and reporting lines"
          onClick={() => {
            onKeepArranged(!keepArranged);
            useBoard.getState().setKeepArranged(!keepArranged);
            // Turned on, it starts from an arranged map: one undo step, as Arrange by levels.
            if (!keepArranged) arrangeOrgMap();
          }}
        >
          Keep arranged
        </button>
        <button type="button" disabled={!roleSelected} onClick={() => openCaptureDialog('reportsTo')} aria-keyshortcuts="Alt+R">
          Reports to…
        </button>
        <button type="button" onClick={() => openCaptureDialog('help')} aria-keyshortcuts="?" title="Every key of the canvas (?)">
          Keys
        </button>
      </div>
      {modal === 'group' && (
        <Dialog title="Group into a frame" submitLabel="Group" onClose={() => setModal(null)} onSubmit={() => {
            const frameId = groupSelectionIntoFrame(frameTitle || 'Cluster');
            if (!frameId) return;
            setModal(null);
            // Bring the whole frame, title included, into view; never zoom in to do it.
            void flow.fitView({ nodes: [{ id: frameId }], maxZoom: flow.getZoom(), padding: 0.1, duration: 300 });
          }}>
          <Field label="Cluster name" value={frameTitle} onChange={setFrameTitle} autoFocus />
        </Dialog>
      )}
      {modal === 'import' && (
        <ImportOrgDialog
          origin={viewCentre(flow)}
          initial={pasted ?? undefined}
          onClose={() => setModal(null)}
          onImported={imported}
        />
      )}
    </div>
  );
});
