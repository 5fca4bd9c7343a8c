import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './window-state';

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** The renderer's --paper background (renderer/styles.css), so the window does not flash white while it loads. */
export const WINDOW_BACKGROUND = '#f6f4ef';

export interface EditorWindowInputs {
  preloadPath: string;
  state: WindowState;
}

/**
 * The editor window. The security flags are spelled out even where they are Electron's
 * defaults, so a future default change (or a careless edit) shows up in the tests.
 */
export function editorWindowOptions({ preloadPath, state }: EditorWindowInputs): BrowserWindowConstructorOptions {
  return {
    ...baseWindowOptions(preloadPath),
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
  };
}

function baseWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Groundwork',
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
}

export interface DisplayArea {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/** The projector: the first display that is not the laptop's own, or null on one screen. */
export function externalDisplay(displays: readonly DisplayArea[], primaryId: number): DisplayArea | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/**
 * The audience window: fullscreen on the projector when one is connected; on one screen, a
 * window the facilitator makes fullscreen (F11) while the presenter overlay sits on a key.
 * Same security flags as the editor.
 */
export function audienceWindowOptions(preloadPath: string, projector: DisplayArea | null): BrowserWindowConstructorOptions {
  const base = { ...baseWindowOptions(preloadPath), title: 'Groundwork: audience', show: true, backgroundColor: '#ffffff' };
  if (!projector) return { ...base, width: 1280, height: 720 };
  return { ...base, ...projector.bounds, fullscreen: true, autoHideMenuBar: true };
}

/**
 * The hidden window Export prints the handout from: never shown, painted all the same (printing
 * needs the layout), a screen's width so the print view lays out as it does on a laptop.
 */
export function printWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const base = baseWindowOptions(preloadPath);
  return { ...base, title: 'Groundwork: handout', show: false, width: 1280, height: 900, paintWhenInitiallyHidden: true, webPreferences: { ...base.webPreferences, spellcheck: false } };
}

/** macOS apps stay running with no window open (the Dock reopens one); elsewhere closing the last window quits. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
