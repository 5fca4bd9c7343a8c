import { useRef, useState } from 'react';
import type { AgendaItem } from '../../shared/model';
import { api } from '../api/client';
import { showError } from '../state/toasts';
import type { EditorSession } from './editor-session';

export const plannedMinutes = (items: readonly AgendaItem[]) => items.reduce((sum, item) => sum + item.timeboxMinutes, 0);

/**
 * The agenda as shown: the edit being saved, else the session's. Every change sends the whole list;
 * a failed one is shown and the session's list (main's truth) comes back.
 */
export function useAgenda({ session, reload }: EditorSession) {
  const [saving, setSaving] = useState<AgendaItem[] | null>(null);
  const lastSave = useRef(0);
  const items = saving ?? session.agenda;
  const save = async (next: AgendaItem[]) => {
    const token = ++lastSave.current;
    setSaving(next);
    try {
      await api().call('session.setAgenda', { sessionId: session.id, items: next });
    } catch (error) {
      showError(error);
    }
    await reload();
    if (token === lastSave.current) setSaving(null);
  };
  return { items, save };
}
