import { z } from 'zod';
import { LIMITS } from './limits';
import { Id, Title } from './schemas';

/** A mini picture of a board for the gallery card: where its nodes sit and what they are. */
export const BoardPreview = z.object({
  nodes: z.array(z.object({ kind: z.string(), x: z.number(), y: z.number(), width: z.number(), height: z.number() })).max(400),
});
export type BoardPreview = z.infer<typeof BoardPreview>;

export const TemplateSummary = z.object({
  id: Id,
  name: Title,
  description: z.string().max(LIMITS.longText),
  builtIn: z.boolean(),
  boardCount: z.number().int().min(0),
  totalMinutes: z.number().int().min(0),
  preview: BoardPreview,
  updatedAt: z.number().int(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;
