import { useCallback } from 'react';
import { LABEL_FIELD, type NodeKind } from '../../shared/model';
import { useBoard } from '../state/board-store';

/** What a node needs for inline editing: whether it is being edited, and how to keep or drop the text. */
export function useLabelEditing(id: string, kind: NodeKind, current: string) {
  const editing = useBoard((s) => s.editingId === id);
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
