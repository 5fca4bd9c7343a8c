import { describe, expect, it, vi } from 'vitest';
import { goneReason, PDF_OPTIONS, windowPrinter, type PrintWindow } from '../../../main/electron/print-window';
import { GroundworkError } from '../../../shared/errors';

type Listener = (...args: unknown[]) => void;

/**
 * A hidden print window that does what the test tells it: its page reports a status (or never
 * answers, as a crashed renderer does), and the test fires Electron's events at it.
 */
function fakeWindow(status: () => Promise<unknown>, load: () => Promise<void> = () => Promise.resolve()) {
  const listeners = new Map<string, Listener>();
  let destroyed = false;
  const win = {
    loaded: [] as string[],
    loadURL: vi.fn((url: string) => {
      win.loaded.push(url);
      return load();
    }),
    destroy: vi.fn(() => (destroyed = true)),
    isDestroyed: () => destroyed,
    webContents: {
      executeJavaScript: vi.fn(() => status()),
      printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])),
      on: (event: string, listener: Listener) => listeners.set(event, listener),
    },
  };
  const fire = (event: string, ...args: unknown[]) => listeners.get(event)?.({}, ...args);
  return { win, fire, window: win as unknown as PrintWindow };
}

const job = () => ({ paper: 'a4' as const, signal: new AbortController().signal, onProgress: vi.fn() });
const ready = () => Promise.resolve(JSON.stringify({ state: 'ready', done: 2, total: 2 }));
const never = () => new Promise<unknown>(() => undefined);
const errorOf = async (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe('printing in Electron’s hidden window', () => {
  it('loads the print view, waits until it is ready, prints it and closes the window', async () => {
    const { win, window } = fakeWindow(ready);
    const pdf = await windowPrinter(() => window).print('#/session/s_1/print?paper=a4', job());
    expect(pdf).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(win.loaded).toEqual(['app://groundwork/index.html#/session/s_1/print?paper=a4']);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('ends the export with a message when the print view’s renderer crashes while it lays out, instead of waiting', async () => {
    const { win, fire, window } = fakeWindow(never);
    const printing = windowPrinter(() => window).print('#/session/s_1/print', job());
    await vi.waitFor(() => expect(win.webContents.executeJavaScript).toHaveBeenCalled());
    fire('render-process-gone', { reason: 'crashed', exitCode: 11 });
    const error = await errorOf(printing);
    expect(error).toBeInstanceOf(GroundworkError);
    expect(error).toMatchObject({ code: 'unavailable', message: 'The handout could not be made: the print view crashed. Nothing was exported; try again.' });
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('ends the export when the renderer goes during printToPDF too', async () => {
    const { win, fire, window } = fakeWindow(ready);
    win.webContents.printToPDF.mockImplementation(() => new Promise<Uint8Array<ArrayBuffer>>(() => undefined));
    const printing = windowPrinter(() => window).print('#/session/s_1/print', job());
    await vi.waitFor(() => expect(win.webContents.printToPDF).toHaveBeenCalled());
    fire('render-process-gone', { reason: 'oom', exitCode: 0 });
    expect(await errorOf(printing)).toMatchObject({ message: expect.stringContaining('the print view ran out of memory') });
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('ends the export with a message when the print view does not load', async () => {
    const { win, window } = fakeWindow(ready, () => Promise.reject(new Error("ERR_FILE_NOT_FOUND (-6) loading 'app://groundwork/index.html'")));
    const error = await errorOf(windowPrinter(() => window).print('#/session/s_1/print', job()));
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^The handout could not be made: the print view did not load \(ERR_FILE_NOT_FOUND/) });
    expect(win.webContents.executeJavaScript).not.toHaveBeenCalled();
  });

  it('ends the export when the main frame fails to load after loadURL settled, ignoring a subframe’s failure', async () => {
    const { win, fire, window } = fakeWindow(never);
    const printing = windowPrinter(() => window).print('#/session/s_1/print', job());
    await vi.waitFor(() => expect(win.webContents.executeJavaScript).toHaveBeenCalled());
    fire('did-fail-load', -2, 'ERR_FAILED', 'app://groundwork/frame.html', false);
    fire('did-fail-load', -3, 'ERR_ABORTED', 'app://groundwork/index.html', true);
    expect(await errorOf(printing)).toMatchObject({ message: expect.stringContaining('did not load (ERR_ABORTED)') });
  });

  it('says cancelled, not crashed, when the export was cancelled', async () => {
    const { win, fire, window } = fakeWindow(never);
    const controller = new AbortController();
    const printing = windowPrinter(() => window).print('#/session/s_1/print', { ...job(), signal: controller.signal });
    await vi.waitFor(() => expect(win.webContents.executeJavaScript).toHaveBeenCalled());
    controller.abort();
    fire('render-process-gone', { reason: 'killed', exitCode: 0 });
    expect(await errorOf(printing)).toMatchObject({ code: 'conflict', message: 'The export was cancelled' });
  });

  it('names why the renderer went in plain words', () => {
    expect(goneReason('crashed')).toBe('crashed');
    expect(goneReason('killed')).toBe('was stopped by the system');
    expect(goneReason('launch-failed')).toBe('stopped (launch-failed)');
  });
});
