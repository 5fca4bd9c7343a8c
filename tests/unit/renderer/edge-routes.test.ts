import { describe, expect, it } from 'vitest';
import { routeEdge } from '../../../renderer/canvas/edges/edge-routes';
import { segmentCrosses, type Point, type Rect } from '../../../renderer/canvas/edges/geometry';

const card = (x: number, y: number, width = 200, height = 90): Rect => ({ x, y, width, height });
const crossesAny = (route: Point[], cards: Rect[]) => route.slice(1).some((b, i) => cards.some((r) => segmentCrosses(route[i], b, r)));
const isOrthogonal = (route: Point[]) => route.slice(1).every((b, i) => b.x === route[i].x || b.y === route[i].y);

describe('routeEdge', () => {
  const manager = card(300, 0);
  const left = card(0, 200);
  const right = card(600, 200);

  it('runs a reporting line from the manager’s bottom centre down the bus into the report’s top centre', () => {
    expect(routeEdge({ source: manager, target: left, style: 'tree', busY: 140, obstacles: [] })).toEqual([
      { x: 400, y: 90 },
      { x: 400, y: 140 },
      { x: 100, y: 140 },
      { x: 100, y: 200 },
    ]);
  });

  it('gives every report of one manager the same bus', () => {
    const routes = [left, right].map((target) => routeEdge({ source: manager, target, style: 'tree', busY: 140, obstacles: [] }));
    expect(routes.map((r) => r[1].y)).toEqual([140, 140]);
    expect(routes.map((r) => r[2].y)).toEqual([140, 140]);
  });

  it('draws a report nearly under its manager with one straight line, not a jog', () => {
    expect(routeEdge({ source: manager, target: card(290, 200, 230, 90), style: 'tree', busY: 140, obstacles: [] })).toEqual([
      { x: 400, y: 90 },
      { x: 400, y: 200 },
    ]);
  });

  it('joins two cards of one stratum side to side, not through their tops', () => {
    const route = routeEdge({ source: card(0, 0), target: card(400, 0), style: 'side', obstacles: [] });
    expect(route).toEqual([
      { x: 200, y: 45 },
      { x: 400, y: 45 },
    ]);
  });

  it('takes the nearer sides: a card to the left is joined from the left side', () => {
    const route = routeEdge({ source: card(400, 0), target: card(0, 30), style: 'side', obstacles: [] });
    expect(route[0].x).toBe(400);
    expect(route[route.length - 1].x).toBe(200);
  });

  it('goes around a card in the way, orthogonally, and keeps its ends', () => {
    const source = card(0, 0);
    const target = card(800, 0);
    const between = card(400, -20, 200, 130);
    const route = routeEdge({ source, target, style: 'side', obstacles: [between] });
    expect(crossesAny(route, [between])).toBe(false);
    expect(isOrthogonal(route)).toBe(true);
    expect(route[0]).toEqual({ x: 200, y: 45 });
    expect(route[route.length - 1]).toEqual({ x: 800, y: 45 });
  });

  it('routes a report two bands down around a card of the band between', () => {
    const source = card(300, 0);
    const target = card(300, 400);
    const middle = card(280, 200, 240, 90);
    const route = routeEdge({ source, target, style: 'tree', busY: 100, obstacles: [middle] });
    expect(crossesAny(route, [middle])).toBe(false);
    expect(route[0]).toEqual({ x: 400, y: 90 });
    expect(route[route.length - 1]).toEqual({ x: 400, y: 400 });
  });

  it('draws a straight line where two cards overlap across the gap between them', () => {
    const route = routeEdge({ source: card(0, 300, 310, 200), target: card(195, 0, 310, 200), style: 'facing', obstacles: [] });
    expect(route).toHaveLength(2);
    expect(route[0].x).toBe(route[1].x);
    expect(route[0].y).toBe(300);
    expect(route[1].y).toBe(200);
  });

  it('finds the way across a big board: a line from the top of a map of 600 cards to its far corner', () => {
    // As a reporting line near the root of a 5,000-node board: every card around it is in the way.
    const cards = Array.from({ length: 600 }, (_, k) => card((k % 30) * 400, 300 + Math.floor(k / 30) * 288, 240 + (k % 4) * 20, 130 + (k % 3) * 30));
    const source = card(6000, 0);
    const target = card(11600, 300 + 20 * 288);
    // How long it takes is the bench's (open and drag at 5,000 nodes route such lines); here, that it is right.
    const route = routeEdge({ source, target, style: 'tree', busY: null, obstacles: cards });
    expect(crossesAny(route, cards)).toBe(false);
    expect(isOrthogonal(route)).toBe(true);
  });
});
