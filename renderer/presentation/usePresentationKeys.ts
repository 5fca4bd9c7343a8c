import { useEffect } from 'react';
import { go, toggleFindingsVisible, toggleScreen, toggleSpotlight, toggleTimerVisible, toggleTallyVisible } from './commands';
import { isTyping } from '../ui/is-typing';

interface Options {
  /** In the editor the arrow keys belong to the canvas while something is selected. */
  arrowsOnlyWithoutSelection: boolean;
  hasSelection(): boolean;
  onLeave(): void;
  onHelp(): void;
  onOverlay?(): void;
}


/** The keys of presentation software: arrows, Space and PageDown go on; B, W, F, T, V, C; Esc leaves; ? lists them. */
export function usePresentationKeys({ arrowsOnlyWithoutSelection, hasSelection, onLeave, onHelp, onOverlay }: Options): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const arrowsFree = !arrowsOnlyWithoutSelection || !hasSelection();
      const key = event.key;
      let handled = true;
      if (key === 'PageDown' || (arrowsFree && (key === 'ArrowRight' || key === 'ArrowDown' || key === ' '))) go(1);
      else if (key === 'PageUp' || (arrowsFree && (key === 'ArrowLeft' || key === 'ArrowUp'))) go(-1);
      else if (key === 'b' || key === 'B' || key === '.') toggleScreen('black');
      else if (key === 'w' || key === 'W' || key === ',') toggleScreen('white');
      else if (key === 'f' || key === 'F') toggleSpotlight();
      else if (key === 't' || key === 'T') toggleTimerVisible();
      else if (key === 'v' || key === 'V') toggleTallyVisible();
      else if (key === 'c' || key === 'C') toggleFindingsVisible();
      else if (key === '?') onHelp();
      else if (key === 'Escape') onLeave();
      else if (onOverlay && (key === 'o' || key === 'O')) onOverlay();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [arrowsOnlyWithoutSelection, hasSelection, onLeave, onHelp, onOverlay]);
}
