import { z } from 'zod';
import { NoteCategory } from './nodes';
import { ParticipantName } from './room';
import { Id } from './schemas';

/**
 * Voting sessions and polls: a vote on the notes of a board or a frame, and a quick question with
 * choices. While one runs its counts stay in main; they leave it only as results, once it ends.
 */
export const VOTING_LIMITS = {
  /** Dots one person may place in one vote. */
  maxDots: 20,
  /** The longest time limit: an hour. */
  seconds: 3600,
  /** Notes one vote is on (a board holds more; a vote on more is unreadable anyway). */
  notesPerVote: 500,
  question: 200,
  choice: 60,
  minChoices: 2,
  maxChoices: 10,
  /** Votes and polls kept per session (the history to compare). */
  kept: 100,
  /** People voting from the facilitator's laptop in one vote. */
  laptopVoters: 50,
} as const;

export const VoteRules = z
  .strictObject({
    /** The board the vote is on, and optionally one frame of it (the notes inside it). */
    boardId: Id,
    frameId: Id.nullable(),
    dotsPerPerson: z.number().int().min(1).max(VOTING_LIMITS.maxDots),
    /** The most dots one person may put on one note. */
    maxPerNote: z.number().int().min(1).max(VOTING_LIMITS.maxDots),
    /** Ends by itself after this many seconds; null runs until the facilitator ends it. */
    seconds: z.number().int().min(1).max(VOTING_LIMITS.seconds).nullable(),
  })
  .refine((r) => r.maxPerNote <= r.dotsPerPerson, { message: 'The most dots on one note cannot exceed the dots per person', path: ['maxPerNote'] });
export type VoteRules = z.infer<typeof VoteRules>;

/** A note in a vote, as voters see it: no count. */
export const VoteNote = z.strictObject({ id: Id, text: z.string(), category: NoteCategory });
export type VoteNote = z.infer<typeof VoteNote>;

/** A note's place in a vote's results: ranked by dots, ties by text. */
export const VoteResult = z.strictObject({ nodeId: Id, text: z.string(), dots: z.number().int().min(0) });
export type VoteResult = z.infer<typeof VoteResult>;

/** A person voting from the facilitator's laptop (no phone): named, with the same rules as a phone. */
export const LaptopVoter = ParticipantName;

export const VoteSummary = z.strictObject({
  id: Id,
  boardId: Id,
  frameId: Id.nullable(),
  /** The board's title, or the frame's. */
  scope: z.string(),
  dotsPerPerson: z.number().int(),
  maxPerNote: z.number().int(),
  startedAt: z.number().int(),
  /** When it ends by itself, on main's clock; null without a time limit. */
  endsAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  /** People who placed at least one dot. */
  voted: z.number().int().min(0),
  /** Null while it runs: nothing of the counts leaves main before the end. */
  results: z.array(VoteResult).nullable(),
});
export type VoteSummary = z.infer<typeof VoteSummary>;

export const PollQuestion = z.strictObject({
  question: z.string().trim().min(1, 'Ask the question').max(VOTING_LIMITS.question),
  choices: z
    .array(z.string().trim().min(1, 'A choice cannot be empty').max(VOTING_LIMITS.choice))
    .min(VOTING_LIMITS.minChoices, `Give at least ${VOTING_LIMITS.minChoices} choices`)
    .max(VOTING_LIMITS.maxChoices, `At most ${VOTING_LIMITS.maxChoices} choices`)
    .refine((choices) => new Set(choices).size === choices.length, 'Each choice once'),
});
export type PollQuestion = z.infer<typeof PollQuestion>;

export const PollSummary = z.strictObject({
  id: Id,
  question: z.string(),
  choices: z.array(z.string()),
  startedAt: z.number().int(),
  closedAt: z.number().int().nullable(),
  answered: z.number().int().min(0),
  /** Answers per choice, in the choices' order; null while the poll is open. */
  results: z.array(z.number().int().min(0)).nullable(),
});
export type PollSummary = z.infer<typeof PollSummary>;

/** What the projector shows of voting: nothing, a vote (running or its results) or a poll. */
export const VotingScreen = z.strictObject({ kind: z.enum(['vote', 'poll']), id: Id }).nullable();
export type VotingScreen = z.infer<typeof VotingScreen>;

/** The facilitator's view of a session's votes and polls. */
export const VotingStatus = z.strictObject({
  sessionId: Id,
  /** Main's clock when this was made: countdowns run from it, not from the window's clock. */
  now: z.number().int(),
  /** People who may vote: the room's participants and the laptop's voters. */
  people: z.number().int().min(0),
  /** Newest first; at most one without `endedAt`. */
  votes: z.array(VoteSummary),
  /** The running vote's notes (for placing dots from the laptop); empty when none runs. */
  notes: z.array(VoteNote),
  /** Those voting from the laptop in the running vote, with the dots each placed. */
  laptopVoters: z.array(z.strictObject({ name: z.string(), dots: z.array(z.strictObject({ nodeId: Id, dots: z.number().int() })) })),
  polls: z.array(PollSummary),
  screen: VotingScreen,
});
export type VotingStatus = z.infer<typeof VotingStatus>;

/** A running vote as one participant's phone sees it: the notes, their own dots and no one else's. */
export const ParticipantVote = z.strictObject({
  id: Id,
  scope: z.string(),
  dotsPerPerson: z.number().int(),
  maxPerNote: z.number().int(),
  /** Milliseconds left when main answered (phones' clocks differ from main's); null without a limit. */
  msLeft: z.number().int().min(0).nullable(),
  notes: z.array(VoteNote),
  myDots: z.record(Id, z.number().int().min(1)),
  dotsLeft: z.number().int().min(0),
});
export type ParticipantVote = z.infer<typeof ParticipantVote>;

export const ParticipantPoll = z.strictObject({
  id: Id,
  question: z.string(),
  choices: z.array(z.string()),
  myChoice: z.number().int().min(0).nullable(),
});
export type ParticipantPoll = z.infer<typeof ParticipantPoll>;

export const ParticipantVoting = z.strictObject({ vote: ParticipantVote.nullable(), poll: ParticipantPoll.nullable() });
export type ParticipantVoting = z.infer<typeof ParticipantVoting>;

/** Ranked by dots, most first; equal dots by text, so a tie reads the same every time. */
export function rankResults(results: readonly VoteResult[]): VoteResult[] {
  return [...results].sort((a, b) => b.dots - a.dots || a.text.localeCompare(b.text) || a.nodeId.localeCompare(b.nodeId));
}
