import { describe, expect, it } from 'vitest';
import { GroundworkError } from '../../../shared/errors';
import { arrangeByLevels, bandStratumOps, DEFAULT_ROLE_SIZE, GRID, SUBTREE_GAP } from '../../../shared/layout/arrange-by-levels';
import { BAND_HEIGHT, bandTop, NO_STRATUM_ROW, STRATUM_BANDS, stratumAtY } from '../../../shared/levels/bands';
import { LIMITS, type BoardEdge, type BoardNode, type Size, type Stratum } from '../../../shared/model';
import { applyOps, createDoc, type BoardDoc } from '../../../shared/ops';
import { orgChain, orgTree } from '../../helpers/org';
import { noteNode, roleNode, sampleEdge } from '../../helpers/sample';
import { thrownBy } from '../../helpers/thrown';

const role = (id: string, stratum: Stratum | null, x = 0, size: Size | null = null) => roleNode({ id, position: { x, y: 0 }, size, data: { person: id, stratum } });
const manages = (manager: BoardNode, report: BoardNode) => sampleEdge(manager, report, { id: `${manager.id}-${report.id}`, kind: 'reports-to' });

/** Applies the arrangement and returns the doc, so a test can look at where everything went. */
function arranged(doc: BoardDoc, sizes?: Map<string, Size>): BoardDoc {
  applyOps(doc, arrangeByLevels(doc, sizes));
  return doc;
}

const roles = (doc: BoardDoc) => [...doc.nodes.values()].filter((n) => n.kind === 'role');
const widthOf = (node: BoardNode, sizes?: Map<string, Size>) => (sizes?.get(node.id) ?? node.size ?? DEFAULT_ROLE_SIZE).width;
const centreX = (node: BoardNode, sizes?: Map<string, Size>) => node.position.x + widthOf(node, sizes) / 2;

/** Pairs of roles sharing a row whose boxes come closer than the gap allows after snapping. */
function crowded(doc: BoardDoc, sizes?: Map<string, Size>): string[] {
  const rows = new Map<number, BoardNode[]>();
  for (const node of roles(doc)) rows.set(node.position.y, [...(rows.get(node.position.y) ?? []), node]);
  const found: string[] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => a.position.x - b.position.x);
    for (let i = 1; i < row.length; i++) {
      if (row[i].position.x < row[i - 1].position.x + widthOf(row[i - 1], sizes) + SUBTREE_GAP - GRID) found.push(`${row[i - 1].id}|${row[i].id}`);
    }
  }
  return found;
}

describe('stratum bands', () => {
  it('stacks VIII at the top down to I, each 240 high, with the row for roles without a stratum below I', () => {
    expect(STRATUM_BANDS.map((b) => b.stratum)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(STRATUM_BANDS[0]).toEqual({ stratum: 8, top: 0, bottom: 240, label: 'VIII · over 50 years', numeral: 'VIII', range: 'over 50 years' });
    expect(STRATUM_BANDS.find((b) => b.stratum === 4)).toEqual({ stratum: 4, top: 960, bottom: 1200, label: 'IV · 2 to 5 years', numeral: 'IV', range: '2 to 5 years' });
    expect(bandTop(1)).toBe(1680);
    expect(bandTop(null)).toBe(1920);
    expect(NO_STRATUM_ROW).toMatchObject({ top: 1920, bottom: 2160 });
  });

  it('finds the stratum at a height, and none above VIII or from the no-stratum row down', () => {
    expect([0, 239, 240, 1000, 1679, 1680, 1919].map(stratumAtY)).toEqual([8, 8, 7, 4, 2, 1, 1]);
    expect([-1, 1920, 5000, NaN].map(stratumAtY)).toEqual([null, null, null, null]);
  });
});

describe('arrangeByLevels', () => {
  it('centres each role vertically in its stratum band, roles without a stratum in the row below I', () => {
    const tall = { width: 200, height: 176 };
    const doc = arranged(createDoc([role('a', 4), role('b', 1, 300), role('c', null, 600), role('d', 6, 900, tall)]));
    expect(roles(doc).map((n) => [n.id, n.position.y])).toEqual([
      ['a', bandTop(4) + 80],
      ['b', bandTop(1) + 80],
      ['c', bandTop(null) + 80],
      ['d', bandTop(6) + 32],
    ]);
    for (const node of roles(doc)) expect(stratumAtY(node.position.y + 40)).toBe(node.kind === 'role' ? node.data.stratum : null);
  });

  it('centres a manager above their reports, with subtrees side by side and no overlaps within a band', () => {
    const { roles: tree, edges } = orgTree(40, { branching: 3 });
    const doc = arranged(createDoc(tree, edges));
    expect(crowded(doc)).toEqual([]);
    for (let i = 0; i < 13; i++) {
      const kids = edges.filter((e) => e.source === `r${i}`).map((e) => doc.nodes.get(e.target)!);
      if (!kids.length) continue;
      const middle = (Math.min(...kids.map((k) => centreX(k))) + Math.max(...kids.map((k) => centreX(k)))) / 2;
      expect(Math.abs(centreX(doc.nodes.get(`r${i}`)!) - middle)).toBeLessThanOrEqual(GRID / 2);
    }
    // r1's subtree ends before r2's begins, in every band.
    const subtree = (rootIndex: number) => [rootIndex, ...[1, 2, 3].map((k) => rootIndex * 3 + k), ...[1, 2, 3].flatMap((k) => [1, 2, 3].map((j) => (rootIndex * 3 + k) * 3 + j))];
    const right = Math.max(...subtree(1).filter((i) => i < 40).map((i) => doc.nodes.get(`r${i}`)!.position.x + 200));
    const left = Math.min(...subtree(2).filter((i) => i < 40).map((i) => doc.nodes.get(`r${i}`)!.position.x));
    expect(left - right).toBeGreaterThanOrEqual(SUBTREE_GAP - GRID);
  });

  it('snaps to the grid and keeps the map’s left edge where it was', () => {
    const { roles: tree, edges } = orgTree(10, { branching: 3 });
    const shifted = tree.map((n, i) => ({ ...n, position: { x: 1_000 + 37 * i, y: -400 + 13 * i } }));
    const doc = arranged(createDoc(shifted, edges));
    for (const node of roles(doc)) {
      expect(node.position.x % GRID).toBe(0);
      expect(node.position.y % GRID).toBe(0);
    }
    expect(Math.min(...roles(doc).map((n) => n.position.x))).toBe(1_008);
  });

  it('returns no ops for a map it has already arranged', () => {
    const { roles: tree, edges } = orgTree(60, { branching: 4 });
    const doc = arranged(createDoc([...tree].reverse(), edges));
    expect(arrangeByLevels(doc)).toEqual([]);
  });

  it('after a leaf is nudged, moves only that leaf back, even when it was the leftmost role', () => {
    const { roles: tree, edges } = orgTree(13, { branching: 3 });
    const doc = arranged(createDoc(tree, edges));
    for (const leaf of ['r8', 'r4']) {
      const before = doc.nodes.get(leaf)!.position;
      applyOps(doc, [{ type: 'node.move', id: leaf, position: { x: before.x - 10, y: before.y + 7 } }]);
      expect(arrangeByLevels(doc)).toEqual([{ type: 'node.move', id: leaf, position: before }]);
      applyOps(doc, arrangeByLevels(doc));
    }
  });

  it('follows the canvas when a leaf is dragged past its sibling: the two swap, nothing else moves', () => {
    const { roles: tree, edges } = orgTree(13, { branching: 3 });
    const doc = arranged(createDoc(tree, edges));
    const [r4, r5] = [doc.nodes.get('r4')!.position, doc.nodes.get('r5')!.position];
    applyOps(doc, [{ type: 'node.move', id: 'r4', position: { x: r5.x + 30, y: r4.y } }]);
    const ops = arrangeByLevels(doc);
    expect(ops).toEqual([
      { type: 'node.move', id: 'r4', position: r5 },
      { type: 'node.move', id: 'r5', position: r4 },
    ]);
  });

  it('orders trees side by side by their current x, then by id', () => {
    const [a, b, c] = [role('a', 3, 500), role('b', 3, -200), role('c', 3, 500)];
    const doc = arranged(createDoc([a, b, c]));
    expect(roles(doc).sort((p, q) => p.position.x - q.position.x).map((n) => n.id)).toEqual(['b', 'a', 'c']);
    expect(roles(doc).map((n) => n.position.x)).toEqual([-192 + 240, -192, -192 + 480]);
  });

  it('puts a manager beside reports in their own band instead of on top of them', () => {
    const boss = role('boss', 3);
    const peers = [role('p1', 3, 10), role('p2', 3, 20)];
    const rep = role('rep', 2, 30);
    const doc = arranged(createDoc([boss, ...peers, rep], [manages(boss, peers[0]), manages(boss, peers[1]), manages(peers[1], rep)]));
    expect(crowded(doc)).toEqual([]);
    const x = (id: string) => doc.nodes.get(id)!.position.x;
    expect(x('boss')).toBeLessThan(x('p1'));
    expect(arrangeByLevels(doc)).toEqual([]);

  });

  it('puts roles without a stratum below I, each a row below a manager who has none either, so an unranked map reads as a tree', () => {
    const unranked = arranged(createDoc(orgChain(5).roles, orgChain(5).edges));
    expect(crowded(unranked)).toEqual([]);
    expect(roles(unranked).map((n) => n.position.y - bandTop(null))).toEqual([0, 1, 2, 3, 4].map((row) => row * BAND_HEIGHT + 80));
    expect(new Set(roles(unranked).map((n) => n.position.x)).size).toBe(1);

    // Under a manager with a stratum the first row below I; past eight rows deep, the last row.
    const boss = role('boss', 4);
    const { roles: chain, edges } = orgChain(10);
    const deep = arranged(createDoc([boss, ...chain], [manages(boss, chain[0]), ...edges]));
    const rowOf = (n: BoardNode) => (n.position.y - 80 - bandTop(null)) / BAND_HEIGHT;
    expect(chain.map((n) => rowOf(deep.nodes.get(n.id)!))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 7, 7]);
    expect(crowded(deep)).toEqual([]);
    expect(arrangeByLevels(deep)).toEqual([]);
  });

  it('hangs a role with several managers under the first by edge order', () => {
    const [m1, m2, r] = [role('m1', 3, 0), role('m2', 3, 1_000), role('r', 2, 1_000)];
    const doc = arranged(createDoc([m1, m2, r], [manages(m1, r), manages(m2, r)]));
    expect(centreX(doc.nodes.get('r')!)).toBe(centreX(doc.nodes.get('m1')!));
    expect(doc.nodes.get('m2')!.position.x).toBeGreaterThan(doc.nodes.get('m1')!.position.x);
  });

  it('breaks reporting loops at the same role whatever the drawing order, and ends on a 5,000-long loop', () => {
    const loop = (order: string[]) => {
      const nodes = order.map((id) => role(id, null));
      const byId = new Map(nodes.map((n) => [n.id, n]));
      const edges: BoardEdge[] = [manages(byId.get('a')!, byId.get('b')!), manages(byId.get('b')!, byId.get('c')!), manages(byId.get('c')!, byId.get('a')!)];
      const doc = arranged(createDoc(nodes, edges));
      return roles(doc).sort((p, q) => p.position.y - q.position.y).map((n) => n.id);
    };
    expect(loop(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(loop(['c', 'a', 'b'])).toEqual(['a', 'b', 'c']);

    const { roles: chain, edges } = orgChain(5_000);
    const doc = createDoc(chain, [...edges, manages(chain[4_999], chain[0])]);
    const ops = arrangeByLevels(doc);
    expect(ops.length).toBeGreaterThan(0);
    applyOps(doc, ops);
    expect(arrangeByLevels(doc)).toEqual([]);
  });

  it('uses measured sizes when given, and leaves every node that is not a role alone', () => {
    const note = noteNode({ id: 'note', position: { x: 3, y: 5 } });
    const [m, a, b] = [role('m', 4, 0), role('a', 3, 10), role('b', 3, 20)];
    const sizes = new Map([['a', { width: 408, height: 120 }]]);
    const doc = arranged(createDoc([note, m, a, b], [manages(m, a), manages(m, b)]), sizes);
    expect(doc.nodes.get('note')!.position).toEqual({ x: 3, y: 5 });
    expect(doc.nodes.get('a')!.position.y).toBe(bandTop(3) + 64);
    expect(doc.nodes.get('b')!.position.x).toBe(doc.nodes.get('a')!.position.x + 408 + SUBTREE_GAP);
    expect(crowded(doc, sizes)).toEqual([]);
    expect(arrangeByLevels(doc, sizes)).toEqual([]);
  });

  it('returns no ops on a board without roles', () => {
    expect(arrangeByLevels(createDoc([noteNode()]))).toEqual([]);
  });
});

describe('arrangeByLevels inside the coordinate range', () => {
  /** The roles whose box is not wholly inside the range, so a failure names them. */
  const outside = (doc: BoardDoc, sizes?: Map<string, Size>) =>
    roles(doc)
      .filter((n) => n.position.x < -LIMITS.coordinate || n.position.x + widthOf(n, sizes) > LIMITS.coordinate || Math.abs(n.position.y) > LIMITS.coordinate)
      .map((n) => n.id);
  const at = (nodes: BoardNode[], x0: number) => nodes.map((n, i) => ({ ...n, position: { x: x0 + i, y: 0 } }));

  it('keeps a 5,000-long chain without strata (1.2 million across) on the board when it sits near the right edge', () => {
    const { roles: chain, edges } = orgChain(5_000);
    const doc = arranged(createDoc(at(chain, 990_000), edges));
    expect(outside(doc)).toEqual([]);
    expect(Math.max(...roles(doc).map((n) => n.position.x)) + DEFAULT_ROLE_SIZE.width).toBeLessThanOrEqual(LIMITS.coordinate);
    expect(crowded(doc)).toEqual([]);
    expect(arrangeByLevels(doc)).toEqual([]);
  });

  it('keeps 5,000 reports of one manager, at their widest measured size, on the board from the left edge', () => {
    const boss = role('boss', 5);
    const reports = Array.from({ length: 4_999 }, (_, i) => role(`p${i}`, 4));
    const sizes = new Map([boss, ...reports].map((n) => [n.id, { width: 320, height: 120 }]));
    const doc = arranged(createDoc(at([boss, ...reports], -LIMITS.coordinate), reports.map((r) => manages(boss, r))), sizes);
    expect(outside(doc, sizes)).toEqual([]);
    expect(crowded(doc, sizes)).toEqual([]);
    expect(arrangeByLevels(doc, sizes)).toEqual([]);
  });

  it('refuses a map wider than the whole board, saying how wide', () => {
    const huge = Array.from({ length: 21 }, (_, i) => role(`h${i}`, 3, i, { width: 100_000, height: 80 }));
    const error = thrownBy(GroundworkError, () => arrangeByLevels(createDoc(huge)));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe(
      'This org map is too wide to arrange by levels: laid out it would be 2,100,800 across, and a board is 2,000,000 across. Move part of it to another board and arrange each part there.',
    );
  });
});

describe('bandStratumOps', () => {
  const doc = createDoc([role('r', 3), noteNode({ id: 'n' })]);
  const topFor = (stratum: Stratum | null) => bandTop(stratum) + 80;

  it('sets the stratum of the band under the dropped role’s centre', () => {
    expect(bandStratumOps(doc, 'r', topFor(5))).toEqual([{ type: 'node.update', id: 'r', data: { stratum: 5 } }]);
    // Top-left still in IV, centre already in III: the centre decides.
    expect(bandStratumOps(doc, 'r', bandTop(3) - 30)).toEqual([]);
    expect(bandStratumOps(doc, 'r', bandTop(3) - 30, { width: 200, height: 40 })).toEqual([{ type: 'node.update', id: 'r', data: { stratum: 4 } }]);
  });

  it('returns nothing when the band is the role’s own stratum', () => {
    expect(bandStratumOps(doc, 'r', topFor(3))).toEqual([]);
  });

  it('clears the stratum in the row below I, and keeps it when dropped outside the bands', () => {
    expect(bandStratumOps(doc, 'r', topFor(null))).toEqual([{ type: 'node.update', id: 'r', data: { stratum: null } }]);
    expect(bandStratumOps(doc, 'r', -500)).toEqual([]);
    expect(bandStratumOps(doc, 'r', bandTop(null) + BAND_HEIGHT + 100)).toEqual([]);
  });

  it('ignores nodes that are not roles and ids not on the board', () => {
    expect(bandStratumOps(doc, 'n', topFor(5))).toEqual([]);
    expect(bandStratumOps(doc, 'missing', topFor(5))).toEqual([]);
  });
});
