import { useCallback, useEffect, useRef } from 'react';
import type { Viewport } from '../../shared/model';
import { api } from '../api/client';

const SAVE_DELAY_MS = 250;

/** Stores the board's viewport shortly after the facilitator stops panning or zooming, and when the page goes away. */
export function useViewportSaver(boardId: string): (viewport: Viewport) => void {
  const pending = useRef<Viewport | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const viewport = pending.current;
    pending.current = null;
    if (viewport) api().call('board.setViewport', { boardId, viewport }).catch(console.error);
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
