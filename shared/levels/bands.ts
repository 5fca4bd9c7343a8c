import { stratumLabel, type Stratum } from '../model/levels';
import { STRATA } from './strata';

/**
 * The org map's horizontal bands in flow coordinates: VIII at the top (y = 0) down to I, then a
 * row for roles whose stratum is not known yet. Fixed positions, so every board, the arrange
 * command and a drop into a band agree on where each stratum lives.
 */
export const BAND_HEIGHT = 240;
const TOP_STRATUM = 8;

interface StratumBand {
  stratum: Stratum;
  top: number;
  bottom: number;
  /** "IV · 2 to 5 years" */
  label: string;
  /** "IV" */
  numeral: string;
  /** "2 to 5 years" */
  range: string;
}

/** The top of a stratum's band; null gives the row of roles without a stratum, below I. */
export function bandTop(stratum: Stratum | null): number {
  return (TOP_STRATUM - (stratum ?? 0)) * BAND_HEIGHT;
}

export const STRATUM_BANDS: readonly StratumBand[] = [...STRATA].reverse().map((s) => ({
  stratum: s.stratum,
  top: bandTop(s.stratum),
  bottom: bandTop(s.stratum) + BAND_HEIGHT,
  label: `${stratumLabel(s.stratum)} · ${s.range}`,
  numeral: stratumLabel(s.stratum),
  range: s.range,
}));

export const NO_STRATUM_ROW = { top: bandTop(null), bottom: bandTop(null) + BAND_HEIGHT, label: 'No stratum yet' } as const;

/** The stratum whose band holds y; null above VIII and from the no-stratum row down. */
export function stratumAtY(y: number): Stratum | null {
  if (!(y >= 0 && y < bandTop(1) + BAND_HEIGHT)) return null;
  return TOP_STRATUM - Math.floor(y / BAND_HEIGHT);
}

/** How much of a band's label its strip on screen has room for. */
export type BandLabelFit = 'whole' | 'numeral' | 'none';

/**
 * How much of each band's label (bands drawn at `zoom`, moved down by `y` screen px) fits in what
 * the band shows of itself below the top of a view: `whole` px for the label, `numeral` px for its
 * numeral alone (the projector stacks the range under it). A label stuck to the top of a thinner
 * strip would be cut by the band's end, or run over the labels of the bands below: a band running
 * off the top, or every band zoomed far out.
 */
export function bandLabelFits(y: number, zoom: number, room: { whole: number; numeral: number }): Map<Stratum, BandLabelFit> {
  return new Map(
    STRATUM_BANDS.map((band) => {
      const [top, bottom] = [band.top * zoom + y, band.bottom * zoom + y];
      const shown = bottom - Math.max(top, 0);
      const fit: BandLabelFit = bottom <= 0 || shown >= room.whole ? 'whole' : shown >= room.numeral ? 'numeral' : 'none';
      return [band.stratum, fit];
    }),
  );
}
