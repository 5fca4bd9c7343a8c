import { describe, expect, it } from 'vitest';
import { findFreeInRow, findFreeSpot, type Box } from '../../../renderer/canvas/placement';

const size = { width: 200, height: 80 };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('findFreeSpot', () => {
  it('centres a node on the view centre when nothing is there', () => {
    expect(findFreeSpot({ x: 500, y: 300 }, size, [])).toEqual({ x: 400, y: 260 });
  });

  it('never puts ten nodes added in a row on top of each other', () => {
    const placed: Box[] = [];
    for (let i = 0; i < 10; i++) placed.push({ ...findFreeSpot({ x: 0, y: 0 }, size, placed), ...size });
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i], placed[j])).toBe(false);
  });

  it('takes the nearest free cell, so a new node lands beside the crowd, not far away', () => {
    const first = { ...findFreeSpot({ x: 0, y: 0 }, size, []), ...size };
    const second = findFreeSpot({ x: 0, y: 0 }, size, [first]);
    expect(Math.hypot(second.x - first.x, second.y - first.y)).toBeLessThanOrEqual(size.width + 24 + 1);
  });
});

describe('findFreeInRow', () => {
  it('keeps the wanted place when it is free, and otherwise slides right past whatever is in the way', () => {
    expect(findFreeInRow({ x: 0, y: 0 }, size, [])).toEqual({ x: 0, y: 0 });
    const row: Box[] = [{ x: 0, y: 0, ...size }, { x: 230, y: 10, ...size }];
    const spot = findFreeInRow({ x: 10, y: 0 }, size, row);
    expect(spot.y).toBe(0);
    for (const box of row) expect(overlaps({ ...spot, ...size }, box)).toBe(false);
    expect(spot.x).toBeLessThan(500);
  });
});
