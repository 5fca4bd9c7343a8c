/**
 * Keep arranged, as the canvas runs it: an edit goes out with the moves that arrange the map
 * (keepArrangedOps, with the sizes measured so far); then the canvas draws and measures the cards,
 * and the moves their real sizes call for join the same step (arrangeByLevels over roleSizes).
 *
 * The sizes: `measure` stands in for React Flow's measurement. It is the canvas's own estimate
 * (estimateRoleSize, what roleSizes falls back to for a card not measured yet) moved by up to 20 px
 * either way per card, so the layout never sees the size it first guessed, and bounded as the card's
 * CSS bounds it (200–320 wide, at most MAX_ROLE_HEIGHT tall). The checks use the measured sizes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrangeByLevels } from '../../../shared/layout/arrange-by-levels';
import { keepArrangedOps, changesOrgMap } from '../../../shared/layout/keep-arranged';
import { estimateRoleSize, MAX_ROLE_HEIGHT, ROLE_WIDTH, roleSizes } from '../../../shared/layout/role-size';
import { BAND_HEIGHT, bandTop } from '../../../shared/levels/bands';
import { defaultEdgeData, type BoardNode, type RoleData, type Size, type Stratum } from '../../../shared/model';
import { applyOps, createDoc, type BoardDoc, type Op } from '../../../shared/ops';
import { orgImportOps, parseOrgCsv, validRows } from '../../../shared/import/org-csv';
import { orgCsv } from '../../helpers/org';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function measure(data: RoleData): Size {
  const estimate = estimateRoleSize(data);
  const h = hash(`${data.person}|${data.title}|${data.stratum}`);
  return {
    width: Math.min(ROLE_WIDTH.max, Math.max(ROLE_WIDTH.min, estimate.width + (h % 41) - 20)),
    height: Math.min(MAX_ROLE_HEIGHT, Math.max(60, estimate.height + ((h >>> 8) % 41) - 20)),
  };
}

const measureAll = (doc: BoardDoc) => {
  const sizes = new Map<string, Size>();
  for (const node of doc.nodes.values()) if (node.kind === 'role') sizes.set(node.id, measure(node.data));
  return sizes;
};

const roles = (doc: BoardDoc) => [...doc.nodes.values()].filter((n): n is Extract<BoardNode, { kind: 'role' }> => n.kind === 'role');

type Action =
  | { type: 'add'; stratum: Stratum | null; manager: number | null; title: string }
  | { type: 'rename'; at: number; person: string; title: string }
  | { type: 'delete'; at: number }
  | { type: 'reportsTo'; at: number; manager: number }
  | { type: 'stratum'; at: number; stratum: Stratum | null };

const stratum = fc.option(fc.integer({ min: 1, max: 8 }) as fc.Arbitrary<Stratum>, { nil: null });
const title = fc.oneof(fc.constantFrom('', 'CEO', 'VP Sales', 'Rep'), fc.string({ minLength: 40, maxLength: 500 }), fc.lorem({ maxCount: 60 }));
const person = fc.oneof(fc.constantFrom('Ana', 'Dana Whitfield'), fc.string({ minLength: 1, maxLength: 120 }), fc.lorem({ maxCount: 12 }));
const index = fc.nat({ max: 40 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('add' as const), stratum, manager: fc.option(index, { nil: null }), title }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('rename' as const), at: index, person, title }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), at: index }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('reportsTo' as const), at: index, manager: index }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('stratum' as const), at: index, stratum }) },
);

let counter = 0;
/** The ops the canvas would send for an action, on the roles there are (indices wrap around). */
function opsFor(doc: BoardDoc, a: Action): Op[] {
  const list = roles(doc);
  const pick = (i: number) => list[i % list.length];
  if (a.type === 'add') {
    const id = `r${++counter}`;
    const ops: Op[] = [{ type: 'node.add', node: { id, kind: 'role', position: { x: 0, y: 0 }, size: null, data: { person: `P${counter}`, title: a.title, stratum: a.stratum, timeSpan: null, notes: '' } } }];
    if (a.manager !== null && list.length) ops.push({ type: 'edge.add', edge: { id: `e${counter}`, kind: 'reports-to', source: pick(a.manager).id, target: id, data: defaultEdgeData('reports-to') } });
    return ops;
  }
  if (!list.length) return [];
  const role = pick(a.at);
  switch (a.type) {
    case 'rename':
      return [{ type: 'node.update', id: role.id, data: { person: a.person, title: a.title } }];
    case 'delete':
      return [
        ...[...doc.edges.values()].filter((e) => e.source === role.id || e.target === role.id).map((e): Op => ({ type: 'edge.remove', id: e.id })),
        { type: 'node.remove', id: role.id },
      ];
    case 'stratum':
      return [{ type: 'node.update', id: role.id, data: { stratum: a.stratum } }];
    case 'reportsTo': {
      const manager = pick(a.manager);
      if (manager.id === role.id) return [];
      const current = [...doc.edges.values()].filter((e) => e.kind === 'reports-to' && e.target === role.id);
      return [
        ...current.map((e): Op => ({ type: 'edge.remove', id: e.id })),
        { type: 'edge.add', edge: { id: `e${++counter}`, kind: 'reports-to', source: manager.id, target: role.id, data: defaultEdgeData('reports-to') } },
      ];
    }
  }
}

function problems(doc: BoardDoc, sizes: ReadonlyMap<string, Size>): string[] {
  const found: string[] = [];
  const boxes = roles(doc).map((r) => ({ r, ...r.position, ...sizes.get(r.id)! }));
  const rowOf = new Map(boxes.map((b) => [b.r.id, Math.floor(b.y / BAND_HEIGHT)]));
  for (const b of boxes) {
    const top = (rowOf.get(b.r.id) ?? 0) * BAND_HEIGHT;
    if (b.y + b.height > top + BAND_HEIGHT) found.push(`${b.r.id} (${b.y}..${b.y + b.height}) crosses out of its row ${top}..${top + BAND_HEIGHT}`);
    if (b.r.data.stratum !== null && top !== bandTop(b.r.data.stratum)) found.push(`${b.r.id} (${b.y}) is outside its stratum's band ${bandTop(b.r.data.stratum)}`);
    if (b.r.data.stratum === null && top < bandTop(null)) found.push(`${b.r.id} has no stratum and sits above the rows below I (${b.y})`);
  }
  // A role without a stratum under a manager without one is a row below them (the last of the
  // eight rows below I at most), unless the reporting lines loop.
  const managerOf = new Map([...doc.edges.values()].filter((e) => e.kind === 'reports-to').reverse().map((e) => [e.target, e.source]));
  const loops = (id: string) => {
    const seen = new Set<string>();
    for (let at: string | undefined = id; at; at = managerOf.get(at)) if (seen.has(at)) return true; else seen.add(at);
    return false;
  };
  for (const b of boxes) {
    const manager = managerOf.get(b.r.id);
    const managerNode = manager ? doc.nodes.get(manager) : undefined;
    if (b.r.data.stratum !== null || !manager || managerNode?.kind !== 'role' || managerNode.data.stratum !== null || loops(b.r.id)) continue;
    const expected = Math.min(rowOf.get(manager)! + 1, bandTop(null) / BAND_HEIGHT + 7);
    if (rowOf.get(b.r.id) !== expected) found.push(`${b.r.id} is in row ${rowOf.get(b.r.id)}, not a row below its manager ${manager} (row ${rowOf.get(manager)})`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.r.id} overlaps ${b.r.id}`);
    }
  }
  return found;
}

describe('Keep arranged', () => {
  it('leaves no two cards overlapping and every card inside its stratum band (or, without one, a row below its manager), after any sequence of role edits', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
        const doc = createDoc();
        let measured = new Map<string, Size>();
        for (const a of actions) {
          const ops = opsFor(doc, a);
          if (!ops.length) continue;
          applyOps(doc, [...ops, ...keepArrangedOps(doc, ops, measured)]);
          // The canvas draws the cards and measures them; their real sizes settle the layout.
          measured = measureAll(doc);
          applyOps(doc, arrangeByLevels(doc, roleSizes(doc, measured)));
          expect(problems(doc, measured)).toEqual([]);
          // Settled: arranging again moves nothing.
          expect(arrangeByLevels(doc, roleSizes(doc, measured))).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('arranges in the edit itself when the sizes are already known, so nothing is left to settle', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), (actions) => {
        const doc = createDoc();
        for (const a of actions) {
          const ops = opsFor(doc, a);
          if (!ops.length) continue;
          applyOps(doc, [...ops, ...keepArrangedOps(doc, ops)]);
          expect(problems(doc, roleSizes(doc))).toEqual([]);
          expect(arrangeByLevels(doc, roleSizes(doc))).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('leaves edits that do not touch roles or reporting lines alone', () => {
    const doc = createDoc([{ id: 'n1', kind: 'note', position: { x: 0, y: 0 }, size: null, data: { text: 'x', category: 'idea', votes: 0 } }]);
    const ops: Op[] = [{ type: 'node.update', id: 'n1', data: { text: 'longer' } }];
    expect(changesOrgMap(doc, ops)).toBe(false);
    expect(keepArrangedOps(doc, ops)).toEqual([]);
  });

  it('an imported org chart is already arranged: arranging right after the import moves nothing', () => {
    const { ops } = orgImportOps(validRows(parseOrgCsv(orgCsv(120))), { x: 333, y: 0 });
    const doc = createDoc();
    applyOps(doc, ops);
    expect(arrangeByLevels(doc, roleSizes(doc))).toEqual([]);
    expect(problems(doc, roleSizes(doc))).toEqual([]);
  });
});
