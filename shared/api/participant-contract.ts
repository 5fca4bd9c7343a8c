import { z } from 'zod';
import { Id } from '../model/schemas';
import { ParticipantVoting } from '../model/voting';
import { JoinCode, NoteNames, ParticipantBoard, ParticipantCategory, ParticipantName, ParticipantNoteText, ParticipantState, ParticipantStep } from '../model/room';

/**
 * The contract of the room's listener, separate from the facilitator's: these methods are all a
 * phone can call, each checked in main with the caller's token on every message. Nothing here
 * reaches the facilitator's methods.
 */
export const participantMethods = {
  /** The one call without a token: the code on the screen and a display name give one. */
  'room.join': {
    input: z.strictObject({ code: JoinCode, name: ParticipantName }),
    output: z.strictObject({ token: z.string(), name: z.string() }),
  },
  /** Without a token too: what the join page tells people before they give their name. */
  'room.welcome': {
    input: z.strictObject({}),
    output: z.strictObject({ names: NoteNames, privateMode: z.boolean() }),
  },
  'room.state': {
    input: z.strictObject({}),
    output: ParticipantState,
  },
  /** The presentation's step on screen, for phones that follow the facilitator; null when none runs. */
  'room.step': {
    input: z.strictObject({}),
    output: z.strictObject({ step: ParticipantStep.nullable() }),
  },
  /** A board opened for input, read-only: its notes with their votes. */
  'room.board': {
    input: z.strictObject({ boardId: Id }),
    output: ParticipantBoard,
  },
  /** `id` is the phone's own key for the note: sending it again (after a lost reply) adds nothing. */
  'note.add': {
    input: z.strictObject({ id: Id, boardId: Id, text: ParticipantNoteText, category: ParticipantCategory }),
    output: z.strictObject({ id: Id, status: z.enum(['pending', 'accepted', 'rejected', 'merged']) }),
  },
  /** One dot on a note; a second dot on the same note is the same vote. */
  'vote.cast': {
    input: z.strictObject({ nodeId: Id }),
    output: z.strictObject({ votesLeft: z.number().int() }),
  },
  'vote.retract': {
    input: z.strictObject({ nodeId: Id }),
    output: z.strictObject({ votesLeft: z.number().int() }),
  },
  /** The running vote (its notes, this participant's dots) and the open poll; never anyone else's counts. */
  'vote.current': {
    input: z.strictObject({}),
    output: ParticipantVoting,
  },
  /** One dot more (+1) or fewer (-1) on a note of the running vote. */
  'vote.dot': {
    input: z.strictObject({ voteId: Id, nodeId: Id, delta: z.union([z.literal(1), z.literal(-1)]) }),
    output: z.strictObject({ myDots: ParticipantVoting.shape.vote.unwrap().shape.myDots, dotsLeft: z.number().int().min(0) }),
  },
  /** This participant's answer to the open poll; answering again changes it. */
  'poll.answer': {
    input: z.strictObject({ pollId: Id, choice: z.number().int().min(0) }),
    output: z.strictObject({ myChoice: z.number().int().min(0) }),
  },
} as const;

export const participantEvents = {
  /** The room's settings, boards or this participant's notes changed: fetch room.state again. */
  'room.state': z.object({}),
  /** Notes of a board changed; `notes` are upserts, `removed` ids. A phone not at `from` fetches the board. */
  'board.notes': z.object({
    boardId: Id,
    from: z.number().int(),
    revision: z.number().int(),
    notes: ParticipantBoard.shape.notes,
    removed: z.array(Id),
  }),
  /** A vote or poll started or ended: fetch vote.current again. */
  'voting.changed': z.object({}),
  /** The presentation moved to another step, or started or ended. */
  'room.step': z.object({ step: ParticipantStep.nullable() }),
  /** The room was closed: the token is dead. */
  'room.closed': z.object({}),
} as const;

export type ParticipantMethods = typeof participantMethods;
export type ParticipantMethodName = keyof ParticipantMethods;
export type ParticipantInput<M extends ParticipantMethodName> = z.input<ParticipantMethods[M]['input']>;
export type ParticipantParsedInput<M extends ParticipantMethodName> = z.output<ParticipantMethods[M]['input']>;
export type ParticipantOutput<M extends ParticipantMethodName> = z.output<ParticipantMethods[M]['output']>;
export type ParticipantEventName = keyof typeof participantEvents;

export const participantMethodNames = Object.keys(participantMethods) as ParticipantMethodName[];

/** The methods a phone calls before it has a token; every other one needs it. */
export const TOKENLESS_METHODS: readonly ParticipantMethodName[] = ['room.join', 'room.welcome'];

export function isParticipantMethod(name: unknown): name is ParticipantMethodName {
  return typeof name === 'string' && Object.hasOwn(participantMethods, name);
}

/** A participant's call frame: the token rides on every message but the join. */
export const ParticipantCallFrame = z.object({
  id: z.number().int().min(0),
  method: z.string().max(100),
  token: z.string().max(100).optional(),
  input: z.unknown(),
});

export { ROOM_CLOSED_CODE, ROOM_PDF_PATH, ROOM_TOKEN_HEADER, ROOM_WS_PATH } from './room-paths';
