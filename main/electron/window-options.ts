import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './window-state';

export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** The renderer's --paper background (renderer/styles.css), so the window does not flash white while it loads. */
const WINDOW_BACKGROUND = '#f6f4ef';

interface EditorWindowInputs {
  preloadPath: string;
  state: WindowState;
  /** DevTools are for development (`!app.isPackaged`); off, they cannot be opened by any key or call. */
  devTools?: boolean;
}

/**
 * The editor window. The security flags are spelled out even where they are Electron's
 * defaults, so a future default change (or a careless edit) shows up in the tests.
 */
export function editorWindowOptions({ preloadPath, state, devTools = false }: EditorWindowInputs): BrowserWindowConstructorOptions {
  return {
    ...baseWindowOptions(preloadPath, devTools),
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
  };
}

function baseWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
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
      devTools,
      // Suggestions come from the context menu (context-menu.ts); no dictionary is downloaded.
      spellcheck: true,
    },
  };
}

interface DisplayArea {
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
 * Same security flags as the editor. It has no menu bar (audience-window.ts removes it once the
 * window exists: the constructor has no option for that, and an auto-hidden bar still opens on Alt).
 */
export function audienceWindowOptions(preloadPath: string, projector: DisplayArea | null, devTools = false): BrowserWindowConstructorOptions {
  const base = { ...baseWindowOptions(preloadPath, devTools), title: 'Groundwork: audience', show: true, backgroundColor: '#ffffff' };
  if (!projector) return { ...base, width: 1280, height: 720 };
  return { ...base, ...projector.bounds, fullscreen: true };
}

/**
 * The hidden window Export prints the handout from: never shown, painted all the same (printing
 * needs the layout), a screen's width so the print view lays out as it does on a laptop. A
 * hidden window counts as in the background: without `backgroundThrottling: false` Chromium
 * slows its timers and animation frames, and the print view waits on both to lay boards out.
 */
export function printWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const base = baseWindowOptions(preloadPath, false);
  return {
    ...base,
    title: 'Groundwork: handout',
    show: false,
    width: 1280,
    height: 900,
    paintWhenInitiallyHidden: true,
    webPreferences: { ...base.webPreferences, spellcheck: false, backgroundThrottling: false },
  };
}

/** macOS apps stay running with no window open (the Dock reopens one); elsewhere closing the last window quits. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
