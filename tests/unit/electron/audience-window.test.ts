import { describe, expect, it, vi } from 'vitest';
import { isFullscreenKey, prepareAudienceWindow, type KeyInput } from '../../../main/electron/audience-window';
import { decideWindowOpen, isAudienceUrl } from '../../../main/electron/security';
import { audienceWindowOptions, externalDisplay } from '../../../main/electron/window-options';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };

describe('the audience window', () => {
  it('is the one window our pages may open, and only at its own route', () => {
    expect(isAudienceUrl('app://groundwork/index.html#/session/s_abc/audience')).toBe(true);
    for (const url of [
      'app://groundwork/index.html#/session/s_abc',
      'app://groundwork/index.html#/session/s_abc/audience/extra',
      'https://evil.example/#/session/s_abc/audience',
      'app://groundwork.evil/index.html#/session/s_abc/audience',
      'file:///index.html#/session/s_abc/audience',
    ]) {
      expect(isAudienceUrl(url), url).toBe(false);
    }
  });

  it('opens with main’s options; anything else is still denied and never opened in-app', () => {
    const opener = vi.fn(async () => {});
    const options = () => audienceWindowOptions('/preload.js', projector);
    expect(decideWindowOpen('app://groundwork/index.html#/session/s_abc/audience', opener, options)).toMatchObject({
      action: 'allow',
      overrideBrowserWindowOptions: { fullscreen: true, x: 1440 },
    });
    expect(decideWindowOpen('app://groundwork/index.html#/session/s_abc', opener, options)).toEqual({ action: 'deny' });
    expect(opener).not.toHaveBeenCalled();
  });

  it('goes fullscreen on the projector, keeping the editor’s security flags', () => {
    expect(externalDisplay([laptop, projector], 1)).toBe(projector);
    expect(externalDisplay([laptop], 1)).toBeNull();
    const options = audienceWindowOptions('/preload.js', projector);
    expect(options).toMatchObject({ x: 1440, y: 0, width: 1920, height: 1080, fullscreen: true });
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/preload.js' });
  });

  it('is a plain window on one screen, for the presenter overlay on a key', () => {
    const options = audienceWindowOptions('/preload.js', null);
    expect(options.fullscreen).toBeUndefined();
    expect(options).toMatchObject({ width: 1280, height: 720 });
  });

  it('has no DevTools unless asked for (development)', () => {
    expect(audienceWindowOptions('/preload.js', projector).webPreferences?.devTools).toBe(false);
    expect(audienceWindowOptions('/preload.js', null, true).webPreferences?.devTools).toBe(true);
  });
});

const key = (over: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: 'F11', isAutoRepeat: false, control: false, alt: false, meta: false, shift: false, ...over });

function fakeAudienceWindow() {
  let listener: ((event: { preventDefault(): void }, input: KeyInput) => void) | undefined;
  let fullScreen = false;
  const win = {
    removeMenu: vi.fn(),
    isFullScreen: () => fullScreen,
    setFullScreen: vi.fn((flag: boolean) => (fullScreen = flag)),
    webContents: { on: (_event: 'before-input-event', l: typeof listener) => (listener = l) },
  };
  const press = (input: KeyInput) => {
    const event = { preventDefault: vi.fn() };
    listener?.(event, input);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { win, press };
}

describe('the audience window on the projector', () => {
  it('has no menu bar (Windows, Linux): the room sees the board and nothing of the app', () => {
    const { win } = fakeAudienceWindow();
    prepareAudienceWindow(win);
    expect(win.removeMenu).toHaveBeenCalledOnce();
  });

  it('still goes fullscreen and back on F11, which the removed View menu answered', () => {
    const { win, press } = fakeAudienceWindow();
    prepareAudienceWindow(win);
    expect(press(key())).toBe(true);
    expect(win.isFullScreen()).toBe(true);
    expect(press(key())).toBe(true);
    expect(win.isFullScreen()).toBe(false);
  });

  it('leaves every other key to the page (the presenter keys), and a held or modified F11 alone', () => {
    const { win, press } = fakeAudienceWindow();
    prepareAudienceWindow(win);
    for (const input of [key({ key: 'ArrowRight' }), key({ key: 'b' }), key({ type: 'keyUp' }), key({ isAutoRepeat: true }), key({ control: true }), key({ shift: true })]) {
      expect(press(input), JSON.stringify(input)).toBe(false);
    }
    expect(win.setFullScreen).not.toHaveBeenCalled();
    expect(isFullscreenKey(key())).toBe(true);
  });
});
