import { BrowserWindow } from 'electron';
import { READ_PRINT_STATUS } from '../../shared/export/print-status';
import { cancelledError, PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, type PdfPrinter } from '../export/printer';
import { waitUntilPrintable } from '../export/print-wait';
import { APP_ENTRY_URL } from './trusted-url';
import { printWindowOptions } from './window-options';

/** Electron's printer: the print view in a hidden window of our own app://, printed with printToPDF. */
export function electronPrinter(preloadPath: string): PdfPrinter {
  return {
    async print(route, { signal, onProgress }) {
      if (signal.aborted) throw cancelledError();
      const win = new BrowserWindow(printWindowOptions(preloadPath));
      const stop = () => win.destroy();
      signal.addEventListener('abort', stop);
      try {
        await win.loadURL(`${APP_ENTRY_URL}${route}`);
        await waitUntilPrintable(() => win.webContents.executeJavaScript(READ_PRINT_STATUS), { signal, onProgress });
        return await win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: PDF_HEADER_TEMPLATE,
          footerTemplate: PDF_FOOTER_TEMPLATE,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
      } catch (error) {
        throw signal.aborted ? cancelledError() : error;
      } finally {
        signal.removeEventListener('abort', stop);
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}
