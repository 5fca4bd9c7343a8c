import { GroundworkError } from '../../shared/errors';
import type { BoardEdge, BoardNode } from '../../shared/model';
import { createDoc, type BoardDoc, type Op } from '../../shared/ops';
import type { Db } from './db';
import { edgeParams, nodeParams, toEdge, toNode, type EdgeRow, type NodeRow } from './rows';

/**
 * The boards' nodes and edges: each board read once into a doc (shared/ops applies ops to it, one
 * set of rules for every replica), the rows an op changed written back.
 */
export class BoardContent {
  private readonly docs = new Map<string, BoardDoc>();
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      nodesOf: db.prepare('SELECT * FROM nodes WHERE board_id = ? ORDER BY draw_order, rowid'),
      edgesOf: db.prepare('SELECT * FROM edges WHERE board_id = ? ORDER BY draw_order, rowid'),
      // A new row goes on top; an add with an index is put in its place by `reorder`.
      insertNode: db.prepare(
        `INSERT INTO nodes (id, board_id, kind, x, y, width, height, data, draw_order)
         VALUES (@id, @board_id, @kind, @x, @y, @width, @height, @data, (SELECT coalesce(max(draw_order), 0) + 1 FROM nodes WHERE board_id = @board_id))`,
      ),
      updateNode: db.prepare('UPDATE nodes SET x = @x, y = @y, width = @width, height = @height, data = @data WHERE id = @id AND board_id = @board_id'),
      deleteNode: db.prepare('DELETE FROM nodes WHERE id = ?'),
      insertEdge: db.prepare(
        `INSERT INTO edges (id, board_id, kind, source_id, target_id, data, draw_order)
         VALUES (@id, @board_id, @kind, @source_id, @target_id, @data, (SELECT coalesce(max(draw_order), 0) + 1 FROM edges WHERE board_id = @board_id))`,
      ),
      updateEdge: db.prepare('UPDATE edges SET kind = @kind, data = @data WHERE id = @id AND board_id = @board_id'),
      deleteEdge: db.prepare('DELETE FROM edges WHERE id = ?'),
      orderNode: db.prepare('UPDATE nodes SET draw_order = ? WHERE id = ?'),
      orderEdge: db.prepare('UPDATE edges SET draw_order = ? WHERE id = ?'),
      nodeExists: db.prepare('SELECT board_id FROM nodes WHERE id = ?').pluck(),
      edgeExists: db.prepare('SELECT board_id FROM edges WHERE id = ?').pluck(),
    };
  }

  doc(boardId: string): BoardDoc {
    let doc = this.docs.get(boardId);
    if (!doc) {
      const nodes = (this.sql.nodesOf.all(boardId) as NodeRow[]).map(toNode);
      const edges = (this.sql.edgesOf.all(boardId) as EdgeRow[]).map(toEdge);
      doc = createDoc(nodes, edges);
      this.docs.set(boardId, doc);
    }
    return doc;
  }

  /** Dropping a cached doc is always safe: the next read loads it from the database. */
  forget(boardId: string): void {
    this.docs.delete(boardId);
  }

  forgetAll(): void {
    this.docs.clear();
  }

  insert(boardId: string, nodes: readonly BoardNode[], edges: readonly BoardEdge[]): void {
    for (const node of nodes) this.sql.insertNode.run(nodeParams(boardId, node));
    for (const edge of edges) this.sql.insertEdge.run(edgeParams(boardId, edge));
  }

  /** Ids are unique across the database; a board's doc only knows its own. */
  checkIdsFree(boardId: string, ops: readonly Op[]): void {
    ops.forEach((op, index) => {
      const taken =
        op.type === 'node.add'
          ? { on: this.sql.nodeExists.get(op.node.id) as string | undefined, path: ['ops', index, 'node', 'id'], id: op.node.id }
          : op.type === 'edge.add'
            ? { on: this.sql.edgeExists.get(op.edge.id) as string | undefined, path: ['ops', index, 'edge', 'id'], id: op.edge.id }
            : undefined;
      if (taken?.on && taken.on !== boardId) throw new GroundworkError('conflict', `Id ${taken.id} is already used on another board`, taken.path);
    });
  }

  /** Writes the rows a batch changed; `doc` holds the batch's end state. */
  persist(boardId: string, doc: BoardDoc, ops: readonly Op[]): void {
    for (const op of ops) this.persistOne(boardId, doc, op);
    // Rare (undoing a removal): an add in the middle of the order renumbers the board from the doc.
    if (ops.some((op) => op.type === 'node.add' && op.index !== undefined)) this.reorder(doc.nodes, this.sql.orderNode);
    if (ops.some((op) => op.type === 'edge.add' && op.index !== undefined)) this.reorder(doc.edges, this.sql.orderEdge);
  }

  private reorder(items: ReadonlyMap<string, unknown>, order: { run(position: number, id: string): unknown }): void {
    let position = 0;
    for (const id of items.keys()) order.run(++position, id);
  }

  private persistOne(boardId: string, doc: BoardDoc, op: Op): void {
    switch (op.type) {
      case 'node.add':
        this.sql.insertNode.run(nodeParams(boardId, op.node));
        return;
      case 'node.remove':
        this.sql.deleteNode.run(op.id);
        return;
      case 'node.move':
      case 'node.resize':
      case 'node.update': {
        // The doc holds the batch's end state; a node removed later in the batch is gone already.
        const node = doc.nodes.get(op.id);
        if (node) this.sql.updateNode.run(nodeParams(boardId, node));
        return;
      }
      case 'edge.add':
        this.sql.insertEdge.run(edgeParams(boardId, op.edge));
        return;
      case 'edge.remove':
        this.sql.deleteEdge.run(op.id);
        return;
      case 'edge.update': {
        const edge = doc.edges.get(op.id);
        if (edge) this.sql.updateEdge.run(edgeParams(boardId, edge));
        return;
      }
    }
  }
}
