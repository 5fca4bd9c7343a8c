/**
 * The room's bounds, free of zod so the participant page can show them. A phone is an untrusted
 * client: its bounds are tighter than the facilitator's.
 */
export const ROOM_LIMITS = {
  name: 40,
  noteText: 280,
  maxVoteBudget: 20,
  /** Notes waiting for moderation; past this a participant's note is refused until the queue drains. */
  pendingNotes: 2_000,
  /** One participant's notes waiting for moderation: a brainstorm's worth, not the whole queue. */
  pendingNotesPerParticipant: 30,
  participants: 300,
  /** The notes one moderation call may accept, merge or reject at once. */
  moderateBatch: 500,
} as const;

/** A short code read aloud or off the projector: no 0/O, 1/I/L that a room mixes up. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
