import { describe, expect, it, vi } from 'vitest';
import {
  hardenSession,
  hardenWebContents,
  shouldGrantPermission,
  type HardenableSession,
  type HardenableWebContents,
  type NavigationEvent,
} from '../../../main/electron/security';

type Listener = (event: NavigationEvent) => void;

/** Records what the hardening registers, like a WebContents would, and lets the test fire events. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: HardenableWebContents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    for (const listener of listeners.get(event) ?? []) listener({ url, preventDefault });
    return { prevented: preventDefault.mock.calls.length > 0, listened: listeners.has(event) };
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it('prevents navigation to a page that is not ours', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, vi.fn());
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/', 'javascript:alert(1)']) {
      expect(fake.fire('will-navigate', url)).toEqual({ prevented: true, listened: true });
      expect(fake.fire('will-redirect', url)).toEqual({ prevented: true, listened: true });
    }
  });

  it('lets our own pages navigate between themselves', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, vi.fn());
    expect(fake.fire('will-navigate', 'app://groundwork/index.html#/session/abc').prevented).toBe(false);
  });

  it('denies every window.open, sending web links to the system browser', async () => {
    const fake = fakeWebContents();
    const opener = vi.fn();
    hardenWebContents(fake.contents, opener);
    expect(fake.open('https://example.com/guide')).toEqual({ action: 'deny' });
    expect(fake.open('app://groundwork/index.html')).toEqual({ action: 'deny' });
    expect(fake.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(opener).toHaveBeenCalledTimes(1));
    expect(opener).toHaveBeenCalledWith('https://example.com/guide');
  });

  it('logs, rather than throws, when the system browser cannot be opened', async () => {
    const fake = fakeWebContents();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    hardenWebContents(fake.contents, () => Promise.reject(new Error('no browser')));
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(log).toHaveBeenCalled());
    log.mockRestore();
  });

  it('prevents attaching a <webview>', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, vi.fn());
    expect(fake.fire('will-attach-webview')).toEqual({ prevented: true, listened: true });
  });
});

describe('hardenSession', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'];

  function hardened() {
    const recorded: {
      request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
      check?: Parameters<HardenableSession['setPermissionCheckHandler']>[0];
    } = {};
    hardenSession({
      setPermissionRequestHandler: (handler) => (recorded.request = handler),
      setPermissionCheckHandler: (handler) => (recorded.check = handler),
    });
    return recorded;
  }

  it.each(permissions)('refuses a request for %s', (permission) => {
    const callback = vi.fn();
    hardened().request?.({}, permission, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(permissions)('answers a check for %s with no', (permission) => {
    expect(hardened().check?.({}, permission)).toBe(false);
    expect(shouldGrantPermission(permission)).toBe(false);
  });
});
