/**
 * Checks: checkBoard (levels of work + decision-makers) on a 1,000-role org map with 200
 * decision-makers, with the mix of findings a real map has: gaps, compressions, time-span
 * mismatches, roles without a stratum, roles with two managers, decision-makers without a challenge.
 */
import { dist } from './lib/app.mjs';
import { ms, now, summary } from './lib/stats.mjs';

const { checkBoard, checkOrgMap, checkDecisionMakers } = dist('shared/levels/checks');
const { createDoc } = dist('shared/ops/doc');

const ROLES = 1000;
const DECISION_MAKERS = 200;
const PURCHASE = ['economic-buyer', 'champion', 'technical-evaluator', 'user', 'influencer', 'gatekeeper', 'blocker'];
const STANCE = ['supporter', 'neutral', 'sceptic'];
const UNITS = ['days', 'weeks', 'months', 'years'];

export function makeOrgMap() {
  const nodes = [];
  const edges = [];
  const depth = [0];
  const parent = (i) => Math.floor((i - 1) / 3);
  for (let i = 1; i < ROLES; i++) depth[i] = depth[parent(i)] + 1;
  for (let i = 0; i < ROLES; i++) {
    let stratum = Math.max(1, 8 - depth[i]);
    if (i % 20 === 5) stratum = Math.max(1, stratum - 1); // a gap under its manager
    if (i % 20 === 11) stratum = Math.min(8, stratum + 1); // a compression with its manager
    const data = {
      person: `Person ${i}`,
      title: `Role ${i}`,
      stratum: i % 25 === 7 ? null : stratum,
      timeSpan: i % 3 === 0 ? { value: 1 + (i % 12), unit: UNITS[i % UNITS.length] } : null,
      notes: '',
    };
    nodes.push({ id: `r${i}`, kind: 'role', position: { x: i * 10, y: depth[i] * 200 }, size: null, data });
    if (i > 0) edges.push({ id: `re${i}`, kind: 'reports-to', source: `r${parent(i)}`, target: `r${i}`, data: { label: '', strength: null } });
    if (i > 3 && i % 50 === 0) edges.push({ id: `rx${i}`, kind: 'reports-to', source: `r${parent(i) - 1}`, target: `r${i}`, data: { label: '', strength: null } });
  }
  for (let i = 0; i < DECISION_MAKERS; i++) {
    nodes.push({
      id: `d${i}`,
      kind: 'decisionMaker',
      position: { x: i * 10, y: -400 },
      size: null,
      data: {
        name: `Decision-maker ${i}`,
        title: 'Director',
        organisation: 'Client Co',
        purchaseRole: i % 9 === 0 ? null : PURCHASE[i % PURCHASE.length],
        stance: STANCE[i % STANCE.length],
        influence: 1 + (i % 5),
        stratum: 1 + (i % 8),
        challenge: i % 4 === 0 ? '' : `Challenge ${i}`,
        progress: '',
        showLanguage: false,
      },
    });
    if (i > 0) edges.push({ id: `de${i}`, kind: 'influences', source: `d${Math.floor((i - 1) / 2)}`, target: `d${i}`, data: { label: '', strength: 3 } });
  }
  return createDoc(nodes, edges);
}

function timeMany(fn, runs, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  const values = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    fn();
    values.push(ms(start));
  }
  return summary(values);
}

export function benchChecks({ runs = 60, warmup = 20, log }) {
  log(`checks: ${ROLES} roles, ${DECISION_MAKERS} decision-makers, ${runs} runs`);
  const doc = makeOrgMap();
  const findings = checkBoard(doc);
  const byCode = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    roles: ROLES,
    decisionMakers: DECISION_MAKERS,
    edges: doc.edges.size,
    findings: byCode,
    checkBoard: timeMany(() => checkBoard(doc), runs, warmup),
    orgMap: timeMany(() => checkOrgMap(doc), runs, warmup),
    decisionMakerChecks: timeMany(() => checkDecisionMakers(doc), runs, warmup),
  };
}
