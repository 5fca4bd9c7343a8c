import { GroundworkError } from '../../shared/errors';
import { parsePrintStatus, type PrintStatus } from '../../shared/export/print-status';
import { cancelledError } from './printer';

interface WaitOptions {
  signal: AbortSignal;
  onProgress(status: PrintStatus): void;
  /** A print view that has not finished by then has hung: a browser that cannot draw, a board that never measures. */
  timeoutMs?: number;
  /** How long to wait before reading again a status that has not changed. */
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Follows the print view's status until it is ready to print, passing each change of progress on.
 * `readStatus(last)` gives the status as it is, or as soon as it differs from `last` (what it gave
 * before): a printer that can wait for the change in the page does. Fails with the view's own
 * message when it failed, and when cancelled or too slow.
 */
export async function waitUntilPrintable(readStatus: (last: unknown) => Promise<unknown>, { signal, onProgress, timeoutMs = 120_000, pollMs = 100 }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let raw: unknown = null;
  let last = '';
  for (;;) {
    if (signal.aborted) throw cancelledError();
    const previous = raw;
    raw = await readStatus(previous);
    const status = parsePrintStatus(raw);
    if (status) {
      if (status.state === 'failed') throw new GroundworkError('internal', `The handout could not be made: ${status.message ?? 'the print view failed'}`);
      const progress = `${status.done}/${status.total}`;
      // While loading, the view does not know yet how many boards it will draw.
      if (status.state !== 'loading' && progress !== last) {
        last = progress;
        onProgress(status);
      }
      if (status.state === 'ready') return;
    }
    if (Date.now() > deadline) throw new GroundworkError('unavailable', `The handout was not ready after ${Math.round(timeoutMs / 1000)} s; try again, or export fewer boards`);
    if (raw === previous) await sleep(pollMs);
  }
}
