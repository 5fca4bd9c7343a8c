import { useSyncExternalStore } from 'react';

export type Route = { screen: 'home'; creating?: boolean } | { screen: 'session'; sessionId: string; boardId?: string };

/** Hash routes work the same from Electron's app:// page and the served page: #/ and #/session/ID[/BOARD]. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'session' && parts[1]) return { screen: 'session', sessionId: parts[1], boardId: parts[2] };
  return { screen: 'home', creating: parts[0] === 'new' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'home') return route.creating ? '#/new' : '#/';
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
