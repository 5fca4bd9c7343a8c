import { z } from 'zod';

/** Stratum I..VIII of Jaques' levels of work, stored as 1..8. */
export const Stratum = z.number().int().min(1).max(8);
export type Stratum = z.infer<typeof Stratum>;

export const TimeSpanUnit = z.enum(['days', 'weeks', 'months', 'years']);
export type TimeSpanUnit = z.infer<typeof TimeSpanUnit>;

export const TimeSpan = z.object({
  value: z.number().finite().positive().max(10_000),
  unit: TimeSpanUnit,
});
export type TimeSpan = z.infer<typeof TimeSpan>;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'] as const;

export function stratumLabel(stratum: Stratum): string {
  return ROMAN[stratum - 1];
}
