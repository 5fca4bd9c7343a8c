import { describe, expect, it } from 'vitest';
import { clearTitle, findFreeInRow, findFreeSpot, type Box } from '../../../renderer/canvas/placement';

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

  it('takes a free cell wholly on screen before a nearer one partly off it, and the nearest when none is on screen', () => {
    const first = { ...findFreeSpot({ x: 0, y: 0 }, size, []), ...size };
    // On screen: a band as tall as one card, wide enough for three.
    const seen = { x: -400, y: -50, width: 800, height: 100 };
    const second = findFreeSpot({ x: 0, y: 0 }, size, [first], seen);
    expect(second.y).toBe(first.y);
    expect(Math.abs(second.x - first.x)).toBe(size.width + 24);
    const full = [first, { ...second, ...size }, { ...findFreeSpot({ x: 0, y: 0 }, size, [first, { ...second, ...size }], seen), ...size }];
    const beyond = findFreeSpot({ x: 0, y: 0 }, size, full, seen);
    expect(full.some((box) => overlaps(box, { ...beyond, ...size }))).toBe(false);
    expect(Math.hypot(beyond.x - first.x, beyond.y - first.y)).toBeLessThanOrEqual(Math.hypot(size.width + 24, size.height + 24) + 1);
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

describe('clearTitle', () => {
  const frame = { x: 0, y: 100, width: 800, height: 300 };
  const title = { x: 0, y: 100, width: 360, height: 56 };

  it('moves a neighbour lying on the title off the frame, clear of the others, and leaves the rest', () => {
    const onTitle = { id: 'on', box: { x: 40, y: 20, width: 240, height: 140 } };
    const beside = { id: 'beside', box: { x: 900, y: 100, width: 240, height: 140 } };
    const aboveIt = { id: 'above', box: { x: 40, y: -300, width: 240, height: 140 } };
    const moves = clearTitle(title, frame, [onTitle, beside, aboveIt]);
    expect(moves.map((m) => m.id)).toEqual(['on']);
    const moved = { ...moves[0].position, width: 240, height: 140 };
    for (const other of [frame, title, beside.box, aboveIt.box]) expect(overlaps(moved, other)).toBe(false);
  });

  it('keeps two neighbours it moves apart', () => {
    const a = { id: 'a', box: { x: 0, y: 60, width: 240, height: 140 } };
    const b = { id: 'b', box: { x: 120, y: 60, width: 240, height: 140 } };
    const [ma, mb] = clearTitle(title, frame, [a, b]);
    expect(overlaps({ ...ma.position, width: 240, height: 140 }, { ...mb.position, width: 240, height: 140 })).toBe(false);
  });
});
