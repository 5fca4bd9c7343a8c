import { readOrgMap } from '../../shared/levels/org-map';
import type { BoardDoc } from '../../shared/ops';
import type { Direction } from './key-actions';
import type { Box } from './placement';

const centreOf = (box: Box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/**
 * Where an arrow key takes the selection from a role: ↑ its manager, ↓ its leftmost report,
 * ←/→ the report of the same manager beside it (top roles count as siblings of each other).
 * Null when there is nothing that way.
 */
export function treeNeighbour(doc: BoardDoc, roleId: string, direction: Direction): string | null {
  const map = readOrgMap(doc);
  if (!map.roleById.has(roleId)) return null;
  const managerId = map.managerEdges.get(roleId)?.[0]?.source ?? null;
  const byX = (ids: string[]) => ids.map((id) => map.roleById.get(id)!).sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y);
  if (direction === 'up') return managerId;
  if (direction === 'down') return byX((map.reportEdges.get(roleId) ?? []).map((e) => e.target))[0]?.id ?? null;
  const siblings = managerId
    ? byX([...new Set((map.reportEdges.get(managerId) ?? []).map((e) => e.target))])
    : byX(map.roles.filter((role) => !map.managerEdges.has(role.id)).map((role) => role.id));
  const at = siblings.findIndex((role) => role.id === roleId);
  return siblings[at + (direction === 'left' ? -1 : 1)]?.id ?? null;
}

/**
 * Where an arrow key takes the selection from any other node: the nearest node whose centre lies
 * that way (within 45° of it), distance along the arrow counting less than distance across.
 */
export function spatialNeighbour(boxes: ReadonlyMap<string, Box>, fromId: string, direction: Direction): string | null {
  const from = boxes.get(fromId);
  if (!from) return null;
  const origin = centreOf(from);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, box] of boxes) {
    if (id === fromId) continue;
    const c = centreOf(box);
    const dx = c.x - origin.x;
    const dy = c.y - origin.y;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (along <= 0 || across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [id, score];
  }
  return best;
}
