import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, bandTop, slivers } from '../../../shared/levels/bands';

describe('slivers', () => {
  // Zoom 1; a label needs 60 px of its band.
  const room = 60;

  it('is the band running off the top of the view with too little of it left for its label', () => {
    // Band V's bottom 40 px on screen at the top of the view.
    const y = -(bandTop(5) + BAND_HEIGHT - 40);
    expect(slivers(y, 1, room)).toEqual(new Set([5]));
  });

  it('is none where the band at the top shows enough of itself, or begins on screen', () => {
    expect(slivers(-(bandTop(5) + BAND_HEIGHT - 61), 1, room)).toEqual(new Set());
    expect(slivers(-bandTop(5), 1, room)).toEqual(new Set());
  });

  it('goes by the bands as drawn at the zoom', () => {
    // At zoom 0.5 band V's bottom lies at (bandTop(5) + BAND_HEIGHT) / 2 on the board's screen.
    const y = -((bandTop(5) + BAND_HEIGHT) / 2 - 20);
    expect(slivers(y, 0.5, room)).toEqual(new Set([5]));
  });

  it('is every band on screen once the zoom leaves each less room than a label needs', () => {
    // At zoom 0.2 a band is 48 px high; the view starts at the top of band VIII.
    const all = slivers(-bandTop(8) * 0.2, 0.2, room);
    expect([...all].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // At zoom 0.25 it is 60 px: room enough.
    expect(slivers(-bandTop(8) * 0.25, 0.25, room)).toEqual(new Set());
  });
});
