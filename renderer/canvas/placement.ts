import type { Position } from '../../shared/model';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 24;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/** Whether `a` lies wholly in `b`. */
export const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/**
 * Where a new node of `size` goes: centred on `centre` if that is free, otherwise the nearest
 * free cell of a grid around it, ring by ring, so nodes added in a row never pile up. Given the
 * part of the board on screen (`seen`), a free cell wholly in it comes before a nearer one that is
 * not: a card added from the toolbar shows where the facilitator is looking.
 */
export function findFreeSpot(centre: Position, size: { width: number; height: number }, occupied: readonly Box[], seen?: Box, maxRings = 12): Position {
  const origin = { x: centre.x - size.width / 2, y: centre.y - size.height / 2 };
  const stepX = size.width + GAP;
  const stepY = size.height + GAP;
  let nearest: Position | undefined;
  for (let ring = 0; ring <= maxRings; ring++) {
    const cells: Position[] = [];
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) cells.push({ x: origin.x + dx * stepX, y: origin.y + dy * stepY });
      }
    }
    // Nearest first; of two as near, the lower: the toolbar lies over the top of the canvas.
    cells.sort((a, b) => Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y) || b.y - a.y);
    for (const cell of cells) {
      if (occupied.some((box) => overlaps({ ...cell, ...size }, box))) continue;
      if (!seen || inside({ ...cell, ...size }, seen)) return cell;
      nearest ??= cell;
    }
  }
  return nearest ?? origin;
}

/**
 * The first free place at `desired` or to its right along the same row: each box in the way
 * pushes the new one just past its right edge. A keyboard-added role lands beside its siblings,
 * never on top of a neighbour.
 */
export function findFreeInRow(desired: Position, size: { width: number; height: number }, occupied: readonly Box[], maxSteps = 500): Position {
  let x = desired.x;
  for (let step = 0; step < maxSteps; step++) {
    const box = { x, y: desired.y, ...size };
    const blocking = occupied.filter((other) => overlaps(box, other));
    if (!blocking.length) return { x, y: desired.y };
    x = Math.max(...blocking.map((other) => other.x + other.width)) + GAP;
  }
  return findFreeSpot({ x: desired.x + size.width / 2, y: desired.y + size.height / 2 }, size, occupied);
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where the neighbours lying on a new frame's title go so that it shows: each to the nearest
 * free place off the frame, clear of the neighbours that stay and of each other.
 */
export function clearTitle(title: Box, frame: Box, neighbours: readonly { id: string; box: Box }[]): { id: string; position: Position }[] {
  const covering = neighbours.filter((n) => intersects(n.box, title));
  const occupied = [frame, ...neighbours.filter((n) => !covering.includes(n)).map((n) => n.box)];
  return covering.map(({ id, box: { x, y, width, height } }) => {
    const position = findFreeSpot({ x: x + width / 2, y: y + height / 2 }, { width, height }, occupied);
    occupied.push({ ...position, width, height });
    return { id, position };
  });
}
