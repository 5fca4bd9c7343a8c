import { useState, type DragEvent } from 'react';
import type { AgendaItem } from '../../shared/model';

const DRAG_TYPE = 'application/x-groundwork-agenda-item';

/** Reordering the agenda by dragging an item's grip onto another item: before or after it, by which half it is dropped on. */
export function useAgendaDrag(items: readonly AgendaItem[], move: (from: number, to: number) => void) {
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<{ index: number; after: boolean } | null>(null);
  const end = () => {
    setDragId(null);
    setDropAt(null);
  };
  // Where a dragged item lands, read from the event itself: state set by the last dragover may not have rendered yet.
  const dropPosition = (event: DragEvent, index: number) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { index, after: event.clientY > box.top + box.height / 2 };
  };
  const row = (index: number) => ({
    onDragOver(event: DragEvent) {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const at = dropPosition(event, index);
      if (dropAt?.index !== at.index || dropAt.after !== at.after) setDropAt(at);
    },
    onDrop(event: DragEvent) {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      const from = items.findIndex((i) => i.id === event.dataTransfer.getData(DRAG_TYPE));
      const at = dropPosition(event, index);
      const to = at.index + (at.after ? 1 : 0);
      if (from >= 0) move(from, from < to ? to - 1 : to);
      end();
    },
  });
  const grip = (itemId: string) => ({
    draggable: true,
    onDragStart(event: DragEvent) {
      event.dataTransfer.setData(DRAG_TYPE, itemId);
      event.dataTransfer.effectAllowed = 'move';
      const li = event.currentTarget.closest('li');
      if (li) event.dataTransfer.setDragImage(li, 16, 16);
      setDragId(itemId);
    },
    onDragEnd: end,
  });
  /** The row's class for the drag: the one being dragged, or where the drop would land. */
  const rowClass = (itemId: string, index: number) =>
    (dragId === itemId ? ' dragging' : '') + (dropAt?.index === index ? (dropAt.after ? ' drop-after' : ' drop-before') : '');
  return { row, grip, rowClass };
}
