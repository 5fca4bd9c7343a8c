import { useState } from 'react';
import { isHiddenNote } from '../../shared/model';
import { api } from '../api/client';
import { useBoard } from '../state/board-store';
import { showError } from '../state/toasts';
import { useRoom } from './room-state';

const notes = (n: number) => `${n} note${n === 1 ? '' : 's'}`;

/**
 * Over the canvas while private mode is on, or while notes it hid are still on the board: what
 * the room cannot see, and the reveal that shows it all at once.
 */
export function PrivateModeBanner({ sessionId }: { sessionId: string }) {
  const privateMode = useRoom((s) => s.status?.open === true && s.status.sessionId === sessionId && s.status.settings.privateMode);
  const hidden = useBoard((s) => {
    let count = 0;
    for (const node of s.doc.nodes.values()) if (isHiddenNote(node.kind, node.data)) count++;
    return count;
  });
  const [busy, setBusy] = useState(false);
  if (!privateMode && hidden === 0) return null;
  const reveal = () => {
    setBusy(true);
    api()
      .call('room.reveal', { sessionId })
      .catch(showError)
      .finally(() => setBusy(false));
  };
  return (
    <section className="private-banner" aria-label="Private mode">
      <p role="status">
        {privateMode ? <strong>Private mode is on: </strong> : <strong>Hidden notes: </strong>}
        {privateMode ? 'notes from phones are seen only by their author and you. ' : ''}
        {hidden > 0 ? `${notes(hidden)} on this board ${hidden === 1 ? 'waits' : 'wait'} for the reveal.` : 'No note on this board waits for the reveal yet.'}
      </p>
      <button type="button" className="primary" onClick={reveal} disabled={busy}>
        {privateMode ? 'Reveal all and end private mode' : 'Reveal all'}
      </button>
    </section>
  );
}
