import { FORMAT, FORMAT_VERSION, type GroundworkDocument, type SessionDocument } from '../../shared/fileformat/document';
import type { SessionDetail, TemplateSummary } from '../../shared/model';
import { withFreshIds, type NewSession, type SessionContent } from './session-content';
import type { TemplateStore } from './templates';

/** What documents need of the store: a session with its content to export, a new session to import. */
interface SessionRecords {
  getSession(id: string): SessionDetail;
  sessionContent(id: string): SessionContent;
  insertSession(input: NewSession, content: SessionContent): SessionDetail;
}

/** A session as a portable document: its fields, every board with its content, and its agenda. */
export function exportSession(store: SessionRecords, sessionId: string): SessionDocument {
  const session = store.getSession(sessionId);
  const { boards, agenda } = store.sessionContent(sessionId);
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    kind: 'session',
    exportedAt: new Date().toISOString(),
    session: { title: session.title, client: session.client, workshopDate: session.workshopDate },
    boards,
    agenda,
  };
}

type ImportResult = { kind: 'session'; session: SessionDetail } | { kind: 'template'; template: TemplateSummary };

/**
 * Writes a checked document (parseDocument) as a new session or a new own template, all or
 * nothing: a session with its boards, nodes, edges and agenda is one transaction.
 */
export function importDocument(store: SessionRecords, templates: TemplateStore, document: GroundworkDocument): ImportResult {
  if (document.kind === 'template') return { kind: 'template', template: templates.insert(document) };
  const { title, client, workshopDate } = document.session;
  return { kind: 'session', session: store.insertSession({ title, client, workshopDate }, withFreshIds(document)) };
}
