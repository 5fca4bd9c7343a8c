import { describe, expect, it } from 'vitest';
import { intersects, type Rect } from '../../../renderer/canvas/edges/geometry';
import { placeLabels, type LabelRequest } from '../../../renderer/canvas/edges/label-placement';

const badge = { width: 22, height: 22 };
const noOverlaps = (boxes: Rect[], cards: Rect[]) =>
  boxes.every((a, i) => boxes.every((b, j) => i === j || !intersects(a, b)) && cards.every((c) => !intersects(a, c)));

describe('placeLabels', () => {
  // The decision-makers board of the Levels of work template: two influences, side by side, into one card above.
  const buyer = { x: 195, y: 0, width: 310, height: 200 };
  const champion = { x: 0, y: 280, width: 310, height: 200 };
  const evaluator = { x: 390, y: 280, width: 310, height: 200 };
  const cards = [buyer, champion, evaluator];
  const labels: LabelRequest[] = [
    { id: 'a', points: [{ x: 252, y: 280 }, { x: 252, y: 200 }], size: { width: 250, height: 26 } },
    { id: 'b', points: [{ x: 448, y: 280 }, { x: 448, y: 200 }], size: { width: 240, height: 26 } },
  ];

  it('writes out two labels of neighbouring edges without either covering the other or a card', () => {
    const placed = placeLabels(labels, cards, badge);
    expect(placed.map((p) => p.number)).toEqual([null, null]);
    expect(noOverlaps(placed.map((p) => p.box), cards)).toBe(true);
  });

  it('numbers a label that has no free spot, and numbers the badges from the top', () => {
    const tall = labels.map((l) => ({ ...l, size: { width: 250, height: 120 } }));
    const placed = placeLabels(tall, cards, badge);
    expect(placed.map((p) => [p.id, p.number])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(noOverlaps(placed.map((p) => p.box), cards)).toBe(true);
    expect(placed[0].box).toMatchObject(badge);
  });

  it('puts a badge with no room on its edge nearby, with a leader from the edge’s middle; one on its edge needs none', () => {
    // Two cards side by side, 20 apart: a compression between them, too short for a badge.
    const left = { x: 0, y: 0, width: 200, height: 120 };
    const right = { x: 220, y: 0, width: 200, height: 120 };
    const short: LabelRequest = { id: 's', points: [{ x: 200, y: 60 }, { x: 220, y: 60 }], size: { width: 120, height: 26 } };
    const [away] = placeLabels([short], [left, right], badge);
    expect(away.number).toBe(1);
    expect(noOverlaps([away.box], [left, right])).toBe(true);
    expect(away.number !== null && away.from).toEqual({ x: 210, y: 60 });
    // The tall labels of the board above fit as badges on their own edges.
    const onEdge = placeLabels(labels.map((l) => ({ ...l, size: { width: 250, height: 120 } })), cards, badge);
    expect(onEdge.every((p) => p.number !== null && p.from === null)).toBe(true);
  });

  it('numbers every label when asked (zoomed out too far to read)', () => {
    expect(placeLabels(labels, cards, badge, true).every((p) => p.number !== null)).toBe(true);
  });

  it('keeps a label along its own edge', () => {
    const [placed] = placeLabels([labels[0]], cards, badge);
    const near = (v: number, from: number, to: number) => v >= from - 300 && v <= to + 300;
    expect(near(placed.box.x, 252, 252) && near(placed.box.y, 200, 280)).toBe(true);
  });

  it('keeps labels clear of every card of a big board, on both sides of the origin', () => {
    // 600 cards from 40 to 900 px across, strewn over (-6000, -6000)–(6000, 6000); a labelled edge from each of 300.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const cards: Rect[] = Array.from({ length: 600 }, () => ({ x: -6000 + random() * 12000, y: -6000 + random() * 12000, width: 40 + random() * 860, height: 40 + random() * 400 }));
    const requests: LabelRequest[] = cards.slice(0, 300).map((card, k) => {
      const from = { x: card.x + card.width / 2, y: card.y + card.height };
      return { id: `l${k}`, points: [from, { x: from.x, y: from.y + 200 + random() * 600 }], size: { width: 60 + random() * 300, height: 26 } };
    });
    const placed = placeLabels(requests, cards, badge);
    const written = placed.filter((p) => p.number === null);
    expect(written.length).toBeGreaterThan(30);
    expect(noOverlaps(written.map((p) => p.box), cards)).toBe(true);
  });
});
