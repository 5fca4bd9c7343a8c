import { parseStratum, parseTimeSpan } from '../levels/strata';
import { detectSeparator, type CsvRecord } from './csv';
import { isOrgHeader, ORG_CSV_LIMITS, parseOrgTable, readOrgRecords, type OrgCsvResult } from './org-csv';

/**
 * Text pasted onto an org map, read as an org chart: the same rows and problems as the CSV
 * import, from two other front ends.
 *
 * - **A table** copied from a spreadsheet: tab-separated (or a CSV text whose first line is a
 *   header with a name column). With a header row it reads like a file; without one the columns
 *   are name, title and manager.
 * - **An outline**, one person per line, "Helen Cho, CEO": two spaces or a tab per level of
 *   indentation, and each person reports to the nearest line above that is indented less.
 *   Bullets ("-", "*", "•", "1.") are dropped. A stratum or a time-span may end the line, after a
 *   comma or in brackets: "Helen Cho, CEO, V", "Sam Ortiz, Regional manager (18 months)".
 */
type OrgPasteFormat = 'table' | 'outline';

export function parseOrgPaste(text: string): OrgCsvResult & { format: OrgPasteFormat } {
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  if (firstLine.includes('\t')) {
    const headed = isOrgHeader(firstLine.split('\t'));
    return { ...parseOrgTable(text, '\t', headed ? 'header' : 'headerless'), format: 'table' };
  }
  const separator = detectSeparator(text);
  if (firstLine.includes(separator) && isOrgHeader(firstLine.split(separator))) return { ...parseOrgTable(text, separator, 'header'), format: 'table' };
  return { ...parseOrgOutline(text), format: 'outline' };
}

const BULLET = /^(?:[-*•‣◦–]|\d+[.)])\s+/;
/** "Name, Title", or "Name – Title" with a spaced dash, as outlines are often written. */
const NAME_TITLE = /^(.*?)\s*(?:,|\s[–—-]\s)\s*(.*)$/;

/** The indented outline as the rows of a name/title/manager table, and their problems. */
function parseOrgOutline(text: string): OrgCsvResult {
  if (text.length > ORG_CSV_LIMITS.chars) return refusedOutline('The text is larger than 2 MB; paste the part of the organisation the workshop needs.');
  const records: CsvRecord[] = [];
  /** The people above the current line, each with their indentation: the last one is the nearest. */
  const above: { level: number; name: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    if (raw.trim() === '') continue;
    if (records.length === ORG_CSV_LIMITS.rows) return refusedOutline(`The text has more than ${ORG_CSV_LIMITS.rows.toLocaleString('en')} people; paste the part of the organisation the workshop needs.`);
    const indent = /^[ \t]*/.exec(raw)![0];
    const level = [...indent].reduce((sum, c) => sum + (c === '\t' ? 2 : 1), 0) / 2;
    const entry = raw.trim().replace(BULLET, '');
    const match = NAME_TITLE.exec(entry);
    const name = (match ? match[1] : entry).trim();
    const { title, stratum, timeSpan } = splitLevel(match ? match[2].trim() : '');
    while (above.length && above[above.length - 1].level >= level) above.pop();
    const manager = above.length ? above[above.length - 1].name : '';
    above.push({ level, name });
    records.push({ line: index + 1, fields: [name, title, manager, stratum, timeSpan] });
  }
  return readOrgRecords(['name', 'title', 'manager', 'stratum', 'time-span'], records);
}

/** A stratum or time-span at the end of "title, V" or "title (18 months)", or as the whole of it. */
function splitLevel(text: string): { title: string; stratum: string; timeSpan: string } {
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(text) ?? /^(.*?)\s*,\s*([^,]*)$/.exec(text);
  const [title, level] = match ? [match[1], match[2].trim()] : ['', text];
  if (parseStratum(level) !== null) return { title, stratum: level, timeSpan: '' };
  if (parseTimeSpan(level)) return { title, stratum: '', timeSpan: level };
  return { title: text, stratum: '', timeSpan: '' };
}

function refusedOutline(message: string): OrgCsvResult {
  return { rows: [], problems: [{ line: 1, column: null, message }], ignoredColumns: [] };
}
