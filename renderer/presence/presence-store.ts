import { useEffect } from 'react';
import { create } from 'zustand';
import type { Presence } from '../../shared/model/co-facilitator';
import { api } from '../api/client';
import { selectionOf, useBoard } from '../state/board-store';

/** The other windows' selections on the board on screen, by their client id. */
export const usePresence = create<{ others: Record<string, Presence> }>(() => ({ others: {} }));

const SEND_EVERY_MS = 120;

function remember(presence: Presence, boardId: string) {
  const others = { ...usePresence.getState().others };
  if (presence.boardId === boardId && presence.nodeIds.length > 0) others[presence.clientId] = presence;
  else delete others[presence.clientId];
  usePresence.setState({ others });
}

/**
 * Shares this window's selection on the board with the other laptops, and keeps theirs: sent at
 * most every SEND_EVERY_MS while it changes, and again on a reconnect (main forgets a window whose
 * socket went).
 */
export function useSharedSelection(sessionId: string, boardId: string): void {
  const selected = useBoard((s) => (s.boardId === boardId ? selectionOf(s).nodeIds.join(' ') : ''));

  useEffect(() => {
    usePresence.setState({ others: {} });
    if (!boardId) return;
    const offChanged = api().on('presence.changed', (presence) => {
      if (presence.sessionId === sessionId) remember(presence, boardId);
    });
    return () => {
      offChanged();
      usePresence.setState({ others: {} });
    };
  }, [sessionId, boardId]);

  useEffect(() => {
    if (!boardId) return;
    const send = () =>
      api()
        .call('presence.set', { sessionId, boardId, nodeIds: selected ? selected.split(' ').slice(0, 500) : [] })
        .then((others) => usePresence.setState({ others: Object.fromEntries(others.map((p) => [p.clientId, p])) }))
        // Presence is a courtesy: a window that cannot send it keeps working as it was.
        .catch(() => undefined);
    const timer = setTimeout(send, SEND_EVERY_MS);
    const offReconnect = api().onReconnect(send);
    return () => {
      clearTimeout(timer);
      offReconnect();
    };
  }, [sessionId, boardId, selected]);
}
