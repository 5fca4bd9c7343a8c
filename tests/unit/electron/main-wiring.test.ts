import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { DATABASE_FILE, openDatabase } from '../../../main/store/database';

// main.ts only wires the pure modules to Electron. Electron cannot run here, so it is replaced by
// a recording fake and the wiring is checked: what was registered, with what, in what order.
const fake = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown;
  const state = {
    appListeners: new Map<string, Fn[]>(),
    windows: [] as {
      options: Record<string, unknown>;
      loaded: string[];
      shown: boolean;
      contentsEvents: string[];
      contentsListeners: Map<string, Fn>;
      /** Whether the database file was there when the window was made: the window comes first. */
      databaseExisted: boolean;
      send: ReturnType<typeof vi.fn>;
    }[],
    protocolHandlers: new Map<string, Fn>(),
    ipcHandlers: new Map<string, Fn>(),
    calls: [] as string[],
    menu: [] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[],
    focused: null as unknown,
  };
  const record = (name: string, result?: unknown) => (..._args: unknown[]) => {
    state.calls.push(name);
    return result;
  };
  class BrowserWindow {
    static getFocusedWindow = () => state.focused;
    static getAllWindows = () => state.windows;
    readonly webContents = { id: state.windows.length + 1, send: vi.fn(), isDestroyed: () => false, getURL: () => '', once: vi.fn(), on: vi.fn() };
    private readonly record = {
      options: {} as Record<string, unknown>,
      loaded: [] as string[],
      shown: false,
      contentsEvents: [] as string[],
      contentsListeners: new Map<string, Fn>(),
      databaseExisted: false,
      send: this.webContents.send,
    };
    constructor(options: Record<string, unknown>) {
      this.record.options = options;
      this.record.databaseExisted = fs.existsSync(path.join(process.env.GROUNDWORK_DATA_DIR ?? '', DATABASE_FILE));
      state.calls.push('new BrowserWindow');
      this.webContents.on.mockImplementation((event: string, listener: Fn) => {
        this.record.contentsEvents.push(event);
        this.record.contentsListeners.set(event, listener);
      });
      state.windows.push(this.record);
    }
    once(event: string, listener: () => void) {
      if (event === 'ready-to-show') queueMicrotask(listener);
    }
    on() {}
    show() {
      this.record.shown = true;
    }
    maximize() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {
      state.calls.push(`focus window ${this.webContents.id}`);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      name: 'Groundwork',
      isPackaged: false,
      getPath: () => path.join(os.tmpdir(), 'groundwork-fake-userdata'),
      setPath: record('app.setPath'),
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: record('app.requestSingleInstanceLock', true),
      whenReady: () => Promise.resolve(),
      on(event: string, listener: Fn) {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
      },
      quit: record('app.quit'),
      exit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(), showMessageBoxSync: vi.fn() },
    ipcMain: { handle: (channel: string, fn: Fn) => state.ipcHandlers.set(channel, fn), removeHandler: (channel: string) => state.ipcHandlers.delete(channel) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: typeof state.menu) => {
        state.menu = menu;
        state.calls.push('Menu.setApplicationMenu');
      },
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, fn: Fn) => state.protocolHandlers.set(scheme, fn),
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
        setSpellCheckerDictionaryDownloadURL: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn() },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-main-'));
  vi.stubEnv('GROUNDWORK_DATA_DIR', dataDir);
  Object.assign(fake.state, { appListeners: new Map(), windows: [], protocolHandlers: new Map(), ipcHandlers: new Map(), calls: [], menu: [], focused: null });
  vi.clearAllMocks();
  vi.resetModules();
});
afterEach(() => {
  for (const listener of fake.state.appListeners.get('will-quit') ?? []) listener();
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A call from the page in window `windowId`, as the preload makes it. */
const call = (method: string, input: unknown = {}, windowId = 1) =>
  fake.state.ipcHandlers.get(IPC_CHANNELS.call)!({ sender: { id: windowId }, senderFrame: { url: 'app://groundwork/index.html' } }, method, input) as Promise<{ ok: boolean; result?: unknown }>;

/** Starts main.ts and waits until it has opened its data (its window opens before). */
const startMain = async () => {
  await import('../../../main/electron/main');
  await vi.waitFor(() => expect(fake.state.calls).toContain('Menu.setApplicationMenu'));
  await vi.waitFor(async () => expect(await call('app.status')).toMatchObject({ ok: true, result: { state: 'ready' } }));
};

const menuItem = (menu: string, label: string) => {
  const item = fake.state.menu.find((m) => m.label === menu)?.submenu?.find((i) => i.label === label);
  if (!item?.click) throw new Error(`no ${menu} → ${label}`);
  return item.click;
};

describe('main.ts', () => {
  it('registers app:// as a standard, secure scheme before the app is ready', async () => {
    await startMain();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('gives a GROUNDWORK_DATA_DIR its own profile, before taking the single-instance lock', async () => {
    await startMain();
    expect(fake.state.calls.indexOf('app.setPath')).toBeLessThan(fake.state.calls.indexOf('app.requestSingleInstanceLock'));
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
  });

  it('opens one sandboxed editor window on app://groundwork, shown once ready', async () => {
    await startMain();
    expect(fake.state.windows).toHaveLength(1);
    const [editor] = fake.state.windows;
    expect(editor.loaded).toEqual(['app://groundwork/index.html']);
    expect(editor.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(String((editor.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]preload\.js$/);
    await vi.waitFor(() => expect(editor.shown).toBe(true));
    // The audience window it opens with Present is connected to the backend's events too.
    expect(editor.contentsEvents).toContain('did-create-window');
  });

  it('asks before the editor closes or reloads with edits still waiting, and goes only when told to', async () => {
    await startMain();
    const [editor] = fake.state.windows;
    const waiting = editor.contentsListeners.get('will-prevent-unload')!;
    for (const [button, leaves] of [[0, false], [1, true]] as const) {
      fake.electron.dialog.showMessageBoxSync.mockReturnValueOnce(button);
      const event = { preventDefault: vi.fn() };
      waiting(event);
      expect(event.preventDefault).toHaveBeenCalledTimes(leaves ? 1 : 0);
    }
    expect(fake.electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ buttons: ['Stay', 'Leave anyway'] }));
  });

  it('hardens the session and every web contents, and answers IPC calls', async () => {
    await startMain();
    expect(fake.state.calls).toEqual(expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler']));
    expect(fake.state.appListeners.get('web-contents-created')).toHaveLength(1);
    expect([...fake.state.ipcHandlers.keys()]).toEqual([IPC_CHANNELS.call]);
  });

  it('serves app:// with the Content-Security-Policy header', async () => {
    await startMain();
    const handler = fake.state.protocolHandlers.get('app')!;
    const response = (await handler({ url: 'app://groundwork/index.html', method: 'GET' })) as Response;
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('shows a native error and quits when the database was written by a newer version', async () => {
    const db = openDatabase(path.join(dataDir, DATABASE_FILE));
    db.prepare('INSERT INTO migrations (seq, name, applied_at) VALUES (?, ?, ?)').run(999, '999-from-the-future', Date.now());
    db.close();
    await import('../../../main/electron/main');
    await vi.waitFor(() => expect(fake.electron.app.exit).toHaveBeenCalledWith(3));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('newer'));
    // The window was already showing its start-up message; the app exits with it.
    expect(fake.state.windows).toHaveLength(1);
    expect(await Promise.race([call('session.list'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50))])).toBe('still waiting');
  });

  it('opens its window on an empty database when the database is damaged: the home screen says what happened', async () => {
    const garbage = Buffer.from('this is not a database at all, just words '.repeat(100));
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE), garbage);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startMain();
    expect(fake.electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.electron.app.exit).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(1);
    const moved = fs.readdirSync(dataDir).find((name) => name.startsWith(`${DATABASE_FILE}.damaged-`))!;
    expect(fs.readFileSync(path.join(dataDir, moved)).equals(garbage)).toBe(true);
    const reply = await fake.state.ipcHandlers.get(IPC_CHANNELS.call)!({ sender: { id: 1 }, senderFrame: { url: 'app://groundwork/index.html' } }, 'app.startupReport', {});
    expect(reply).toMatchObject({ ok: true, result: { problem: 'damaged', movedTo: path.join(dataDir, moved) } });
  });

  it('opens its window before the database: the page shows the start-up message while main checks and updates it', async () => {
    await import('../../../main/electron/main');
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    const [editor] = fake.state.windows;
    expect(editor.databaseExisted).toBe(false);
    await vi.waitFor(() => expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true));
    await vi.waitFor(async () => expect(await call('app.status')).toEqual({ ok: true, result: expect.objectContaining({ state: 'ready' }) }));
    expect(await call('session.list')).toEqual({ ok: true, result: [] });
    expect(editor.shown).toBe(true);
  });

  it('keeps the spellchecker from downloading dictionaries, and gives development windows DevTools', async () => {
    await startMain();
    expect(fake.electron.session.defaultSession.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(expect.stringMatching(/^http:\/\/127\.0\.0\.1:/));
    // The fake app is not packaged: development.
    expect(fake.state.windows[0].options).toMatchObject({ webPreferences: { devTools: true, spellcheck: true } });
  });

  it('sends menu commands to the editor when the audience window on the projector has focus', async () => {
    await startMain();
    const [editor] = fake.state.windows;
    const audience = { webContents: { id: 9, send: vi.fn() } };
    fake.state.focused = audience;
    expect(await call('app.takeCommands', {}, 1)).toEqual({ ok: true, result: [] });
    menuItem('File', 'New Session')();
    menuItem('Edit', 'Undo')();
    expect(audience.webContents.send).not.toHaveBeenCalled();
    expect(editor.send.mock.calls).toEqual([
      [IPC_CHANNELS.event, 'app.command', { command: 'new-session' }],
      [IPC_CHANNELS.event, 'app.command', { command: 'undo' }],
    ]);
    // Starting a session brings the editor forward, off the projector.
    expect(fake.state.calls).toContain('focus window 1');
  });

  it('holds a command for the editor until its page asks, then sends live', async () => {
    await startMain();
    const [editor] = fake.state.windows;
    menuItem('File', 'New Session')();
    expect(editor.send).not.toHaveBeenCalled();
    expect(await call('app.takeCommands', {}, 1)).toEqual({ ok: true, result: [{ command: 'new-session' }] });
    expect(await call('app.takeCommands', {}, 1)).toEqual({ ok: true, result: [] });
    menuItem('Edit', 'Redo')();
    expect(editor.send).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.event, 'app.command', { command: 'redo' });
  });

  it('takes the menu bar off the audience window the editor opens', async () => {
    await startMain();
    const [editor] = fake.state.windows;
    const child = { removeMenu: vi.fn(), isFullScreen: () => false, setFullScreen: vi.fn(), webContents: { id: 5, on: vi.fn(), once: vi.fn(), send: vi.fn(), isDestroyed: () => false, getURL: () => '' } };
    editor.contentsListeners.get('did-create-window')!(child);
    expect(child.removeMenu).toHaveBeenCalledOnce();
    expect(child.webContents.on).toHaveBeenCalledWith('before-input-event', expect.any(Function));
  });
});
