import { z } from 'zod';
import { Agenda } from './agenda';
import { BoardEdge } from './edges';
import { BoardNode } from './nodes';
import { Id, Title, Viewport } from './schemas';

/** How a board is shown, the same in every window. */
export const BoardSettings = z.strictObject({
  /** The stratum bands drawn behind the org map. */
  strataBands: z.boolean(),
  /**
   * Every structural edit of the org map re-arranges it by levels in the same undo step. Optional:
   * boards and files from before it read as off.
   */
  keepArranged: z.boolean().optional(),
});
export type BoardSettings = z.infer<typeof BoardSettings>;
export const DEFAULT_BOARD_SETTINGS: BoardSettings = { strataBands: false };

export const BoardSummary = z.object({
  id: Id,
  sessionId: Id,
  title: Title,
  position: z.number().int().min(0),
  revision: z.number().int().min(0),
  settings: BoardSettings,
});
export type BoardSummary = z.infer<typeof BoardSummary>;

export const Board = BoardSummary.extend({
  viewport: Viewport.nullable(),
  nodes: z.array(BoardNode),
  edges: z.array(BoardEdge),
});
export type Board = z.infer<typeof Board>;

export const Session = z.object({
  id: Id,
  title: Title,
  client: z.string().max(200),
  workshopDate: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Session = z.infer<typeof Session>;

export const SessionDetail = Session.extend({ boards: z.array(BoardSummary), agenda: Agenda });
export type SessionDetail = z.infer<typeof SessionDetail>;
