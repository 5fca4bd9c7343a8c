import type { BoardNode } from '../../shared/model';
import type { BoardDoc } from '../../shared/ops';
import { readingOrder } from '../../shared/presentation/steps';
import { RINGS, type Ring } from '../canvas/golden-circle-fit';

export interface RevealItem {
  nodeId: string;
  /** A golden circle is revealed ring by ring, from the inside out. */
  ring: Ring | null;
}

function within(node: BoardNode, frame: BoardNode): boolean {
  const size = frame.size ?? { width: 0, height: 0 };
  return node.position.x >= frame.position.x && node.position.y >= frame.position.y && node.position.x < frame.position.x + size.width && node.position.y < frame.position.y + size.height;
}

/** What a step shows one at a time when reveal is on: its nodes in reading order. */
export function revealItems(doc: BoardDoc, frameId: string | null): RevealItem[] {
  const frame = frameId ? doc.nodes.get(frameId) : undefined;
  const nodes = [...doc.nodes.values()].filter((n) => n.kind !== 'frame' && (!frame || within(n, frame)));
  return readingOrder(nodes).flatMap((node): RevealItem[] => (node.kind === 'goldenCircle' ? RINGS.map((ring) => ({ nodeId: node.id, ring })) : [{ nodeId: node.id, ring: null }]));
}

/** The CSS that hides what is not revealed yet: nodes not reached, and rings of a circle not reached. */
export function hiddenByReveal(items: readonly RevealItem[], revealed: number | null): string {
  if (revealed === null) return '';
  const rules: string[] = [];
  items.slice(revealed).forEach((item) => {
    const node = `.react-flow__node[data-id="${CSS.escape(item.nodeId)}"]`;
    rules.push(item.ring && item.ring !== 'why' ? `${node} .gc-${item.ring}, ${node} .gc-label-${item.ring}, ${node} .gc-text-${item.ring}` : node);
  });
  return rules.length ? `${rules.join(', ')} { visibility: hidden; }` : '';
}
