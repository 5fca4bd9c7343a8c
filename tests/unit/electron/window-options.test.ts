import { describe, expect, it } from 'vitest';
import { editorWindowOptions, MIN_WINDOW_SIZE, quitsWhenAllWindowsClosed } from '../../../main/electron/window-options';
import { DEFAULT_WINDOW_STATE } from '../../../main/electron/window-state';

const options = editorWindowOptions({ preloadPath: '/app/dist/main/preload/preload.js', state: { x: 10, y: 20, width: 1200, height: 800, maximized: false } });
const prefs = options.webPreferences ?? {};

describe('the editor window', () => {
  it('isolates the page from the preload (contextIsolation)', () => expect(prefs.contextIsolation).toBe(true));
  it('runs the renderer in the OS sandbox', () => expect(prefs.sandbox).toBe(true));
  it('gives the page no Node, in frames or workers', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
  });
  it('keeps web security on and refuses insecure content', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });
  it('has no <webview> tag', () => expect(prefs.webviewTag).toBe(false));
  it('has DevTools only when main says it runs in development (!app.isPackaged)', () => {
    expect(prefs.devTools).toBe(false);
    const dev = editorWindowOptions({ preloadPath: 'p', state: DEFAULT_WINDOW_STATE, devTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
    expect(editorWindowOptions({ preloadPath: 'p', state: DEFAULT_WINDOW_STATE, devTools: false }).webPreferences?.devTools).toBe(false);
  });
  it('checks spelling (suggestions in the context menu)', () => expect(prefs.spellcheck).toBe(true));
  it('loads the given preload', () => expect(prefs.preload).toBe('/app/dist/main/preload/preload.js'));
  it('stays hidden until its first paint, on the page background', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
  it('is titled Groundwork, with a minimum size a canvas can use', () => {
    expect(options.title).toBe('Groundwork');
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
    expect(MIN_WINDOW_SIZE.width).toBeGreaterThanOrEqual(800);
  });
  it('opens at the remembered bounds', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800 });
  });
  it('opens at 1440x900 when nothing is remembered', () => {
    const fresh = editorWindowOptions({ preloadPath: 'p', state: DEFAULT_WINDOW_STATE });
    expect(fresh).toMatchObject({ width: 1440, height: 900 });
    expect(fresh.x).toBeUndefined();
  });
});

describe('closing the last window', () => {
  it('quits on Windows and Linux but not on macOS', () => {
    expect(quitsWhenAllWindowsClosed('win32')).toBe(true);
    expect(quitsWhenAllWindowsClosed('linux')).toBe(true);
    expect(quitsWhenAllWindowsClosed('darwin')).toBe(false);
  });
});
