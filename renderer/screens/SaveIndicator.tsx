import { useShallow } from 'zustand/react/shallow';
import { useBoard } from '../state/board-store';
import { useSaveStatus, type SaveStatus } from '../state/sync/editor-outbox';

/** The indicator's tone (its colour) and words. */
function describeSaveStatus({ waiting, connection }: SaveStatus): ['saved' | 'saving' | 'offline', string] {
  const edits = `${waiting} ${waiting === 1 ? 'edit' : 'edits'} waiting`;
  if (connection === 'connecting') return ['saving', waiting > 0 ? `Connecting: ${edits}` : 'Connecting…'];
  if (connection === 'offline') return ['offline', waiting > 0 ? `Offline: ${edits}` : 'Offline: all changes saved'];
  return waiting > 0 ? ['saving', 'Saving…'] : ['saved', 'All changes saved'];
}

/**
 * Where the editor stands: all saved, saving, or offline with edits waiting. Read out when it changes.
 * `data-revision` is the board revision main has confirmed to this window, for tests to wait on.
 */
export function SaveIndicator() {
  const [tone, text] = describeSaveStatus(useSaveStatus(useShallow((s) => ({ waiting: s.waiting, connection: s.connection }))));
  const revision = useBoard((s) => s.revision);
  return (
    <span role="status" className={`save-indicator save-${tone}`} data-revision={revision}>
      {text}
    </span>
  );
}
