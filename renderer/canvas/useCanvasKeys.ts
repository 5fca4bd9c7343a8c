import { useEffect } from 'react';
import { useBoard } from '../state/board-store';
import { deleteSelection, duplicateSelection, editSelected, selectAll } from './commands';

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/** The canvas shortcuts. They stay out of the way while the facilitator types in a field or a dialog. */
export function useCanvasKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Enter and Space on a focused button press that button (a vote, a toolbar command).
      if ((event.key === 'Enter' || event.key === ' ') && (event.target as HTMLElement | null)?.tagName === 'BUTTON') return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const board = useBoard.getState();
      let handled = true;
      if (mod && key === 'z' && !event.shiftKey) board.undo();
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) board.redo();
      // Copy and paste go on to the clipboard events (useClipboardEvents), which carry the text.
      else if (mod && (key === 'c' || key === 'v')) handled = false;
      else if (mod && key === 'd') duplicateSelection();
      else if (mod && key === 'a') selectAll();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) deleteSelection();
      else if (!mod && (event.key === 'Enter' || event.key === 'F2')) handled = editSelected();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
