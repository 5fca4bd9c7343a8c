import { DEFAULT_PRINT_OPTIONS, printRoute } from '../../shared/export/print-options';
import type { PdfPrinter } from '../export/printer';

/** A PDF printed for the room is handed to every phone that asks within this time. */
const FRESH_MS = 60_000;

/**
 * The session's PDF for participants: the same handout `export.pdf` prints, with the default
 * options. Sixty phones tapping Download at once make one print, not sixty: requests share the
 * print under way and, for a minute, its result.
 */
export function roomPdf(printer: PdfPrinter, now: () => number = Date.now) {
  let last: { sessionId: string; at: number; pdf: Promise<Uint8Array> } | null = null;
  return (sessionId: string): Promise<Uint8Array> => {
    if (last && last.sessionId === sessionId && now() - last.at < FRESH_MS) return last.pdf;
    const pdf = printer.print(printRoute(sessionId, DEFAULT_PRINT_OPTIONS), {
      paper: DEFAULT_PRINT_OPTIONS.paper,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    const entry = { sessionId, at: now(), pdf };
    last = entry;
    // A failed print is not kept: the next tap tries again.
    pdf.catch(() => {
      if (last === entry) last = null;
    });
    return pdf;
  };
}
