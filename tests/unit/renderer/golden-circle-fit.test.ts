import { describe, expect, it } from 'vitest';
import { GOLDEN_CIRCLE_SIZE } from '../../../shared/templates/build';
import { RINGS, type Ring } from '../../../shared/model';
import { fitGoldenCircle, LINE_HEIGHT, neededDiameter, RING_RADIUS, TYPE, type CircleFit, type MeasuredText } from '../../../renderer/canvas/golden-circle-fit';

// Text as a proportional sans-serif measures on average: 0.55em a letter, 0.3em a space.
const LETTER = 0.55;
const SPACE = 0.3;
const measured = (text: string): MeasuredText => ({
  paragraphs: text.trim() ? text.split('\n').map((p) => p.split(/\s+/).filter(Boolean).map((word) => ({ text: word, width: word.length * LETTER }))) : [],
  space: SPACE,
});
const circle = (why: string, how: string, what: string): Record<Ring, MeasuredText> => ({ why: measured(why), how: measured(how), what: measured(what) });
const lineWidth = (line: string, fontSize: number) => (line.length - (line.split(' ').length - 1)) * LETTER * fontSize + (line.split(' ').length - 1) * SPACE * fontSize;

const TEMPLATE = circle('What do we believe? Why do we exist, beyond profit?', 'How do we work that others do not?', 'What do we make, and for whom?');
const LONG = 'We believe every buyer deserves a partner who understands their business before selling to it, who listens first, who brings evidence rather than slogans, and who stays after the contract is signed to make the promised value real for the people who use it.';
const LONG_CIRCLE = circle(LONG, LONG, LONG);

/** Every line lies inside its own ring: within its circle, and below the ring inside it (how, what) or under its label (why). */
function expectInsideRings(fit: CircleFit) {
  const centre = fit.diameter / 2;
  for (const ring of RINGS) {
    const { fontSize, lineHeight, lines } = fit.rings[ring];
    for (const line of lines) {
      const half = lineWidth(line.text, fontSize) / 2;
      for (const y of [line.top, line.top + lineHeight]) {
        expect(Math.hypot(half, y - centre), `${ring}: "${line.text}"`).toBeLessThanOrEqual(RING_RADIUS[ring] * fit.diameter);
      }
      if (ring === 'why') expect(line.top).toBeGreaterThanOrEqual(fit.labelTop.why + fit.labelSize);
      else expect(line.top).toBeGreaterThanOrEqual(centre + RING_RADIUS[ring === 'how' ? 'why' : 'how'] * fit.diameter);
    }
  }
}

const words = (fit: CircleFit, ring: Ring) => fit.rings[ring].lines.flatMap((l) => l.text.split(' '));

describe('fitGoldenCircle', () => {
  it('fits the built-in template’s words in a circle of its size, every word in its ring', () => {
    const fit = fitGoldenCircle(TEMPLATE, GOLDEN_CIRCLE_SIZE.width);
    expect(fit.diameter).toBe(GOLDEN_CIRCLE_SIZE.width);
    for (const ring of RINGS) expect(fit.rings[ring].fontSize).toBeGreaterThan(TYPE[ring].min);
    expectInsideRings(fit);
    for (const ring of RINGS) expect(words(fit, ring).join(' ')).toBe(TEMPLATE[ring].paragraphs[0].map((w) => w.text).join(' '));
  });

  it('grows the circle for 300 characters a ring, keeping the smallest legible type, and loses no word', () => {
    const fit = fitGoldenCircle(LONG_CIRCLE, 520);
    expect(fit.diameter).toBeGreaterThan(520);
    expectInsideRings(fit);
    for (const ring of RINGS) {
      expect(fit.rings[ring].fontSize).toBeGreaterThanOrEqual(TYPE[ring].min);
      expect(words(fit, ring).join(' ')).toBe(LONG);
    }
  });

  it('needs no more than the smallest size at which the words fit', () => {
    const needed = neededDiameter(LONG_CIRCLE, 240);
    expect(fitGoldenCircle(LONG_CIRCLE, needed).diameter).toBe(needed);
    expect(() => fitGoldenCircle(LONG_CIRCLE, needed)).not.toThrow();
    expect(neededDiameter(LONG_CIRCLE, needed - 1)).toBe(needed);
    expect(neededDiameter(TEMPLATE, 240)).toBeLessThan(needed);
  });

  it('gives a larger circle larger type and more words a line, up to a maximum', () => {
    const small = fitGoldenCircle(TEMPLATE, 420);
    const large = fitGoldenCircle(TEMPLATE, 840);
    for (const ring of RINGS) expect(large.rings[ring].fontSize).toBeGreaterThan(small.rings[ring].fontSize);
    // Past the largest type, a larger circle puts more words on a line.
    const capped = { small: fitGoldenCircle(TEMPLATE, 1600), large: fitGoldenCircle(TEMPLATE, 3200) };
    expect(capped.small.rings.why.fontSize).toBe(TYPE.why.cap);
    expect(capped.large.rings.why.fontSize).toBe(TYPE.why.cap);
    expect(capped.large.rings.why.lines.length).toBeLessThan(capped.small.rings.why.lines.length);
    const huge = fitGoldenCircle(circle('Trust', 'Listen', 'Tools'), 4000);
    for (const ring of RINGS) expect(huge.rings[ring].fontSize).toBeLessThanOrEqual(TYPE[ring].cap);
  });

  it('keeps short words on one line each, centred in the why disc', () => {
    const fit = fitGoldenCircle(circle('Trust', 'Listen', 'Tools'), 520);
    for (const ring of RINGS) expect(fit.rings[ring].lines.map((l) => l.text)).toEqual([{ why: 'Trust', how: 'Listen', what: 'Tools' }[ring]]);
    const why = fit.rings.why;
    const middle = why.lines[0].top + why.lineHeight / 2;
    // Centred in the room under the label.
    expect(middle).toBeGreaterThan(fit.labelTop.why + fit.labelSize);
    expect(middle).toBeLessThan(fit.diameter * (0.5 + RING_RADIUS.why));
  });

  it('keeps typed line breaks and draws nothing for an empty ring', () => {
    const fit = fitGoldenCircle(circle('', 'Listen first\nThen propose', 'Tools'), 520);
    expect(fit.rings.why.lines).toEqual([]);
    expect(fit.rings.how.lines.map((l) => l.text)).toEqual(['Listen first', 'Then propose']);
    expect(fit.rings.how.lines[1].top - fit.rings.how.lines[0].top).toBeCloseTo(fit.rings.how.fontSize * LINE_HEIGHT);
  });

  it('grows for a word longer than any line of the ring', () => {
    const word = 'Rechtsschutzversicherungsgesellschaftenvertreterin';
    const fit = fitGoldenCircle(circle('Why', 'How', word), 520);
    expect(fit.diameter).toBeGreaterThan(520);
    expect(fit.rings.what.lines.map((l) => l.text)).toEqual([word]);
    expectInsideRings(fit);
  });
});
