import type { BoardNode } from '../../shared/model';
import type { Op } from '../../shared/ops';
import type { EventHub } from '../service/events';
import type { Store } from '../store/store';

/** The ops that show a board's notes hidden by private mode. */
function revealOps(nodes: Iterable<BoardNode>): Op[] {
  const ops: Op[] = [];
  for (const node of nodes) if (node.kind === 'note' && node.data.hidden) ops.push({ type: 'node.update', id: node.id, data: { hidden: false } });
  return ops;
}

/** Shows every hidden note of the session's boards at once, telling every window; returns how many. */
export function revealNotes(store: Store, hub: EventHub, sessionId: string): number {
  let revealed = 0;
  for (const { id } of store.listBoards(sessionId)) {
    const ops = revealOps(store.getBoard(id).nodes);
    if (!ops.length) continue;
    const revision = store.applyOps(id, ops);
    hub.publish('board.changed', { boardId: id, revision, ops });
    revealed += ops.length;
  }
  return revealed;
}
