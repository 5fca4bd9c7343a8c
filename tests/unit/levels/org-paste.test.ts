import { describe, expect, it } from 'vitest';
import { parseOrgCsv, validRows, type OrgCsvResult } from '../../../shared/import/org-csv';
import { parseOrgPaste } from '../../../shared/import/org-paste';

const people = (result: OrgCsvResult) => result.rows.map((r) => [r.name, r.title, r.manager]);
const problemsOf = (result: OrgCsvResult) => result.problems.map((p) => [p.line, p.message]);

describe('parseOrgPaste: an indented outline', () => {
  it('reads "name, title" lines, each reporting to the nearest line above indented less (two spaces or a tab per level)', () => {
    const result = parseOrgPaste(['Helen Cho, CEO', '  Dana Whitfield, VP Sales', '    Sam Ortiz, Regional manager, North', '\t\tAna Ruiz, Key-account manager', '  Lee Park, VP Marketing', 'Ruth Bell'].join('\n'));
    expect(result.format).toBe('outline');
    expect(result.problems).toEqual([]);
    expect(people(result)).toEqual([
      ['Helen Cho', 'CEO', null],
      ['Dana Whitfield', 'VP Sales', 'Helen Cho'],
      ['Sam Ortiz', 'Regional manager, North', 'Dana Whitfield'],
      ['Ana Ruiz', 'Key-account manager', 'Dana Whitfield'],
      ['Lee Park', 'VP Marketing', 'Helen Cho'],
      ['Ruth Bell', '', null],
    ]);
  });

  it('drops bullets, accepts "Name – Title", skips blank lines and keeps each line its own number', () => {
    const result = parseOrgPaste('\r\n- Helen Cho – CEO\r\n\r\n  * Dana Whitfield - VP Sales\r\n    1. Jean-Luc Ortiz, Rep\r\n');
    expect(people(result)).toEqual([
      ['Helen Cho', 'CEO', null],
      ['Dana Whitfield', 'VP Sales', 'Helen Cho'],
      ['Jean-Luc Ortiz', 'Rep', 'Dana Whitfield'],
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it('reports the problems the CSV import reports, by pasted line, and keeps reports of a left-out person as tops', () => {
    const result = parseOrgPaste(['Helen Cho, CEO', '  , VP Sales', '    Sam Ortiz, Rep', '  helen cho, Twin'].join('\n'));
    expect(problemsOf(result)).toEqual([
      [2, 'The name is empty.'],
      [4, 'helen cho is named twice, on lines 1 and 4; names must be unique, so this row is left out.'],
    ]);
    expect(validRows(result).map((r) => [r.name, r.manager])).toEqual([
      ['Helen Cho', null],
      ['Sam Ortiz', null],
    ]);
  });
});

describe('parseOrgPaste: levels in an outline', () => {
  it('reads a stratum or a time-span ending a line, after a comma or in brackets, and leaves other endings in the title', () => {
    const result = parseOrgPaste(['Helen Cho, CEO, V', '  Dana Whitfield, VP Sales (IV)', '    Sam Ortiz, Regional manager, North (18 months)', '    Ana Ruiz, 3', '    Ben Cole, Rep, level 9'].join('\n'));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.title, r.stratum, r.timeSpan])).toEqual([
      ['Helen Cho', 'CEO', 5, null],
      ['Dana Whitfield', 'VP Sales', 4, null],
      ['Sam Ortiz', 'Regional manager, North', 3, { value: 18, unit: 'months' }],
      ['Ana Ruiz', '', 3, null],
      ['Ben Cole', 'Rep, level 9', null, null],
    ]);
  });
});

describe('parseOrgPaste: a table from a spreadsheet', () => {
  it('reads tab-separated rows without a header as name, title, manager, padding short rows and ignoring further columns', () => {
    const result = parseOrgPaste('Helen Cho\tCEO\t\tx\nDana Whitfield\tVP Sales\tHelen Cho\ty\nSam Ortiz\tRep\n');
    expect(result.format).toBe('table');
    expect(result.problems).toEqual([]);
    expect(people(result)).toEqual([
      ['Helen Cho', 'CEO', null],
      ['Dana Whitfield', 'VP Sales', 'Helen Cho'],
      ['Sam Ortiz', 'Rep', null],
    ]);
  });

  it('reads tab-separated rows with a header like a file, quoted cells with line breaks included', () => {
    const text = 'Person\tJob title\tReports to\tLevel\nHelen Cho\tCEO\t\tV\nDana Whitfield\t"VP Sales\nEMEA"\tHelen Cho\tIV\n';
    const result = parseOrgPaste(text);
    expect(result.problems).toEqual([]);
    expect(people(result)).toEqual([
      ['Helen Cho', 'CEO', null],
      ['Dana Whitfield', 'VP Sales\nEMEA', 'Helen Cho'],
    ]);
    expect(result.rows.map((r) => r.stratum)).toEqual([5, 4]);
  });

  it('reads CSV text with a header line as the file import would, and the same problems', () => {
    const text = 'name;title;manager\nHelen Cho;CEO;\nDana Whitfield;VP Sales;Nobody\n';
    const { format, ...result } = parseOrgPaste(text);
    expect(format).toBe('table');
    expect(result).toEqual(parseOrgCsv(text));
    expect(problemsOf(result)).toEqual([[3, 'The manager "Nobody" is not in the file.']]);
  });

  it('takes comma-separated lines without a header as an outline of "name, title"', () => {
    expect(people(parseOrgPaste('Helen Cho, CEO\n  Dana Whitfield, VP Sales'))).toEqual([
      ['Helen Cho', 'CEO', null],
      ['Dana Whitfield', 'VP Sales', 'Helen Cho'],
    ]);
  });
});
