import { useEffect } from 'react';
import { api } from '../api/client';
import { useBoard } from './board-store';
import { navigate } from './router';

function focusedTextField(): boolean {
  const el = document.activeElement as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/** The desktop menu's commands: undo and redo go to the field being typed in, else to the board. */
export function useAppCommands(): void {
  useEffect(
    () =>
      api().on('app.command', ({ command, sessionId }) => {
        if (command === 'new-session') navigate({ screen: 'home', creating: true });
        else if (command === 'open-session') {
          if (sessionId) navigate({ screen: 'session', sessionId });
        }
        // execCommand is deprecated but remains the only way to drive a field's own undo stack.
        else if (focusedTextField()) document.execCommand(command);
        else if (command === 'undo') useBoard.getState().undo();
        else useBoard.getState().redo();
      }),
    [],
  );
}
