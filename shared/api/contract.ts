import { z } from 'zod';
import { Board, BoardSettings, BoardSummary, Session, SessionDetail } from '../model/board';
import { LIMITS } from '../model/limits';
import { Id, Title, Viewport, WorkshopDate } from '../model/schemas';
import { Op } from '../ops/ops';

const Client = z.string().trim().max(LIMITS.title);

/**
 * THE contract between renderer and main: every method with its input and output schema, and
 * every event main pushes. Transports are generic over this table; adding a method is one entry
 * here plus one function in main/service.
 */
export const methods = {
  'session.list': {
    input: z.strictObject({ query: z.string().max(LIMITS.search).optional() }),
    output: z.array(Session),
  },
  'session.create': {
    input: z.strictObject({ title: Title, client: Client.optional(), workshopDate: WorkshopDate.nullable().optional() }),
    output: SessionDetail,
  },
  'session.get': {
    input: z.strictObject({ id: Id }),
    output: SessionDetail,
  },
  'session.update': {
    input: z.strictObject({
      id: Id,
      title: Title.optional(),
      client: Client.optional(),
      workshopDate: WorkshopDate.nullable().optional(),
    }),
    output: Session,
  },
  'session.duplicate': {
    input: z.strictObject({ id: Id, title: Title.optional() }),
    output: SessionDetail,
  },
  'session.delete': {
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ id: Id }),
  },
  'board.create': {
    input: z.strictObject({ sessionId: Id, title: Title }),
    output: BoardSummary,
  },
  'board.rename': {
    input: z.strictObject({ id: Id, title: Title }),
    output: BoardSummary,
  },
  'board.reorder': {
    input: z.strictObject({ sessionId: Id, boardIds: z.array(Id).min(1).max(LIMITS.boardsPerSession) }),
    output: z.array(BoardSummary),
  },
  'board.updateSettings': {
    input: z.strictObject({ id: Id, settings: BoardSettings.partial() }),
    output: BoardSummary,
  },
  'board.delete': {
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ id: Id }),
  },
  'board.get': {
    input: z.strictObject({ id: Id }),
    output: Board,
  },
  'board.apply': {
    input: z.strictObject({ boardId: Id, ops: z.array(Op).min(1).max(LIMITS.opsPerBatch) }),
    output: z.strictObject({ revision: z.number().int() }),
  },
  'board.setViewport': {
    input: z.strictObject({ boardId: Id, viewport: Viewport }),
    output: z.strictObject({ boardId: Id }),
  },
} as const;

export const events = {
  /** Ops another client applied; `revision` is the board's revision after them. */
  'board.changed': z.object({ boardId: Id, revision: z.number().int(), ops: z.array(Op) }),
  /** A session, its list of boards or the list of sessions changed. */
  'session.changed': z.object({ sessionId: Id, deleted: z.boolean() }),
  /** A command from the desktop app's menu, for the focused window. */
  'app.command': z.object({ command: z.enum(['undo', 'redo', 'new-session']) }),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
