import type { EventName, MethodName } from './contract';

/** What a call may name besides a session, each belonging to one session. */
export type Owned = 'board' | 'vote' | 'poll';

/** The ids a call names: every one must belong to the co-facilitator's session. */
interface Claims {
  sessionIds: unknown[];
  owned: { kind: Owned; id: unknown }[];
}

type Input = Record<string, unknown>;
type Rule = (input: Input) => Claims;

const session =
  (key: string): Rule =>
  (input) => ({ sessionIds: [input[key]], owned: [] });
const owned =
  (kind: Owned, key: string): Rule =>
  (input) => ({ sessionIds: [], owned: [{ kind, id: input[key] }] });
const board = (key: string) => owned('board', key);
const none: Rule = () => ({ sessionIds: [], owned: [] });
/** Methods of the open room, which is the co-facilitator's session's (a token dies with it). */
const theRoom = none;

/**
 * What a co-facilitator may call: the editor of one session (its boards, agenda, presentation,
 * the room's moderation and presence) and nothing else of the host's: no other session, no
 * backups, templates, library, files, exports, restore points, and no opening, closing or pairing
 * of the room. Every method of the contract is listed, so a new one is refused until decided here.
 */
const CO_FACILITATOR_SCOPE: Record<MethodName, Rule | null> = {
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
  'board.reorder': (input) => ({ sessionIds: [input.sessionId], owned: (Array.isArray(input.boardIds) ? input.boardIds : [undefined]).map((id: unknown) => ({ kind: 'board', id })) }),
  'board.updateSettings': board('id'),
  'board.delete': board('id'),
  'board.get': board('id'),
  'board.apply': board('boardId'),
  'board.setViewport': board('boardId'),
  'presence.set': (input) => ({ sessionIds: [input.sessionId], owned: [{ kind: 'board', id: input.boardId }] }),
  'backup.list': null,
  'backup.restore': null,
  'app.startupReport': null,
  'app.salvage': null,
  'app.status': none,
  // The served shell has none; the desktop app's commands are per window, answered by its own shell.
  'app.takeCommands': none,
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
  'room.settings': session('sessionId'),
  'room.reveal': session('sessionId'),
  'room.moderate': theRoom,
  'vote.status': session('sessionId'),
  'vote.start': session('sessionId'),
  'vote.end': owned('vote', 'voteId'),
  'vote.placeFor': owned('vote', 'voteId'),
  'vote.show': session('sessionId'),
  'poll.start': session('sessionId'),
  'poll.close': owned('poll', 'pollId'),
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

/** The session a board, vote or poll belongs to, or null when there is none with that id. */
export type SessionOf = (kind: Owned, id: string) => string | null;

/** Whether a call stays in the session: its claims exist and every id they name belongs to it. */
export function withinSession(claims: Claims | null, sessionId: string, sessionOf: SessionOf): boolean {
  if (!claims) return false;
  return claims.sessionIds.every((id) => id === sessionId) && claims.owned.every(({ kind, id }) => typeof id === 'string' && sessionOf(kind, id) === sessionId);
}

/** The events a co-facilitator's socket hears: those of its session, its room and the app's state. */
export function eventWithinSession(name: EventName, payload: unknown, sessionId: string, sessionOf: SessionOf): boolean {
  const named = payload as { sessionId?: unknown; boardId?: unknown };
  switch (name) {
    case 'board.changed':
      return typeof named.boardId === 'string' && sessionOf('board', named.boardId) === sessionId;
    case 'session.changed':
    case 'presentation.changed':
    case 'presence.changed':
    case 'voting.changed':
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
