import { z } from 'zod';
import { Agenda } from '../model/agenda';
import { Board, BoardSettings, BoardSummary, Session, SessionDetail } from '../model/board';
import { PresentationPatch, PresentationState, StepMeasurement } from '../model/presentation';
import { RestorePoint } from '../model/restore-point';
import { TemplateSummary } from '../model/template';
import { SessionDocument, TemplateDocument } from '../fileformat/document';
import { LIMITS } from '../model/limits';
import { Id, Title, Viewport, WorkshopDate } from '../model/schemas';
import { Op } from '../ops/ops';
import { PrintOptions } from '../export/print-options';
import { ModerateAction, RoomSettings, RoomStatus } from '../model/room';
import { ChangeNote, LibraryState, LibraryUrlText } from '../model/library';
import { LaptopVoter, PollQuestion, VoteRules, VotingScreen, VotingStatus } from '../model/voting';
import { Invitation, Presence } from '../model/co-facilitator';

const Client = z.string().trim().max(LIMITS.title);

/** A backup is named by its file name in the backups folder, never by a path. */
const BackupFile = z.string().regex(/^groundwork-[0-9TZ-]+-[A-Za-z0-9_-]{1,80}\.db$/, 'Choose a backup from the list');
const BackupInfo = z.strictObject({ file: BackupFile, createdAt: z.number().int(), bytes: z.number().int().min(0) });
/** What a salvage brought back from the damaged file, per table; `found` is null when the file cannot say how many it held. */
const SalvageResult = z.strictObject({
  message: z.string(),
  kinds: z.array(z.strictObject({ kind: z.string(), salvaged: z.number().int().min(0), found: z.number().int().min(0).nullable() })),
});
/** The database was damaged, or an update step failed on it, at start-up: it was moved aside and Groundwork started empty. */
const StartupReport = z.strictObject({
  problem: z.enum(['damaged', 'update-failed']),
  message: z.string(),
  detail: z.string(),
  movedTo: z.string(),
  newestBackup: BackupInfo.nullable(),
  canSalvage: z.boolean(),
  salvaged: SalvageResult.nullable(),
});

/** A command from the desktop app to one window: from its menu, or 'open-session' (with `sessionId`) after a file opened from the OS was imported. */
const AppCommand = z.object({ command: z.enum(['undo', 'redo', 'new-session', 'open-session']), sessionId: Id.optional() });
/** Whether the app has opened its data yet: the desktop window opens first and shows `message` while it is 'starting'. */
const AppStatus = z.strictObject({ state: z.enum(['starting', 'ready']), message: z.string() });

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
  'session.setAgenda': {
    input: z.strictObject({ sessionId: Id, items: Agenda }),
    output: Agenda,
  },
  'session.createFromTemplate': {
    input: z.strictObject({ templateId: Id, title: Title.optional(), client: Client.optional(), workshopDate: WorkshopDate.nullable().optional() }),
    output: SessionDetail,
  },
  /** The session as a portable document (a `.groundwork` file). */
  'session.export': {
    input: z.strictObject({ id: Id }),
    output: SessionDocument,
  },
  'template.list': {
    input: z.strictObject({ query: z.string().max(LIMITS.search).optional() }),
    output: z.array(TemplateSummary),
  },
  'template.export': {
    input: z.strictObject({ id: Id }),
    output: TemplateDocument,
  },
  /** Saves a session's chosen boards as an own template; `keepContent: false` keeps frames, headings and prompts only. */
  'template.saveFromSession': {
    input: z.strictObject({
      sessionId: Id,
      name: Title,
      description: z.string().max(LIMITS.longText),
      boardIds: z.array(Id).min(1).max(LIMITS.boardsPerSession),
      keepContent: z.boolean(),
    }),
    output: TemplateSummary,
  },
  /** Own templates only: built-ins are read-only (duplicate one to change it). */
  'template.update': {
    input: z.strictObject({ id: Id, name: Title.optional(), description: z.string().max(LIMITS.longText).optional() }),
    output: TemplateSummary,
  },
  'template.duplicate': {
    input: z.strictObject({ id: Id, name: Title.optional() }),
    output: TemplateSummary,
  },
  'template.delete': {
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ id: Id }),
  },
  /**
   * Imports a `.groundwork` document, all or nothing, with fresh ids. `document` is checked
   * by the file format's own validation (versions, limits, hostile content), which names the
   * first problems with their JSON paths.
   */
  'file.import': {
    input: z.strictObject({ document: z.unknown() }),
    output: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('session'), session: SessionDetail }),
      z.strictObject({ kind: z.literal('template'), template: TemplateSummary }),
    ]),
  },
  'presentation.get': {
    input: z.strictObject({ sessionId: Id }),
    output: PresentationState,
  },
  /** Reveal, blackout, spotlight, the timer and the join code on screen, ends the presentation: every window follows. */
  'presentation.update': {
    input: z.strictObject({ sessionId: Id, patch: PresentationPatch }),
    output: PresentationState,
  },
  /**
   * Next or previous: main decides from its own state (step, part, parts, reveal), so no window
   * moves the room on from a stale copy of it.
   */
  'presentation.go': {
    input: z.strictObject({ sessionId: Id, direction: z.union([z.literal(1), z.literal(-1)]) }),
    output: PresentationState,
  },
  /** The audience window's measurement of a step on its screen (StepMeasurement); ignored once the room has left that step. */
  'presentation.measured': {
    input: z.strictObject({ sessionId: Id, stepIndex: z.number().int().min(0), ...StepMeasurement.shape }),
    output: PresentationState,
  },
  'presentation.timer': {
    input: z.strictObject({ sessionId: Id, itemId: Id, action: z.enum(['start', 'pause', 'reset']) }),
    output: PresentationState,
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
  /**
   * The board as main holds it. `batchIds` asks which of the caller's unacknowledged batches
   * this state already holds (`appliedBatches`), so it replays only the others on top.
   */
  'board.get': {
    input: z.strictObject({ id: Id, batchIds: z.array(Id).max(LIMITS.batchIdsPerGet).optional() }),
    output: Board.extend({ appliedBatches: z.array(Id).optional() }),
  },
  /**
   * Applies a batch of ops all or nothing. A batch sent again with the same `batchId` (its reply
   * was lost) is not applied twice: the repeat gets the revision of the first acknowledgement.
   */
  'board.apply': {
    input: z.strictObject({ boardId: Id, batchId: Id.optional(), ops: z.array(Op).min(1).max(LIMITS.opsPerBatch) }),
    output: z.strictObject({ revision: z.number().int() }),
  },
  'board.setViewport': {
    input: z.strictObject({ boardId: Id, viewport: Viewport }),
    output: z.strictObject({ boardId: Id }),
  },
  /** The database's backups in the data folder, newest first. */
  'backup.list': {
    input: z.strictObject({}),
    output: z.array(BackupInfo),
  },
  /** Puts a listed backup in place of the database (the current one is kept as a backup), then every window reloads. */
  'backup.restore': {
    input: z.strictObject({ file: BackupFile }),
    output: z.strictObject({ restored: BackupInfo, replacedBy: BackupFile }),
  },
  /** What start-up found wrong with the database and did about it, until a restore or dismissal; null when all was well. */
  'app.startupReport': {
    input: z.strictObject({}),
    output: StartupReport.nullable(),
  },
  /** Copies what can still be read from the damaged file into the database in use (once); every window then reloads. */
  'app.salvage': {
    input: z.strictObject({}),
    output: SalvageResult,
  },
  /** Whether the app is still opening its data (checking and updating the database) or ready; 'app.status' events follow. */
  'app.status': {
    input: z.strictObject({}),
    output: AppStatus,
  },
  /**
   * The desktop app's commands that came for this window before its page listened (a file opened
   * from the OS into a new window), oldest first, each given once; from this call on they come as
   * 'app.command' events. The page calls it once its listeners are attached. The served shell has none.
   */
  'app.takeCommands': {
    input: z.strictObject({}),
    output: z.array(AppCommand),
  },
  /** The facilitator chose to carry on with the empty database: the start-up report is not shown again. */
  'app.dismissStartupReport': {
    input: z.strictObject({}),
    output: z.strictObject({}),
  },
  /** The session's restore points, newest first. */
  'snapshot.list': {
    input: z.strictObject({ sessionId: Id }),
    output: z.array(RestorePoint),
  },
  /** Takes a named restore point of the session as it is now. */
  'snapshot.create': {
    input: z.strictObject({ sessionId: Id, name: Title }),
    output: RestorePoint,
  },
  /** The restore point's content, read-only: the session as it was, as a portable document. */
  'snapshot.preview': {
    input: z.strictObject({ id: Id }),
    output: SessionDocument,
  },
  /**
   * Puts the restore point's boards and agenda in place of the session's (with new ids), after
   * taking a 'before-restore' point so it can be undone; every window reloads the session.
   */
  'snapshot.restore': {
    input: z.strictObject({ id: Id }),
    output: SessionDetail,
  },
  /**
   * The session as a PDF handout, printed from the print view by the app's own Chromium.
   * `export.progress` events with this `jobId` say how far it is; `export.cancel` stops it.
   */
  'export.pdf': {
    input: z.strictObject({ sessionId: Id, options: PrintOptions, jobId: Id }),
    output: z.strictObject({ pdf: z.string().describe('base64'), bytes: z.number().int().min(0) }),
  },
  'export.cancel': {
    input: z.strictObject({ jobId: Id }),
    output: z.strictObject({ cancelled: z.boolean() }),
  },
  /** The room participants join from their phones; the listener on the room's network runs only while it is open. */
  'room.status': {
    input: z.strictObject({}),
    output: RoomStatus,
  },
  /** Opens the room for a session on one of the machine's addresses: a second listener, a join code, a QR code. */
  'room.open': {
    /** `boardId`: the board on screen, open for input unless the session's last room chose others. */
    input: z.strictObject({ sessionId: Id, host: z.string().max(64).optional(), boardId: Id.optional() }),
    output: RoomStatus,
  },
  /** Stops the room's listener; every participant token and the join code die with it. */
  'room.close': {
    input: z.strictObject({}),
    output: RoomStatus,
  },
  'room.updateSettings': {
    input: z.strictObject({ settings: RoomSettings.partial() }),
    output: RoomStatus,
  },
  /** The room's settings for a session: the open room's, else those its last room had (defaults when none). */
  'room.settings': {
    input: z.strictObject({ sessionId: Id }),
    output: RoomSettings,
  },
  /** Shows every note hidden by private mode on the session's boards, and ends private mode. */
  'room.reveal': {
    input: z.strictObject({ sessionId: Id }),
    output: z.strictObject({ revealed: z.number().int().min(0) }),
  },
  /** Accepts (onto the board's Inbox frame), edits, merges or rejects notes waiting in the queue. */
  'room.moderate': {
    input: z.strictObject({ moderation: ModerateAction }),
    output: RoomStatus,
  },
  /** The session's votes and polls: the running ones without counts, the ended ones with their results. */
  'vote.status': {
    input: z.strictObject({ sessionId: Id }),
    output: VotingStatus,
  },
  /** Starts a vote on a board's notes, or a frame's; one runs at a time per session. */
  'vote.start': {
    input: z.strictObject({ sessionId: Id, rules: VoteRules }),
    output: VotingStatus,
  },
  /** Ends the vote and reveals it: its ranked results are kept and become the notes' counts. */
  'vote.end': {
    input: z.strictObject({ voteId: Id }),
    output: VotingStatus,
  },
  /** A dot placed (or taken back) for a person without a phone, by name, with a phone's rules. */
  'vote.placeFor': {
    input: z.strictObject({ voteId: Id, voter: LaptopVoter, nodeId: Id, delta: z.union([z.literal(1), z.literal(-1)]) }),
    output: VotingStatus,
  },
  /** What the audience view shows of voting: a vote, a poll, or nothing. */
  'vote.show': {
    input: z.strictObject({ sessionId: Id, screen: VotingScreen }),
    output: VotingStatus,
  },
  /** Asks the room a question with choices (a scale is choices in order); one poll open at a time. */
  'poll.start': {
    input: z.strictObject({ sessionId: Id, poll: PollQuestion }),
    output: VotingStatus,
  },
  /** Closes the poll: its answers per choice are kept as its results. */
  'poll.close': {
    input: z.strictObject({ pollId: Id }),
    output: VotingStatus,
  },
  /** A pairing code for a co-facilitator's laptop (used once, for a few minutes) on the open room's address. */
  'coFacilitator.invite': {
    input: z.strictObject({}),
    output: Invitation,
  },
  /** Ends a co-facilitator's access at once: their socket closes and their next call is refused. */
  'coFacilitator.revoke': {
    input: z.strictObject({ id: Id }),
    output: RoomStatus,
  },
  /** This window's selection on a board, for the others to outline; answers what the others have selected there. */
  'presence.set': {
    input: Presence.pick({ sessionId: true, boardId: true, nodeIds: true }).strict(),
    output: z.array(Presence),
  },
  /** The team library as cached here; no network. */
  'library.status': {
    input: z.strictObject({}),
    output: LibraryState,
  },
  /** Delivers waiting publishes and reads the library's list; offline, says so and keeps the cache. */
  'library.sync': {
    input: z.strictObject({}),
    output: LibraryState,
  },
  /** Stores the library's address in this app (null forgets it). */
  'library.setUrl': {
    input: z.strictObject({ url: LibraryUrlText.nullable() }),
    output: LibraryState,
  },
  /** Publishes the next version of an own template with a change note; offline, it waits in the outbox. */
  'library.publish': {
    input: z.strictObject({ templateId: Id, note: ChangeNote }),
    output: LibraryState,
  },
  /** A new session from a version of a library template. */
  'library.use': {
    input: z.strictObject({ templateId: Id, version: z.number().int().min(1) }),
    output: SessionDetail,
  },
  /** Withdraws a template from the library: PostgreSQL lets only its author or an administrator. */
  'library.withdraw': {
    input: z.strictObject({ templateId: Id }),
    output: LibraryState,
  },
} as const;

export const events = {
  /** Ops another client applied; `revision` is the board's revision after them. */
  'board.changed': z.object({ boardId: Id, revision: z.number().int(), ops: z.array(Op) }),
  /** A session, its list of boards or the list of sessions changed. */
  'session.changed': z.object({ sessionId: Id, deleted: z.boolean() }),
  /** The presentation of a session moved on; every window showing it follows. */
  'presentation.changed': PresentationState,
  /** The list of templates changed (saved, renamed, duplicated, deleted, imported). */
  'templates.changed': z.object({}),
  /** A command from the desktop app for the editor window (see AppCommand and 'app.takeCommands'). */
  'app.command': AppCommand,
  /** The app finished opening its data (or moved on a step of it). */
  'app.status': AppStatus,
  /** The database was replaced by a backup, or salvaged rows were added to it: every client reloads everything it shows. */
  'database.restored': z.object({}),
  /** How far a PDF export has got: boards drawn of the session's boards. */
  'export.progress': z.object({ jobId: Id, done: z.number().int().min(0), total: z.number().int().min(0) }),
  /** The room opened, closed, changed its settings, or its queue or participants changed. */
  'room.changed': RoomStatus,
  /** A vote or poll of a session started, ended, was answered or went on or off the screen. */
  'voting.changed': VotingStatus,
  /** Another window's selection moved (empty once it left the board or closed). */
  'presence.changed': Presence,
} as const;

type Methods = typeof methods;
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
