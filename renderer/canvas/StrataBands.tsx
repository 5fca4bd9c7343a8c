import { useViewport } from '@xyflow/react';
import { STRATUM_BANDS } from '../../shared/levels/bands';

/**
 * The stratum bands behind the org map, VIII at the top, each labelled with its time-span.
 * Drawn in screen space from the camera (`y`, `zoom`) so the labels stay at the left edge while
 * panning; a printed tile, a copy of a drawn board, passes its own camera.
 */
export function StrataBandsAt({ y, zoom }: { y: number; zoom: number }) {
  return (
    <div className="strata-bands" aria-hidden="true">
      {STRATUM_BANDS.map((band) => (
        <div key={band.stratum} className={`strata-band band-${band.stratum % 2 ? 'odd' : 'even'}`} style={{ top: band.top * zoom + y, height: (band.bottom - band.top) * zoom }}>
          {/* In parts, so the projector can stack them in a narrow column (presentation.css). */}
          <span className="strata-band-label">
            {band.numeral}
            <span className="strata-band-separator"> · </span>
            <span className="strata-band-range">{band.range}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

/** The bands under the React Flow camera they are drawn in. */
export function StrataBands() {
  const { y, zoom } = useViewport();
  return <StrataBandsAt y={y} zoom={zoom} />;
}

/**
 * How much of the left edge of a board drawn in `flow` (its `.react-flow` element) the band labels
 * take: a camera that fits a board leaves it free, so no label covers a card. 0 without bands.
 */
export function bandLabelGutter(flow: Element): number {
  const left = flow.getBoundingClientRect().left;
  const rights = [...flow.querySelectorAll('.strata-band-label')].map((label) => label.getBoundingClientRect().right - left);
  return rights.length ? Math.ceil(Math.max(...rights)) + 8 : 0;
}
