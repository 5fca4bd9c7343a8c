import { describe, expect, it } from 'vitest';
import { parseRoleLabel, roleLabelPatch, timeSpanPatch } from '../../../shared/levels/role-label';

const blank = { person: 'New role', title: '', stratum: null, timeSpan: null };

describe('a role typed as "name, title, time-span"', () => {
  it('splits person and title at the first comma only', () => {
    expect(parseRoleLabel('Dana Whitfield, VP Sales')).toEqual({ person: 'Dana Whitfield', title: 'VP Sales' });
    expect(parseRoleLabel('Dana Whitfield, VP Sales, EMEA')).toEqual({ person: 'Dana Whitfield', title: 'VP Sales, EMEA' });
  });

  it('sets the person only when there is no comma, and leaves the title alone', () => {
    expect(parseRoleLabel('  Dana Whitfield ')).toEqual({ person: 'Dana Whitfield' });
    expect(roleLabelPatch('Dana Whitfield', { ...blank, title: 'VP Sales' })).toEqual({ person: 'Dana Whitfield' });
  });

  it('clears the title when nothing follows the comma', () => {
    expect(roleLabelPatch('Dana,', { ...blank, person: 'Dana', title: 'VP Sales' })).toEqual({ title: '' });
  });

  it('reads a time-span after the last comma, in any of the usual spellings', () => {
    expect(parseRoleLabel('Dana Whitfield, VP Sales, 18 months')).toEqual({ person: 'Dana Whitfield', title: 'VP Sales', timeSpan: { value: 18, unit: 'months' } });
    expect(parseRoleLabel('Sam, Rep, 6 wk').timeSpan).toEqual({ value: 6, unit: 'weeks' });
    expect(parseRoleLabel('Helen Cho, 3y')).toEqual({ person: 'Helen Cho', timeSpan: { value: 3, unit: 'years' } });
    expect(parseRoleLabel('Lee, KAM, 1,5 years')).toEqual({ person: 'Lee', title: 'KAM', timeSpan: { value: 1.5, unit: 'years' } });
  });

  it('keeps words that only look like a time-span in the title', () => {
    expect(parseRoleLabel('Omar, Head of 2 teams')).toEqual({ person: 'Omar', title: 'Head of 2 teams' });
    expect(parseRoleLabel('Omar, VP, 3 regions')).toEqual({ person: 'Omar', title: 'VP, 3 regions' });
  });

  it('gives an empty stratum the time-span\'s stratum, and never overrides a stated one', () => {
    expect(roleLabelPatch('Dana, VP Sales, 3 years', blank)).toEqual({ person: 'Dana', title: 'VP Sales', timeSpan: { value: 3, unit: 'years' }, stratum: 4 });
    expect(timeSpanPatch({ value: 18, unit: 'months' }, { stratum: 2, timeSpan: null })).toEqual({ timeSpan: { value: 18, unit: 'months' } });
  });

  it('changes nothing when the text says what the role already holds', () => {
    expect(roleLabelPatch('Dana, VP Sales', { ...blank, person: 'Dana', title: 'VP Sales' })).toEqual({});
  });
});
