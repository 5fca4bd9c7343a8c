import type { GoldenCircleData } from '../../shared/model';
import type { Ring } from '../../shared/model';
import type { MeasuredText } from './golden-circle-fit';

/**
 * Words measured once per text, with the canvas's measureText in the page's own font: no layout,
 * and nothing measured again while the circle is dragged or resized.
 */
const SIZE = 100;
let context: CanvasRenderingContext2D | null = null;
const cache = new Map<string, MeasuredText>();
const CACHE_LIMIT = 200;

function contextFor(weight: number): CanvasRenderingContext2D {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('This browser cannot measure text');
  context.font = `${weight} ${SIZE}px ${getComputedStyle(document.body).fontFamily}`;
  return context;
}

/** The text's paragraphs (its typed line breaks) of words, with their widths in ems at `weight`. */
function measureWords(text: string, weight: number): MeasuredText {
  const key = `${weight}\n${text}`;
  const known = cache.get(key);
  if (known) return known;
  const ctx = contextFor(weight);
  const width = (s: string) => ctx.measureText(s).width / SIZE;
  const paragraphs = text.trim() ? text.trim().split('\n').map((p) => p.split(/\s+/).filter(Boolean).map((word) => ({ text: word, width: width(word) }))) : [];
  const measured = { paragraphs, space: width(' ') };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, measured);
  return measured;
}

/** A golden circle's three texts, each in its ring's weight (nodes.css: why is bold). */
export function measureCircle(circle: GoldenCircleData): Record<Ring, MeasuredText> {
  return { why: measureWords(circle.why, 700), how: measureWords(circle.how, 400), what: measureWords(circle.what, 400) };
}
