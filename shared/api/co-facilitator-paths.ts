// Kept free of zod, as room-paths.ts is, so the pairing page stays small.

/** Where the room's listener serves the pairing page; the editor and its socket sit under it. */
export const CO_FACILITATOR_PATHS = {
  pairing: '/co-facilitator',
  pair: '/co-facilitator/pair',
  editor: '/co-facilitator/editor',
  socket: '/co-facilitator/ws',
} as const;
/** The close code of a co-facilitator's socket once the host revoked them or closed the room: do not reconnect. */
export const CO_FACILITATOR_ENDED_CODE = 4003;
export const CO_FACILITATOR_CODE_LENGTH = 8;
/** How long a pairing code may wait for its one use. */
export const PAIRING_CODE_MINUTES = 5;
/** The fragment the editor's page is sent to once the host ended a co-facilitator's access. */
export const ENDED_FRAGMENT = '#ended';
