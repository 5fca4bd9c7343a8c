/**
 * "Arrange by levels": lays the org map out top-down, each role in the band of its stratum, each
 * manager centred over their reports. Roles whose stratum is not known yet go below I, a row deeper
 * for each manager above them who has none either, so a map captured before its levels are
 * discussed still reads as a tree rather than one long row.
 *
 * Own code rather than dagre or elkjs: the y of every role is dictated by its stratum, so all that
 * is left to decide is the left-to-right order within a forest. That is strip packing: each
 * subtree is a block as wide as its widest row, blocks sit side by side, in linear time (not a
 * Reingold–Tilford tidy tree, which would also tuck subtrees under each other's overhangs). A layered layout library would also minimise crossings by reordering siblings, and could
 * reorder them differently from one run to the next; here siblings keep the order the facilitator
 * gave them on the canvas, so arranging an arranged map changes nothing. And no dependency.
 */
import { GroundworkError } from '../errors';
import { LIMITS } from '../model/limits';
import type { Size } from '../model/schemas';
import { BAND_HEIGHT, bandTop, stratumAtY } from '../levels/bands';
import { readOrgMap, type OrgMap, type RoleNode } from '../levels/org-map';
import { parentLoops } from '../levels/parent-loops';
import type { BoardDoc } from '../ops/doc';
import type { Op } from '../ops/ops';

export const DEFAULT_ROLE_SIZE: Size = { width: 200, height: 80 };
/** Between subtrees side by side, and between roles sharing a band. */
export const SUBTREE_GAP = 40;
export const GRID = 16;
/** Rows below I for roles without a stratum, one per depth; deeper ones share the last. */
const UNKNOWN_ROWS = 8;
/** Row index from the top: VIII is 0, I is 7, then the rows of roles without a stratum. */
const ROW_COUNT = 8 + UNKNOWN_ROWS;

const snap = (value: number) => Math.round(value / GRID) * GRID || 0;

/**
 * node.move ops for the roles whose place changes. `sizes` are the measured sizes (the canvas
 * knows them; a role with neither a measured nor a set size counts as 200×80).
 */
export function arrangeByLevels(doc: BoardDoc, sizes?: ReadonlyMap<string, Size>): Op[] {
  const map = readOrgMap(doc);
  const n = map.roles.length;
  if (!n) return [];
  const size = map.roles.map((role) => sizes?.get(role.id) ?? role.size ?? DEFAULT_ROLE_SIZE);
  const parent = treeParents(map);
  const row = rowsOf(map, parent);
  const relativeX = layoutForest(map, parent, row, size);
  let left = Infinity;
  let right = -Infinity;
  relativeX.forEach((x, i) => {
    left = Math.min(left, x);
    right = Math.max(right, x + size[i].width);
  });
  const shift = shiftIntoRange(anchorShift(map.roles, relativeX), left, right);

  const ops: Op[] = [];
  map.roles.forEach((role, i) => {
    const x = shift + relativeX[i];
    const y = snap(row[i] * BAND_HEIGHT + (BAND_HEIGHT - size[i].height) / 2);
    if (x !== role.position.x || y !== role.position.y) ops.push({ type: 'node.move', id: role.id, position: { x, y } });
  });
  return ops;
}

/** Each role's tree parent (index, or -1 for a root): its first manager by edge order, loops cut. */
function treeParents(map: OrgMap): Int32Array {
  const index = new Map(map.roles.map((role, i) => [role.id, i]));
  const parent = new Int32Array(map.roles.length).fill(-1);
  map.roles.forEach((role, i) => {
    const first = map.managerEdges.get(role.id)?.[0];
    if (first) parent[i] = index.get(first.source)!;
  });
  // Each loop is cut at its role with the smallest id, which depends on neither positions nor
  // drawing order.
  for (const loop of parentLoops(parent)) {
    const cut = loop.reduce((min, i) => (map.roles[i].id < map.roles[min].id ? i : min), loop[0]);
    parent[cut] = -1;
  }
  return parent;
}

/**
 * Each role's row: its stratum's band (whose top is bandTop(stratum) = row × BAND_HEIGHT), or
 * for a role without one the row below I plus one per manager above it without one.
 */
function rowsOf(map: OrgMap, parent: Int32Array): Int32Array {
  const n = map.roles.length;
  const row = new Int32Array(n).fill(-1);
  const firstUnknownRow = bandTop(null) / BAND_HEIGHT;
  for (let start = 0; start < n; start++) {
    // Walk up to the nearest role whose row is known (or a root), then fill the rows back down.
    const walk: number[] = [];
    for (let at = start; at !== -1 && row[at] === -1; at = parent[at]) {
      const stratum = map.roles[at].data.stratum;
      if (stratum !== null) {
        row[at] = bandTop(stratum) / BAND_HEIGHT;
        break;
      }
      walk.push(at);
    }
    for (let k = walk.length - 1; k >= 0; k--) {
      const v = walk[k];
      const above = parent[v] === -1 ? -1 : row[parent[v]];
      row[v] = above >= firstUnknownRow ? Math.min(above + 1, ROW_COUNT - 1) : firstUnknownRow;
    }
  }
  return row;
}

/**
 * x of each role relative to the left edge of the whole forest, snapped to the grid. Each subtree
 * is laid out in its own frame with its left edge at 0, bottom-up, then the frames are summed
 * top-down; both passes iterate, so a 5,000-long chain is fine.
 */
function layoutForest(map: OrgMap, parent: Int32Array, row: Int32Array, size: readonly Size[]): number[] {
  const n = map.roles.length;
  const byCurrentX = (a: number, b: number) => map.roles[a].position.x - map.roles[b].position.x || (map.roles[a].id < map.roles[b].id ? -1 : 1);
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) (parent[i] === -1 ? roots : children[parent[i]]).push(i);
  roots.sort(byCurrentX);
  for (const list of children) list.sort(byCurrentX);

  const preorder: number[] = [];
  const pending = [...roots].reverse();
  while (pending.length) {
    const v = pending.pop()!;
    preorder.push(v);
    for (let k = children[v].length - 1; k >= 0; k--) pending.push(children[v][k]);
  }

  /** Per subtree and row, the extent its roles take in that row, in the subtree's frame. */
  const left = new Float64Array(n * ROW_COUNT).fill(Infinity);
  const right = new Float64Array(n * ROW_COUNT).fill(-Infinity);
  const ownX = new Float64Array(n); // the role in its subtree's frame
  const offset = new Float64Array(n); // a subtree's frame in its parent's frame
  const width = new Float64Array(n);

  for (let p = preorder.length - 1; p >= 0; p--) {
    const v = preorder[p];
    const base = v * ROW_COUNT;
    let cursor = 0;
    for (const child of children[v]) {
      offset[child] = cursor;
      for (let b = 0; b < ROW_COUNT; b++) {
        left[base + b] = Math.min(left[base + b], cursor + left[child * ROW_COUNT + b]);
        right[base + b] = Math.max(right[base + b], cursor + right[child * ROW_COUNT + b]);
      }
      cursor += width[child] + SUBTREE_GAP;
    }
    const w = size[v].width;
    let x = 0;
    if (children[v].length) {
      const centre = (c: number) => offset[c] + ownX[c] + size[c].width / 2;
      x = (centre(children[v][0]) + centre(children[v][children[v].length - 1])) / 2 - w / 2;
    }
    // A manager in the same row as some of their reports (a compression) cannot sit above them:
    // it goes to the left of them instead.
    const own = base + row[v];
    if (x < right[own] + SUBTREE_GAP && x + w + SUBTREE_GAP > left[own]) x = left[own] - SUBTREE_GAP - w;
    left[own] = Math.min(left[own], x);
    right[own] = Math.max(right[own], x + w);

    let minLeft = Infinity;
    for (let b = 0; b < ROW_COUNT; b++) minLeft = Math.min(minLeft, left[base + b]);
    ownX[v] = x - minLeft;
    for (const child of children[v]) offset[child] -= minLeft;
    let maxRight = 0;
    for (let b = 0; b < ROW_COUNT; b++) {
      left[base + b] -= minLeft;
      right[base + b] -= minLeft;
      maxRight = Math.max(maxRight, right[base + b]);
    }
    width[v] = maxRight;
  }

  let cursor = 0;
  for (const root of roots) {
    offset[root] = cursor;
    cursor += width[root] + SUBTREE_GAP;
  }
  const frame = new Float64Array(n);
  const relativeX: number[] = new Array(n);
  for (const v of preorder) {
    frame[v] = (parent[v] === -1 ? 0 : frame[parent[v]]) + offset[v];
    relativeX[v] = snap(frame[v] + ownX[v]);
  }
  return relativeX;
}

/**
 * Where the forest goes horizontally. When at least half the roles already sit where the layout
 * puts them, up to one common shift, that shift is kept, so re-arranging after a small change moves
 * only what the change requires. Otherwise the map keeps its current left edge, so it does not jump
 * across the board.
 */
function anchorShift(roles: readonly RoleNode[], relativeX: readonly number[]): number {
  const votes = new Map<number, number>();
  let best = 0;
  let bestVotes = 0;
  roles.forEach((role, i) => {
    const shift = role.position.x - relativeX[i];
    if (shift % GRID !== 0) return;
    const count = (votes.get(shift) ?? 0) + 1;
    votes.set(shift, count);
    if (count > bestVotes) [best, bestVotes] = [shift, count];
  });
  if (bestVotes * 2 >= roles.length) return best || 0;
  return snap(Math.min(...roles.map((role) => role.position.x)));
}

/**
 * The shift nearest to `shift`, on the grid, that keeps a map spanning left..right (before the
 * shift) inside the board's coordinate range, boxes included: a map anchored near the edge of the
 * board moves inwards rather than past it. Every org chart the CSV import accepts fits: 5,000 roles
 * side by side at their widest (320 + the gap) take 1.8 million of the 2 million across. A map
 * wider than the whole range cannot be arranged in one piece, and says so.
 */
export function shiftIntoRange(shift: number, left: number, right: number): number {
  const low = Math.ceil((-LIMITS.coordinate - left) / GRID) * GRID;
  const high = Math.floor((LIMITS.coordinate - right) / GRID) * GRID;
  if (low > high) {
    const across = (n: number) => Math.ceil(n).toLocaleString('en');
    throw new GroundworkError(
      'too_large',
      `This org map is too wide to arrange by levels: laid out it would be ${across(right - left)} across, and a board is ${across(2 * LIMITS.coordinate)} across. Move part of it to another board and arrange each part there.`,
    );
  }
  return Math.min(Math.max(shift, low), high) || 0;
}

/**
 * When a role is dropped with its top-left at y while the bands show, the stratum of the band under
 * its centre: an update op when that differs from its stratum, else none. Dropped in the row below
 * I it loses its stratum; dropped outside the bands altogether it keeps it, as that is more likely
 * a move out of the way than a statement about its level.
 */
export function bandStratumOps(doc: BoardDoc, nodeId: string, y: number, size?: Size): Op[] {
  const node = doc.nodes.get(nodeId);
  if (node?.kind !== 'role') return [];
  const centre = y + (size ?? node.size ?? DEFAULT_ROLE_SIZE).height / 2;
  const inNoStratumRow = centre >= bandTop(null) && centre < bandTop(null) + BAND_HEIGHT;
  const stratum = stratumAtY(centre);
  if (stratum === null && !inNoStratumRow) return [];
  return stratum === node.data.stratum ? [] : [{ type: 'node.update', id: nodeId, data: { stratum } }];
}
