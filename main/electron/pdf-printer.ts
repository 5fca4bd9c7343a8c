import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../export/printer';
import { windowPrinter } from './print-window';
import { printWindowOptions } from './window-options';

/** Electron's printer: the print view in a hidden window of our own app://, printed with printToPDF (print-window.ts). */
export function electronPrinter(preloadPath: string): PdfPrinter {
  return windowPrinter(() => new BrowserWindow(printWindowOptions(preloadPath)));
}
