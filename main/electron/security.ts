import type { BrowserWindowConstructorOptions } from 'electron';
import { openExternalUrl, type ExternalOpener } from './external-links';
import { isTrustedAppUrl } from './trusted-url';

/** The few parts of Electron's WebContents and Session that the hardening touches; tests pass fakes. */
interface PreventableEvent {
  preventDefault(): void;
}
export interface NavigationEvent extends PreventableEvent {
  url: string;
}
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision): void;
}
export interface HardenableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** Our pages only ever move between our own URLs (a reload, a route); anything else is refused. */
function shouldAllowNavigation(url: unknown): boolean {
  return isTrustedAppUrl(url);
}

/**
 * Groundwork needs no camera, microphone, location, notifications or anything else the web
 * platform can ask for, so every request and check is refused. Add to this set with a reason.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set();

export function shouldGrantPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

type WindowOpenDecision = { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions: BrowserWindowConstructorOptions };

/** Our own audience view (#/session/ID/audience) is the one window a page may open. */
export function isAudienceUrl(url: string): boolean {
  return isTrustedAppUrl(url) && /^#\/session\/[A-Za-z0-9_-]+\/audience$/.test(new URL(url).hash);
}

/**
 * No page may open a window but our own audience view, with the options main chooses for it.
 * A web or mail link the user clicked goes to the system browser (through the opener) instead;
 * everything else is dropped.
 */
export function decideWindowOpen(url: string, opener: ExternalOpener, audienceOptions?: () => BrowserWindowConstructorOptions): WindowOpenDecision {
  if (audienceOptions && isAudienceUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: audienceOptions() };
  openExternalUrl(url, opener).catch((error: unknown) => console.error(`Could not open ${url} in the system browser`, error));
  return { action: 'deny' };
}

export function hardenWebContents(contents: HardenableWebContents, opener: ExternalOpener, audienceOptions?: () => BrowserWindowConstructorOptions): void {
  const guardNavigation = (event: NavigationEvent) => {
    if (!shouldAllowNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => decideWindowOpen(url, opener, audienceOptions));
}

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(shouldGrantPermission(permission)));
  session.setPermissionCheckHandler((_contents, permission) => shouldGrantPermission(permission));
}
