import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect, useRef, type CSSProperties } from 'react';

const selectZoom = (s: ReactFlowState) => s.transform[2];

/**
 * The snapping dots behind the board, where React Flow's <Background variant="dots"> puts them.
 * React Flow redraws its pattern over the whole pane on every frame of a pan; these are one
 * tiled layer, a tile wider than the pane, that the compositor slides by less than a tile: a pan
 * draws nothing, and only a change of zoom draws the dots again. The slide is written straight
 * to the layer's style from the store (no render per frame of a pan).
 */
export function DotGrid({ gap, size }: { gap: number; size: number }) {
  const zoom = useStore(selectZoom);
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  const step = gap * zoom;
  const radius = (size * zoom) / 2;

  useLayoutEffect(() => {
    // As React Flow's pattern: a dot every `step`, centred `radius - step / 2` from each grid point.
    const shift = (t: number) => (((t - step / 2) % step) + step) % step;
    let shown = '';
    const slide = ({ transform: [x, y] }: ReactFlowState) => {
      const transform = `translate(${shift(x)}px, ${shift(y)}px)`;
      if (transform !== shown && layer.current) layer.current.style.transform = shown = transform;
    };
    slide(store.getState());
    return store.subscribe(slide);
  }, [store, step]);

  const style: CSSProperties = {
    position: 'absolute',
    top: -step,
    left: -step,
    width: `calc(100% + ${2 * step}px)`,
    height: `calc(100% + ${2 * step}px)`,
    backgroundImage: `radial-gradient(circle at ${radius}px ${radius}px, var(--xy-background-pattern-dots-color-default) ${radius}px, transparent ${radius + 0.6}px)`,
    backgroundSize: `${step}px ${step}px`,
    willChange: 'transform',
  };
  return <div ref={layer} className="react-flow__background" data-testid="rf__background" style={style} />;
}
