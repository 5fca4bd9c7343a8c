import { useEffect, useState } from 'react';
import type { NoteNames } from '../../shared/model/room';
import { api } from '../api/client';
import { showError } from '../state/toasts';

/** Whether the session's room shows names beside notes, kept current as the facilitator flips it. */
export function useNamesShown(sessionId: string): boolean {
  const [names, setNames] = useState<NoteNames | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .call('room.settings', { sessionId })
      .then((settings) => live && setNames(settings.names))
      .catch(showError);
    const off = api().on('room.changed', (status) => {
      if (status.open && status.sessionId === sessionId) setNames(status.settings.names);
    });
    return () => {
      live = false;
      off();
    };
  }, [sessionId]);
  return names === 'shown';
}
