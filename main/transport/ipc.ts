import { IPC_CHANNELS, type Reply } from '../../shared/api';
import type { Backend } from '../service/backend';

/**
 * The parts of Electron's ipcMain and WebContents this transport uses. It never imports
 * electron itself, so it runs (and is tested) in plain Node with fakes.
 */
export interface IpcWebContents {
  readonly id: number;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
  once(event: 'destroyed', listener: () => void): unknown;
}
export interface IpcInvokeEvent {
  readonly sender: IpcWebContents;
  /** Null once the frame has gone (navigated away or closed). */
  readonly senderFrame: { readonly url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<Reply>): void;
  removeHandler(channel: string): void;
}
type BackendLike = Pick<Backend, 'dispatch' | 'hub'>;

export interface IpcTransport {
  /** Pushes the hub's events to this window until it is destroyed; returns the unsubscribe. */
  connect(contents: IpcWebContents): () => void;
  close(): void;
}

const FORBIDDEN_REPLY: Reply = {
  ok: false,
  error: { code: 'forbidden', path: [], message: 'Only Groundwork’s own pages may call Groundwork.' },
};

export const clientIdOf = (contents: IpcWebContents) => `win-${contents.id}`;

/**
 * One handler for every method of the contract: it checks who is calling, then hands the call
 * to the backend's dispatcher, which validates and runs it. Per-method code lives in the service.
 */
export function attachIpc(ipcMain: IpcMainLike, backend: BackendLike, isTrustedSender: (url: string) => boolean): IpcTransport {
  const connections = new Map<number, () => void>();

  ipcMain.handle(IPC_CHANNELS.call, async (event, method, input) => {
    const url = event.senderFrame?.url;
    if (url === undefined || !isTrustedSender(url)) return FORBIDDEN_REPLY;
    return backend.dispatch(method, input, { clientId: clientIdOf(event.sender) });
  });

  const connect = (contents: IpcWebContents) => {
    connections.get(contents.id)?.();
    const unsubscribe = backend.hub.subscribe(clientIdOf(contents), (name, payload) => {
      // A page that is not ours (it should never get there: navigation is denied) hears nothing.
      if (contents.isDestroyed() || !isTrustedSender(contents.getURL())) return;
      contents.send(IPC_CHANNELS.event, name, payload);
    });
    const disconnect = () => {
      if (connections.get(contents.id) !== disconnect) return;
      unsubscribe();
      connections.delete(contents.id);
    };
    connections.set(contents.id, disconnect);
    contents.once('destroyed', disconnect);
    return disconnect;
  };

  return {
    connect,
    close() {
      ipcMain.removeHandler(IPC_CHANNELS.call);
      for (const disconnect of [...connections.values()]) disconnect();
    },
  };
}
