import { z } from 'zod';
import { Id } from './schemas';
import { JOIN_CODE_ALPHABET } from './room-limits';
import { ROOM_LIMITS } from './room-limits';

/**
 * A co-facilitator: a second laptop paired over the room's network, editing one session beside
 * the host. Each sees the other's selection (presence), never stored.
 */
export const CO_FACILITATOR_CODE_LENGTH = 8;
/** How long a pairing code may wait for its one use. */
export const PAIRING_CODE_MINUTES = 5;
/** Where the room's listener serves the pairing page; the editor and its socket sit under it. */
export const CO_FACILITATOR_PATHS = {
  pairing: '/co-facilitator',
  pair: '/co-facilitator/pair',
  editor: '/co-facilitator/editor',
  socket: '/co-facilitator/ws',
} as const;
/** The close code of a co-facilitator's socket once the host revoked them or closed the room: do not reconnect. */
export const CO_FACILITATOR_ENDED_CODE = 4003;

export const PairingCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${CO_FACILITATOR_CODE_LENGTH}}$`), `Type the ${CO_FACILITATOR_CODE_LENGTH}-character code shown on the host’s screen`));

export const CoFacilitatorName = z.string().trim().min(1, 'Give the name the host will see').max(ROOM_LIMITS.name);

export const PairingRequest = z.strictObject({ code: PairingCode, name: CoFacilitatorName });

export const Invitation = z.strictObject({
  code: z.string(),
  /** The pairing page's address with the code in its fragment, for the QR code. */
  url: z.string(),
  expiresAt: z.number().int(),
});
export type Invitation = z.infer<typeof Invitation>;

export const CoFacilitator = z.strictObject({ id: Id, name: z.string(), connected: z.boolean() });
export type CoFacilitator = z.infer<typeof CoFacilitator>;

/** Who has what selected on a board, as the other laptops show it. */
export const Presence = z.strictObject({
  clientId: z.string().max(100),
  name: z.string(),
  sessionId: Id,
  boardId: Id,
  nodeIds: z.array(Id).max(500),
});
export type Presence = z.infer<typeof Presence>;
