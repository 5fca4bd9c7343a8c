/**
 * How the golden circle's words fit its rings: pure geometry, no DOM. Each ring's text is laid
 * out line by line inside the part of its ring it owns (why: the centre disc under its label;
 * how and what: the ring's band below the ring inside it), each line as wide as the ring is at
 * its height. The type is the largest that fits, between a legible minimum and a maximum; when
 * even the minimum does not fit, the circle grows until it does.
 */

import { RINGS, type Ring } from '../../shared/model';
import { SMALLEST_PROJECTOR_FONT_PX } from '../presentation/camera';

/** Each ring's radius as a part of the circle's diameter: the proportions every size keeps. */
export const RING_RADIUS: Record<Ring, number> = { why: 0.18, how: 0.34, what: 0.5 };

/** A ring's CSS inset in its circle's box. */
export const ringInset = (ring: Ring) => `${(0.5 - RING_RADIUS[ring]) * 100}%`;

/** A word's width at a font size of 1px (so in ems), as measured in its ring's font. */
interface MeasuredWord {
  text: string;
  width: number;
}

/** A ring's text as measured: its paragraphs (typed line breaks) of words, and a space's width in ems. */
export interface MeasuredText {
  paragraphs: MeasuredWord[][];
  space: number;
}

interface TypeScale {
  /**
   * The smallest type, in board pixels: the projector's floor for text at zoom 1, which the
   * audience camera magnifies to the 24px the back of a room can read (camera.ts). Smaller type
   * would make the camera split the step; the circle grows instead.
   */
  min: number;
  /** The largest type: a part of the diameter (short words do not fill the ring), at most `cap`. */
  share: number;
  cap: number;
}

export const TYPE: Record<Ring, TypeScale> = {
  why: { min: SMALLEST_PROJECTOR_FONT_PX, share: 0.07, cap: 56 },
  how: { min: SMALLEST_PROJECTOR_FONT_PX, share: 0.055, cap: 44 },
  what: { min: SMALLEST_PROJECTOR_FONT_PX, share: 0.055, cap: 44 },
};

export const LINE_HEIGHT = 1.2;
/** Room kept between a ring's edge and its words, as a part of the diameter. */
const INSET = 0.015;
/** Canvas measurement and the page's layout may differ by a hair: lines are planned this much narrower. */
const WIDTH_MARGIN = 0.94;
/** The ring labels (WHY, HOW, WHAT) grow with the circle, never below the smallest type. */
const LABEL_SHARE = 0.038;
const LABEL_MIN = SMALLEST_PROJECTOR_FONT_PX;
const LABEL_INSET = 0.03;

interface FittedLine {
  text: string;
  /** From the circle's top, in pixels. */
  top: number;
}

export interface FittedRing {
  fontSize: number;
  lineHeight: number;
  lines: FittedLine[];
}

export interface CircleFit {
  diameter: number;
  labelSize: number;
  /** Where each ring's label sits, from the circle's top, in pixels. */
  labelTop: Record<Ring, number>;
  rings: Record<Ring, FittedRing>;
}

const labelSize = (diameter: number) => Math.max(LABEL_MIN, LABEL_SHARE * diameter);

function labelTop(ring: Ring, diameter: number): number {
  return (0.5 - RING_RADIUS[ring] + LABEL_INSET) * diameter;
}

/** The part of a ring its words own: a band of the circle of `radius`, from `top` to `bottom`, all in pixels from the circle's top. */
interface Region {
  top: number;
  bottom: number;
  radius: number;
  centred: boolean;
}

function regionOf(ring: Ring, diameter: number): Region {
  const centre = diameter / 2;
  const inset = INSET * diameter;
  const radius = RING_RADIUS[ring] * diameter - inset;
  if (ring === 'why') {
    return { top: labelTop('why', diameter) + labelSize(diameter) * 1.3, bottom: centre + radius, radius, centred: true };
  }
  const inner = ring === 'how' ? RING_RADIUS.why : RING_RADIUS.how;
  // How and what own the band below the ring inside them: widest at its top, so their lines start there.
  return { top: centre + inner * diameter + inset, bottom: centre + radius, radius, centred: false };
}

/** How wide a line may be from `top` to `bottom` inside the region's circle: its width at the end farther from the centre. */
function lineWidth(region: Region, centre: number, top: number, bottom: number): number {
  const reach = Math.max(Math.abs(top - centre), Math.abs(bottom - centre));
  if (reach >= region.radius) return 0;
  return 2 * Math.sqrt(region.radius ** 2 - reach ** 2) * WIDTH_MARGIN;
}

/** Fills lines of the given widths (pixels) greedily, a typed line break starting a new one; null when the words need more lines. */
function fillLines(text: MeasuredText, fontSize: number, widths: number[]): string[] | null {
  const lines: string[] = [];
  for (const paragraph of text.paragraphs) {
    let line: string[] = [];
    let used = 0;
    for (const word of paragraph) {
      const width = word.width * fontSize;
      const available = widths[lines.length];
      if (available === undefined) return null;
      if (line.length && used + text.space * fontSize + width <= available) {
        line.push(word.text);
        used += text.space * fontSize + width;
        continue;
      }
      if (line.length) {
        lines.push(line.join(' '));
        if (widths[lines.length] === undefined) return null;
      }
      if (width > widths[lines.length]) return null;
      line = [word.text];
      used = width;
    }
    if (lines.length >= widths.length) return null;
    lines.push(line.join(' '));
  }
  return lines;
}

/** The ring's words in lines at `fontSize`, or null when they do not fit its region. */
function layOut(text: MeasuredText, region: Region, diameter: number, fontSize: number): FittedLine[] | null {
  const lineHeight = fontSize * LINE_HEIGHT;
  const room = region.bottom - region.top;
  const centre = diameter / 2;
  for (let count = 1; count * lineHeight <= room; count++) {
    const first = region.centred ? region.top + (room - count * lineHeight) / 2 : region.top;
    const tops = Array.from({ length: count }, (_, i) => first + i * lineHeight);
    const lines = fillLines(
      text,
      fontSize,
      tops.map((top) => lineWidth(region, centre, top, top + lineHeight)),
    );
    if (lines) return lines.map((line, i) => ({ text: line, top: tops[i] }));
  }
  return null;
}

const maxType = (ring: Ring, diameter: number) => Math.max(TYPE[ring].min, Math.min(TYPE[ring].cap, TYPE[ring].share * diameter));

/** The ring's words at the largest type that fits, or null when even the smallest does not. */
function fitRing(ring: Ring, text: MeasuredText, diameter: number): FittedRing | null {
  const region = regionOf(ring, diameter);
  const fitted = (fontSize: number): FittedRing | null => {
    const lines = layOut(text, region, diameter, fontSize);
    return lines && { fontSize, lineHeight: fontSize * LINE_HEIGHT, lines };
  };
  // Whole pixels, searched by halves: smaller type never needs more room, so the largest that fits is one boundary.
  let best = fitted(TYPE[ring].min);
  let low = TYPE[ring].min;
  let high = Math.floor(maxType(ring, diameter)) + 1;
  while (best && high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const candidate = fitted(middle);
    if (candidate) [best, low] = [candidate, middle];
    else high = middle;
  }
  return best;
}

const fitsAt = (texts: Record<Ring, MeasuredText>, diameter: number) =>
  RINGS.every((ring) => layOut(texts[ring], regionOf(ring, diameter), diameter, TYPE[ring].min) !== null);

/** The smallest diameter (whole pixels, at least `from`) at which every ring's words fit at the smallest type. */
export function neededDiameter(texts: Record<Ring, MeasuredText>, from: number): number {
  if (fitsAt(texts, from)) return from;
  let low = from;
  let high = from * 2;
  while (!fitsAt(texts, high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fitsAt(texts, middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** Every ring's words at the circle's size, or at the size they need when that is larger. */
export function fitGoldenCircle(texts: Record<Ring, MeasuredText>, size: number): CircleFit {
  const diameter = neededDiameter(texts, Math.round(size));
  const rings = {} as Record<Ring, FittedRing>;
  for (const ring of RINGS) {
    const fitted = fitRing(ring, texts[ring], diameter);
    // neededDiameter made sure the smallest type fits.
    if (!fitted) throw new Error(`The ${ring} of a golden circle did not fit at ${diameter}px`);
    rings[ring] = fitted;
  }
  return {
    diameter,
    labelSize: labelSize(diameter),
    labelTop: { why: labelTop('why', diameter), how: labelTop('how', diameter), what: labelTop('what', diameter) },
    rings,
  };
}
