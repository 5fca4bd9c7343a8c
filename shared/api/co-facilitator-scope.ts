import type { EventName, MethodName } from './contract';

/** The ids a call names: every one must belong to the co-facilitator's session. */
export interface Claims {
  sessionIds: unknown[];
  boardIds: unknown[];
}

type Input = Record<string, unknown>;
type Rule = (input: Input) => Claims;

const session =
  (key: string): Rule =>
  (input) => ({ sessionIds: [input[key]], boardIds: [] });
const board =
  (key: string): Rule =>
  (input) => ({ sessionIds: [], boardIds: [input[key]] });
/** Methods of the open room, which is the co-facilitator's session's (a token dies with it). */
const theRoom: Rule = () => ({ sessionIds: [], boardIds: [] });

/**
 * What a co-facilitator may call: the editor of one session (its boards, agenda, presentation,
 * the room's moderation and presence) and nothing else of the host's: no other session, no
 * backups, templates, library, files, exports, restore points, and no opening, closing or pairing
 * of the room. Every method of the contract is listed, so a new one is refused until decided here.
 */
export const CO_FACILITATOR_SCOPE: Record<MethodName, Rule | null> = {
  'session.list': null,
  'session.create': null,
  'session.get': session('id'),
  'session.update': session('id'),
  'session.duplicate': null,
  'session.delete': null,
  'session.setAgenda': session('sessionId'),
  'session.createFromTemplate': null,
  'session.export': null,
  'template.list': null,
  'template.export': null,
  'template.saveFromSession': null,
  'template.update': null,
  'template.duplicate': null,
  'template.delete': null,
  'file.import': null,
  'presentation.get': session('sessionId'),
  'presentation.update': session('sessionId'),
  'presentation.go': session('sessionId'),
  'presentation.measured': session('sessionId'),
  'presentation.timer': session('sessionId'),
  'board.create': session('sessionId'),
  'board.rename': board('id'),
  'board.reorder': (input) => ({ sessionIds: [input.sessionId], boardIds: Array.isArray(input.boardIds) ? input.boardIds : [undefined] }),
  'board.updateSettings': board('id'),
  'board.delete': board('id'),
  'board.get': board('id'),
  'board.apply': board('boardId'),
  'board.setViewport': board('boardId'),
  'presence.set': (input) => ({ sessionIds: [input.sessionId], boardIds: [input.boardId] }),
  'backup.list': null,
  'backup.restore': null,
  'app.startupReport': null,
  'app.salvage': null,
  'app.status': () => ({ sessionIds: [], boardIds: [] }),
  // The served shell has none; the desktop app's commands are per window, answered by its own shell.
  'app.takeCommands': () => ({ sessionIds: [], boardIds: [] }),
  'app.dismissStartupReport': null,
  'snapshot.list': null,
  'snapshot.create': null,
  'snapshot.preview': null,
  'snapshot.restore': null,
  'export.pdf': null,
  'export.cancel': null,
  'room.status': theRoom,
  'room.open': null,
  'room.close': null,
  'room.updateSettings': theRoom,
  'room.moderate': theRoom,
  'coFacilitator.invite': null,
  'coFacilitator.revoke': null,
  'library.status': null,
  'library.sync': null,
  'library.setUrl': null,
  'library.publish': null,
  'library.use': null,
  'library.withdraw': null,
};

/** The ids `method` would touch, or null when a co-facilitator may not call it at all. */
export function coFacilitatorClaims(method: string, input: unknown): Claims | null {
  const rule = Object.hasOwn(CO_FACILITATOR_SCOPE, method) ? CO_FACILITATOR_SCOPE[method as MethodName] : null;
  if (!rule) return null;
  return rule(typeof input === 'object' && input !== null ? (input as Input) : {});
}

/**
 * Whether a call stays in the session: its claims exist and every id they name belongs to it.
 * `sessionOfBoard` answers null for a board that does not exist.
 */
export function withinSession(claims: Claims | null, sessionId: string, sessionOfBoard: (boardId: string) => string | null): boolean {
  if (!claims) return false;
  return claims.sessionIds.every((id) => id === sessionId) && claims.boardIds.every((id) => typeof id === 'string' && sessionOfBoard(id) === sessionId);
}

/** The events a co-facilitator's socket hears: those of its session, its room and the app's state. */
export function eventWithinSession(name: EventName, payload: unknown, sessionId: string, sessionOfBoard: (boardId: string) => string | null): boolean {
  const named = payload as { sessionId?: unknown; boardId?: unknown };
  switch (name) {
    case 'board.changed':
      return typeof named.boardId === 'string' && sessionOfBoard(named.boardId) === sessionId;
    case 'session.changed':
    case 'presentation.changed':
    case 'presence.changed':
      return named.sessionId === sessionId;
    case 'room.changed':
    case 'app.status':
      return true;
    case 'templates.changed':
    case 'app.command':
    case 'database.restored':
    case 'export.progress':
      return false;
  }
}
