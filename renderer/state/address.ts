// Kept free of React and zod: the editor's page reads its address here before the rest of its code
// has loaded, to ask for the board it names (renderer/api/early-board.ts).
import { CO_FACILITATOR_PATHS } from '../../shared/api/co-facilitator-paths';

/** What the page's hash names; router.ts reads a print address's options out of its query. */
export type Address =
  | { screen: 'home'; creating?: boolean }
  | { screen: 'templates' }
  | { screen: 'session'; sessionId: string; boardId?: string }
  | { screen: 'audience'; sessionId: string }
  | { screen: 'print'; sessionId: string; query: string }
  | { screen: 'idle' };

/**
 * Hash addresses work the same from Electron's app:// page and the served page: #/, #/templates,
 * #/session/ID[/BOARD], #/session/ID/audience and #/session/ID/print?OPTIONS; #/idle, blank, is
 * where the served shell's printer keeps its page.
 */
export function parseAddress(hash: string): Address {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'session' && parts[1] && parts[2] === 'audience') return { screen: 'audience', sessionId: parts[1] };
  if (parts[0] === 'session' && parts[1] && parts[2] === 'print') return { screen: 'print', sessionId: parts[1], query };
  if (parts[0] === 'session' && parts[1]) return { screen: 'session', sessionId: parts[1], boardId: parts[2] };
  if (parts[0] === 'templates') return { screen: 'templates' };
  if (parts[0] === 'idle' && parts.length === 1) return { screen: 'idle' };
  return { screen: 'home', creating: parts[0] === 'new' };
}

/** The editor served to a paired co-facilitator on the room's address, rather than the host's own. */
export const isCoFacilitator = () => location.pathname.startsWith(CO_FACILITATOR_PATHS.pairing);
