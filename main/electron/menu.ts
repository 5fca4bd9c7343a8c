import type { MenuItemConstructorOptions } from 'electron';

interface MenuInputs {
  platform: NodeJS.Platform;
  appName: string;
  /**
   * Reload and DevTools are for development only: in use, a reload would drop edits still being
   * sent, and the packaged app's windows have DevTools turned off (window-options.ts).
   */
  isDev: boolean;
}

export interface MenuCallbacks {
  onNewSession(): void;
  onUndo(): void;
  onRedo(): void;
  onAbout(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Undo and redo are our own items, not Electron's roles: the canvas keeps
 * its own undo stack (ops and their inverses), which the native role knows nothing about.
 */
export function buildMenuTemplate({ platform, appName, isDev }: MenuInputs, callbacks: MenuCallbacks): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Session', accelerator: 'CmdOrCtrl+N', click: () => callbacks.onNewSession() },
      separator,
      mac ? { role: 'close', label: 'Close Window' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Shown, not registered: the key reaches the page, which undoes in a text field or on the
      // canvas as fits; a registered accelerator would also fire the menu item, undoing twice.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false, click: () => callbacks.onUndo() },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false, click: () => callbacks.onRedo() },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isDev ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${appName}`, click: () => callbacks.onAbout() }],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
