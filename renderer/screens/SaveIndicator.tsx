import { useShallow } from 'zustand/react/shallow';
import { useSaveStatus } from '../state/sync/editor-outbox';

/** Where the editor stands: all saved, saving, or offline with edits waiting. Read out when it changes. */
export function SaveIndicator() {
  const { waiting, connection } = useSaveStatus(useShallow((s) => ({ waiting: s.waiting, connection: s.connection })));
  const [tone, text] =
    connection !== 'open'
      ? ['offline', waiting > 0 ? `Offline: ${waiting} ${waiting === 1 ? 'edit' : 'edits'} waiting` : 'Offline: all changes saved']
      : waiting > 0
        ? ['saving', 'Saving…']
        : ['saved', 'All changes saved'];
  return (
    <span role="status" className={`save-indicator save-${tone}`}>
      {text}
    </span>
  );
}
