import { arrangeByLevels, GRID, shiftIntoRange } from '../layout/arrange-by-levels';
import { roleSizes } from '../layout/role-size';
import { parentLoops } from '../levels/parent-loops';
import { parseStratum, parseTimeSpan, stratumForTimeSpan } from '../levels/strata';
import { defaultEdgeData, type BoardEdge } from '../model/edges';
import { newId } from '../model/ids';
import type { Stratum, TimeSpan } from '../model/levels';
import { LIMITS } from '../model/limits';
import type { BoardNode } from '../model/nodes';
import type { Position } from '../model/schemas';
import { createDoc } from '../ops/doc';
import type { Op } from '../ops/ops';
import { detectSeparator, parseCsv, type CsvRecord, type CsvSeparator } from './csv';

export const ORG_CSV_LIMITS = { rows: 5_000, chars: 2 * 1024 * 1024 } as const;

type OrgColumn = 'name' | 'title' | 'manager' | 'stratum' | 'timeSpan';

export interface OrgRow {
  line: number;
  name: string;
  title: string;
  manager: string | null;
  stratum: Stratum | null;
  timeSpan: TimeSpan | null;
}

interface OrgCsvProblem {
  /** 1-based; the header is line 1, a row whose quoted field spans lines is named by its first. */
  line: number;
  /** The column at fault, when there is one: a problem in the manager column does not drop the row. */
  column: OrgColumn | null;
  message: string;
}

export interface OrgCsvResult {
  rows: OrgRow[];
  problems: OrgCsvProblem[];
  /** Header cells that match no known column, as written. */
  ignoredColumns: string[];
}

/** Header names each column answers to, compared lower-case with spaces collapsed. */
const COLUMN_NAMES: Record<OrgColumn, readonly string[]> = {
  name: ['name', 'person'],
  title: ['title', 'role', 'job title'],
  manager: ['manager', 'reports to', 'reports_to'],
  stratum: ['stratum', 'level'],
  timeSpan: ['time-span', 'timespan', 'time span'],
};

/** Names are matched the way people read them: case and extra spaces do not count. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Reads an org chart exported from a spreadsheet or an HR system: one row per person, separated by commas, semicolons or tabs. */
export function parseOrgCsv(text: string): OrgCsvResult {
  return parseOrgTable(text, detectSeparator(text), 'header');
}

/**
 * A table of people: with a header row, or (`headerless`) with the columns name, title and
 * manager in that order and any further columns ignored, as rows copied from a spreadsheet come.
 */
export function parseOrgTable(text: string, separator: CsvSeparator, header: 'header' | 'headerless'): OrgCsvResult {
  if (text.length > ORG_CSV_LIMITS.chars) return refused('The file is larger than 2 MB; import the part of the organisation the workshop needs.');
  const csv = parseCsv(text, ORG_CSV_LIMITS.rows + 1, separator);
  if (csv.overLimit) return refused(`The file has more than ${ORG_CSV_LIMITS.rows.toLocaleString('en')} rows; import the part of the organisation the workshop needs.`);
  const problems: OrgCsvProblem[] = [];
  if (csv.unterminatedQuoteLine !== null) {
    problems.push({ line: csv.unterminatedQuoteLine, column: null, message: 'A quoted field opens here and never closes: a " is missing, so the rest of the file could not be read.' });
  }
  if (header === 'headerless') {
    // Typed rather than copied, a row may stop short of the last columns: they are empty.
    const width = Math.max(1, ...csv.records.map((r) => r.fields.length));
    const cells = ['name', 'title', 'manager', ...Array<string>(Math.max(0, width - 3)).fill('')].slice(0, width);
    const padded = csv.records.map((r) => ({ line: r.line, fields: [...r.fields, ...Array<string>(width - r.fields.length).fill('')] }));
    return readOrgRecords(cells, padded, problems);
  }
  const [first, ...records] = csv.records;
  if (!first) return { rows: [], problems: [...problems, { line: 1, column: null, message: 'The file is empty: it needs a header row with a name column.' }], ignoredColumns: [] };
  return readOrgRecords(first.fields, records, problems, first.line);
}

/** Whether a line of header cells names the name column, so a table that starts with it has a header. */
export function isOrgHeader(cells: readonly string[]): boolean {
  return readHeader(cells).columns.name !== undefined;
}

/**
 * The rows of a table whose columns `headerCells` name, and their problems (after `earlier`
 * ones): the part every front end shares, a file, a pasted table or an outline.
 */
export function readOrgRecords(headerCells: readonly string[], records: readonly CsvRecord[], earlier: OrgCsvProblem[] = [], headerLine = 1): OrgCsvResult {
  const problems = [...earlier];
  const { columns, ignoredColumns } = readHeader(headerCells);
  if (columns.name === undefined) {
    problems.unshift({ line: headerLine, column: 'name', message: 'The header has no name column (call it "name" or "person").' });
    return { rows: [], problems, ignoredColumns };
  }

  const rows: OrgRow[] = [];
  for (const record of records) {
    const cell = (column: OrgColumn) => (columns[column] === undefined ? '' : (record.fields[columns[column]!] ?? '').trim());
    const row: OrgRow = { line: record.line, name: cell('name'), title: cell('title'), manager: cell('manager') || null, stratum: null, timeSpan: null };
    rows.push(row);
    if (record.fields.length !== headerCells.length) {
      problems.push({ line: row.line, column: null, message: `This row has ${record.fields.length} fields; the header has ${headerCells.length}.` });
      continue;
    }
    problems.push(...readLevels(row, cell('stratum'), cell('timeSpan')), ...checkTexts(row));
  }
  problems.push(...checkNames(rows, problems));
  return { rows, problems: problems.sort((a, b) => a.line - b.line), ignoredColumns };
}

function refused(message: string): OrgCsvResult {
  return { rows: [], problems: [{ line: 1, column: null, message }], ignoredColumns: [] };
}

function readHeader(cells: readonly string[]): { columns: Partial<Record<OrgColumn, number>>; ignoredColumns: string[] } {
  const columns: Partial<Record<OrgColumn, number>> = {};
  const ignoredColumns: string[] = [];
  cells.forEach((cell, index) => {
    const key = nameKey(cell);
    const column = (Object.keys(COLUMN_NAMES) as OrgColumn[]).find((c) => COLUMN_NAMES[c].includes(key));
    // A second column for the same field ("name" and "person") is ignored rather than merged.
    if (column && columns[column] === undefined) columns[column] = index;
    else if (key) ignoredColumns.push(cell.trim());
  });
  return { columns, ignoredColumns };
}

/** Fills in the row's stratum and time-span; a time-span alone gives the stratum it belongs to. */
function readLevels(row: OrgRow, stratumText: string, timeSpanText: string): OrgCsvProblem[] {
  const problems: OrgCsvProblem[] = [];
  if (stratumText) {
    row.stratum = parseStratum(stratumText);
    if (row.stratum === null) problems.push({ line: row.line, column: 'stratum', message: `"${stratumText}" is not a stratum: use I to VIII.` });
  }
  if (timeSpanText) {
    row.timeSpan = parseTimeSpan(timeSpanText);
    if (!row.timeSpan) problems.push({ line: row.line, column: 'timeSpan', message: `"${timeSpanText}" is not a time-span: write a number and a unit, like 18 months or 2 years.` });
  }
  // A stated stratum that disagrees with the time-span is kept: the live checks flag it on the board.
  if (row.stratum === null && row.timeSpan && !stratumText) row.stratum = stratumForTimeSpan(row.timeSpan);
  return problems;
}

function checkTexts(row: OrgRow): OrgCsvProblem[] {
  const problems: OrgCsvProblem[] = [];
  if (!row.name) problems.push({ line: row.line, column: 'name', message: 'The name is empty.' });
  if (row.name.length > LIMITS.label) problems.push({ line: row.line, column: 'name', message: `The name is longer than ${LIMITS.label} characters.` });
  if (row.title.length > LIMITS.label) problems.push({ line: row.line, column: 'title', message: `The title is longer than ${LIMITS.label} characters.` });
  return problems;
}

/** Duplicate names, managers missing from the file, and manager chains that loop. */
function checkNames(rows: readonly OrgRow[], earlier: readonly OrgCsvProblem[]): OrgCsvProblem[] {
  const problems: OrgCsvProblem[] = [];
  const misshapen = new Set(earlier.filter((p) => p.column === null).map((p) => p.line));
  const firstByName = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!row.name) return;
    const first = firstByName.get(nameKey(row.name));
    if (first === undefined) firstByName.set(nameKey(row.name), index);
    else problems.push({ line: row.line, column: 'name', message: `${row.name} is named twice, on lines ${rows[first].line} and ${row.line}; names must be unique, so this row is left out.` });
  });

  const managerOf = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, index) => {
    if (!row.manager || misshapen.has(row.line)) return;
    const manager = firstByName.get(nameKey(row.manager));
    if (manager === undefined) problems.push({ line: row.line, column: 'manager', message: `The manager "${row.manager}" is not in the file.` });
    else if (firstByName.get(nameKey(row.name)) === index) managerOf[index] = manager;
  });

  for (const loop of managerLoops(managerOf)) {
    const chain = [...loop, loop[0]].map((i) => rows[i].name).join(' → ');
    for (const i of loop) problems.push({ line: rows[i].line, column: 'manager', message: `The manager chain goes round in a circle: ${chain}.` });
  }
  return problems;
}

/** Loops of managers, each starting at its earliest row. */
function managerLoops(managerOf: Int32Array): number[][] {
  return parentLoops(managerOf).map((loop) => {
    const first = loop.indexOf(Math.min(...loop));
    return [...loop.slice(first), ...loop.slice(0, first)];
  });
}

/**
 * The rows to import. A row with a problem of its own is left out; a row whose only problem is its
 * manager (not in the file, in a loop, or itself left out) is kept without that link, as the top
 * of a tree: the person exists, and the facilitator can draw the line on the board.
 */
export function validRows(result: OrgCsvResult): OrgRow[] {
  const dropped = new Set<number>();
  const managerProblem = new Set<number>();
  for (const problem of result.problems) (problem.column === 'manager' ? managerProblem : dropped).add(problem.line);
  const kept = result.rows.filter((row) => !dropped.has(row.line));
  const keptNames = new Set(kept.map((row) => nameKey(row.name)));
  return kept.map((row) => ({
    ...row,
    manager: row.manager && !managerProblem.has(row.line) && keptNames.has(nameKey(row.manager)) ? row.manager : null,
  }));
}

/**
 * The ops that put the rows on a board as one batch (so one undo step): a role per row, a
 * reports-to edge from each manager to each report, laid out by levels. The roles keep the y of
 * their stratum's band, so they land in the right band when the bands show; horizontally the map's
 * left edge is moved to origin.x, or as near it as keeps the whole map on the board.
 */
export function orgImportOps(rows: readonly OrgRow[], origin: Position): { ops: Op[]; nodeIds: string[] } {
  const idByName = new Map<string, string>();
  const nodes: BoardNode[] = rows.map((row, index) => {
    const id = newId('n');
    if (!idByName.has(nameKey(row.name))) idByName.set(nameKey(row.name), id);
    // x = file order, so the layout keeps siblings in the order the file lists them.
    return { id, kind: 'role', position: { x: index, y: 0 }, size: null, data: { person: row.name, title: row.title, stratum: row.stratum, timeSpan: row.timeSpan, notes: '' } };
  });
  const edges: BoardEdge[] = [];
  rows.forEach((row, index) => {
    const manager = row.manager === null ? undefined : idByName.get(nameKey(row.manager));
    if (manager && manager !== nodes[index].id) {
      edges.push({ id: newId('e'), kind: 'reports-to', source: manager, target: nodes[index].id, data: defaultEdgeData('reports-to') });
    }
  });

  // Laid out with the sizes the cards will have (estimated from their text), so arranging right
  // after the import, or Keep arranged once the canvas has measured them, moves little or nothing.
  const doc = createDoc(nodes, edges);
  const sizes = roleSizes(doc);
  const arranged = new Map<string, Position>();
  for (const op of arrangeByLevels(doc, sizes)) if (op.type === 'node.move') arranged.set(op.id, op.position);
  const placed = nodes.map((node) => ({ ...node, position: arranged.get(node.id) ?? node.position }));
  let left = Infinity;
  let right = -Infinity;
  for (const node of placed) {
    left = Math.min(left, node.position.x);
    right = Math.max(right, node.position.x + sizes.get(node.id)!.width);
  }
  // Near the edge of the board the map lands as close to origin.x as the board allows.
  const dx = shiftIntoRange(Math.round(origin.x / GRID) * GRID - left, left, right);
  for (const node of placed) node.position = { x: node.position.x + dx, y: node.position.y };

  return {
    ops: [...placed.map((node): Op => ({ type: 'node.add', node })), ...edges.map((edge): Op => ({ type: 'edge.add', edge }))],
    nodeIds: placed.map((node) => node.id),
  };
}
