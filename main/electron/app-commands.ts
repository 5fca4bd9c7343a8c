import type { EventPayload } from '../../shared/api';

/** A command from the desktop app to a page: the contract's 'app.command' event. */
export type AppCommandPayload = EventPayload<'app.command'>;
export type AppCommand = AppCommandPayload['command'];
export const APP_COMMAND_EVENT = 'app.command';

/** Where a command goes: the editor window there is, or one opened for it; `focus` brings the editor to the front. */
type CommandRoute<W> = { to: W | 'new-editor'; focus: boolean } | null;

/**
 * Every command the desktop app sends concerns the editor, whichever window has focus. After
 * Present the audience window on the projector has it, and a command sent there would show the
 * room what is the facilitator's alone (Ctrl/Cmd+N's home screen lists every session).
 *
 * Starting or opening a session with no editor open (macOS keeps running without one) opens an
 * editor for it and brings it forward; undo and redo with no editor have nothing to act on.
 */
export function routeAppCommand<W>(command: AppCommand, editor: W | null): CommandRoute<W> {
  if (command === 'undo' || command === 'redo') return editor ? { to: editor, focus: false } : null;
  return { to: editor ?? 'new-editor', focus: true };
}

/**
 * Commands per window (by client id), held until its page says it listens. A new window's page
 * subscribes to events only after it has loaded (React attaches listeners in an effect), so an
 * 'open-session' sent to it at once would be lost. The page asks for what waits
 * ('app.takeCommands'); from then on commands go out as they come.
 */
export class CommandQueue {
  private readonly waiting = new Map<string, AppCommandPayload[]>();
  private readonly listening = new Set<string>();

  /** Sends the command now when the window's page listens, else keeps it for the page to take. */
  deliver(clientId: string, command: AppCommandPayload, send: (command: AppCommandPayload) => void): 'sent' | 'queued' {
    if (this.listening.has(clientId)) {
      send(command);
      return 'sent';
    }
    this.waiting.set(clientId, [...(this.waiting.get(clientId) ?? []), command]);
    return 'queued';
  }

  /** The page listens now: what waited, oldest first, each given once. */
  take(clientId: string): AppCommandPayload[] {
    this.listening.add(clientId);
    const waiting = this.waiting.get(clientId) ?? [];
    this.waiting.delete(clientId);
    return waiting;
  }

  /** The window loads a page again (a reload): commands wait for the new page to ask. */
  stopListening(clientId: string): void {
    this.listening.delete(clientId);
  }

  /** The window closed: what waited for it is dropped. */
  forget(clientId: string): void {
    this.listening.delete(clientId);
    this.waiting.delete(clientId);
  }

  /** How many commands wait for the window (for tests and logs). */
  waitingFor(clientId: string): number {
    return this.waiting.get(clientId)?.length ?? 0;
  }
}
