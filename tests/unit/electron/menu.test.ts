import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuCallbacks } from '../../../main/electron/menu';

function callbacks(): MenuCallbacks {
  return { onNewSession: vi.fn(), onUndo: vi.fn(), onRedo: vi.fn(), onAbout: vi.fn() };
}

const build = (platform: NodeJS.Platform, isDev = false, cb = callbacks()) => buildMenuTemplate({ platform, appName: 'Groundwork', isDev }, cb);
const submenu = (menu: MenuItemConstructorOptions) => (menu.submenu ?? []) as MenuItemConstructorOptions[];
const find = (template: MenuItemConstructorOptions[], label: string) => {
  const menu = template.find((m) => m.label === label || (label === 'Help' && m.role === 'help'));
  if (!menu) throw new Error(`no ${label} menu`);
  return submenu(menu);
};
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const item = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const click = (entry: MenuItemConstructorOptions | undefined) => (entry?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux, with no app menu', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
    }
  });

  it('puts the app menu first on macOS only', () => {
    const template = build('darwin');
    expect(template[0].label).toBe('Groundwork');
    expect(roles(submenu(template[0]))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(template.slice(1).map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help']);
  });

  it('sends undo and redo to the canvas through callbacks, not the native role', () => {
    const cb = callbacks();
    const edit = find(build('linux', false, cb), 'Edit');
    expect(item(edit, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', registerAccelerator: false });
    expect(item(edit, 'Redo')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+Z', registerAccelerator: false });
    expect(roles(edit)).not.toContain('undo');
    expect(roles(edit)).not.toContain('redo');
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect(cb.onUndo).toHaveBeenCalledOnce();
    expect(cb.onRedo).toHaveBeenCalledOnce();
  });

  it('keeps the native clipboard roles in Edit', () => {
    expect(roles(find(build('linux'), 'Edit'))).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('starts a new session from File with CmdOrCtrl+N', () => {
    const cb = callbacks();
    const file = find(build('win32', false, cb), 'File');
    expect(item(file, 'New Session')).toMatchObject({ accelerator: 'CmdOrCtrl+N' });
    click(item(file, 'New Session'));
    expect(cb.onNewSession).toHaveBeenCalledOnce();
  });

  it('ends File with Quit on Windows and Linux, Close Window on macOS', () => {
    expect(roles(find(build('linux'), 'File'))).toEqual(['quit']);
    expect(find(build('darwin'), 'File').at(-1)).toMatchObject({ role: 'close', label: 'Close Window' });
  });

  it('offers reload and DevTools only in development', () => {
    expect(roles(find(build('linux', true), 'View'))).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const view = roles(find(build('linux', false), 'View'));
    expect(view).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(find(build('linux', false), 'View')[0]).toMatchObject({ role: 'resetZoom' });
  });

  it('has the usual Window roles per platform', () => {
    expect(roles(find(build('darwin'), 'Window'))).toEqual(['minimize', 'zoom', 'front']);
    expect(roles(find(build('win32'), 'Window'))).toEqual(['minimize', 'close']);
  });

  it('opens the about dialog from Help', () => {
    const cb = callbacks();
    click(item(find(build('linux', false, cb), 'Help'), 'About Groundwork'));
    expect(cb.onAbout).toHaveBeenCalledOnce();
  });
});
