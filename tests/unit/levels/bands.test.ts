import { describe, expect, it } from 'vitest';
import { BAND_HEIGHT, bandLabelFits, bandTop, type BandLabelFit } from '../../../shared/levels/bands';
import type { Stratum } from '../../../shared/model/levels';

/** The strata whose labels fit as `fit`. */
const where = (fits: Map<Stratum, BandLabelFit>, fit: BandLabelFit) => [...fits].filter(([, f]) => f === fit).map(([stratum]) => stratum).sort();

describe('bandLabelFits', () => {
  // Zoom 1; a label needs 60 px of its band in the editor (one line), 40 px on the projector without its range.
  const editor = { whole: 60, numeral: 60 };
  const projector = { whole: 60, numeral: 40 };

  it('leaves out the label of the band running off the top of the view with too little of it left', () => {
    // Band V's bottom 40 px on screen at the top of the view.
    const y = -(bandTop(5) + BAND_HEIGHT - 40);
    expect(where(bandLabelFits(y, 1, editor), 'none')).toEqual([5]);
    // On the projector 40 px hold its numeral.
    expect(where(bandLabelFits(y, 1, projector), 'numeral')).toEqual([5]);
    expect(where(bandLabelFits(y - 1, 1, projector), 'none')).toEqual([5]);
  });

  it('shows every label whole where the band at the top shows enough of itself, or begins on screen', () => {
    expect(where(bandLabelFits(-(bandTop(5) + BAND_HEIGHT - 61), 1, editor), 'whole')).toHaveLength(8);
    expect(where(bandLabelFits(-bandTop(5), 1, editor), 'whole')).toHaveLength(8);
  });

  it('goes by the bands as drawn at the zoom', () => {
    // At zoom 0.5 band V's bottom lies at (bandTop(5) + BAND_HEIGHT) / 2 on the board's screen.
    const y = -((bandTop(5) + BAND_HEIGHT) / 2 - 20);
    expect(where(bandLabelFits(y, 0.5, editor), 'none')).toEqual([5]);
  });

  it('zoomed out until each band is thinner than a label, leaves out every label, or keeps the numerals where they fit', () => {
    // The view starts at the top of band VIII. At zoom 0.2 a band is 48 px high.
    const top = (zoom: number) => -bandTop(8) * zoom;
    expect(where(bandLabelFits(top(0.2), 0.2, editor), 'none')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(where(bandLabelFits(top(0.2), 0.2, projector), 'numeral')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // At zoom 0.25 it is 60 px: room for every label whole.
    expect(where(bandLabelFits(top(0.25), 0.25, editor), 'whole')).toHaveLength(8);
    // At 0.1 (24 px) not even the projector's numerals fit.
    expect(where(bandLabelFits(top(0.1), 0.1, projector), 'none')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
