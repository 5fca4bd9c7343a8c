import { describe, expect, it } from 'vitest';
import { cameraFor, MIN_LEGIBLE_PX, SMALLEST_PROJECTOR_FONT_PX } from '../../../renderer/presentation/camera';

const screen = { width: 1920, height: 1080 };
const minZoom = MIN_LEGIBLE_PX / SMALLEST_PROJECTOR_FONT_PX;

describe('the audience camera', () => {
  it('fits a small step to the screen in one part', () => {
    const { viewport, parts } = cameraFor({ x: 100, y: 100, width: 800, height: 400 }, screen, 0);
    expect(parts).toBe(1);
    expect(viewport.zoom).toBeGreaterThan(minZoom);
    // Centred: the step's centre lands on the screen's centre.
    expect(500 * viewport.zoom + viewport.x).toBeCloseTo(960);
    expect(300 * viewport.zoom + viewport.y).toBeCloseTo(540);
  });

  it('never zooms out so far that the smallest text falls under 24 px: a large step splits into parts', () => {
    const bounds = { x: 0, y: 0, width: 5000, height: 2500 };
    const first = cameraFor(bounds, screen, 0);
    expect(first.viewport.zoom).toBeCloseTo(minZoom);
    expect(first.parts).toBeGreaterThan(1);
    const last = cameraFor(bounds, screen, first.parts - 1);
    // The last part ends at the step's bottom-right corner, within the padding.
    expect(5000 * last.viewport.zoom + last.viewport.x).toBeLessThanOrEqual(screen.width);
    expect(5000 * last.viewport.zoom + last.viewport.x).toBeGreaterThan(screen.width * 0.9);
  });
});
