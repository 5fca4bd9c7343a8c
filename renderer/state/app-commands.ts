import { useEffect } from 'react';
import { api } from '../api/client';
import { listenForAppCommands, type AppCommand } from '../api/desktop-shell';
import { useBoard } from './board-store';
import { navigate } from './router';
import { showError } from './toasts';

function focusedTextField(): boolean {
  const el = document.activeElement as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/** The desktop menu's commands: undo and redo go to the field being typed in, else to the board. */
function runAppCommand({ command, sessionId }: AppCommand): void {
  if (command === 'new-session') navigate({ screen: 'home', creating: true });
  else if (command === 'open-session') {
    if (sessionId) navigate({ screen: 'session', sessionId });
  }
  // execCommand is deprecated but remains the only way to drive a field's own undo stack.
  else if (focusedTextField()) document.execCommand(command);
  else if (command === 'undo') useBoard.getState().undo();
  else useBoard.getState().redo();
}

/** Runs the desktop app's commands, those that waited for this page first (see listenForAppCommands). */
export function useAppCommands(): void {
  useEffect(() => listenForAppCommands(api(), runAppCommand, showError), []);
}
