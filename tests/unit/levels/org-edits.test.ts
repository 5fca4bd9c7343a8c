import { describe, expect, it } from 'vitest';
import { addRoleOps, managerCandidates, reportsToOps, stratumBelow } from '../../../shared/levels/org-edits';
import { readOrgMap } from '../../../shared/levels/org-map';
import type { BoardEdge, BoardNode } from '../../../shared/model';
import { applyOps, createDoc, type BoardDoc } from '../../../shared/ops';
import { roleNode, sampleEdge } from '../../helpers/sample';

const ceo = roleNode({ id: 'ceo', data: { person: 'Helen', stratum: 5 } });
const vp = roleNode({ id: 'vp', data: { person: 'Dana', stratum: 4 } });
const rm = roleNode({ id: 'rm', data: { person: 'Sam', stratum: 3 } });
const other = roleNode({ id: 'other', data: { person: 'Omar', stratum: 4 } });
const manages = (a: BoardNode, b: BoardNode): BoardEdge => sampleEdge(a, b, { id: `${a.id}-${b.id}`, kind: 'reports-to' });
const board = (): BoardDoc => createDoc([ceo, vp, rm, other], [manages(ceo, vp), manages(vp, rm), manages(ceo, other)]);
const managersOf = (doc: BoardDoc, id: string) => (readOrgMap(doc).managerEdges.get(id) ?? []).map((e) => e.source);

describe('adding roles from the keyboard', () => {
  it('puts a report one stratum below its manager, none under I or under a role without one', () => {
    expect(stratumBelow(5)).toBe(4);
    expect(stratumBelow(1)).toBeNull();
    expect(stratumBelow(null)).toBeNull();
  });

  it('adds the node and its reports-to edge together', () => {
    const { id, ops } = addRoleOps({ x: 0, y: 0 }, 3, 'vp');
    expect(ops.map((op) => op.type)).toEqual(['node.add', 'edge.add']);
    const doc = board();
    applyOps(doc, ops);
    expect(managersOf(doc, id)).toEqual(['vp']);
    expect((doc.nodes.get(id) as BoardNode & { kind: 'role' }).data.stratum).toBe(3);
  });
});

describe('reports to, by name', () => {
  it('replaces the manager a role had', () => {
    const doc = board();
    applyOps(doc, reportsToOps(doc, ['rm'], 'other'));
    expect(managersOf(doc, 'rm')).toEqual(['other']);
  });

  it('moves several roles at once and leaves one already in place untouched', () => {
    const doc = board();
    const ops = reportsToOps(doc, ['rm', 'other', 'vp'], 'ceo');
    expect(ops.filter((op) => op.type === 'edge.add')).toHaveLength(1);
    applyOps(doc, ops);
    expect(managersOf(doc, 'rm')).toEqual(['ceo']);
    expect(managersOf(doc, 'other')).toEqual(['ceo']);
  });

  it('never makes a loop: a role cannot report to itself or to anyone below it', () => {
    const doc = board();
    expect(reportsToOps(doc, ['vp'], 'rm')).toEqual([]);
    expect(reportsToOps(doc, ['vp'], 'vp')).toEqual([]);
    expect(managerCandidates(doc, ['vp']).map((r) => r.id)).toEqual(['ceo', 'other']);
  });
});
