import { RINGS, type BoardNode, type Ring } from '../model/nodes';
import { isHiddenNote } from '../model/hidden-notes';
import { readingOrder } from './steps';

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
export function revealItems(nodes: ReadonlyMap<string, BoardNode>, frameId: string | null): RevealItem[] {
  const frame = frameId ? nodes.get(frameId) : undefined;
  // A note private mode hides is not on the projector: revealing it would show nothing.
  const shown = [...nodes.values()].filter((n) => n.kind !== 'frame' && !isHiddenNote(n.kind, n.data) && (!frame || within(n, frame)));
  return readingOrder(shown).flatMap((node): RevealItem[] => (node.kind === 'goldenCircle' ? RINGS.map((ring) => ({ nodeId: node.id, ring })) : [{ nodeId: node.id, ring: null }]));
}
