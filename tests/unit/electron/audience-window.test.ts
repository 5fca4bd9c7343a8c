import { describe, expect, it, vi } from 'vitest';
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
});
