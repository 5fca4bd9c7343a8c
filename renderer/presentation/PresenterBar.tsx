import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { showError } from '../state/toasts';
import { useBoard } from '../state/board-store';
import { showBoardInAddress } from '../state/router';
import { openAudienceWindow } from './audience-window';
import { usePresentation } from './presentation-store';
import { PresenterControls } from './PresenterControls';
import { PresentationShortcuts } from './PresentationShortcuts';
import { usePresentationKeys } from './usePresentationKeys';

/** Present: the room sees the board again (after an End presentation), in the audience window. */
export function present(sessionId: string): void {
  // Sent before the window opens, so main has it before anything that window asks.
  api().call('presentation.update', { sessionId, patch: { ended: false } }).catch(showError);
  openAudienceWindow(sessionId);
}

/**
 * The presenter's view in the editor: the controls above the board, which follows the
 * presentation's step, while the facilitator keeps editing and the audience follows every edit.
 */
export function PresenterBar({ sessionId, onLeave }: { sessionId: string; onLeave(): void }) {
  const [help, setHelp] = useState(false);
  const stepBoard = usePresentation((s) => (s.state ? s.steps[Math.min(s.state.stepIndex, s.steps.length - 1)]?.boardId : undefined));

  useEffect(() => {
    void usePresentation.getState().load(sessionId);
  }, [sessionId]);

  useEffect(() => {
    if (stepBoard && stepBoard !== useBoard.getState().boardId) showBoardInAddress(sessionId, stepBoard);
  }, [stepBoard, sessionId]);

  // End presentation: the audience window turns to a neutral screen.
  const leave = useCallback(() => {
    usePresentation.getState().update({ ended: true });
    onLeave();
  }, [onLeave]);
  // Ended from the audience window (Esc there, or its controls): the editor leaves too. Only a
  // change seen here counts: the state loaded at Present may still say the last one ended.
  const ended = usePresentation((s) => s.state?.ended);
  const wasEnded = useRef(ended);
  useEffect(() => {
    if (wasEnded.current === false && ended) onLeave();
    wasEnded.current = ended;
  }, [ended, onLeave]);
  const hasSelection = useCallback(() => useBoard.getState().nodes.some((n) => n.selected), []);
  usePresentationKeys({ arrowsOnlyWithoutSelection: true, hasSelection, onLeave: leave, onHelp: () => setHelp(true) });

  // The Room panel opens below the controls, never over End presentation or the timer.
  const keepDrawersBelow = useCallback((bar: HTMLElement | null) => {
    if (!bar) return;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty('--drawer-top', `${bar.getBoundingClientRect().bottom}px`));
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.removeProperty('--drawer-top');
    };
  }, []);

  return (
    <>
      <PresenterControls ref={keepDrawersBelow} onHelp={() => setHelp(true)} onLeave={leave} showPrompts={false} />
      {help && <PresentationShortcuts place="editor" onClose={() => setHelp(false)} />}
    </>
  );
}
