import {
  defaultNodeData,
  newId,
  type BoardEdge,
  type BoardNode,
  type EdgeData,
  type NodeDataOf,
  type NodeKind,
  type NodeOfKind,
  type Position,
} from '../../shared/model';

/** Valid nodes and edges for tests; every field can be overridden. */

interface NodeOptions<K extends NodeKind> {
  id?: string;
  position?: Position;
  size?: BoardNode['size'];
  data?: Partial<NodeDataOf<K>>;
}

export function sampleNode<K extends NodeKind>(kind: K, options: NodeOptions<K> = {}): NodeOfKind<K> {
  return {
    id: options.id ?? newId('n'),
    kind,
    position: options.position ?? { x: 0, y: 0 },
    size: options.size ?? null,
    data: { ...defaultNodeData(kind), ...options.data },
  } as unknown as NodeOfKind<K>;
}

export const roleNode = (options: NodeOptions<'role'> = {}) => sampleNode('role', options);
export const noteNode = (options: NodeOptions<'note'> = {}) => sampleNode('note', options);
export const textNode = (options: NodeOptions<'text'> = {}) => sampleNode('text', options);
export const dmNode = (options: NodeOptions<'decisionMaker'> = {}) => sampleNode('decisionMaker', options);
export const stageNode = (options: NodeOptions<'stage'> = {}) => sampleNode('stage', options);

export function sampleEdge(
  source: string | BoardNode,
  target: string | BoardNode,
  options: { id?: string; kind?: BoardEdge['kind']; data?: Partial<EdgeData> } = {},
): BoardEdge {
  return {
    id: options.id ?? newId('e'),
    kind: options.kind ?? 'relates',
    source: typeof source === 'string' ? source : source.id,
    target: typeof target === 'string' ? target : target.id,
    data: { label: '', strength: null, ...options.data },
  };
}
