import { describe, expect, it } from 'vitest';
import {
  parseStratum,
  parseTimeSpan,
  recoveryHorizon,
  STRATA,
  stratumForTimeSpan,
  timeSpanFits,
  timeSpanInMonths,
} from '../../../shared/levels/strata';
import type { TimeSpan } from '../../../shared/model';

const span = (value: number, unit: TimeSpan['unit']): TimeSpan => ({ value, unit });

describe('STRATA', () => {
  it('covers I to VIII with ranges that join without gaps, the last one open-ended', () => {
    expect(STRATA.map((s) => s.stratum)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(STRATA.map((s) => s.roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(STRATA[0].minMonths).toBe(0);
    for (let i = 1; i < STRATA.length; i++) expect(STRATA[i].minMonths).toBe(STRATA[i - 1].maxMonths);
    expect(STRATA[7].maxMonths).toBe(Infinity);
    expect(STRATA.map((s) => s.range)).toEqual([
      'up to 3 months',
      '3 months to 1 year',
      '1 to 2 years',
      '2 to 5 years',
      '5 to 10 years',
      '10 to 20 years',
      '20 to 50 years',
      'over 50 years',
    ]);
  });

  it('gives every stratum typical roles, a focus and three to five short language hints', () => {
    for (const s of STRATA) {
      expect(s.typicalRoles.length).toBeGreaterThan(0);
      expect(s.focus).not.toBe('');
      expect(s.languageHints.length).toBeGreaterThanOrEqual(3);
      expect(s.languageHints.length).toBeLessThanOrEqual(5);
      for (const hint of s.languageHints) expect(hint.split(' ').length).toBeLessThanOrEqual(6);
    }
    expect(STRATA[3].languageHints).toContain('three-year portfolio');
    expect(STRATA[0].languageHints).toContain("this week's orders");
  });
});

describe('time-span and stratum', () => {
  it('converts every unit to months', () => {
    expect(timeSpanInMonths(span(18, 'months'))).toBe(18);
    expect(timeSpanInMonths(span(2, 'years'))).toBe(24);
    expect(timeSpanInMonths(span(52, 'weeks'))).toBeCloseTo(12);
    expect(timeSpanInMonths(span(30.44, 'days'))).toBeCloseTo(1);
  });

  it('finds the stratum whose range holds a time-span, upper bounds belonging to the next stratum', () => {
    const cases: [TimeSpan, number][] = [
      [span(1, 'days'), 1],
      [span(90, 'days'), 1],
      [span(3, 'months'), 2],
      [span(11, 'months'), 2],
      [span(1, 'years'), 3],
      [span(18, 'months'), 3],
      [span(2, 'years'), 4],
      [span(4.5, 'years'), 4],
      [span(7, 'years'), 5],
      [span(15, 'years'), 6],
      [span(30, 'years'), 7],
      [span(50, 'years'), 8],
      [span(200, 'years'), 8],
    ];
    for (const [timeSpan, stratum] of cases) expect({ timeSpan, stratum: stratumForTimeSpan(timeSpan) }).toEqual({ timeSpan, stratum });
  });

  it('says whether a time-span fits a stratum', () => {
    expect(timeSpanFits(3, span(18, 'months'))).toBe(true);
    expect(timeSpanFits(2, span(18, 'months'))).toBe(false);
    expect(timeSpanFits(8, span(60, 'years'))).toBe(true);
  });
});

describe('recoveryHorizon', () => {
  it('says a stated time-span in the unit a person would use', () => {
    const horizon = (timeSpan: TimeSpan) => recoveryHorizon({ stratum: null, timeSpan });
    expect(horizon(span(18, 'months'))).toBe('about 18 months');
    expect(horizon(span(1.5, 'years'))).toBe('about 18 months');
    expect(horizon(span(90, 'days'))).toBe('about 3 months');
    expect(horizon(span(3, 'weeks'))).toBe('about 3 weeks');
    expect(horizon(span(1, 'days'))).toBe('about 1 day');
    expect(horizon(span(1, 'months'))).toBe('about 1 month');
    expect(horizon(span(2, 'years'))).toBe('about 2 years');
    expect(horizon(span(30, 'months'))).toBe('about 2.5 years');
    expect(horizon(span(23.8, 'months'))).toBe('about 2 years');
    expect(horizon(span(15, 'years'))).toBe('about 15 years');
  });

  it('falls back to the longest time-span of the stratum, and to null when neither is known', () => {
    expect(recoveryHorizon({ stratum: 1, timeSpan: null })).toBe('up to 3 months');
    expect(recoveryHorizon({ stratum: 2, timeSpan: null })).toBe('up to 1 year');
    expect(recoveryHorizon({ stratum: 3, timeSpan: null })).toBe('up to 2 years');
    expect(recoveryHorizon({ stratum: 7, timeSpan: null })).toBe('up to 50 years');
    expect(recoveryHorizon({ stratum: 8, timeSpan: null })).toBe('over 50 years');
    expect(recoveryHorizon({ stratum: null, timeSpan: null })).toBeNull();
  });

  it('prefers the stated time-span over the stratum', () => {
    expect(recoveryHorizon({ stratum: 4, timeSpan: span(3, 'years') })).toBe('about 3 years');
  });
});

describe('parseStratum', () => {
  it('reads roman numerals, digits and the usual prefixes in any case', () => {
    const cases: [string, number][] = [
      ['III', 3],
      ['iii', 3],
      ['3', 3],
      ['Stratum III', 3],
      ['stratum 8', 8],
      ['S3', 3],
      ['s 4', 4],
      ['Str. IV', 4],
      ['Level VI', 6],
      ['  VIII ', 8],
      ['I', 1],
    ];
    for (const [text, stratum] of cases) expect({ text, stratum: parseStratum(text) }).toEqual({ text, stratum });
  });

  it('gives null for anything that is not one of the eight strata', () => {
    for (const text of ['', 'IX', '0', '9', 'IIII', 'VX', 'three', 'S', 'III-IV', '3.5']) expect({ text, stratum: parseStratum(text) }).toEqual({ text, stratum: null });
  });
});

describe('parseTimeSpan', () => {
  it('reads a number and a unit, short or long, with a decimal point or comma', () => {
    const cases: [string, TimeSpan][] = [
      ['18 months', span(18, 'months')],
      ['2y', span(2, 'years')],
      ['3 weeks', span(3, 'weeks')],
      ['1.5 years', span(1.5, 'years')],
      ['1,5 years', span(1.5, 'years')],
      ['90 days', span(90, 'days')],
      ['1 year', span(1, 'years')],
      ['6 MO', span(6, 'months')],
      [' 4 yrs ', span(4, 'years')],
    ];
    for (const [text, timeSpan] of cases) expect({ text, timeSpan: parseTimeSpan(text) }).toEqual({ text, timeSpan });
  });

  it('gives null without a known unit, without a positive number, or past the limit', () => {
    for (const text of ['', '18', 'months', 'soon', '0 months', '-3 weeks', '2 decades', '20000 years', 'two years']) {
      expect({ text, timeSpan: parseTimeSpan(text) }).toEqual({ text, timeSpan: null });
    }
  });
});
