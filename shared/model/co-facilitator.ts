import { z } from 'zod';
import { Id } from './schemas';
import { CO_FACILITATOR_CODE_LENGTH } from '../api/co-facilitator-paths';
import { JOIN_CODE_ALPHABET, ROOM_LIMITS } from './room-limits';

/**
 * A co-facilitator: a second laptop paired over the room's network, editing one session beside
 * the host. Each sees the other's selection (presence), never stored.
 */

const PairingCode = z
  .string()
  .trim()
  .toUpperCase()
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${CO_FACILITATOR_CODE_LENGTH}}$`), `Type the ${CO_FACILITATOR_CODE_LENGTH}-character code shown on the host’s screen`));

const CoFacilitatorName = z.string().trim().min(1, 'Give the name the host will see').max(ROOM_LIMITS.name);

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
