import { z } from 'zod';
import { LIMITS } from './limits';
import { Id, Title } from './schemas';

/**
 * One item of a workshop's agenda: a timebox on a board (or one frame of it), with the questions to
 * ask. Presenting, each item is one presentation step (shared/presentation/steps.ts).
 */
export const AgendaItem = z.strictObject({
  id: Id,
  title: Title,
  /** Planned length in minutes. */
  timeboxMinutes: z.number().int().min(1).max(600),
  boardId: Id.nullable(),
  /** A frame on that board: the part of the board this item is about. */
  frameId: Id.nullable(),
  /** The facilitator's prompts for this item, shown beside the canvas. */
  prompts: z.array(z.string().trim().min(1).max(LIMITS.label)).max(20),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Agenda = z.array(AgendaItem).max(LIMITS.agendaItems);
