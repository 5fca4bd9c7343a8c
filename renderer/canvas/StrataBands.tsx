import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, useRef, type Ref } from 'react';
import { bandLabelFits, STRATUM_BANDS } from '../../shared/levels/bands';

/**
 * The stratum bands behind the org map, VIII at the top, each labelled with its time-span.
 * Drawn in screen space from the camera (`y`, `zoom`) so the labels stay at the left edge while
 * panning; a printed tile, a copy of a drawn board, passes its own camera. The bands are placed
 * for the zoom and moved by `y` as one layer (`slide` lets the canvas slide it without a render).
 */
export function StrataBandsAt({ y, zoom, slide }: { y: number; zoom: number; slide?: Ref<HTMLDivElement> }) {
  return (
    <div className="strata-bands" aria-hidden="true">
      <div ref={slide} className="strata-bands-slide" style={slide ? undefined : { top: y }}>
        {STRATUM_BANDS.map((band) => (
          <div key={band.stratum} className={`strata-band band-${band.stratum % 2 ? 'odd' : 'even'}`} style={{ top: band.top * zoom, height: (band.bottom - band.top) * zoom }}>
            {/* In parts, so the projector can stack them in a narrow column (presentation.css). */}
            <span className="strata-band-label">
              {band.numeral}
              <span className="strata-band-separator"> · </span>
              <span className="strata-band-range">{band.range}</span>
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

const selectZoom = (s: ReactFlowState) => s.transform[2];

/** The bands under the React Flow camera they are drawn in: drawn again when the zoom changes, slid from the store on a pan. */
export function StrataBands() {
  const zoom = useStore(selectZoom);
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  /** What a label needs of its band, whole and as its numeral alone: the same at every zoom, so read once. */
  const labelRoom = useRef<{ whole: number; numeral: number } | null>(null);
  useLayoutEffect(() => {
    const element = layer.current;
    if (!element) return;
    const bands = [...element.children] as HTMLElement[];
    const room = labelRoom.current ?? roomOf(element);
    // Not laid out yet (a window still hidden): read again on the next zoom.
    if (room.whole > 0) labelRoom.current = room;
    // `top`, not a transform: the labels stick to the top of the view (canvas.css), which goes by layout.
    let shown = '';
    // Unknown at first: a zoom before may have left bands marked that fit now.
    let marked: string | null = null;
    const slide = ({ transform: [, y] }: ReactFlowState) => {
      const top = `${y}px`;
      if (top !== shown) element.style.top = shown = top;
      const fits = bandLabelFits(y, zoom, room);
      const key = [...fits.values()].join();
      if (key === marked) return;
      marked = key;
      STRATUM_BANDS.forEach((band, i) => {
        const fit = fits.get(band.stratum);
        bands[i]?.classList.toggle('strata-band-sliver', fit === 'none');
        bands[i]?.classList.toggle('strata-band-numeral', fit === 'numeral');
      });
    };
    slide(store.getState());
    return store.subscribe(slide);
  }, [store, zoom]);
  return <StrataBandsAt y={0} zoom={zoom} slide={layer} />;
}

/**
 * The room a band's label takes below its band's top: its margin and height, and the same less
 * its range where the range has a line of its own (the projector), which a thin band leaves out.
 */
function roomOf(layer: HTMLElement): { whole: number; numeral: number } {
  const label = layer.querySelector<HTMLElement>('.strata-band-label');
  const range = label?.querySelector<HTMLElement>('.strata-band-range');
  if (!label || !range) return { whole: 0, numeral: 0 };
  const whole = parseFloat(getComputedStyle(label).marginTop) + label.offsetHeight;
  return { whole, numeral: getComputedStyle(range).display === 'block' ? whole - range.offsetHeight : whole };
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
