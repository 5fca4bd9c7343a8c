import { FORMAT, FORMAT_VERSION, type GroundworkDocument, type SessionDocument } from '../../shared/fileformat/document';
import { newId, type SessionDetail, type TemplateSummary } from '../../shared/model';
import type { SessionContent, Store } from './store';
import type { TemplateStore } from './templates';

/** A session as a portable document: its fields, every board with its content, and its agenda. */
export function exportSession(store: Store, sessionId: string): SessionDocument {
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

/**
 * The same content with every id minted anew (boards, nodes, edges, agenda items) and every
 * reference re-pointed: edge ends, agenda boards and frames. Ids inside a document are only its
 * own names for things, so a document imported twice gives two sessions that share nothing.
 * A reference that names nothing becomes null (a checked document has none).
 */
export function withFreshIds(content: SessionContent): SessionContent {
  const boardIds = new Map<string, string>();
  const nodeIdsOfBoard = new Map<string, Map<string, string>>();
  const boards = content.boards.map((board) => {
    const boardId = newId('b');
    const nodeIds = new Map(board.nodes.map((node) => [node.id, newId('n')]));
    if (!boardIds.has(board.id)) {
      boardIds.set(board.id, boardId);
      nodeIdsOfBoard.set(board.id, nodeIds);
    }
    return {
      ...board,
      id: boardId,
      nodes: board.nodes.map((node) => ({ ...node, id: nodeIds.get(node.id)! })),
      edges: board.edges.map((edge) => ({ ...edge, id: newId('e'), source: nodeIds.get(edge.source)!, target: nodeIds.get(edge.target)! })),
    };
  });
  const agenda = content.agenda.map((item) => {
    const boardId = item.boardId === null ? null : (boardIds.get(item.boardId) ?? null);
    const frameId = boardId === null || item.frameId === null ? null : (nodeIdsOfBoard.get(item.boardId!)?.get(item.frameId) ?? null);
    return { ...item, id: newId('a'), boardId, frameId };
  });
  return { boards, agenda };
}

export type ImportResult = { kind: 'session'; session: SessionDetail } | { kind: 'template'; template: TemplateSummary };

/**
 * Writes a checked document (parseDocument) as a new session or a new own template, all or
 * nothing: a session with its boards, nodes, edges and agenda is one transaction.
 */
export function importDocument(store: Store, templates: TemplateStore, document: GroundworkDocument): ImportResult {
  if (document.kind === 'template') return { kind: 'template', template: templates.insert(document) };
  const { title, client, workshopDate } = document.session;
  return { kind: 'session', session: store.insertSession({ title, client, workshopDate }, withFreshIds(document)) };
}
