import { describe, expect, it } from 'vitest';
import { spatialNeighbour, treeNeighbour } from '../../../renderer/canvas/navigation';
import type { BoardNode } from '../../../shared/model';
import { createDoc } from '../../../shared/ops';
import { roleNode, sampleEdge } from '../../helpers/sample';

const at = (id: string, x: number, y: number) => roleNode({ id, position: { x, y } });
const manages = (a: BoardNode, b: BoardNode) => sampleEdge(a, b, { id: `${a.id}-${b.id}`, kind: 'reports-to' });
// ceo over b (right) and a (left), in edge order b first; a over a1; another top role beside ceo.
const [ceo, a, b, a1, top2] = [at('ceo', 300, 0), at('a', 0, 200), at('b', 600, 200), at('a1', 0, 400), at('top2', 900, 0)];
const doc = createDoc([ceo, a, b, a1, top2], [manages(ceo, b), manages(ceo, a), manages(a, a1)]);

describe('arrow keys along the org tree', () => {
  it('↑ goes to the manager and ↓ to the leftmost report, whatever the edge order', () => {
    expect(treeNeighbour(doc, 'a1', 'up')).toBe('a');
    expect(treeNeighbour(doc, 'ceo', 'down')).toBe('a');
    expect(treeNeighbour(doc, 'a1', 'down')).toBeNull();
    expect(treeNeighbour(doc, 'ceo', 'up')).toBeNull();
  });

  it('← and → go to the siblings beside it, top roles counting as siblings', () => {
    expect(treeNeighbour(doc, 'a', 'right')).toBe('b');
    expect(treeNeighbour(doc, 'b', 'left')).toBe('a');
    expect(treeNeighbour(doc, 'b', 'right')).toBeNull();
    expect(treeNeighbour(doc, 'ceo', 'right')).toBe('top2');
  });
});

describe('arrow keys between other nodes', () => {
  const box = (x: number, y: number) => ({ x, y, width: 100, height: 50 });
  const boxes = new Map([
    ['here', box(0, 0)],
    ['right', box(300, 20)],
    ['far-right', box(900, 0)],
    ['below', box(10, 300)],
  ]);

  it('takes the nearest node that lies that way', () => {
    expect(spatialNeighbour(boxes, 'here', 'right')).toBe('right');
    expect(spatialNeighbour(boxes, 'here', 'down')).toBe('below');
    expect(spatialNeighbour(boxes, 'here', 'left')).toBeNull();
  });
});
