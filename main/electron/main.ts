import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IPC_CHANNELS } from '../../shared/api';
import { startBackend, type Backend } from '../service/backend';
import { resolveDataDir } from '../store/data-dir';
import { DatabaseRefusedError } from '../store/database';
import { attachIpc, type IpcTransport } from '../transport/ipc';
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol';
import { APP_COMMAND_EVENT, buildMenuTemplate, type AppCommand } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { APP_ENTRY_URL, APP_SCHEME, isTrustedAppUrl } from './trusted-url';
import { editorWindowOptions, MIN_WINDOW_SIZE, quitsWhenAllWindowsClosed } from './window-options';
import { fitToDisplays, readWindowState, writeWindowState, type StateFiles } from './window-state';

// This file runs as dist/main/electron/main.js; the built renderer and the preload sit beside it in dist/.
const RENDERER_DIR = path.join(__dirname, '..', '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, '..', 'preload', 'preload.js');

const stateFiles: StateFiles = {
  readFile: (file) => fs.readFileSync(file, 'utf8'),
  writeFile: (file, text) => fs.writeFileSync(file, text),
};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const dataDir = resolveDataDir({ env: process.env, platform: process.platform, home: os.homedir(), electronUserData: app.getPath('userData') });
// A data dir given by GROUNDWORK_DATA_DIR (tests, a second profile) also gets its own Chromium
// profile and its own single-instance lock, so two such instances never meet.
if (dataDir !== app.getPath('userData')) app.setPath('userData', dataDir);

let editor: BrowserWindow | null = null;

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, (url) => shell.openExternal(url)));

function sendCommand(command: AppCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? editor;
  target?.webContents.send(IPC_CHANNELS.event, APP_COMMAND_EVENT, { command });
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
  const win = new BrowserWindow(editorWindowOptions({ preloadPath: PRELOAD_PATH, state }));
  ipc.connect(win.webContents);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => saveWindowState(win));
  win.on('closed', () => {
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

function openBackend(): Backend | null {
  try {
    return startBackend(dataDir);
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError)) throw error;
    dialog.showErrorBox('Groundwork cannot open its data', error.message);
    app.exit(3);
    return null;
  }
}

function start(): void {
  const backend = openBackend();
  if (!backend) return;
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, async (request) => {
    const reply = await serveAppRequest({ url: request.url, method: request.method }, RENDERER_DIR, (file) => fs.promises.readFile(file));
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  });
  const ipc = attachIpc(ipcMain, backend, isTrustedAppUrl);
  const template = buildMenuTemplate(
    { platform: process.platform, appName: app.name, isDev: !app.isPackaged },
    {
      onNewSession: () => {
        // With no window open (macOS), the home screen of a new one is where a session starts.
        if (editor) sendCommand('new-session');
        else editor = createEditorWindow(ipc);
      },
      onUndo: () => sendCommand('undo'),
      onRedo: () => sendCommand('redo'),
      onAbout: showAbout,
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  editor = createEditorWindow(ipc);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) editor = createEditorWindow(ipc);
  });
  app.on('will-quit', () => {
    ipc.close();
    backend.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusEditor);
  app.on('window-all-closed', () => {
    if (quitsWhenAllWindowsClosed(process.platform)) app.quit();
  });
  app.whenReady().then(start).catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Groundwork could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
