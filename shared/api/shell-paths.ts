// Kept free of zod, as room-paths.ts is: the editor's page asks for its board over HTTP with these
// before the rest of its code has loaded (renderer/api/early-board.ts).

/** Where the served shell takes calls over HTTP (POST /api/<method>) and opens its WebSocket. */
export const HTTP_API_PREFIX = '/api/';
export const WS_PATH = '/ws';
