import { describe, expect, it } from 'vitest';
import { pushDownOps, tidyOps } from '../../../shared/layout/notes';
import type { BoardNode, Size } from '../../../shared/model';
import { applyOps, createDoc, type BoardDoc } from '../../../shared/ops';

const note = (id: string, x: number, y: number): BoardNode => ({ id, kind: 'note', position: { x, y }, size: null, data: { text: id, category: 'idea', votes: 0 } });
const size = (width: number, height: number): Size => ({ width, height });

function overlapping(doc: BoardDoc, sizes: Map<string, Size>): string[] {
  const nodes = [...doc.nodes.values()];
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      const [sa, sb] = [sizes.get(a.id)!, sizes.get(b.id)!];
      if (a.position.x < b.position.x + sb.width && b.position.x < a.position.x + sa.width && a.position.y < b.position.y + sb.height && b.position.y < a.position.y + sa.height) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

describe('pushDownOps', () => {
  it('a note that grows pushes the notes under it down, in a cascade, and leaves its neighbours beside it alone', () => {
    const doc = createDoc([note('a', 0, 0), note('b', 0, 208), note('c', 100, 420), note('side', 272, 0), note('far', 0, 2000)]);
    const sizes = new Map([
      ['a', size(240, 400)],
      ['b', size(240, 190)],
      ['c', size(240, 190)],
      ['side', size(240, 190)],
      ['far', size(240, 190)],
    ]);
    const ops = pushDownOps(doc, sizes, ['a']);
    applyOps(doc, ops);
    expect(ops.map((op) => op.type === 'node.move' && [op.id, op.position.y])).toEqual([
      ['b', 432],
      ['c', 656],
    ]);
    expect(overlapping(doc, sizes)).toEqual([]);
    expect(pushDownOps(doc, sizes, ['a', 'b', 'c'])).toEqual([]);
  });
});

describe('tidyOps', () => {
  it('lines up the chosen notes in a near-square grid in reading order, from their top-left corner, without overlaps', () => {
    const doc = createDoc([note('n1', 500, 90), note('n2', 40, 100), note('n3', 900, 700), note('n4', 300, 400), note('n5', 60, 60), note('other', 2000, 2000)]);
    const sizes = new Map([
      ['n1', size(240, 190)],
      ['n2', size(240, 300)],
      ['n3', size(240, 190)],
      ['n4', size(260, 190)],
      ['n5', size(240, 190)],
      ['other', size(240, 190)],
    ]);
    applyOps(doc, tidyOps(doc, sizes, ['n1', 'n2', 'n3', 'n4', 'n5']));
    const at = (id: string) => doc.nodes.get(id)!.position;
    // Reading order n5, n1, n2 | n4, n3; three columns 288 wide; the first row as tall as n2.
    expect(['n5', 'n1', 'n2', 'n4', 'n3'].map(at)).toEqual([
      { x: 40, y: 60 },
      { x: 328, y: 60 },
      { x: 616, y: 60 },
      { x: 40, y: 384 },
      { x: 328, y: 384 },
    ]);
    expect(at('other')).toEqual({ x: 2000, y: 2000 });
    expect(overlapping(doc, sizes)).toEqual([]);
    expect(tidyOps(doc, sizes, ['n1', 'n2', 'n3', 'n4', 'n5'])).toEqual([]);
  });
});
