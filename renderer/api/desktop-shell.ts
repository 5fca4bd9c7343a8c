import type { EventPayload } from '../../shared/api';
import type { ApiClient } from './client';

export type AppCommand = EventPayload<'app.command'>;
export type AppStatus = EventPayload<'app.status'>;
type ShellClient = Pick<ApiClient, 'on' | 'call'>;

/**
 * Listens for the desktop app's commands, then takes those that came for this window before it
 * listened (a session opened from the OS into a new window): main holds them until this asks.
 * The listener is attached first, so nothing falls between the two.
 */
export function listenForAppCommands(client: ShellClient, run: (command: AppCommand) => void, onError: (error: unknown) => void): () => void {
  const off = client.on('app.command', run);
  client
    .call('app.takeCommands', {})
    .then((waiting) => waiting.forEach(run))
    .catch(onError);
  return off;
}

/**
 * Follows whether the app has opened its data: the answer to 'app.status', then its events.
 * Ready is final: a late answer saying 'starting' does not take it back.
 */
export function watchAppStatus(client: ShellClient, onStatus: (status: AppStatus) => void, onError: (error: unknown) => void): () => void {
  let ready = false;
  const take = (status: AppStatus) => {
    if (ready) return;
    ready = status.state === 'ready';
    onStatus(status);
  };
  const off = client.on('app.status', take);
  client.call('app.status', {}).then(take).catch(onError);
  return off;
}
