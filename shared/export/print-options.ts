import { z } from 'zod';
import { LIMITS } from '../model/limits';

/** Paper sizes in millimetres, portrait; every handout page is printed landscape. */
export const PAPER_SIZES = {
  a4: { width: 210, height: 297, name: 'A4' },
  letter: { width: 215.9, height: 279.4, name: 'Letter' },
} as const;
export const Paper = z.enum(['a4', 'letter']);
export type Paper = z.infer<typeof Paper>;

/** What the PDF handout holds beyond the cover and the boards. */
export const PrintOptions = z.strictObject({
  paper: Paper,
  facilitator: z.string().trim().max(LIMITS.title),
  findings: z.boolean(),
  signals: z.boolean(),
  notes: z.boolean(),
});
export type PrintOptions = z.infer<typeof PrintOptions>;

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { paper: 'a4', facilitator: '', findings: true, signals: true, notes: false };

/** The print view's route: the printers load it, a browser can open it and print it itself. */
export function printRoute(sessionId: string, options: PrintOptions): string {
  const query = new URLSearchParams({
    paper: options.paper,
    facilitator: options.facilitator,
    findings: options.findings ? '1' : '0',
    signals: options.signals ? '1' : '0',
    notes: options.notes ? '1' : '0',
  });
  return `#/session/${encodeURIComponent(sessionId)}/print?${query}`;
}

/**
 * A screen with nothing on it, where the served shell's printer leaves its page between handouts:
 * the next export moves it to its print view within the page, with the app already loaded.
 */
export const PRINTER_IDLE_ROUTE = '#/idle';

/** Reads the print view's query; anything missing or unknown falls back to the defaults. */
export function parsePrintQuery(query: string): PrintOptions {
  const params = new URLSearchParams(query);
  const flag = (name: 'findings' | 'signals' | 'notes') => (params.has(name) ? params.get(name) === '1' : DEFAULT_PRINT_OPTIONS[name]);
  const paper = Paper.safeParse(params.get('paper'));
  return {
    paper: paper.success ? paper.data : DEFAULT_PRINT_OPTIONS.paper,
    facilitator: (params.get('facilitator') ?? '').trim().slice(0, LIMITS.title),
    findings: flag('findings'),
    signals: flag('signals'),
    notes: flag('notes'),
  };
}
