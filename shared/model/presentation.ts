import { z } from 'zod';
import { Id } from './schemas';

export const Screen = z.enum(['board', 'black', 'white']);
export type Screen = z.infer<typeof Screen>;

/**
 * How the audience shows a step: whole when it fits legibly and in parts otherwise (`auto`), or
 * as the presenter chose: `whole` at any size, `parts` with every card in full.
 */
export const StepFit = z.enum(['auto', 'whole', 'parts']);
export type StepFit = z.infer<typeof StepFit>;

/** The timer of one agenda item: time used so far, and since when it has been running. */
export const ItemTimer = z.strictObject({
  usedMs: z.number().int().min(0),
  /** Epoch ms when it was last started; null while paused. */
  runningSince: z.number().int().nullable(),
});
export type ItemTimer = z.infer<typeof ItemTimer>;

/** The most parts the audience splits a step into. */
export const MAX_PARTS = 100;

/** What the room sees: shared by the presenter and every audience window through main. */
export const PresentationState = z.strictObject({
  sessionId: Id,
  stepIndex: z.number().int().min(0),
  /**
   * Which part of a step too large to show legibly at once (the audience splits it); a part past
   * the count stands for the last one, until the audience's count brings it within.
   */
  part: z.number().int().min(0),
  /** How many parts the audience split the current step into. */
  parts: z.number().int().min(1).max(MAX_PARTS),
  /**
   * The part that shows each of the step's reveal items, in the order they are revealed, as the
   * audience measured it; empty until it has. Reveal moves the camera to each item it shows.
   */
  itemParts: z.array(z.number().int().min(0).max(MAX_PARTS - 1)).max(100_000),
  /** Whether the step takes more than one part with every card in full: else Whole step has nothing to switch. */
  splits: z.boolean(),
  /** Step-by-step reveal: how many of the step's items are shown; null shows everything. */
  revealed: z.number().int().min(0).nullable(),
  screen: Screen,
  spotlightNodeId: Id.nullable(),
  timerVisible: z.boolean(),
  /** The live tally of the board's votes, beside it on the projector. */
  tallyVisible: z.boolean(),
  /** The room's join code over the audience view, shown and hidden from the editor. */
  joinVisible: z.boolean(),
  /** When the presenter moves on while an item's timer runs, the next item's timer takes over. */
  timerCarriesOn: z.boolean(),
  /** The presenter ended it: the audience view shows a neutral screen until the next Present. */
  ended: z.boolean(),
  /** The live checks' findings (a compression, a gap) marked on the board on the projector. */
  findingsVisible: z.boolean(),
  /** How the current step is shown; back to `auto` at every step. */
  fit: StepFit,
  timers: z.record(Id, ItemTimer),
});
export type PresentationState = z.infer<typeof PresentationState>;

/** Where the room is (step, part) and what the audience measured of it move only through main's own decisions: 'presentation.go' and 'presentation.measured'. */
export const PresentationPatch = PresentationState.omit({ sessionId: true, timers: true, stepIndex: true, part: true, parts: true, itemParts: true, splits: true }).partial().strict();

/** What only the audience window can measure of the step it shows: its parts on that screen. */
export const StepMeasurement = PresentationState.pick({ parts: true, itemParts: true, splits: true });
export type StepMeasurement = z.infer<typeof StepMeasurement>;
export type PresentationPatch = z.infer<typeof PresentationPatch>;

export function initialPresentation(sessionId: string): PresentationState {
  return {
    sessionId,
    stepIndex: 0,
    part: 0,
    parts: 1,
    itemParts: [],
    splits: false,
    revealed: null,
    screen: 'board',
    spotlightNodeId: null,
    timerVisible: false,
    tallyVisible: false,
    joinVisible: false,
    timerCarriesOn: true,
    ended: false,
    findingsVisible: true,
    fit: 'auto',
    timers: {},
  };
}
