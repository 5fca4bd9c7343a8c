import type { BoardEdge } from '../model/edges';
import { stratumLabel } from '../model/levels';
import type { BoardDoc } from '../ops/doc';
import type { Finding } from './findings';
import { readOrgMap, roleName, type OrgMap } from './org-map';
import { describeTimeSpan, stratumForTimeSpan, timeSpanFits } from './strata';
import { countInWords, listInWords, sentence } from './words';

/** The org-map rules of DOMAIN.md §1, one pass over an index built once. */
export function checkOrgMap(doc: BoardDoc): Finding[] {
  const map = readOrgMap(doc);
  return [...map.reportsTo.flatMap((edge) => checkReportingLine(map, edge)), ...checkRoles(map), ...severalManagers(map), ...reportsToCycles(map)];
}

/**
 * Compression, gap, and a report placed above its manager. The last is reported as a compression:
 * like a compression the manager adds no level of work above the report, only more so, and the
 * conversation it calls for is the same (who really carries the longer horizon); calling it a gap
 * would suggest adding a layer, which is the wrong fix.
 */
function checkReportingLine(map: OrgMap, edge: BoardEdge): Finding[] {
  const manager = map.roleById.get(edge.source)!;
  const report = map.roleById.get(edge.target)!;
  const above = manager.data.stratum;
  const below = report.data.stratum;
  if (above === null || below === null || above - below === 1) return [];
  const [m, r] = [roleName(manager), roleName(report)];
  // The report first: the line is usually fixed on the report's card, so that is where to centre.
  const nodeIds = [report.id, manager.id];
  const edgeIds = [edge.id];
  if (above === below) {
    const message = `${sentence(m)} manages ${r}, yet both sit in stratum ${stratumLabel(above)}: their work overlaps, which is where micromanagement grows.`;
    return [{ id: `compression:${edge.id}`, code: 'compression', message, nodeIds, edgeIds }];
  }
  if (above < below) {
    const message = `${sentence(r)} sits in stratum ${stratumLabel(below)}, above ${m} in stratum ${stratumLabel(above)} who manages them: the report carries longer work than the manager.`;
    return [{ id: `compression:${edge.id}`, code: 'compression', message, nodeIds, edgeIds }];
  }
  const missing: string[] = [];
  for (let s = above - 1; s > below; s--) missing.push(stratumLabel(s));
  const layers = missing.length === 1 ? `a layer is missing (stratum ${missing[0]})` : `${countInWords(missing.length, 'layer')} are missing (strata ${listInWords(missing)})`;
  const message = `${sentence(m)} in stratum ${stratumLabel(above)} manages ${r} in stratum ${stratumLabel(below)} directly: ${layers}.`;
  return [{ id: `gap:${edge.id}`, code: 'gap', message, nodeIds, edgeIds }];
}

/**
 * Time-span mismatches, and roles without a stratum. The latter only once levelling has begun
 * (some role on the board has a stratum): a board of names the group is still sketching should
 * not light up, but once strata are being placed, each blank one is a hole in the picture.
 */
function checkRoles(map: OrgMap): Finding[] {
  const levelling = map.roles.some((role) => role.data.stratum !== null);
  const findings: Finding[] = [];
  for (const role of map.roles) {
    const { stratum, timeSpan } = role.data;
    if (stratum !== null && timeSpan && !timeSpanFits(stratum, timeSpan)) {
      const message = `${sentence(roleName(role))} has a time-span of ${describeTimeSpan(timeSpan)}, which belongs in stratum ${stratumLabel(stratumForTimeSpan(timeSpan))}, not ${stratumLabel(stratum)}.`;
      findings.push({ id: `time-span-mismatch:${role.id}`, code: 'time-span-mismatch', message, nodeIds: [role.id], edgeIds: [] });
    }
    if (stratum === null && levelling) {
      const hint = timeSpan ? ` Their time-span of ${describeTimeSpan(timeSpan)} points to stratum ${stratumLabel(stratumForTimeSpan(timeSpan))}.` : '';
      findings.push({ id: `no-stratum:${role.id}`, code: 'no-stratum', message: `${sentence(roleName(role))} has no stratum yet.${hint}`, nodeIds: [role.id], edgeIds: [] });
    }
  }
  return findings;
}

function severalManagers(map: OrgMap): Finding[] {
  const findings: Finding[] = [];
  for (const role of map.roles) {
    const edges = map.managerEdges.get(role.id);
    if (!edges || edges.length < 2) continue;
    const managers = edges.map((e) => map.roleById.get(e.source)!);
    const message = `${sentence(roleName(role))} reports to ${countInWords(managers.length, 'manager')}: ${listInWords(managers.map(roleName))}. One of them should be accountable for their work.`;
    findings.push({ id: `several-managers:${role.id}`, code: 'several-managers', message, nodeIds: [role.id, ...managers.map((m) => m.id)], edgeIds: edges.map((e) => e.id) });
  }
  return findings;
}

/**
 * One finding per tangle of reporting lines that loop back (a strongly connected component),
 * showing its shortest loop through the tangle's first role. A role with one manager can only be
 * in one simple loop, so on real maps this is one finding per cycle; overlapping loops, which need
 * several managers, are reported once, as the same fix unties them.
 */
function reportsToCycles(map: OrgMap): Finding[] {
  return loopingGroups(map).map((group) => {
    const loop = shortestLoop(map, group);
    const roles = loop.map((e) => map.roleById.get(e.source)!);
    const shown = roles.length > 8 ? [...roles.slice(0, 8).map(roleName), `… (${roles.length} roles)`] : [...roles.map(roleName), roleName(roles[0])];
    const message = `The reporting lines go round in a circle, each managing the next: ${shown.join(' → ')}.`;
    const first = roles.reduce((min, r) => (r.id < min ? r.id : min), roles[0].id);
    return { id: `reports-to-cycle:${first}`, code: 'reports-to-cycle', message, nodeIds: roles.map((r) => r.id), edgeIds: loop.map((e) => e.id) };
  });
}

/** Tarjan's strongly connected components, iterative so a 5,000-long chain cannot overflow the stack. */
function loopingGroups(map: OrgMap): string[][] {
  const n = map.roles.length;
  const position = new Map(map.roles.map((r, i) => [r.id, i]));
  const targets: number[][] = map.roles.map((role) => (map.reportEdges.get(role.id) ?? []).map((e) => position.get(e.target)!));
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const groups: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    order[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1 || !targets[root].length) continue;
    visit(root);
    const work: [node: number, next: number][] = [[root, 0]];
    while (work.length) {
      const frame = work[work.length - 1];
      const v = frame[0];
      if (frame[1] < targets[v].length) {
        const w = targets[v][frame[1]++];
        if (order[w] === -1) {
          visit(w);
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== order[v]) continue;
      const group: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort((a, b) => a - b));
    }
  }
  // In drawing order of their first role, not in the order the search happened to close them.
  return groups.sort((a, b) => a[0] - b[0]).map((group) => group.map((i) => map.roles[i].id));
}

/** The shortest loop from the group's first role back to it, by breadth-first search inside the group. */
function shortestLoop(map: OrgMap, group: string[]): BoardEdge[] {
  const inGroup = new Set(group);
  const start = group[0];
  const reachedBy = new Map<string, BoardEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of map.reportEdges.get(queue[head]) ?? []) {
      if (!inGroup.has(edge.target)) continue;
      if (edge.target === start) {
        const loop = [edge];
        for (let at = edge.source; at !== start; at = reachedBy.get(at)!.source) loop.push(reachedBy.get(at)!);
        return loop.reverse();
      }
      if (reachedBy.has(edge.target)) continue;
      reachedBy.set(edge.target, edge);
      queue.push(edge.target);
    }
  }
  throw new Error('A strongly connected group always has a loop through each of its roles');
}
