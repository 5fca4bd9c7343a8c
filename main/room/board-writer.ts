import type { RoomSettings } from '../../shared/model/room';
import type { EventHub } from '../service/events';
import type { Store } from '../store/store';
import { inboxOps, landingOf } from './inbox';
import type { RoomStore } from './room-store';
import type { BoardWriter } from './room-writes';

/** The room's writes to boards, on the database bound at the moment of each write (a restore binds another). */
export function boardWriter(store: () => Store, rooms: () => RoomStore, settings: () => RoomSettings, hub: EventHub): BoardWriter {
  return {
    together: (work) => hub.holdWhile(() => store().db.transaction(work)()),
    insertNotes: (notes) => {
      rooms().insertNotes(notes);
    },
    votesOf: (boardId) => {
      const votes = new Map<string, number>();
      for (const node of store().getBoard(boardId).nodes) if (node.kind === 'note') votes.set(node.id, node.data.votes);
      return votes;
    },
    apply: (boardId, ops, write) => {
      const revision = store().db.transaction(() => {
        write();
        return ops.length ? store().applyOps(boardId, ops) : null;
      })();
      if (revision !== null) hub.publish('board.changed', { boardId, revision, ops });
    },
    insertVote: (participantId, nodeId) => rooms().insertVote(participantId, nodeId),
    deleteVote: (participantId, nodeId) => rooms().deleteVote(participantId, nodeId),
    inbox: (boardId, notes) => inboxOps(store().getBoard(boardId).nodes, notes.map((n) => landingOf(n, settings()))),
    markAccepted: (notes, nodeIds) => notes.forEach((n, i) => rooms().setStatus(n.id, 'accepted', nodeIds[i])),
  };
}
