import { useCallback, useEffect, useRef } from 'react';
import type { Viewport } from '../../shared/model';
import { GroundworkError } from '../../shared/errors';
import { api } from '../api/client';

const SAVE_DELAY_MS = 250;
/**
 * A board deleted while open (here or in another window) has no view left to keep; while main
 * cannot be reached the view is not kept either (where the facilitator looks is no edit to
 * wait for: the next pan or zoom saves it).
 */
const notKept = (error: unknown) => error instanceof GroundworkError && (error.code === 'not_found' || error.code === 'unavailable');

/** Stores the board's viewport shortly after the facilitator stops panning or zooming, and when the page goes away. */
export function useViewportSaver(boardId: string): (viewport: Viewport) => void {
  const pending = useRef<Viewport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const viewport = pending.current;
    pending.current = null;
    if (viewport) api().call('board.setViewport', { boardId, viewport }).catch((error) => notKept(error) || console.error(error));
  }, [boardId]);

  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return useCallback(
    (viewport: Viewport) => {
      pending.current = viewport;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_DELAY_MS);
    },
    [flush],
  );
}
