import type { MethodName } from '../../shared/api';
import { GroundworkError } from '../../shared/errors';
import { printRoute } from '../../shared/export/print-options';
import type { Service } from '../service/methods';
import type { EventHub } from '../service/events';
import type { Store } from '../store/store';
import type { PdfPrinter } from './printer';

type ExportMethods = Pick<Service, Extract<MethodName, `export.${string}`>>;

/** PDF handouts: one print at a time per job id, each cancellable while it runs. */
export function exportService(store: Pick<Store, 'getSession'>, hub: EventHub, printer: PdfPrinter): ExportMethods {
  const running = new Map<string, AbortController>();
  return {
    'export.pdf': async ({ sessionId, options, jobId }) => {
      store.getSession(sessionId);
      if (running.has(jobId)) throw new GroundworkError('conflict', 'An export with this id is already running', ['jobId']);
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        const pdf = await printer.print(printRoute(sessionId, options), {
          paper: options.paper,
          signal: controller.signal,
          onProgress: ({ done, total }) => hub.publish('export.progress', { jobId, done, total }),
        });
        return { pdf: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength };
      } finally {
        running.delete(jobId);
      }
    },
    'export.cancel': ({ jobId }) => {
      const job = running.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },
  };
}
