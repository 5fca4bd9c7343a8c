import type { MethodOutput } from '../../shared/api';
import { GroundworkError } from '../../shared/errors';
import { parseDocument, type DocumentProblem } from '../../shared/fileformat/validate';
import { exportSession, importDocument } from '../store/documents';
import { withFreshIds } from '../store/session-content';
import { NO_BACKUPS, type BackupControl } from '../store/backup-control';
import type { Store } from '../store/store';
import { templateFromSession, TemplateStore } from '../store/templates';
import type { EventHub } from './events';
import type { Service } from './methods';
import { presentationService } from './presentation';
import { restorePointService } from './restore-points';
import { votingService } from '../room/voting-service';
import { roomOf, roomService } from '../room/room-service';
import { coFacilitatorService } from '../room/co-facilitator-service';
import { presenceService } from './presence';
import { exportService } from '../export/export-service';
import { NO_PRINTER, type PdfPrinter } from '../export/printer';
import { libraryService } from '../library/library-service';

/**
 * A refused file as one error: the first problems with their JSON paths, in the message the UI
 * shows. The path names the `document` field; the places inside it are in the message.
 */
function documentRefused(problems: readonly DocumentProblem[]): GroundworkError {
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  return new GroundworkError('invalid_input', `document: ${list}`, ['document']);
}

/** What the service works with beyond the store, each with a default for tests and one-shot commands. */
interface ServiceEnv {
  templates?: TemplateStore;
  backups?: BackupControl;
  /** The clock of automatic restore points. */
  now?: () => number;
  /** Prints the PDF handout: Electron's printToPDF or the served shell's headless Chromium. */
  printer?: PdfPrinter;
  /** The team library's address from `--library-url` or GROUNDWORK_LIBRARY_URL, over the app's setting. */
  libraryUrl?: string;
}

/** What 'app.status' says once the data is open. */
export const APP_READY: MethodOutput<'app.status'> = { state: 'ready', message: 'Ready' };

/** The contract implemented once, for every transport. */
export function createService(store: Store, hub: EventHub, env: ServiceEnv = {}): Service {
  const { templates = new TemplateStore(store.db), backups = NO_BACKUPS, now = Date.now, printer = NO_PRINTER, libraryUrl } = env;
  const restorePoints = restorePointService(store, hub, now);
  const sessionChanged = (sessionId: string, deleted = false) => hub.publish('session.changed', { sessionId, deleted });
  const templatesChanged = () => hub.publish('templates.changed', {});

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

    'session.setAgenda': ({ sessionId, items }) => {
      const agenda = store.setAgenda(sessionId, items);
      sessionChanged(sessionId);
      return agenda;
    },

    'session.createFromTemplate': ({ templateId, title, client, workshopDate }) => {
      const template = templates.document(templateId);
      const session = store.insertSession(
        { title: title ?? template.template.name, client: client ?? '', workshopDate: workshopDate ?? null },
        withFreshIds(template),
      );
      sessionChanged(session.id);
      return session;
    },

    'session.export': ({ id }) => exportSession(store, id),

    'template.list': ({ query }) => templates.list(query),

    'template.export': ({ id }) => templates.document(id),

    'template.saveFromSession': ({ sessionId, name, description, boardIds, keepContent }) => {
      const document = templateFromSession(exportSession(store, sessionId), { name, description, boardIds, keepContent });
      const template = templates.insert(document);
      templatesChanged();
      return template;
    },

    'template.update': ({ id, ...patch }) => {
      const template = templates.update(id, patch);
      templatesChanged();
      return template;
    },

    'template.duplicate': ({ id, name }) => {
      const template = templates.duplicate(id, name);
      templatesChanged();
      return template;
    },

    'template.delete': ({ id }) => {
      templates.delete(id);
      templatesChanged();
      return { id };
    },

    'file.import': ({ document }) => {
      const parsed = parseDocument(document);
      if (!parsed.ok) throw documentRefused(parsed.problems);
      const result = importDocument(store, templates, parsed.document);
      if (result.kind === 'session') sessionChanged(result.session.id);
      else templatesChanged();
      return result;
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

    'board.get': ({ id, batchIds }) => {
      const board = store.getBoard(id);
      return batchIds ? { ...board, appliedBatches: store.batches.appliedOf(id, batchIds) } : board;
    },

    'board.apply': ({ boardId, batchId, ops }, ctx) => {
      const earlier = batchId === undefined ? undefined : store.batches.revisionOf(boardId, batchId);
      if (earlier !== undefined) return { revision: earlier };
      const revision = store.applyOps(boardId, ops, batchId);
      hub.publish('board.changed', { boardId, revision, ops }, ctx.clientId);
      restorePoints.afterEdit(store.sessionOfBoard(boardId));
      return { revision };
    },

    'board.setViewport': ({ boardId, viewport }) => {
      store.setViewport(boardId, viewport);
      return { boardId };
    },

    'backup.list': () => backups.list(),

    // Every client, the caller included, reloads: what each one shows came from the old database.
    'backup.restore': async ({ file }) => {
      const result = await backups.restore(file);
      hub.publish('database.restored', {});
      return result;
    },

    'app.startupReport': () => backups.startupReport(),

    // Every client reloads, as after a restore: the sessions it lists came back behind its back.
    'app.salvage': () => {
      const result = backups.salvage();
      hub.publish('database.restored', {});
      return result;
    },

    'app.dismissStartupReport': () => {
      backups.dismissStartupReport();
      return {};
    },

    // A backend answers only once its data is open; the desktop shell answers these two itself
    // while it is still opening (main/electron/startup-gate.ts). The served shell sends no commands.
    'app.status': () => APP_READY,
    'app.takeCommands': () => [],

    ...presentationService(store, hub, now),
    ...restorePoints.methods,
    ...roomService(store, hub, printer),
    ...votingService(hub),
    ...coFacilitatorService(roomOf(hub)!),
    ...presenceService(hub),
    ...exportService(store, hub, printer),
    ...libraryService(store, templates, hub, libraryUrl ?? null),
  };
}
