import { useSyncExternalStore } from 'react';
import { parsePrintQuery, printRoute, PRINTER_IDLE_ROUTE, type PrintOptions } from '../../shared/export/print-options';
import { parseAddress, type Address } from './address';

type Route = Exclude<Address, { screen: 'print' }> | { screen: 'print'; sessionId: string; options: PrintOptions };

export function parseRoute(hash: string): Route {
  const address = parseAddress(hash);
  return address.screen === 'print' ? { screen: 'print', sessionId: address.sessionId, options: parsePrintQuery(address.query) } : address;
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
