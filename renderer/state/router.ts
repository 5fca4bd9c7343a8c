import { useSyncExternalStore } from 'react';

export type Route =
  | { screen: 'home'; creating?: boolean }
  | { screen: 'templates' }
  | { screen: 'session'; sessionId: string; boardId?: string }
  | { screen: 'audience'; sessionId: string };

/** Hash routes work the same from Electron's app:// page and the served page: #/, #/templates, #/session/ID[/BOARD] and #/session/ID/audience. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'session' && parts[1] && parts[2] === 'audience') return { screen: 'audience', sessionId: parts[1] };
  if (parts[0] === 'session' && parts[1]) return { screen: 'session', sessionId: parts[1], boardId: parts[2] };
  if (parts[0] === 'templates') return { screen: 'templates' };
  return { screen: 'home', creating: parts[0] === 'new' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'home') return route.creating ? '#/new' : '#/';
  if (route.screen === 'templates') return '#/templates';
  if (route.screen === 'audience') return `#/session/${encodeURIComponent(route.sessionId)}/audience`;
  return `#/session/${encodeURIComponent(route.sessionId)}${route.boardId ? `/${encodeURIComponent(route.boardId)}` : ''}`;
}

export function navigate(route: Route, { replace = false } = {}): void {
  const hash = routeHash(route);
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
