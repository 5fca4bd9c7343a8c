import { z } from 'zod';
import { AgendaItem } from '../model/agenda';
import { BoardSettings } from '../model/board';
import { BoardEdge } from '../model/edges';
import { LIMITS } from '../model/limits';
import { BoardNode } from '../model/nodes';
import { Title, Viewport, WorkshopDate } from '../model/schemas';

/** The portable `.groundwork` file (`.groundwork.json` before): a session or a template, in a versioned envelope. */
export const FORMAT = 'groundwork';
export const FORMAT_VERSION = 1;
/** Files larger than this are refused before they are parsed. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const DocumentBoard = z.strictObject({
  /** The board's id inside this file: agenda items point at it. Minted anew on import. */
  id: z.string().min(1).max(LIMITS.id),
  title: Title,
  settings: BoardSettings,
  viewport: Viewport.nullable(),
  nodes: z.array(BoardNode).max(LIMITS.nodesPerBoard),
  edges: z.array(BoardEdge).max(LIMITS.edgesPerBoard),
});
export type DocumentBoard = z.infer<typeof DocumentBoard>;

const content = {
  boards: z.array(DocumentBoard).min(1).max(LIMITS.boardsPerSession),
  agenda: z.array(AgendaItem).max(LIMITS.agendaItems),
};

export const SessionDocument = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  kind: z.literal('session'),
  exportedAt: z.string(),
  session: z.strictObject({ title: Title, client: z.string().max(LIMITS.title), workshopDate: WorkshopDate.nullable() }),
  ...content,
});
export type SessionDocument = z.infer<typeof SessionDocument>;

export const TemplateDocument = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  kind: z.literal('template'),
  exportedAt: z.string(),
  template: z.strictObject({ name: Title, description: z.string().max(LIMITS.longText) }),
  ...content,
});
export type TemplateDocument = z.infer<typeof TemplateDocument>;

export const GroundworkDocument = z.discriminatedUnion('kind', [SessionDocument, TemplateDocument]);
export type GroundworkDocument = z.infer<typeof GroundworkDocument>;
