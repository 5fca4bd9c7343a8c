import { useSyncExternalStore } from 'react';
import { parsePrintQuery, printRoute, PRINTER_IDLE_ROUTE, type PrintOptions } from '../../shared/export/print-options';

type Route =
  | { screen: 'home'; creating?: boolean }
  | { screen: 'templates' }
  | { screen: 'session'; sessionId: string; boardId?: string }
  | { screen: 'audience'; sessionId: string }
  | { screen: 'print'; sessionId: string; options: PrintOptions }
  | { screen: 'idle' };

/**
 * Hash routes work the same from Electron's app:// page and the served page: #/, #/templates,
 * #/session/ID[/BOARD], #/session/ID/audience and #/session/ID/print?OPTIONS; #/idle, blank, is
 * where the served shell's printer keeps its page.
 */
export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'session' && parts[1] && parts[2] === 'audience') return { screen: 'audience', sessionId: parts[1] };
  if (parts[0] === 'session' && parts[1] && parts[2] === 'print') return { screen: 'print', sessionId: parts[1], options: parsePrintQuery(query) };
  if (parts[0] === 'session' && parts[1]) return { screen: 'session', sessionId: parts[1], boardId: parts[2] };
  if (parts[0] === 'templates') return { screen: 'templates' };
  if (parts[0] === 'idle' && parts.length === 1) return { screen: 'idle' };
  return { screen: 'home', creating: parts[0] === 'new' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'home') return route.creating ? '#/new' : '#/';
  if (route.screen === 'templates') return '#/templates';
  if (route.screen === 'idle') return PRINTER_IDLE_ROUTE;
  if (route.screen === 'audience') return `#/session/${encodeURIComponent(route.sessionId)}/audience`;
  if (route.screen === 'print') return printRoute(route.sessionId, route.options);
  return `#/session/${encodeURIComponent(route.sessionId)}${route.boardId ? `/${encodeURIComponent(route.boardId)}` : ''}`;
}

export function navigate(route: Route, { replace = false } = {}): void {
  const hash = routeHash(route);
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Puts another board of the session in the address in place of the one there, unless the address
 * has left the session by now: an effect runs a moment after its render, and a click on Templates
 * or Back in between must not be undone by a session that finished loading behind it.
 */
export function showBoardInAddress(sessionId: string, boardId: string): void {
  const here = parseRoute(location.hash);
  if (here.screen === 'session' && here.sessionId === sessionId) navigate({ screen: 'session', sessionId, boardId }, { replace: true });
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
