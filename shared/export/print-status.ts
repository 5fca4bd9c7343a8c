/**
 * How the print view tells a printer (Electron's hidden window, headless Chromium) how far it is:
 * a JSON attribute on the document element, read by polling. `done` and `total` count boards.
 */
export interface PrintStatus {
  state: 'loading' | 'rendering' | 'ready' | 'failed';
  done: number;
  total: number;
  /** Why it failed, in plain words. */
  message?: string;
}

export const PRINT_STATUS_ATTRIBUTE = 'data-print-status';

/** An expression a printer evaluates in the page: the status as a JSON string, or null before the view has started. */
export const READ_PRINT_STATUS = `document.documentElement.getAttribute(${JSON.stringify(PRINT_STATUS_ATTRIBUTE)})`;

export function parsePrintStatus(raw: unknown): PrintStatus | null {
  if (typeof raw !== 'string') return null;
  try {
    const status = JSON.parse(raw) as PrintStatus;
    return typeof status.state === 'string' && typeof status.done === 'number' && typeof status.total === 'number' ? status : null;
  } catch {
    return null;
  }
}
