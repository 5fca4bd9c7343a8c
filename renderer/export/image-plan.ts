import type { Rect } from '@xyflow/react';

export type ImageFormat = 'png' | 'svg';
export type ImageScale = 1 | 2 | 4;

/** Space around the nodes in the image (CSS px at 1×). */
export const IMAGE_PADDING = 32;
/** html-to-image shrinks any canvas side above this without a word; we fall back to SVG instead. */
export const CANVAS_SIDE_LIMIT = 16_384;
/** Chromium draws no canvas with more pixels than this. */
const CANVAS_AREA_LIMIT = 268_435_456;

export interface ImagePlan {
  format: ImageFormat;
  scale: ImageScale;
  /** The image's size at 1× (CSS px): the nodes' bounds and the padding. */
  width: number;
  height: number;
  /** What the file will measure: pixels for a PNG, CSS px for an SVG. */
  pixelWidth: number;
  pixelHeight: number;
  /** Why a PNG became an SVG, in plain words; null when the format asked for is kept. */
  fallback: string | null;
}

/** What an image of `bounds` at `scale` will be, falling back to SVG where a browser cannot draw the PNG. */
export function planImage(bounds: Rect, format: ImageFormat, scale: ImageScale): ImagePlan {
  const width = Math.ceil(bounds.width + 2 * IMAGE_PADDING);
  const height = Math.ceil(bounds.height + 2 * IMAGE_PADDING);
  if (format === 'svg') return { format, scale: 1, width, height, pixelWidth: width, pixelHeight: height, fallback: null };
  const pixelWidth = width * scale;
  const pixelHeight = height * scale;
  if (pixelWidth > CANVAS_SIDE_LIMIT || pixelHeight > CANVAS_SIDE_LIMIT || pixelWidth * pixelHeight > CANVAS_AREA_LIMIT) {
    const fallback = `At ${scale}× this board would be ${pixelWidth.toLocaleString('en-US')} × ${pixelHeight.toLocaleString('en-US')} pixels, more than a browser can draw, so it was saved as SVG, which stays sharp at any size`;
    return { format: 'svg', scale: 1, width, height, pixelWidth: width, pixelHeight: height, fallback };
  }
  return { format, scale, width, height, pixelWidth, pixelHeight, fallback: null };
}
