import { describe, expect, it } from 'vitest';
import { revealItems } from '../../../shared/presentation/reveal';
import { noteNode, sampleNode } from '../../helpers/sample';

describe('step-by-step reveal', () => {
  it('counts no note private mode still hides: revealing one would show nothing on the projector', () => {
    const frame = sampleNode('frame', { id: 'f', position: { x: 0, y: 0 }, size: { width: 800, height: 400 }, data: { title: 'Inbox' } });
    const shown = noteNode({ id: 'shown', position: { x: 20, y: 60 } });
    const hidden = noteNode({ id: 'hidden', position: { x: 300, y: 60 }, data: { hidden: true, author: 'Ana' } });
    const revealed = noteNode({ id: 'revealed', position: { x: 600, y: 60 }, data: { hidden: false } });
    const nodes = new Map([frame, shown, hidden, revealed].map((n) => [n.id, n]));
    expect(revealItems(nodes, 'f').map((i) => i.nodeId)).toEqual(['shown', 'revealed']);
  });
});
