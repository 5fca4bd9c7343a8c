import { z } from 'zod';
import { LIMITS } from './limits';

export const Id = z.string().min(1).max(LIMITS.id).regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, _ or -');
export const Title = z.string().trim().min(1, 'Give it a title').max(LIMITS.title);
const Coordinate = z.number().finite().min(-LIMITS.coordinate).max(LIMITS.coordinate);

export const Position = z.object({ x: Coordinate, y: Coordinate });
export type Position = z.infer<typeof Position>;

export const Size = z.object({
  width: z.number().finite().positive().max(LIMITS.size),
  height: z.number().finite().positive().max(LIMITS.size),
});
export type Size = z.infer<typeof Size>;

export const Viewport = z.object({
  x: Coordinate,
  y: Coordinate,
  zoom: z.number().finite().min(0.01).max(10),
});
export type Viewport = z.infer<typeof Viewport>;

/** An ISO calendar date (2026-11-22): a workshop day, not a moment. */
export const WorkshopDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-22');
