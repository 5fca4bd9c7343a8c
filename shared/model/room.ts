import { z } from 'zod';
import { LIMITS } from './limits';
import { NoteCategory } from './nodes';
import { Id } from './schemas';
import { CoFacilitator } from './co-facilitator';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, ROOM_LIMITS } from './room-limits';

export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, ROOM_LIMITS };

/**
 * The room: participants join from their phones over the room's own network, add notes to the
 * boards the facilitator opened for input and dot-vote on notes.
 */
export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), `Type the ${JOIN_CODE_LENGTH}-character code shown on the screen`);

export const ParticipantName = z.string().trim().min(1, 'Give a name the room will see').max(ROOM_LIMITS.name);

/** The kinds of note a participant may add (value and waste are the facilitator's sorting). */
export const ParticipantCategory = NoteCategory.extract(['weak-signal', 'strong-attractor', 'story', 'idea', 'question']);
export type ParticipantCategory = z.infer<typeof ParticipantCategory>;

export const ParticipantNoteText = z.string().trim().min(1, 'Write the note first').max(ROOM_LIMITS.noteText);

export const NoteNames = z.enum(['shown', 'anonymous']);
export type NoteNames = z.infer<typeof NoteNames>;

export const RoomSettings = z.strictObject({
  /** Dots each participant may place. */
  voteBudget: z.number().int().min(0).max(ROOM_LIMITS.maxVoteBudget),
  /** Incoming notes land on the board at once, without waiting in the queue. */
  autoAccept: z.boolean(),
  /** The boards participants see and add notes to; votes go to notes on these boards. */
  inputBoardIds: z.array(Id).max(LIMITS.boardsPerSession),
  /** Participants may download the session's PDF. */
  allowPdf: z.boolean(),
  /** Notes from phones land hidden: only their author and the facilitator see them until the reveal. */
  privateMode: z.boolean(),
  /** Whether the canvas, the projector and the PDF show a phone's note with its author's name. */
  names: NoteNames,
});
export type RoomSettings = z.infer<typeof RoomSettings>;

export const DEFAULT_ROOM_SETTINGS: RoomSettings = { voteBudget: 3, autoAccept: false, inputBoardIds: [], allowPdf: false, privateMode: false, names: 'shown' };

const SubmissionStatus = z.enum(['pending', 'accepted', 'rejected', 'merged']);

/** A submission: a note a participant sent, waiting in the moderation queue (see docs/glossary.md). */
export const Submission = z.strictObject({
  id: Id,
  boardId: Id,
  author: z.string().max(ROOM_LIMITS.name),
  text: z.string().max(LIMITS.longText),
  category: NoteCategory,
  createdAt: z.number().int(),
});
export type Submission = z.infer<typeof Submission>;

/** What the facilitator sees of the room. Votes are counted, never attributed. */
export const RoomStatus = z.strictObject({
  open: z.boolean(),
  sessionId: Id.nullable(),
  code: z.string().nullable(),
  /** The address phones open, with the code in its fragment (never sent to the server). */
  joinUrl: z.string().nullable(),
  /** The URL without the code, to read out. */
  url: z.string().nullable(),
  host: z.string().nullable(),
  /** The machine's addresses on the room's network the facilitator may open the room on. */
  addresses: z.array(z.string()),
  participants: z.number().int().min(0),
  /** Participants with a live connection right now. */
  connected: z.number().int().min(0),
  votesCast: z.number().int().min(0),
  settings: RoomSettings,
  pending: z.array(Submission),
  coFacilitators: z.array(CoFacilitator),
});
export type RoomStatus = z.infer<typeof RoomStatus>;

export const ModerateAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), noteIds: z.array(Id).min(1).max(ROOM_LIMITS.moderateBatch) }),
  z.strictObject({ action: z.literal('reject'), noteIds: z.array(Id).min(1).max(ROOM_LIMITS.moderateBatch) }),
  z.strictObject({ action: z.literal('edit'), noteId: Id, text: ParticipantNoteText.optional(), category: NoteCategory.optional() }),
  /** Folds the other notes into the first: its text becomes `text`, or the texts joined. */
  z.strictObject({ action: z.literal('merge'), noteIds: z.array(Id).min(2).max(ROOM_LIMITS.moderateBatch), text: z.string().trim().min(1).max(LIMITS.longText).optional() }),
]);
export type ModerateAction = z.infer<typeof ModerateAction>;

/** A note as a participant's phone shows it: no position, no author. */
export const ParticipantNote = z.strictObject({
  id: Id,
  text: z.string(),
  category: NoteCategory,
  votes: z.number().int(),
  /** The title of the frame it sits in, '' when in none. */
  group: z.string(),
});
export type ParticipantNote = z.infer<typeof ParticipantNote>;

export const ParticipantBoard = z.strictObject({
  id: Id,
  title: z.string(),
  revision: z.number().int(),
  notes: z.array(ParticipantNote),
});
export type ParticipantBoard = z.infer<typeof ParticipantBoard>;

/** One of the participant's own submissions, as their phone lists it, with what became of it. */
export const MySubmission = z.strictObject({
  id: Id,
  boardId: Id,
  text: z.string(),
  category: NoteCategory,
  status: SubmissionStatus,
  /** On the board and hidden by private mode: only its author and the facilitator see it. */
  hidden: z.boolean(),
});
export type MySubmission = z.infer<typeof MySubmission>;

/** Everything a participant's page needs besides the boards' notes. */
export const ParticipantState = z.strictObject({
  name: z.string(),
  sessionTitle: z.string(),
  boards: z.array(z.strictObject({ id: Id, title: z.string() })),
  voteBudget: z.number().int(),
  votesLeft: z.number().int(),
  myVotes: z.array(Id),
  myNotes: z.array(MySubmission),
  allowPdf: z.boolean(),
  privateMode: z.boolean(),
  names: NoteNames,
});
export type ParticipantState = z.infer<typeof ParticipantState>;

/**
 * The presentation's current step as phones follow it: its board, the frame it shows (its title,
 * which names the group of notes on the phone) and the step's title. Nothing else of the
 * facilitator's presentation reaches a phone.
 */
export const ParticipantStep = z.strictObject({
  boardId: Id,
  /** The frame's title; null when the step is the whole board. */
  frame: z.string().nullable(),
  title: z.string(),
});
export type ParticipantStep = z.infer<typeof ParticipantStep>;
