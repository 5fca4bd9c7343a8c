import { useEffect, useMemo, useState } from 'react';
import type { BoardNode } from '../../shared/model';
import { api } from '../api/client';
import { useBoard } from '../state/board-store';
import { showError } from '../state/toasts';

interface FrameChoice {
  id: string;
  title: string;
}
const framesOf = (nodes: Iterable<BoardNode>): FrameChoice[] => [...nodes].flatMap((n) => (n.kind === 'frame' ? [{ id: n.id, title: n.data.title || 'Untitled frame' }] : []));

/** A board's frames: the open board's from the live replica, any other board's read once from main. */
export function useBoardFrames(boardId: string | null): FrameChoice[] | null {
  // A string, so that the store's updates re-render only when a frame is added, renamed or removed.
  const live = useBoard((s) => (boardId && s.boardId === boardId ? JSON.stringify(framesOf(s.doc.nodes.values())) : null));
  const [fetched, setFetched] = useState<{ boardId: string; frames: FrameChoice[] } | null>(null);
  useEffect(() => {
    if (!boardId || live !== null) return;
    let current = true;
    api()
      .call('board.get', { id: boardId })
      .then((board) => current && setFetched({ boardId, frames: framesOf(board.nodes) }), showError);
    return () => {
      current = false;
    };
  }, [boardId, live]);
  const liveFrames = useMemo(() => (live === null ? null : (JSON.parse(live) as FrameChoice[])), [live]);
  return liveFrames ?? (fetched?.boardId === boardId ? fetched.frames : null);
}
