import type { DocumentBoard } from '../../shared/fileformat/document';
import { newId, type AgendaItem } from '../../shared/model';

export interface NewSession {
  title: string;
  client: string;
  workshopDate: string | null;
}

/** What a session holds besides its own fields: its boards with their content, and its agenda. */
export interface SessionContent {
  boards: DocumentBoard[];
  agenda: AgendaItem[];
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
