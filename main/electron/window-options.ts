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
    title: 'Groundwork',
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
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

/** macOS apps stay running with no window open (the Dock reopens one); elsewhere closing the last window quits. */
export function quitsWhenAllWindowsClosed(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}
