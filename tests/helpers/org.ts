import type { BoardEdge, DecisionMakerData, PurchaseRole, RoleData, Stratum } from '../../shared/model';
import { createDoc, type BoardDoc } from '../../shared/ops';
import { dmNode, roleNode, sampleEdge } from './sample';

/** Generators of org maps and org chart files of any size, shaped as a balanced tree. */

interface OrgTreeOptions {
  /** Reports per manager. */
  branching?: number;
  /** Id prefix, so two trees on one board do not clash. */
  prefix?: string;
}

/** The depth of each role of a balanced tree laid out breadth-first (role i reports to role (i - 1) / branching). */
function depths(count: number, branching: number): number[] {
  const depth = [0];
  for (let i = 1; i < count; i++) depth.push(depth[Math.floor((i - 1) / branching)] + 1);
  return depth;
}

/**
 * A requisite org map: role 0 at the top, every report exactly one stratum below its manager,
 * so the map itself gives no finding. Roles r0, r1, …; edge e<report> runs manager → report.
 */
export function orgTree(count: number, options: OrgTreeOptions = {}) {
  const branching = options.branching ?? 5;
  const prefix = options.prefix ?? 'r';
  const depth = depths(count, branching);
  const top = Math.max(...depth) + 1;
  const roles = depth.map((d, i) =>
    roleNode({ id: `${prefix}${i}`, position: { x: i * 10, y: 0 }, data: { person: `Person ${prefix}${i}`, title: `Title ${i}`, stratum: (top - d) as Stratum } }),
  );
  const edges: BoardEdge[] = [];
  for (let i = 1; i < count; i++) edges.push(sampleEdge(roles[Math.floor((i - 1) / branching)], roles[i], { id: `e${prefix}${i}`, kind: 'reports-to' }));
  return { roles, edges };
}

/** A chain of roles, each managing the next, with no strata (so no level findings). */
export function orgChain(count: number, data: Partial<RoleData> = {}) {
  const roles = Array.from({ length: count }, (_, i) => roleNode({ id: `c${i}`, data: { person: `Link ${i}`, ...data } }));
  const edges = roles.slice(1).map((role, i) => sampleEdge(roles[i], role, { id: `ec${i + 1}`, kind: 'reports-to' }));
  return { roles, edges };
}

const ESSENTIAL: PurchaseRole[] = ['economic-buyer', 'champion', 'technical-evaluator', 'user'];

/** Decision-makers d0, d1, … with a challenge each, covering the essential purchase roles, every third a supporter. */
export function decisionMakers(count: number, data: (index: number) => Partial<DecisionMakerData> = () => ({})) {
  return Array.from({ length: count }, (_, i) =>
    dmNode({
      id: `d${i}`,
      data: { name: `Buyer ${i}`, purchaseRole: ESSENTIAL[i % ESSENTIAL.length], stance: i % 3 === 0 ? 'supporter' : 'neutral', challenge: `Challenge ${i}`, ...data(i) },
    }),
  );
}

/**
 * The board the performance test and the benchmark use: a requisite tree of `roles` roles, one more
 * reports-to edge from the last role back up to the top (a loop through the whole depth, and a
 * report above its manager), and `people` decision-makers.
 */
export function largeBoard(roles = 1_000, people = 200): { doc: BoardDoc; loopEdgeId: string } {
  const tree = orgTree(roles);
  const loop = sampleEdge(tree.roles[roles - 1], tree.roles[0], { id: 'loop', kind: 'reports-to' });
  return { doc: createDoc([...tree.roles, ...decisionMakers(people)], [...tree.edges, loop]), loopEdgeId: loop.id };
}

interface OrgCsvOptions {
  branching?: number;
  eol?: '\n' | '\r\n';
  header?: string;
}

/** An org chart file of `count` people with one root, every manager listed before their reports. */
export function orgCsv(count: number, options: OrgCsvOptions = {}): string {
  const branching = options.branching ?? 5;
  const eol = options.eol ?? '\n';
  const depth = depths(count, branching);
  const top = Math.max(...depth) + 1;
  const lines = [options.header ?? 'Name,Title,Manager,Stratum,Time-span'];
  for (let i = 0; i < count; i++) {
    const manager = i === 0 ? '' : `Person ${Math.floor((i - 1) / branching)}`;
    lines.push(`Person ${i},Title ${i},${manager},${top - depth[i]},`);
  }
  return lines.join(eol) + eol;
}
