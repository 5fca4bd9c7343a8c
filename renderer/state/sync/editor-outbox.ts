import { create } from 'zustand';
import { api } from '../../api/client';
import type { ConnectionState } from '../../api/socket-connection';
import { showError } from '../toasts';
import { Outbox, memoryOutboxStore } from './outbox';
import { indexedDbOutboxStore } from './outbox-idb';

export interface SaveStatus {
  /** Edits main has not acknowledged yet. */
  waiting: number;
  connection: ConnectionState;
}

/** Where the editor stands: what the save indicator shows and what closing the window asks about. */
export const useSaveStatus = create<SaveStatus>(() => ({ waiting: 0, connection: 'open' }));

/** How often a page looks for edits that a closed page left waiting. */
const ADOPT_EVERY_MS = 15_000;

let outbox: Outbox | undefined;

/** The editor's one outbox, shared by every board the window opens. */
export function editorOutbox(): Outbox {
  if (outbox) return outbox;
  let warned = false;
  const created = new Outbox({
    send: async (batch) => (await api().call('board.apply', { boardId: batch.boardId, batchId: batch.id, ops: batch.ops })).revision,
    store: typeof indexedDB === 'undefined' ? memoryOutboxStore() : indexedDbOutboxStore(() => void created.adopt()),
    onStoreError: (error) => {
      console.warn(error);
      if (warned) return;
      warned = true;
      showError(new Error('This browser would not keep edits waiting to be saved: they are sent, but would be lost if the tab closed before that.'));
    },
  });
  outbox = created;
  created.on({ changed: () => useSaveStatus.setState({ waiting: created.size }) });
  useSaveStatus.setState({ connection: api().connectionState() });
  api().onConnectionState((connection) => useSaveStatus.setState({ connection }));
  // Edits a reloaded or closed page left waiting go out first; a tab closed while this one
  // stays open leaves its edits to be taken over when the connection comes back, or soon after.
  void created.adopt();
  api().onReconnect(() => void created.adopt());
  setInterval(() => void created.adopt(), ADOPT_EVERY_MS);
  addEventListener('beforeunload', (event) => {
    if (created.size === 0) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  });
  return created;
}
