import type { PrintToPDFOptions } from 'electron';
import { READ_PRINT_STATUS } from '../../shared/export/print-status';
import { GroundworkError } from '../../shared/errors';
import { cancelledError, type PdfPrinter } from '../export/printer';
import { waitUntilPrintable } from '../export/print-wait';
import { APP_ENTRY_URL } from './trusted-url';

/** The parts of Electron's hidden BrowserWindow a print uses; main passes the real one, tests a fake. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
    on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  };
}

/** The print view's @page rule gives the page its size, margins and footer. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  preferCSSPageSize: true,
  printBackground: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
};

/** The print view's page stopped: its renderer process went away, or the page did not load. Nothing was exported. */
function printViewGone(reason: string): GroundworkError {
  return new GroundworkError('unavailable', `The handout could not be made: the print view ${reason}. Nothing was exported; try again.`);
}

/** What render-process-gone's reason means, in the words of the message. */
export function goneReason(reason: string): string {
  if (reason === 'crashed') return 'crashed';
  if (reason === 'oom') return 'ran out of memory';
  if (reason === 'killed') return 'was stopped by the system';
  return `stopped (${reason})`;
}

/**
 * Prints a route of the renderer to PDF in a hidden window of its own, made by `openWindow`.
 * A crashed print renderer answers no more executeJavaScript calls, so without this the export
 * would wait out the print view's two-minute timeout (or, during printToPDF, forever): when the
 * process goes, or the page fails to load, the print ends at once with a message saying so.
 */
export function windowPrinter(openWindow: () => PrintWindow): PdfPrinter {
  return {
    async print(route, { signal, onProgress }) {
      if (signal.aborted) throw cancelledError();
      const win = openWindow();
      let fail: (error: GroundworkError) => void = () => undefined;
      const stopped = new Promise<never>((_resolve, reject) => (fail = reject));
      // Nobody may be awaiting `stopped` when it rejects (between two steps): that is not an unhandled rejection.
      stopped.catch(() => undefined);
      win.webContents.on('render-process-gone', (_event, details) => fail(printViewGone(goneReason(details.reason))));
      win.webContents.on('did-fail-load', (_event, _code, description, _url, isMainFrame) => {
        if (isMainFrame) fail(printViewGone(`did not load (${description})`));
      });
      const step = <T>(work: Promise<T>) => Promise.race([work, stopped]);
      const stop = () => win.destroy();
      signal.addEventListener('abort', stop);
      try {
        await step(
          win.loadURL(`${APP_ENTRY_URL}${route}`).catch((error: unknown) => {
            throw printViewGone(`did not load (${error instanceof Error ? error.message : String(error)})`);
          }),
        );
        await step(waitUntilPrintable(() => win.webContents.executeJavaScript(READ_PRINT_STATUS), { signal, onProgress }));
        return await step(win.webContents.printToPDF(PDF_OPTIONS));
      } catch (error) {
        throw signal.aborted ? cancelledError() : error;
      } finally {
        signal.removeEventListener('abort', stop);
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}
