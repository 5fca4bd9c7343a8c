import type { Paper } from '../../shared/export/print-options';
import type { PrintStatus } from '../../shared/export/print-status';
import { GroundworkError } from '../../shared/errors';

interface PrintJob {
  paper: Paper;
  /** Aborting it stops the print and closes what it opened. */
  signal: AbortSignal;
  onProgress(status: PrintStatus): void;
}

/** Turns a route of the renderer (the print view) into PDF bytes. Electron and the served shell each have one. */
export interface PdfPrinter {
  print(route: string, job: PrintJob): Promise<Uint8Array>;
  /** Lets go of whatever the printer keeps open between exports (a browser); the backend calls it as it closes. */
  close?(): Promise<void>;
}

export const NO_PRINTER: PdfPrinter = {
  print: () => Promise.reject(new GroundworkError('unavailable', 'This Groundwork has no browser to print with: open the print view and use your browser’s Print instead')),
};

export const cancelledError = () => new GroundworkError('conflict', 'The export was cancelled');
