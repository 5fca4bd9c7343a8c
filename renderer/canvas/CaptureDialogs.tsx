import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { managerCandidates, reportsToOps } from '../../shared/levels/org-edits';
import { roleName, type RoleNode } from '../../shared/levels/org-map';
import { timeSpanPatch } from '../../shared/levels/role-label';
import { parseTimeSpan } from '../../shared/levels/strata';
import { PURCHASE_ROLE_NAMES, type PurchaseRole } from '../../shared/model';
import type { Op } from '../../shared/ops';
import { selectionOf, useBoard } from '../state/board-store';
import type { BoardFlowEdge, BoardFlowNode } from '../state/flow';
import { Dialog } from '../ui/Dialog';
import { openCaptureDialog, useCaptureDialog } from './capture-dialogs';
import { focusInView } from './on-screen';
import { type Choice } from './match-choices';
import { TypeAhead } from './TypeAhead';
import { ShortcutSheet } from '../ui/ShortcutSheet';

/** Every key of the canvas, as the `?` sheet and the README list them. */
const CANVAS_SHORTCUTS: [string, string][] = [
  ['Tab (a role selected)', 'Add a report of it, one stratum below, and type its name'],
  ['Enter (a role or decision-maker selected)', 'Add a sibling beside it and type its name; on other nodes, edit the label'],
  ['Enter (nothing selected)', 'Add a role in the middle of the view'],
  ['a letter (one node selected)', 'Start typing its label with that letter'],
  ['F2, double-click', 'Edit the selected label (Enter keeps, Esc cancels, Tab keeps and adds a report)'],
  ['Name, title, time-span', 'A role\'s label: "Dana Whitfield, VP Sales, 18 months" sets person, title and time-span'],
  ['↑ ↓ ← →', 'Select the manager, the first report, the sibling left or right (other nodes: the nearest that way)'],
  ['Alt+arrows (Shift for bigger steps)', 'Move the selected nodes'],
  ['1 – 8, 0', 'Set the stratum of the selected roles and decision-makers (0 clears it)'],
  ['Alt+T', 'Type the selected role\'s time-span ("18 months", "3y", "6 wk")'],
  ['Alt+R', 'Reports to…: pick the manager of the selected roles by name'],
  ['Alt+P', 'Pick the selected decision-maker\'s role in the purchase'],
  ['+  =  -', 'Stance of the selected decision-makers: supporter, neutral, sceptic'],
  ['Alt+N (N when nothing is selected), double-click the canvas', 'Add a note and type it'],
  ['Esc', 'Clear the selection (Enter then adds a role); Tab then moves on and out of the canvas'],
  ['F6, Shift+F6', 'Jump between header, board tabs, toolbar, canvas and side panel'],
  ['Delete, Backspace', 'Delete the selection'],
  ['Ctrl/Cmd+C, V, D, A', 'Copy, paste, duplicate, select all'],
  ['Ctrl/Cmd+Z; Ctrl/Cmd+Shift+Z or Ctrl+Y', 'Undo; redo'],
  ['?', 'This list'],
];

const selectedOf = (kind: 'role' | 'decisionMaker') => {
  const state = useBoard.getState();
  return selectionOf(state).nodeIds.filter((id) => state.doc.nodes.get(id)?.kind === kind);
};

/**
 * Closes the dialog, giving the focus back to the node it acted on, even where the edit moved
 * that node off screen (Keep arranged places a role under its new manager): the view goes with it.
 */
function useClose(): (focusId?: string) => void {
  const flow = useReactFlow<BoardFlowNode, BoardFlowEdge>();
  return useCallback(
    (focusId) => {
      openCaptureDialog(null);
      if (focusId) requestAnimationFrame(() => focusInView(flow, focusId));
    },
    [flow],
  );
}

function ReportsToPicker() {
  const close = useClose();
  const roleIds = useMemo(() => selectedOf('role'), []);
  const choices = useMemo<Choice[]>(() => {
    const candidates = managerCandidates(useBoard.getState().doc, roleIds) as RoleNode[];
    return candidates.map((role) => ({ id: role.id, label: roleName(role), detail: role.data.person.trim() ? role.data.title.trim() || undefined : undefined }));
  }, [roleIds]);
  const who = roleIds.length === 1 ? roleName(useBoard.getState().doc.nodes.get(roleIds[0]) as RoleNode) : `${roleIds.length} roles`;
  return (
    <TypeAhead
      title={`${who} reports to…`}
      label="Manager"
      submitLabel="Set manager"
      choices={choices}
      onClose={() => close(roleIds[0])}
      onPick={(managerId) => {
        const { doc, edit } = useBoard.getState();
        const ops = reportsToOps(doc, roleIds, managerId);
        if (ops.length) edit(ops);
        close(roleIds[0]);
      }}
    />
  );
}

function TimeSpanField() {
  const close = useClose();
  const [roleId] = useState(() => selectedOf('role')[0]);
  const role = useBoard.getState().doc.nodes.get(roleId) as RoleNode | undefined;
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  if (!role) return null;
  return (
    <Dialog
      title={`Time-span of ${roleName(role)}`}
      submitLabel="Set time-span"
      onClose={() => close(roleId)}
      onSubmit={() => {
        const timeSpan = parseTimeSpan(text);
        if (!timeSpan) return setError('Type a number and a unit, such as 18 months, 3y or 6 wk.');
        const { doc, edit } = useBoard.getState();
        const current = doc.nodes.get(roleId);
        if (current?.kind === 'role') {
          const data = timeSpanPatch(timeSpan, current.data);
          if (Object.keys(data).length) edit([{ type: 'node.update', id: roleId, data }]);
        }
        close(roleId);
      }}
    >
      <label className="field">
        <span>Time-span</span>
        <input autoFocus value={text} placeholder="18 months" aria-invalid={!!error} aria-describedby="time-span-error" onChange={(e) => setText(e.target.value)} />
      </label>
      <p id="time-span-error" className="field-error" role="alert">
        {error}
      </p>
      <p className="field-hint">When the role has no stratum yet, the time-span gives it one.</p>
    </Dialog>
  );
}

const PURCHASE_CHOICES: Choice[] = [...Object.entries(PURCHASE_ROLE_NAMES).map(([id, label]) => ({ id, label })), { id: 'none', label: 'Not known yet' }];

function PurchaseRolePicker() {
  const close = useClose();
  const ids = useMemo(() => selectedOf('decisionMaker'), []);
  return (
    <TypeAhead
      title="Role in the purchase"
      label="Purchase role"
      submitLabel="Set role"
      choices={PURCHASE_CHOICES}
      onClose={() => close(ids[0])}
      onPick={(choice) => {
        const purchaseRole = choice === 'none' ? null : (choice as PurchaseRole);
        const { doc, edit } = useBoard.getState();
        const ops: Op[] = ids
          .filter((id) => {
            const node = doc.nodes.get(id);
            return node?.kind === 'decisionMaker' && node.data.purchaseRole !== purchaseRole;
          })
          .map((id) => ({ type: 'node.update', id, data: { purchaseRole } }));
        if (ops.length) edit(ops);
        close(ids[0]);
      }}
    />
  );
}

/** Whichever capture dialog is open. */
export function CaptureDialogs() {
  const open = useCaptureDialog((s) => s.open);
  const close = useClose();
  if (open === 'help') return <ShortcutSheet title="Canvas keys" shortcuts={CANVAS_SHORTCUTS} onClose={() => close()} />;
  if (open === 'reportsTo') return <ReportsToPicker />;
  if (open === 'timeSpan') return <TimeSpanField />;
  if (open === 'purchaseRole') return <PurchaseRolePicker />;
  return null;
}
