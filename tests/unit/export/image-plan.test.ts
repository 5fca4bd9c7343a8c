import { describe, expect, it } from 'vitest';
import { CANVAS_SIDE_LIMIT, IMAGE_PADDING, planImage } from '../../../renderer/export/image-plan';

describe('planning a board image', () => {
  const bounds = { x: -40, y: 10, width: 1200.4, height: 700 };

  it('is the nodes’ bounds and the padding, times the scale for a PNG', () => {
    const plan = planImage(bounds, 'png', 2);
    expect(plan).toMatchObject({ format: 'png', scale: 2, width: 1201 + 2 * IMAGE_PADDING, height: 700 + 2 * IMAGE_PADDING, fallback: null });
    expect(plan.pixelWidth).toBe(plan.width * 2);
    expect(plan.pixelHeight).toBe(plan.height * 2);
  });

  it('keeps an SVG at 1×: it scales itself', () => {
    expect(planImage(bounds, 'svg', 4)).toMatchObject({ format: 'svg', scale: 1, pixelWidth: 1201 + 2 * IMAGE_PADDING });
  });

  it('falls back to SVG, saying why, when the PNG would be larger than a browser can draw', () => {
    const wide = { x: 0, y: 0, width: CANVAS_SIDE_LIMIT / 2, height: 600 };
    expect(planImage(wide, 'png', 1).format).toBe('png');
    const plan = planImage(wide, 'png', 4);
    expect(plan.format).toBe('svg');
    expect(plan.fallback).toMatch(/more than a browser can draw, so it was saved as SVG/);
  });

  it('falls back on area as well as on a side', () => {
    const square = { x: 0, y: 0, width: 6000, height: 6000 };
    expect(planImage(square, 'png', 2).format).toBe('png');
    expect(planImage(square, 'png', 4).format).toBe('svg');
  });
});
