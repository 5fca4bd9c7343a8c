import { describe, expect, it } from 'vitest';
import { COMPACT_TEXT_PX, detailAt } from '../../../renderer/canvas/nodes/detail';
import { MAX_PARTS } from '../../../shared/model';
import { cameraFor, legibleZoom, MIN_LEGIBLE_PX, PROJECTOR_DETAIL, SMALLEST_PROJECTOR_FONT_PX } from '../../../renderer/presentation/camera';

const screen = { width: 1920, height: 1080 };
const detailed = MIN_LEGIBLE_PX / SMALLEST_PROJECTOR_FONT_PX;
const compact = MIN_LEGIBLE_PX / COMPACT_TEXT_PX;

describe('the audience camera', () => {
  it('fits a small step to the screen in one part', () => {
    const { viewport, parts } = cameraFor({ x: 100, y: 100, width: 800, height: 400 }, screen, 0, detailed);
    expect(parts).toBe(1);
    expect(viewport.zoom).toBeGreaterThan(detailed);
    // Centred: the step's centre lands on the screen's centre.
    expect(500 * viewport.zoom + viewport.x).toBeCloseTo(960);
    expect(300 * viewport.zoom + viewport.y).toBeCloseTo(540);
  });

  it('never zooms out so far that the smallest text falls under 24 px: a large step splits into parts', () => {
    const bounds = { x: 0, y: 0, width: 5000, height: 2500 };
    const first = cameraFor(bounds, screen, 0, detailed);
    expect(first.viewport.zoom).toBeCloseTo(detailed);
    expect(first.parts).toBeGreaterThan(1);
    const last = cameraFor(bounds, screen, first.parts - 1, detailed);
    // The last part ends at the step's bottom-right corner, within the padding.
    expect(5000 * last.viewport.zoom + last.viewport.x).toBeLessThanOrEqual(screen.width);
    expect(5000 * last.viewport.zoom + last.viewport.x).toBeGreaterThan(screen.width * 0.9);
  });

  it('shows an org map of compact cards whole where full cards would need parts', () => {
    // Thirty roles over five strata, ten cards at most in a row.
    const map = { x: 0, y: 720, width: 2800, height: 1160 };
    const full = cameraFor(map, screen, 0, detailed);
    expect(full.parts).toBeGreaterThan(1);
    const whole = cameraFor(map, screen, 0, compact);
    expect(whole.parts).toBe(1);
    expect(whole.viewport.zoom).toBeGreaterThanOrEqual(compact);
    // At that zoom the cards draw as names, and the names are at least 24 px on screen.
    expect(detailAt(whole.viewport.zoom, PROJECTOR_DETAIL)).toBe('names');
    expect(COMPACT_TEXT_PX * whole.viewport.zoom).toBeGreaterThanOrEqual(MIN_LEGIBLE_PX);
  });

  it('follows the presenter: parts with every card in full, or whole at any size', () => {
    const map = { x: 0, y: 0, width: 2800, height: 1160 };
    const parts = cameraFor(map, screen, 0, compact, 'parts');
    expect(parts.parts).toBeGreaterThan(1);
    expect(detailAt(parts.viewport.zoom, PROJECTOR_DETAIL)).toBe('full');
    const huge = { x: 0, y: 0, width: 9000, height: 3000 };
    expect(cameraFor(huge, screen, 0, compact).parts).toBeGreaterThan(1);
    expect(cameraFor(huge, screen, 0, compact, 'whole').parts).toBe(1);
  });

  it('leaves out a part that would show no card, but keeps the first, which carries the title', () => {
    const frame = { x: 0, y: 0, width: 800, height: 2600 };
    const card = (y: number) => ({ x: 80, y, width: 240, height: 120 });
    const all = cameraFor(frame, screen, 0, detailed).parts;
    expect(all).toBeGreaterThanOrEqual(3);
    // Cards at the top and the bottom only: two parts, the middle left out.
    const cards = [card(100), card(280), card(2400), card(2440)];
    const two = cameraFor(frame, screen, 0, detailed, 'auto', cards);
    expect(two.parts).toBe(2);
    const last = cameraFor(frame, screen, 1, detailed, 'auto', cards);
    expect(last.viewport).toEqual(cameraFor(frame, screen, all - 1, detailed).viewport);
    // No card at all: the first part only.
    expect(cameraFor(frame, screen, 0, detailed, 'auto', []).parts).toBe(1);
    // Cards everywhere: every part.
    expect(cameraFor(frame, screen, 0, detailed, 'auto', Array.from({ length: 26 }, (_, i) => card(i * 100))).parts).toBe(all);
  });

  it('leaves out a part that would only show again, a little higher, the cards the part before showed whole', () => {
    // A frame a little taller than the screen shows at this zoom: two rows of parts.
    const frame = { x: 0, y: 0, width: 800, height: 1000 };
    expect(cameraFor(frame, screen, 0, detailed).parts).toBe(2);
    const card = (y: number) => ({ x: 80, y, width: 240, height: 120 });
    // The room's notes at its top: the second part would show the same notes, moved up.
    expect(cameraFor(frame, screen, 0, detailed, 'auto', [card(100), card(280)]).parts).toBe(1);
    // A note at its bottom, cut off or out of the first part's view: the second part shows it.
    expect(cameraFor(frame, screen, 0, detailed, 'auto', [card(100), card(860)]).parts).toBe(2);
  });

  it('tells which part shows a card: the one that holds its centre, else the nearest', () => {
    const frame = { x: 0, y: 0, width: 800, height: 2600 };
    const card = (y: number) => ({ x: 80, y, width: 240, height: 120 });
    const cards = [card(100), card(280), card(2400)];
    const { partOf, parts } = cameraFor(frame, screen, 0, detailed, 'auto', cards);
    expect(parts).toBe(2);
    expect(cards.map(partOf)).toEqual([0, 0, 1]);
    // Below the frame, in no part's view: the nearest part, the last.
    expect(partOf(card(3000))).toBe(1);
    // Cut at the foot of the first part and whole in the second: the second shows it.
    const tall = { x: 0, y: 0, width: 800, height: 1350 };
    const straddling = { x: 80, y: 700, width: 240, height: 160 };
    const split = cameraFor(tall, screen, 0, detailed, 'auto', [card(100), straddling]);
    expect(split.parts).toBe(2);
    expect(split.partOf(straddling)).toBe(1);
    // Shown whole, everything is in the one part.
    expect(cards.map(cameraFor(frame, screen, 0, detailed, 'whole', cards).partOf)).toEqual([0, 0, 0]);
  });

  it('never takes more parts than a presentation counts, however large the board', () => {
    const huge = { x: 0, y: 0, width: 20_000, height: 9_000 };
    const { parts, viewport } = cameraFor(huge, screen, 0, detailed);
    expect(parts).toBeLessThanOrEqual(MAX_PARTS);
    expect(viewport.zoom).toBeLessThan(detailed);
  });

  it('keeps the strata bands’ labels clear of the step', () => {
    const bounds = { x: 0, y: 0, width: 800, height: 400 };
    const { viewport } = cameraFor(bounds, { ...screen, left: 300 }, 0, detailed);
    expect(bounds.x * viewport.zoom + viewport.x).toBeGreaterThanOrEqual(300);
    expect((bounds.x + bounds.width) * viewport.zoom + viewport.x).toBeLessThanOrEqual(screen.width);
  });
});

describe('the least legible zoom of a step', () => {
  it('lets role cards and decision-makers draw compact, with the frames and text around them, and nothing else', () => {
    expect(legibleZoom(['frame', 'text', 'role', 'decisionMaker'])).toBeCloseTo(compact);
    expect(legibleZoom(['role', 'note'])).toBeCloseTo(detailed);
    expect(legibleZoom([])).toBeCloseTo(compact);
  });

  it('draws cards compact below the zoom where their details would fall under 24 px, never as bare shapes', () => {
    expect(detailAt(detailed, PROJECTOR_DETAIL)).toBe('full');
    expect(detailAt(detailed - 0.01, PROJECTOR_DETAIL)).toBe('names');
    expect(detailAt(0.05, PROJECTOR_DETAIL)).toBe('names');
  });
});
