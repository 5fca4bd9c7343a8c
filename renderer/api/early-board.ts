import { HTTP_API_PREFIX } from '../../shared/api/shell-paths';
import type { Reply } from '../../shared/api/wire';
import { isCoFacilitator, parseAddress } from '../state/address';

/**
 * The board in the page's address, asked for over HTTP as the page starts. In the build this module
 * is a chunk of its own, free of React and zod, that index.html runs before the app's script
 * (vite.config.ts), so the request goes out before the rest of the app's code (React, the shared
 * model's schemas, React Flow, the screens) is evaluated, and main reads the board meanwhile: a
 * socket's call would wait for the socket to open, which needs this very thread. Only the served
 * shell's own page asks here: the desktop window calls over IPC, a co-facilitator through the room's socket.
 *
 * The reply names none of this window's waiting edits, and main may change the board between it
 * and the socket's start, with no event for it: BoardSync takes it only when no edit of the board
 * waits, and the editor tells the sync the revision its session reports (BoardSync.heardOf).
 * Null in the reply: the request itself failed, and the board is asked for over the socket.
 */
export const earlyBoard: { boardId: string; reply: Promise<Reply | null> } | null = ask();

function ask() {
  if (window.groundwork || isCoFacilitator()) return null;
  const route = parseAddress(location.hash);
  if (route.screen !== 'session' || !route.boardId) return null;
  const reply = fetch(`${HTTP_API_PREFIX}board.get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: route.boardId }) })
    .then((response) => response.json() as Promise<Reply>)
    .catch(() => null);
  return { boardId: route.boardId, reply };
}
