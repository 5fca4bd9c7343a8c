import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GroundworkBridge, Reply } from '../../shared/api/wire';

// A sandboxed preload can require 'electron' and nothing else, not even our own files, so the
// channel names are written out here; a unit test keeps them equal to IPC_CHANNELS.
const CALL_CHANNEL = 'groundwork:call';
const EVENT_CHANNEL = 'groundwork:event';

/** The contract's client and nothing else: no ipcRenderer, no Node, no way to pick a channel. */
const bridge = {
  call(method: string, input: unknown): Promise<Reply> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, input);
  },
  onEvent(listener: (name: string, payload: unknown) => void): () => void {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies GroundworkBridge;

contextBridge.exposeInMainWorld('groundwork', bridge);
