import { z } from 'zod';
import { BoardEdge, EdgeData, EdgeKind } from '../model/edges';
import { BoardNode, NodeDataPatch } from '../model/nodes';
import { Id, Position, Size } from '../model/schemas';

/**
 * Where an added node or edge goes in the drawing order: that many come before it (past the end
 * is the end). Without it the add goes on top; undoing a removal gives the old place back.
 */
const DrawIndex = z.number().int().min(0).max(1_000_000).optional();

/** Every edit of a board is one of these; each has an inverse (see apply.ts). */
export const Op = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('node.add'), node: BoardNode, index: DrawIndex }),
  z.strictObject({ type: z.literal('node.remove'), id: Id }),
  z.strictObject({ type: z.literal('node.move'), id: Id, position: Position }),
  z.strictObject({ type: z.literal('node.resize'), id: Id, size: Size.nullable() }),
  z.strictObject({ type: z.literal('node.update'), id: Id, data: NodeDataPatch }),
  z.strictObject({ type: z.literal('edge.add'), edge: BoardEdge, index: DrawIndex }),
  z.strictObject({ type: z.literal('edge.remove'), id: Id }),
  z.strictObject({
    type: z.literal('edge.update'),
    id: Id,
    kind: EdgeKind.optional(),
    data: EdgeData.partial().optional(),
  }),
]);
export type Op = z.infer<typeof Op>;
