import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type Reply } from '../../../shared/api';
import { isTrustedAppUrl } from '../../../main/electron/trusted-url';
import { startBackend, type Backend } from '../../../main/service/backend';
import { attachIpc, clientIdOf, type IpcInvokeEvent, type IpcMainLike, type IpcWebContents } from '../../../main/transport/ipc';

type Handler = Parameters<IpcMainLike['handle']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, handler) => void handlers.set(channel, handler),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function fakeWebContents(id: number, url = 'app://groundwork/index.html') {
  const sent: unknown[][] = [];
  let destroyed = false;
  const onDestroyed: (() => void)[] = [];
  const contents: IpcWebContents = {
    id,
    send: (...args) => void sent.push(args),
    isDestroyed: () => destroyed,
    getURL: () => url,
    once: (_event, listener) => void onDestroyed.push(listener),
  };
  const destroy = () => {
    destroyed = true;
    onDestroyed.forEach((l) => l());
  };
  return { contents, sent, destroy, event: (frameUrl: string | null = url): IpcInvokeEvent => ({ sender: contents, senderFrame: frameUrl === null ? null : { url: frameUrl } }) };
}

let dir: string;
let backend: Backend;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-ipc-'));
  backend = startBackend(dir);
});
afterEach(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the IPC transport', () => {
  it('registers one handler, on the call channel', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    attachIpc(ipcMain, backend, isTrustedAppUrl);
    expect([...handlers.keys()]).toEqual([IPC_CHANNELS.call]);
  });

  it('runs a call from our own page through the backend', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    attachIpc(ipcMain, backend, isTrustedAppUrl);
    const win = fakeWebContents(1);
    const call = handlers.get(IPC_CHANNELS.call)!;
    const created = (await call(win.event(), 'session.create', { title: 'Leadership offsite' })) as Reply<{ title: string }>;
    expect(created).toMatchObject({ ok: true, result: { title: 'Leadership offsite' } });
    const listed = await call(win.event(), 'session.list', {});
    expect(listed.ok && (listed.result as unknown[]).length).toBe(1);
  });

  it.each([
    ['a remote page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/evil.html'],
    ['a look-alike app host', 'app://groundwork.evil/'],
    ['a frame that is gone', null],
  ])('refuses a call from %s and writes nothing', async (_label, frameUrl) => {
    const { ipcMain, handlers } = fakeIpcMain();
    attachIpc(ipcMain, backend, isTrustedAppUrl);
    const win = fakeWebContents(2);
    const reply = await handlers.get(IPC_CHANNELS.call)!(win.event(frameUrl), 'session.create', { title: 'Hostile' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await backend.dispatch('session.list', {}, { clientId: 'check' })).toEqual({ ok: true, result: [] });
  });

  it('answers a bad call with the contract’s typed error', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    attachIpc(ipcMain, backend, isTrustedAppUrl);
    const call = handlers.get(IPC_CHANNELS.call)!;
    const win = fakeWebContents(3);
    expect(await call(win.event(), 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call(win.event(), 'session.create', { title: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('calls the backend as the window, so its own edits are not echoed back to it', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const dispatch = vi.fn(backend.dispatch);
    attachIpc(ipcMain, { dispatch, hub: backend.hub }, isTrustedAppUrl);
    await handlers.get(IPC_CHANNELS.call)!(fakeWebContents(4).event(), 'session.list', {});
    expect(dispatch).toHaveBeenCalledWith('session.list', {}, { clientId: clientIdOf(fakeWebContents(4).contents) });
    expect(clientIdOf(fakeWebContents(4).contents)).toBe('win-4');
  });

  it('pushes events to every connected window but the one that caused them', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const ipc = attachIpc(ipcMain, backend, isTrustedAppUrl);
    const editor = fakeWebContents(4);
    const audience = fakeWebContents(5);
    ipc.connect(editor.contents);
    ipc.connect(audience.contents);
    await handlers.get(IPC_CHANNELS.call)!(editor.event(), 'session.create', { title: 'Strategy day' });
    const changed = [IPC_CHANNELS.event, 'session.changed', { sessionId: expect.any(String), deleted: false }];
    expect(audience.sent).toEqual([changed]);
    expect(editor.sent).toEqual([changed]);
    backend.hub.publish('board.changed', { boardId: 'b_1', revision: 2, ops: [] }, clientIdOf(editor.contents));
    expect(audience.sent).toHaveLength(2);
    expect(editor.sent).toHaveLength(1);
  });

  it('stops sending to a window once it is destroyed, or once it shows a page that is not ours', async () => {
    const { ipcMain } = fakeIpcMain();
    const ipc = attachIpc(ipcMain, backend, isTrustedAppUrl);
    const closed = fakeWebContents(6);
    const hijacked = fakeWebContents(7, 'https://evil.example/');
    // The backend's own listeners (the room's) are there before any window.
    const own = backend.hub.size;
    ipc.connect(closed.contents);
    ipc.connect(hijacked.contents);
    expect(backend.hub.size).toBe(own + 2);
    closed.destroy();
    expect(backend.hub.size).toBe(own + 1);
    await backend.dispatch('session.create', { title: 'After close' }, { clientId: 'other' });
    expect(closed.sent).toEqual([]);
    expect(hijacked.sent).toEqual([]);
  });

  it('removes its handler and every subscription on close', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const ipc = attachIpc(ipcMain, backend, vi.fn(() => true));
    const own = backend.hub.size;
    ipc.connect(fakeWebContents(8).contents);
    ipc.connect(fakeWebContents(9).contents);
    ipc.close();
    expect(handlers.size).toBe(0);
    expect(backend.hub.size).toBe(own);
  });
});
