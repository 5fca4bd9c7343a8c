import { useEffect, useRef } from 'react';
import { copiedNodesText, isCopiedNodesText } from './clipboard';
import { copySelection, paste } from './commands';
import { isTyping } from '../ui/is-typing';

const elsewhere = (event: Event) => isTyping(event.target) || !!document.querySelector('dialog[open]');

/**
 * Copy and paste through the system clipboard's events (Ctrl/Cmd+C and V, and the Edit menu):
 * a copy of nodes also writes their labels as text, and a paste decides by the text it brings.
 * The text the last copy of nodes wrote pastes those nodes; other text goes to `onText` (an org
 * chart pasted onto an org map), and when that declines it, the copied nodes are pasted.
 */
export function useClipboardEvents(onText: (text: string) => boolean): void {
  const handler = useRef(onText);
  useEffect(() => {
    handler.current = onText;
  });
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      if (elsewhere(event) || (window.getSelection()?.toString() ?? '') !== '') return;
      if (!copySelection()) return;
      event.clipboardData?.setData('text/plain', copiedNodesText() ?? '');
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (elsewhere(event)) return;
      event.preventDefault();
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() && !isCopiedNodesText(text) && handler.current(text)) return;
      paste();
    };
    window.addEventListener('copy', onCopy);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('copy', onCopy);
      window.removeEventListener('paste', onPaste);
    };
  }, []);
}
