import { useCallback, useSyncExternalStore } from 'react';
import { LABEL_FIELD, type NodeKind } from '../../shared/model';
import { useBoard } from '../state/board-store';

/**
 * Which node is being edited, told to that node alone. Every node subscribing to the board
 * store would run thousands of selectors on each of its updates (each frame of a drag) to learn
 * that one id changed.
 */
const editingListeners = new Map<string, Set<() => void>>();
let lastEditingId = useBoard.getState().editingId;
useBoard.subscribe((state) => {
  if (state.editingId === lastEditingId) return;
  const before = lastEditingId;
  lastEditingId = state.editingId;
  for (const id of [before, lastEditingId]) if (id) editingListeners.get(id)?.forEach((notify) => notify());
});

function subscribeEditing(id: string, notify: () => void): () => void {
  let listeners = editingListeners.get(id);
  if (!listeners) editingListeners.set(id, (listeners = new Set()));
  listeners.add(notify);
  return () => {
    listeners.delete(notify);
    if (!listeners.size) editingListeners.delete(id);
  };
}

/** What a node needs for inline editing: whether it is being edited, and how to keep or drop the text. */
export function useLabelEditing(id: string, kind: NodeKind, current: string) {
  const subscribe = useCallback((notify: () => void) => subscribeEditing(id, notify), [id]);
  const editing = useSyncExternalStore(subscribe, () => useBoard.getState().editingId === id);
  const commit = useCallback(
    (value: string) => {
      const { edit, setEditing } = useBoard.getState();
      setEditing(null);
      if (value !== current) edit([{ type: 'node.update', id, data: { [LABEL_FIELD[kind]]: value } }]);
    },
    [id, kind, current],
  );
  const cancel = useCallback(() => useBoard.getState().setEditing(null), []);
  return { editing, commit, cancel };
}
