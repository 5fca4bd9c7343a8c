import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv } from '../../../shared/import/csv';
import { orgImportOps, parseOrgCsv, validRows, type OrgCsvResult, type OrgRow } from '../../../shared/import/org-csv';
import { checkOrgMap } from '../../../shared/levels/checks';
import { BAND_HEIGHT, bandTop, stratumAtY } from '../../../shared/levels/bands';
import { roleSizes } from '../../../shared/layout/role-size';
import { arrangeByLevels, GRID } from '../../../shared/layout/arrange-by-levels';
import { LIMITS } from '../../../shared/model';
import { Op, applyOps, createDoc } from '../../../shared/ops';
import { orgCsv } from '../../helpers/org';

/** The problems as [line, message] pairs, the way the import dialog lists them. */
const problemsOf = (result: OrgCsvResult) => result.problems.map((p) => [p.line, p.message]);
const file = (...lines: string[]) => lines.join('\n') + '\n';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering rows by their first line', () => {
    const { records } = parseCsv('a,b\n"Lopez, Ana","Head of\r\nSales"\n"Say ""hi""",x\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['Lopez, Ana', 'Head of\nSales'] },
      { line: 4, fields: ['Say "hi"', 'x'] },
    ]);
  });

  it('accepts CRLF, LF and a lone CR, a missing final line break, and skips blank rows', () => {
    expect(parseCsv('a\r\nb\rc\n\n , \nd').records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['b'] },
      { line: 3, fields: ['c'] },
      { line: 6, fields: ['d'] },
    ]);
  });

  it('keeps a row whose only field is an empty quoted string', () => {
    expect(parseCsv('""\n').records).toEqual([{ line: 1, fields: [''] }]);
  });

  it('reports the line where a quoted field opens and never closes', () => {
    expect(parseCsv('a\nb\n"c,\nd\n')).toMatchObject({ records: [{ line: 1 }, { line: 2 }], unterminatedQuoteLine: 3 });
  });
});

describe('parseOrgCsv', () => {
  it('reads a generated 500-person file without a problem, into one tree that imports as one batch', () => {
    const result = parseOrgCsv(orgCsv(500));
    expect(result.rows).toHaveLength(500);
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toEqual([]);
    expect(result.rows[0]).toEqual({ line: 2, name: 'Person 0', title: 'Title 0', manager: null, stratum: 5, timeSpan: null });
    expect(result.rows[499]).toMatchObject({ line: 501, manager: 'Person 99', stratum: 1 });

    const rows = validRows(result);
    expect(rows).toHaveLength(500);
    const { ops, nodeIds } = orgImportOps(rows, { x: 3_000, y: -200 });
    const added = ops.filter((op) => op.type === 'node.add').map((op) => op.node);
    const edges = ops.filter((op) => op.type === 'edge.add').map((op) => op.edge);
    expect(added.map((n) => n.id)).toEqual(nodeIds);
    expect(new Set(nodeIds).size).toBe(500);
    expect(edges).toHaveLength(499);
    expect(edges.every((e) => e.kind === 'reports-to')).toBe(true);
    const reports = new Set(edges.map((e) => e.target));
    expect(nodeIds.filter((id) => !reports.has(id))).toEqual([nodeIds[0]]);
    for (const op of ops) expect(Op.safeParse(op).success).toBe(true);

    const doc = createDoc();
    applyOps(doc, ops);
    expect(checkOrgMap(doc)).toEqual([]);
    expect(Math.min(...added.map((n) => n.position.x))).toBe(3_008);
    for (const node of added) expect(node.kind === 'role' && stratumAtY(node.position.y)).toBe(node.kind === 'role' && node.data.stratum);
  });

  it('matches headers case-insensitively with their aliases, listing the columns it ignores', () => {
    const result = parseOrgCsv(file(' PERSON ,Job Title,Reports To,Level,Time Span,E-mail', 'Ana,CEO,,V,7 years,ana@example.com', 'Bo,VP,ana,4,,'));
    expect(result.problems).toEqual([]);
    expect(result.ignoredColumns).toEqual(['E-mail']);
    expect(result.rows).toEqual([
      { line: 2, name: 'Ana', title: 'CEO', manager: null, stratum: 5, timeSpan: { value: 7, unit: 'years' } },
      { line: 3, name: 'Bo', title: 'VP', manager: 'ana', stratum: 4, timeSpan: null },
    ]);
    for (const header of ['name,role,manager,stratum,timespan', 'Name,Title,reports_to,Stratum,time-span']) {
      expect(parseOrgCsv(file(header, 'Ana,CEO,,5,7y')).rows[0]).toMatchObject({ name: 'Ana', title: 'CEO', stratum: 5, timeSpan: { value: 7, unit: 'years' } });
    }
  });

  it('reads a file with a BOM and CRLF line ends, and quoted names with commas and line breaks', () => {
    const text = '\uFEFFName,Title,Manager\r\n"Lopez, Ana","Head of\r\nSales",\r\nBo,"Rep, ""north""","Lopez, Ana"\r\n';
    const result = parseOrgCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.name, r.title, r.manager])).toEqual([
      [2, 'Lopez, Ana', 'Head of\nSales', null],
      [4, 'Bo', 'Rep, "north"', 'Lopez, Ana'],
    ]);
  });

  it('gives a row with only a time-span the stratum it belongs to, and keeps a stated stratum that disagrees', () => {
    const result = parseOrgCsv(file('name,stratum,time-span', 'Ana,,18 months', 'Bo,II,18 months', 'Cy,,'));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.stratum])).toEqual([
      ['Ana', 3],
      ['Bo', 2],
      ['Cy', null],
    ]);
  });

  it('matches manager names regardless of case and extra spaces', () => {
    const result = parseOrgCsv(file('name,manager', 'Ana  Lopez,', 'Bo,ana lopez'));
    expect(result.problems).toEqual([]);
    expect(validRows(result)[1].manager).toBe('ana lopez');
    expect(orgImportOps(validRows(result), { x: 0, y: 0 }).ops.filter((op) => op.type === 'edge.add')).toHaveLength(1);
  });

  describe('names each problem with its line', () => {
    const cases: [string, string, [number, string][]][] = [
      ['no name column', file('Title,Manager', 'CEO,'), [[1, 'The header has no name column (call it "name" or "person").']]],
      ['an empty file', '', [[1, 'The file is empty: it needs a header row with a name column.']]],
      ['a row with too few fields', file('name,title,manager', 'Ana,CEO,', 'Bo,VP'), [[3, 'This row has 2 fields; the header has 3.']]],
      ['a row with too many fields', file('name,title', 'Ana,CEO', '', 'Bo,VP,extra'), [[4, 'This row has 3 fields; the header has 2.']]],
      ['an empty name', file('name,title', 'Ana,CEO', ' ,VP'), [[3, 'The name is empty.']]],
      [
        'a name used twice',
        file('name,title', 'Ana,CEO', 'Bo,VP', 'ana,CFO'),
        [[4, 'ana is named twice, on lines 2 and 4; names must be unique, so this row is left out.']],
      ],
      ['a manager missing from the file', file('name,manager', 'Ana,', 'Bo,Xavier'), [[3, 'The manager "Xavier" is not in the file.']]],
      ['a bad stratum', file('name,stratum', 'Ana,IX', 'Bo,4'), [[2, '"IX" is not a stratum: use I to VIII.']]],
      [
        'a bad time-span',
        file('name,time-span', 'Ana,2 years', 'Bo,soon'),
        [[3, '"soon" is not a time-span: write a number and a unit, like 18 months or 2 years.']],
      ],
      [
        'a loop in the manager chain',
        file('name,manager', 'Top,', 'A,B', 'B,A', 'C,A'),
        [
          [3, 'The manager chain goes round in a circle: A → B → A.'],
          [4, 'The manager chain goes round in a circle: A → B → A.'],
        ],
      ],
      ['someone managing themselves', file('name,manager', 'Ana,Ana'), [[2, 'The manager chain goes round in a circle: Ana → Ana.']]],
      [
        'a quote that never closes',
        file('name,title', 'Ana,CEO', 'Bo,"VP', 'Cy,Rep'),
        [[3, 'A quoted field opens here and never closes: a " is missing, so the rest of the file could not be read.']],
      ],
      ['a bad row after a multi-line field', file('name,title', 'Ana,"Chief', 'Executive"', 'Bo,VP,x'), [[4, 'This row has 3 fields; the header has 2.']]],
      ['a bad row that starts a multi-line field', file('name,title,stratum', 'Ana,"Chief', 'Executive",X'), [[2, '"X" is not a stratum: use I to VIII.']]],
      ['a name past the length limit', file('name', 'A'.repeat(501)), [[2, 'The name is longer than 500 characters.']]],
    ];
    it.each(cases)('%s', (_name, text, expected) => {
      expect(problemsOf(parseOrgCsv(text))).toEqual(expected);
    });
  });

  it('refuses a file of more than 5,000 rows or 2 MB with one problem on line 1', () => {
    const tooMany = parseOrgCsv(orgCsv(5_001));
    expect(tooMany).toEqual({ rows: [], problems: [{ line: 1, column: null, message: expect.stringContaining('more than 5,000 rows') }], ignoredColumns: [] });
    expect(parseOrgCsv(orgCsv(5_000)).problems).toEqual([]);

    const tooLarge = parseOrgCsv(`name,notes\nAna,${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect(problemsOf(tooLarge)).toEqual([[1, expect.stringContaining('larger than 2 MB')]]);
    expect(tooLarge.rows).toEqual([]);
  });
});

describe('validRows', () => {
  it('leaves out rows with problems of their own and keeps the first of two rows with one name', () => {
    const result = parseOrgCsv(file('name,stratum', 'Ana,III', 'Bo,IX', 'ana,II', ',I'));
    expect(validRows(result).map((r) => [r.line, r.name])).toEqual([[2, 'Ana']]);
  });

  it('keeps a row whose manager is missing, looping or left out, as the top of a tree', () => {
    const result = parseOrgCsv(file('name,manager,stratum', 'Ana,,IV', 'Bo,Xavier,III', 'Cy,Dee,III', 'Dee,Cy,III', 'Eve,Fay,II', 'Fay,Ana,nine', 'Gus,Eve,I'));
    const rows = validRows(result);
    expect(rows.map((r: OrgRow) => [r.name, r.manager])).toEqual([
      ['Ana', null],
      ['Bo', null],
      ['Cy', null],
      ['Dee', null],
      ['Eve', null],
      ['Gus', 'Eve'],
    ]);
    const { ops } = orgImportOps(rows, { x: 0, y: 0 });
    expect(ops.filter((op) => op.type === 'edge.add')).toHaveLength(1);
  });
});

describe('orgImportOps', () => {
  const rows: OrgRow[] = [
    { line: 2, name: 'Ana', title: 'VP sales', manager: null, stratum: 4, timeSpan: null },
    { line: 3, name: 'Bo', title: 'Regional manager', manager: 'Ana', stratum: 3, timeSpan: { value: 18, unit: 'months' } },
    { line: 4, name: 'Cy', title: 'Regional manager', manager: 'Ana', stratum: 3, timeSpan: null },
    { line: 5, name: 'Dee', title: 'Analyst', manager: null, stratum: null, timeSpan: null },
  ];

  it('adds a role per row and a reports-to edge from each manager, keeping the file order among siblings', () => {
    const { ops, nodeIds } = orgImportOps(rows, { x: 100, y: 100 });
    expect(ops.map((op) => op.type)).toEqual(['node.add', 'node.add', 'node.add', 'node.add', 'edge.add', 'edge.add']);
    const doc = createDoc();
    applyOps(doc, ops);
    const [ana, bo, cy, dee] = nodeIds.map((id) => doc.nodes.get(id)!);
    expect(bo).toMatchObject({ kind: 'role', size: null, data: { person: 'Bo', title: 'Regional manager', stratum: 3, timeSpan: { value: 18, unit: 'months' }, notes: '' } });
    expect([...doc.edges.values()].map((e) => [e.source, e.target])).toEqual([
      [ana.id, bo.id],
      [ana.id, cy.id],
    ]);
    expect(bo.position.x).toBeLessThan(cy.position.x);
    // Centred in their bands at the height their cards will have.
    const centred = (role: typeof ana) => Math.round((bandTop(role.kind === 'role' ? role.data.stratum : null) + (BAND_HEIGHT - roleSizes(doc).get(role.id)!.height) / 2) / GRID) * GRID;
    expect(ana.position.y).toBe(centred(ana));
    expect(dee.position.y).toBe(centred(dee));
    expect(arrangeByLevels(doc, roleSizes(doc))).toEqual([]);
    expect(Math.min(...nodeIds.map((id) => doc.nodes.get(id)!.position.x))).toBe(96);
  });

  /** The shapes of a 5,000-row chart that used to land past the coordinate range: every row in one band. */
  const bigCharts = {
    'flat, one manager above 4,999 reports': file('name,manager,stratum', 'Boss,,V', ...Array.from({ length: 4_999 }, (_, i) => `P${i},Boss,IV`)),
    'flat, without strata': file('name,manager', 'Boss,', ...Array.from({ length: 4_999 }, (_, i) => `P${i},Boss`)),
    'deep, a 5,000-long chain without strata': file('name,manager', 'P0,', ...Array.from({ length: 4_999 }, (_, i) => `P${i + 1},P${i}`)),
    'a tree without strata': orgCsv(5_000).replace(/,\d,$/gm, ',,'),
  };

  for (const [shape, text] of Object.entries(bigCharts)) {
    it(`imports a 5,000-row chart (${shape}) arranged inside the coordinate range, from anywhere on the board`, () => {
      const rows = validRows(parseOrgCsv(text));
      expect(rows).toHaveLength(5_000);
      for (const origin of [{ x: 0, y: 0 }, { x: 999_000, y: 0 }, { x: -LIMITS.coordinate, y: 0 }]) {
        const { ops } = orgImportOps(rows, origin);
        // What the server checks: every op fits the schema, position range included.
        for (const op of ops) Op.parse(op);
        const doc = createDoc();
        applyOps(doc, ops);
        const sizes = roleSizes(doc);
        const [left, right] = [Math.min(...[...doc.nodes.values()].map((n) => n.position.x)), Math.max(...[...doc.nodes.values()].map((n) => n.position.x + sizes.get(n.id)!.width))];
        expect(left).toBeGreaterThanOrEqual(-LIMITS.coordinate);
        expect(right).toBeLessThanOrEqual(LIMITS.coordinate);
        // At the origin, or pushed in from the board's right edge no further than it must be.
        if (left !== origin.x) expect([left < origin.x, LIMITS.coordinate - right < GRID]).toEqual([true, true]);
        // Arranging right after the import changes nothing.
        expect(arrangeByLevels(doc, sizes)).toEqual([]);
      }
    });
  }

  it('mints fresh ids on every call', () => {
    const first = orgImportOps(rows, { x: 0, y: 0 }).nodeIds;
    const second = orgImportOps(rows, { x: 0, y: 0 }).nodeIds;
    expect(first.filter((id) => second.includes(id))).toEqual([]);
  });
});

describe('detectSeparator', () => {
  it('finds a comma, a semicolon or a tab from the header line, counting none inside quotes', () => {
    expect(detectSeparator('name,title,manager\nA;B;C;D;E\n')).toBe(',');
    expect(detectSeparator('name;title;manager\nLopez, Ana;VP, Sales;\n')).toBe(';');
    expect(detectSeparator('name\ttitle\tmanager\n')).toBe('\t');
    expect(detectSeparator('"Name, as written";title\n')).toBe(';');
    expect(detectSeparator('"say ""a,b,c""";x;y\n')).toBe(';');
  });

  it('skips a BOM and blank lines before the header, and says comma for one column or no text', () => {
    expect(detectSeparator('\uFEFF\n;;;\nname;title\n')).toBe(';');
    expect(detectSeparator('name\nDana; Sam\n')).toBe(',');
    expect(detectSeparator('')).toBe(',');
  });
});

describe('parseOrgCsv with other separators', () => {
  it('reads a semicolon-separated file with quoted fields holding semicolons and commas', () => {
    const result = parseOrgCsv(file('Name;Title;Manager;Stratum', 'Helen Cho;CEO;;V', '"Whitfield; Dana";"VP Sales, EMEA";Helen Cho;IV'));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.name, r.title, r.manager, r.stratum])).toEqual([
      ['Helen Cho', 'CEO', null, 5],
      ['Whitfield; Dana', 'VP Sales, EMEA', 'Helen Cho', 4],
    ]);
  });

  it('reads a tab-separated file, and names a row with the wrong number of fields', () => {
    const result = parseOrgCsv(file('name\ttitle\tmanager', 'Helen Cho\tCEO\t', 'Sam Ortiz\tRegional manager, North\tHelen Cho', 'Ana\tRep'));
    expect(result.rows.map((r) => [r.name, r.title, r.manager])).toEqual([
      ['Helen Cho', 'CEO', null],
      ['Sam Ortiz', 'Regional manager, North', 'Helen Cho'],
      ['Ana', 'Rep', null],
    ]);
    expect(problemsOf(result)).toEqual([[4, 'This row has 2 fields; the header has 3.']]);
  });
});
