import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IPC_CHANNELS, type MethodOutput, type Reply } from '../../shared/api';
import { startBackend, type Backend } from '../service/backend';
import { EventHub } from '../service/events';
import { prepareDataDir } from '../store/data-dir';
import { currentHolder } from '../store/data-lock';
import { DatabaseRefusedError } from '../store/database';
import { attachIpc, clientIdOf, type IpcTransport } from '../transport/ipc';
import { APP_COMMAND_EVENT, CommandQueue, routeAppCommand, type AppCommandPayload } from './app-commands';
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';
import { prepareAudienceWindow } from './audience-window';
import { contextMenuTemplate, keepSpellcheckOffline } from './context-menu';
import { LEAVE_WITH_EDITS_WAITING, leavesAnyway } from './leave-guard';
import { buildMenuTemplate } from './menu';
import { groundworkFileFromArgv, openGroundworkFile } from './open-file';
import { electronPrinter } from './pdf-printer';
import { hardenSession, hardenWebContents } from './security';
import { openDataAfterFirstPaint, startupGate } from './startup-gate';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './trusted-url';
import { audienceWindowOptions, editorWindowOptions, externalDisplay, MIN_WINDOW_SIZE, quitsWhenAllWindowsClosed } from './window-options';
import { fitToDisplays, readWindowState, writeWindowState, type StateFiles } from './window-state';

// This file runs as dist/main/electron/main.js; the built renderer and the preload sit beside it in dist/.
const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, '..', 'preload', 'preload.js');

const stateFiles: StateFiles = {
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  writeFile: (file, text) => fs.writeFileSync(file, text),
};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// The same folder `groundwork serve` uses (Electron's userData unless overridden), created here:
// app.setPath throws on a folder that does not exist.
const { dir: dataDir, moved } = prepareDataDir({ env: process.env, platform: process.platform, home: os.homedir() }, (old) => currentHolder(old) !== null);
if (moved) console.log(moved);
// A data dir given by GROUNDWORK_DATA_DIR (tests, a second profile) also gets its own Chromium
// profile and its own single-instance lock, so two such instances never meet.
if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);

let editor: BrowserWindow | null = null;
/** DevTools, reload and the like are for development: the packaged app has none. */
const isDev = !app.isPackaged;
/** Commands wait per window until its page asks for them (app-commands.ts). */
const commands = new CommandQueue();

/** The audience view goes fullscreen on the projector when one is connected. */
const audienceOptions = () => audienceWindowOptions(PRELOAD_PATH, externalDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id), isDev);

app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, (url) => shell.openExternal(url), audienceOptions);
  contents.on('context-menu', (_e, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length) Menu.buildFromTemplate(template).popup();
  });
});

/** A command goes to the editor, whichever window has focus (routeAppCommand), once its page listens. */
function sendCommand(command: AppCommandPayload, ipc: IpcTransport): void {
  const route = routeAppCommand(command.command, editor);
  if (!route) return;
  const target = route.to === 'new-editor' ? (editor = createEditorWindow(ipc)) : route.to;
  const contents = target.webContents;
  commands.deliver(clientIdOf(contents), command, (payload) => contents.send(IPC_CHANNELS.event, APP_COMMAND_EVENT, payload));
  if (route.focus) focusEditor();
}

function saveWindowState(win: BrowserWindow): void {
  try {
    writeWindowState(dataDir, { ...win.getNormalBounds(), maximized: win.isMaximized() }, stateFiles);
  } catch (error) {
    console.error('Could not remember the window position', error);
  }
}

function createEditorWindow(ipc: IpcTransport): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = fitToDisplays(readWindowState(dataDir, stateFiles), workAreas, MIN_WINDOW_SIZE);
  const win = new BrowserWindow(editorWindowOptions({ preloadPath: PRELOAD_PATH, state, devTools: isDev }));
  const clientId = clientIdOf(win.webContents);
  ipc.connect(win.webContents);
  // The audience window the editor opens (Present) hears the same events, and has no menu bar.
  win.webContents.on('did-create-window', (child) => {
    ipc.connect(child.webContents);
    prepareAudienceWindow(child);
  });
  // A reload's new page listens only once it asks again: commands wait for it meanwhile.
  win.webContents.on('did-navigate', () => commands.stopListening(clientId));
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.webContents.on('will-prevent-unload', (event) => {
    if (leavesAnyway(dialog.showMessageBoxSync(win, LEAVE_WITH_EDITS_WAITING))) event.preventDefault();
  });
  win.on('close', () => saveWindowState(win));
  win.on('closed', () => {
    commands.forget(clientId);
    if (editor === win) editor = null;
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Could not load the editor', error));
  return win;
}

function focusEditor(): void {
  if (!editor) return;
  if (editor.isMinimized()) editor.restore();
  editor.focus();
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: `About ${app.name}`,
    message: `${app.name} ${app.getVersion()}`,
    detail: 'A workshop studio for facilitators: org maps by levels of work, decision-makers, the golden circle and signals.',
    buttons: ['OK'],
  });
}

/**
 * A damaged database (or one an update step failed on) is set aside and the backend starts empty:
 * the window's home screen says so and offers the newest backup. Only what cannot be set aside
 * (a database from a newer version) stops the app, with a native error.
 */
function openBackend(hub: EventHub): Backend | null {
  try {
    const backend = startBackend(dataDir, { printer: electronPrinter(PRELOAD_PATH), shell: 'desktop app', hub, libraryUrl: process.env.GROUNDWORK_LIBRARY_URL });
    const report = backend.startupReport;
    if (report) console.error(`${report.message} SQLite said: ${report.detail}`);
    return backend;
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError)) throw error;
    dialog.showErrorBox('Groundwork cannot open its data', error.message);
    app.exit(3);
    return null;
  }
}

/** Files the OS asked to open before the backend was ready (macOS sends them before 'ready'). */
const pendingFiles: string[] = [];
let openFile: ((file: string) => void) | null = null;

function requestOpenFile(file: string): void {
  if (openFile) openFile(file);
  else pendingFiles.push(file);
}

/** Imports files one at a time: a second double-click waits for the first question to be answered. */
function fileOpener(backend: Backend, ipc: IpcTransport): (file: string) => void {
  let queue = Promise.resolve();
  const importOne = (file: string) =>
    openGroundworkFile(file, {
      fileSize: async (f) => (await fs.promises.stat(f)).size,
      readText: (f) => fs.promises.readFile(f, 'utf8'),
      confirm: async ({ message, detail }) => {
        const options = { type: 'question' as const, message, detail, buttons: ['Import', 'Cancel'], defaultId: 0, cancelId: 1, noLink: true };
        const parent = editor?.isVisible() ? editor : null;
        const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
        return response === 0;
      },
      showError: (message, detail) => void dialog.showMessageBox({ type: 'error', message, detail, buttons: ['OK'] }),
      importDocument: (document) => backend.dispatch('file.import', { document }, { clientId: 'electron-main' }) as Promise<Reply<MethodOutput<'file.import'>>>,
      openSession: (sessionId) => sendCommand({ command: 'open-session', sessionId }, ipc),
    });
  return (file) => {
    queue = queue.then(() => importOne(file)).then(
      () => undefined,
      (error: unknown) => console.error('Could not open', file, error),
    );
  };
}

function cannotStart(error: unknown): void {
  console.error(error);
  dialog.showErrorBox('Groundwork could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

/**
 * The window first, then the data: the editor opens on its start-up message (startup-gate.ts)
 * while the backend checks, updates and opens the database, which blocks the main thread.
 */
function start(): void {
  hardenSession(session.defaultSession);
  keepSpellcheckOffline(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const reply = await serveAppRequest({ url: request.url, method: request.method }, RENDERER_DIR, (file) => fs.promises.readFile(file));
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  });
  const hub = new EventHub();
  const gate = startupGate({ takeCommands: (clientId) => commands.take(clientId), publishStatus: (status) => hub.publish('app.status', status) });
  const ipc = attachIpc(ipcMain, { dispatch: gate.dispatch, hub }, isTrustedAppUrl);
  const template = buildMenuTemplate(
    { platform: process.platform, appName: app.name, isDev },
    {
      // With no window open (macOS), a new editor opens and starts the session there.
      onNewSession: () => sendCommand({ command: 'new-session' }, ipc),
      onUndo: () => sendCommand({ command: 'undo' }, ipc),
      onRedo: () => sendCommand({ command: 'redo' }, ipc),
      onAbout: showAbout,
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  editor = createEditorWindow(ipc);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) editor = createEditorWindow(ipc);
  });
  app.on('will-quit', () => ipc.close());

  const openData = () => {
    try {
      const backend = openBackend(hub);
      if (!backend) return;
      app.on('will-quit', () => backend.close());
      gate.open(backend.dispatch);
      // A room left open by the last run (a crash, a restart) listens again, with the same code and tokens.
      void backend.dispatch('room.status', {}, { clientId: 'electron-main' });
      openFile = fileOpener(backend, ipc);
      const fromArgv = groundworkFileFromArgv(process.argv);
      if (fromArgv) pendingFiles.unshift(path.resolve(fromArgv));
      for (const file of pendingFiles.splice(0)) openFile(file);
    } catch (error) {
      cannotStart(error);
    }
  };
  const first = editor;
  openDataAfterFirstPaint(openData, { onceShown: (listener) => first.once('ready-to-show', listener), setTimer: (run, ms) => setTimeout(run, ms) });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusEditor();
    const file = groundworkFileFromArgv(argv);
    if (file) requestOpenFile(path.resolve(workingDirectory, file));
  });
  // macOS: a double-click on a file, or a drop on the Dock icon; it may come before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    requestOpenFile(file);
  });
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(process.platform)) app.quit();
  });
  app.whenReady().then(start).catch(cannotStart);
}
