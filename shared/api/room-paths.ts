/** Where the room's listener answers; kept free of zod so the participant page stays small. */
export const ROOM_WS_PATH = '/room/ws';
/** The PDF, for a participant the facilitator allowed: GET with the token in this header. */
export const ROOM_PDF_PATH = '/room/session.pdf';
export const ROOM_TOKEN_HEADER = 'x-groundwork-token';
/** The close code the listener sends when the room closes: the token is dead, do not reconnect. */
export const ROOM_CLOSED_CODE = 4001;
