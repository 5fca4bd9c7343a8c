import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import type { Store } from '../store/store';
import type { EventHub } from './events';

export interface CallContext {
  /** The window, tab or socket the call came from; its own edits are not echoed back to it. */
  clientId: string;
}

export type Service = {
  [M in MethodName]: (input: ParsedInput<M>, ctx: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** The contract implemented once, for every transport. */
export function createService(store: Store, hub: EventHub): Service {
  const sessionChanged = (sessionId: string, deleted = false) => hub.publish('session.changed', { sessionId, deleted });

  return {
    'session.list': ({ query }) => store.listSessions(query),

    'session.create': ({ title, client, workshopDate }) => {
      const session = store.createSession({ title, client: client ?? '', workshopDate: workshopDate ?? null });
      sessionChanged(session.id);
      return session;
    },

    'session.get': ({ id }) => store.getSession(id),

    'session.update': ({ id, ...patch }) => {
      const session = store.updateSession(id, patch);
      sessionChanged(id);
      return session;
    },

    'session.duplicate': ({ id, title }) => {
      const copy = store.duplicateSession(id, title);
      sessionChanged(copy.id);
      return copy;
    },

    'session.delete': ({ id }) => {
      store.deleteSession(id);
      sessionChanged(id, true);
      return { id };
    },

    'board.create': ({ sessionId, title }) => {
      const board = store.createBoard(sessionId, title);
      sessionChanged(sessionId);
      return board;
    },

    'board.rename': ({ id, title }) => {
      const board = store.renameBoard(id, title);
      sessionChanged(board.sessionId);
      return board;
    },

    'board.reorder': ({ sessionId, boardIds }) => {
      const boards = store.reorderBoards(sessionId, boardIds);
      sessionChanged(sessionId);
      return boards;
    },

    'board.updateSettings': ({ id, settings }) => {
      const board = store.updateBoardSettings(id, settings);
      sessionChanged(board.sessionId);
      return board;
    },

    'board.delete': ({ id }) => {
      const board = store.deleteBoard(id);
      sessionChanged(board.sessionId);
      return { id };
    },

    'board.get': ({ id }) => store.getBoard(id),

    'board.apply': ({ boardId, ops }, ctx) => {
      const revision = store.applyOps(boardId, ops);
      hub.publish('board.changed', { boardId, revision, ops }, ctx.clientId);
      return { revision };
    },

    'board.setViewport': ({ boardId, viewport }) => {
      store.setViewport(boardId, viewport);
      return { boardId };
    },
  };
}
