import { describe, expect, it } from 'vitest';
import { checkBoard, checkDecisionMakers, checkOrgMap, purchaseRoleCoverage } from '../../../shared/levels/checks';
import type { Finding } from '../../../shared/levels/findings';
import type { BoardEdge, BoardNode, RoleData, Stratum } from '../../../shared/model';
import { createDoc } from '../../../shared/ops';
import { decisionMakers, largeBoard, orgChain, orgTree } from '../../helpers/org';
import { dmNode, noteNode, roleNode, sampleEdge } from '../../helpers/sample';

const role = (id: string, person: string, stratum: Stratum | null, data: Partial<RoleData> = {}) => roleNode({ id, data: { person, stratum, ...data } });
const manages = (manager: BoardNode, report: BoardNode, id = `${manager.id}-${report.id}`) => sampleEdge(manager, report, { id, kind: 'reports-to' });
const org = (nodes: BoardNode[], edges: BoardEdge[] = []) => checkOrgMap(createDoc(nodes, edges));
const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('reporting lines', () => {
  it('finds nothing on a requisite map, each manager one stratum above each report', () => {
    const { roles, edges } = orgTree(40, { branching: 3 });
    expect(org(roles, edges)).toEqual([]);
  });

  it('flags a compression when manager and report share a stratum, naming both and badging the edge', () => {
    const dana = role('dana', 'Dana', 3);
    const eli = role('eli', 'Eli', 3);
    expect(org([dana, eli], [manages(dana, eli, 'e1')])).toEqual([
      {
        id: 'compression:e1',
        code: 'compression',
        message: 'Dana manages Eli, yet both sit in stratum III: their work overlaps, which is where micromanagement grows.',
        nodeIds: ['eli', 'dana'],
        edgeIds: ['e1'],
      },
    ]);
  });

  it('flags a report above their manager as a compression that says the report sits above', () => {
    const dana = role('dana', 'Dana', 2);
    const eli = role('eli', 'Eli', 4);
    const [finding] = org([dana, eli], [manages(dana, eli, 'e1')]);
    expect(finding).toMatchObject({ id: 'compression:e1', code: 'compression', nodeIds: ['eli', 'dana'], edgeIds: ['e1'] });
    expect(finding.message).toBe('Eli sits in stratum IV, above Dana in stratum II who manages them: the report carries longer work than the manager.');
  });

  it('flags a gap of two or more strata, saying how many layers are missing', () => {
    const ceo = role('ceo', 'Ana', 5);
    const vp = role('vp', 'Bo', 3);
    const rep = role('rep', 'Cy', 1);
    const findings = org([ceo, vp, rep], [manages(ceo, vp, 'e1'), manages(ceo, rep, 'e2')]);
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ['gap:e1', 'Ana in stratum V manages Bo in stratum III directly: a layer is missing (stratum IV).'],
      ['gap:e2', 'Ana in stratum V manages Cy in stratum I directly: three layers are missing (strata IV, III and II).'],
    ]);
    expect(findings[0]).toMatchObject({ nodeIds: ['vp', 'ceo'], edgeIds: ['e1'] });
  });

  it('says nothing about a line while either end has no stratum', () => {
    const dana = role('dana', 'Dana', 3);
    const eli = role('eli', 'Eli', null);
    expect(codes(org([dana, eli], [manages(dana, eli)]))).toEqual(['no-stratum']);
  });

  it('ignores reports-to edges that do not join two roles (boards saved before the edge-kind rule)', () => {
    const a = dmNode({ id: 'a', data: { stratum: 3 } });
    const b = dmNode({ id: 'b', data: { stratum: 3 } });
    const note = noteNode({ id: 'n' });
    const dana = role('dana', 'Dana', 3);
    expect(org([a, b, note, dana], [manages(a, b), manages(note, dana)])).toEqual([]);
  });
});

describe('roles', () => {
  it('flags a time-span that does not fit the stated stratum, saying which stratum it would give', () => {
    const fits = role('fits', 'Dana', 3, { timeSpan: { value: 18, unit: 'months' } });
    const off = role('off', 'Eli', 2, { timeSpan: { value: 18, unit: 'months' } });
    expect(org([fits, off])).toEqual([
      {
        id: 'time-span-mismatch:off',
        code: 'time-span-mismatch',
        message: 'Eli has a time-span of 18 months, which belongs in stratum III, not II.',
        nodeIds: ['off'],
        edgeIds: [],
      },
    ]);
  });

  it('stays quiet about missing strata while no role on the board has one, reporting lines or not', () => {
    const dana = role('dana', 'Dana', null);
    const eli = role('eli', 'Eli', null);
    expect(org([dana, eli])).toEqual([]);
    expect(org([dana, eli], [manages(dana, eli)])).toEqual([]);
  });

  it('once levelling has begun, flags each role without a stratum, hinting at the stratum its time-span gives', () => {
    const placed = role('placed', 'Dana', 4);
    const blank = role('blank', 'Eli', null);
    const timed = role('timed', 'Fay', null, { timeSpan: { value: 3, unit: 'years' } });
    expect(org([placed, blank, timed]).map((f) => [f.id, f.message, f.nodeIds])).toEqual([
      ['no-stratum:blank', 'Eli has no stratum yet.', ['blank']],
      ['no-stratum:timed', 'Fay has no stratum yet. Their time-span of 3 years points to stratum IV.', ['timed']],
    ]);
  });

  it('names a role by its person, else its title, else as an unnamed role', () => {
    const top = role('top', 'Dana', 4);
    const byTitle = role('t', '  ', 4, { title: 'Head of sales' });
    const unnamed = role('u', '', 4);
    const messages = org([top, byTitle, unnamed], [manages(top, byTitle, 'e1'), manages(byTitle, unnamed, 'e2')]).map((f) => f.message);
    expect(messages[0]).toMatch(/^Dana manages Head of sales, yet/);
    expect(messages[1]).toMatch(/^Head of sales manages an unnamed role, yet/);
    expect(checkOrgMap(createDoc([unnamed, top], [manages(unnamed, top, 'e3')]))[0].message).toMatch(/^An unnamed role manages Dana/);
  });
});

describe('several managers', () => {
  it('flags a role with more than one manager, naming them and badging their lines', () => {
    const ana = role('ana', 'Ana', 4);
    const bo = role('bo', 'Bo', 4);
    const cy = role('cy', 'Cy', 3);
    expect(org([ana, bo, cy], [manages(ana, cy, 'e1')])).toEqual([]);
    expect(org([ana, bo, cy], [manages(ana, cy, 'e1'), manages(bo, cy, 'e2')])).toEqual([
      {
        id: 'several-managers:cy',
        code: 'several-managers',
        message: 'Cy reports to two managers: Ana and Bo. One of them should be accountable for their work.',
        nodeIds: ['cy', 'ana', 'bo'],
        edgeIds: ['e1', 'e2'],
      },
    ]);
  });
});

describe('reports-to cycles', () => {
  it('flags a loop once, with its roles and edges in the order they manage each other', () => {
    const a = role('a', 'Ana', null);
    const b = role('b', 'Bo', null);
    const c = role('c', 'Cy', null);
    const outside = role('d', 'Di', null);
    const edges = [manages(a, b, 'ab'), manages(b, c, 'bc'), manages(c, a, 'ca'), manages(c, outside, 'cd')];
    const findings = org([outside, b, a, c], edges);
    expect(findings).toEqual([
      {
        id: 'reports-to-cycle:a',
        code: 'reports-to-cycle',
        message: 'The reporting lines go round in a circle, each managing the next: Bo → Cy → Ana → Bo.',
        nodeIds: ['b', 'c', 'a'],
        edgeIds: ['bc', 'ca', 'ab'],
      },
    ]);
  });

  it('finds nothing in a tree, and one finding for each separate loop', () => {
    const { roles, edges } = orgChain(6);
    expect(org(roles, edges)).toEqual([]);
    const loops = [manages(roles[1], roles[0], 'back1'), manages(roles[5], roles[3], 'back2')];
    expect(org(roles, [...edges, ...loops]).filter((f) => f.code === 'reports-to-cycle').map((f) => f.nodeIds)).toEqual([
      ['c0', 'c1'],
      ['c3', 'c4', 'c5'],
    ]);
  });

  it('handles a 5,000-role loop without running out of stack, shortening the message', () => {
    const { roles, edges } = orgChain(5_000);
    const findings = org(roles, [...edges, manages(roles[4_999], roles[0], 'close')]);
    const loops = findings.filter((f) => f.code === 'reports-to-cycle');
    expect(loops).toHaveLength(1);
    expect(loops[0].nodeIds).toHaveLength(5_000);
    expect(loops[0].edgeIds).toHaveLength(5_000);
    expect(loops[0].message).toContain('… (5000 roles)');
    expect(loops[0].message.length).toBeLessThan(200);
  });
});

describe('decision-makers', () => {
  const people = (count: number) => decisionMakers(count);

  it('says nothing on a board without decision-makers', () => {
    expect(checkDecisionMakers(createDoc([role('a', 'Ana', 3)]))).toEqual([]);
  });

  it('finds nothing when the essential purchase roles are covered, challenges known and support is spread', () => {
    expect(checkDecisionMakers(createDoc(people(8)))).toEqual([]);
  });

  it('lists in one board-wide finding the essential purchase roles nobody holds', () => {
    const doc = createDoc([dmNode({ id: 'x', data: { name: 'Xia', purchaseRole: 'champion', challenge: 'Churn', stance: 'supporter' } }), ...people(8).slice(5, 7)]);
    const finding = checkDecisionMakers(doc).find((f) => f.code === 'purchase-roles-missing');
    expect(finding).toEqual({
      id: 'purchase-roles-missing',
      code: 'purchase-roles-missing',
      message: 'No one is recorded as the economic buyer or the user.',
      nodeIds: [],
      edgeIds: [],
    });
    expect(purchaseRoleCoverage(doc)).toEqual({
      covered: ['champion', 'technical-evaluator'],
      missing: ['economic-buyer', 'user', 'influencer', 'gatekeeper', 'blocker'],
    });
  });

  it('does not ask for an influencer, a gatekeeper or a blocker, which a deal may not have', () => {
    const covered = purchaseRoleCoverage(createDoc(people(4)));
    expect(covered.missing).toEqual(['influencer', 'gatekeeper', 'blocker']);
    expect(codes(checkDecisionMakers(createDoc(people(4))))).not.toContain('purchase-roles-missing');
  });

  it('names all four essential roles when the decision-makers hold none', () => {
    const doc = createDoc(decisionMakers(3, () => ({ purchaseRole: null })));
    expect(checkDecisionMakers(doc)[0].message).toBe('No one is recorded as the economic buyer, the champion, the technical evaluator or the user.');
  });

  it('flags a decision-maker whose challenge is empty or only spaces, naming them', () => {
    const doc = createDoc(decisionMakers(6, (i) => (i === 2 ? { challenge: '  \n ', name: 'Gil' } : {})));
    expect(checkDecisionMakers(doc)).toEqual([
      {
        id: 'no-challenge:d2',
        code: 'no-challenge',
        message: 'The challenge Gil is living is not noted yet: what keeps them busy?',
        nodeIds: ['d2'],
        edgeIds: [],
      },
    ]);
  });

  it('flags a single contact when there is only one decision-maker on the map', () => {
    const [only] = decisionMakers(1, () => ({ name: 'Uma' }));
    const finding = checkDecisionMakers(createDoc([only])).find((f) => f.code === 'single-contact');
    expect(finding).toMatchObject({ id: 'single-contact:d0', nodeIds: ['d0'], edgeIds: [] });
    expect(finding!.message).toMatch(/^Everything rests on Uma, the only decision-maker on the map/);
  });

  it('flags a single contact when several decision-makers are mapped but only one supports you', () => {
    const doc = createDoc(decisionMakers(4, (i) => ({ stance: i === 1 ? 'supporter' : 'sceptic', name: i === 1 ? 'Raj' : `B${i}` })));
    expect(checkDecisionMakers(doc)).toEqual([
      {
        id: 'single-contact:d1',
        code: 'single-contact',
        message: 'Everything runs through Raj, your only supporter: who else could speak for you?',
        nodeIds: ['d1'],
        edgeIds: [],
      },
    ]);
  });

  it('does not flag a single contact with two supporters, or with none', () => {
    expect(checkDecisionMakers(createDoc(decisionMakers(4, (i) => ({ stance: i < 2 ? 'supporter' : 'neutral' }))))).toEqual([]);
    expect(checkDecisionMakers(createDoc(decisionMakers(4, () => ({ stance: 'sceptic' }))))).toEqual([]);
  });
});

describe('checkBoard', () => {
  it('runs the org map and the decision-maker checks together', () => {
    const dana = role('dana', 'Dana', 3);
    const eli = role('eli', 'Eli', 3);
    const doc = createDoc([dana, eli, ...decisionMakers(1)], [manages(dana, eli)]);
    expect(codes(checkBoard(doc))).toEqual(['compression', 'purchase-roles-missing', 'single-contact']);
  });

  it('gives the same ids on every run and whatever the drawing order, so lists keep their keys', () => {
    const a = role('a', 'Ana', 3);
    const b = role('b', 'Bo', 3);
    const c = role('c', 'Cy', null, { timeSpan: { value: 1, unit: 'years' } });
    const edges = [manages(a, b, 'ab'), manages(b, a, 'ba'), manages(a, c, 'ac')];
    const dms = decisionMakers(3, (i) => (i === 0 ? { challenge: '' } : {}));
    const ids = (findings: Finding[]) => findings.map((f) => f.id).sort();
    const first = checkBoard(createDoc([a, b, c, ...dms], edges));
    expect(checkBoard(createDoc([a, b, c, ...dms], edges))).toEqual(first);
    expect(ids(checkBoard(createDoc([...[...dms].reverse(), c, b, a], [...edges].reverse())))).toEqual(ids(first));
    expect(ids(first)).toEqual([
      'compression:ab',
      'compression:ba',
      'no-challenge:d0',
      'no-stratum:c',
      'purchase-roles-missing',
      'reports-to-cycle:a',
      'single-contact:d0',
    ]);
  });

  it('checks a 1,000-role map with 1,000 reporting lines and 200 decision-makers correctly (timing printed)', () => {
    const { doc, loopEdgeId } = largeBoard(1_000, 200);
    expect(doc.edges.size).toBe(1_000);
    const findings = checkBoard(doc);
    // The extra line from the last role (stratum I) up to the top (VI) closes a loop through the
    // depth of the tree and puts a report above its manager; everything else is requisite.
    expect(findings.map((f) => f.id)).toEqual([`compression:${loopEdgeId}`, 'reports-to-cycle:r0']);
    expect(findings[1].nodeIds).toEqual(['r0', 'r1', 'r7', 'r39', 'r199', 'r999']);
    expect(findings[1].edgeIds).toEqual(['er1', 'er7', 'er39', 'er199', 'er999', loopEdgeId]);

    const times: number[] = [];
    for (let run = 0; run < 20; run++) {
      const start = performance.now();
      checkBoard(doc);
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    console.log(`checkBoard on 1,000 roles, 1,000 reports-to edges, 200 decision-makers: median ${times[10].toFixed(2)} ms over 20 runs`);
  });
});
