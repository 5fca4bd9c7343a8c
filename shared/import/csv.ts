/** One row of a CSV file and the line it starts on (1-based), which is how problems name it. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

interface CsvParse {
  records: CsvRecord[];
  /** The line where a quoted field opens and never closes; everything from its row on is lost. */
  unterminatedQuoteLine: number | null;
  /** More records than the limit: parsing stopped there. */
  overLimit: boolean;
}

/** The separators spreadsheets write: a comma, or a semicolon or tab where the comma is the decimal mark. */
export type CsvSeparator = ',' | ';' | '\t';
const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t'];

/**
 * The separator of a file, read from its header line: the one that occurs most often outside
 * quotes (a header cell like "Lopez, Ana" does not count), a comma when none does or on a tie, as
 * a header of one column has no separator to find.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let inQuotes = false;
  let atFieldStart = true;
  let seenContent = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') inQuotes = false;
      continue;
    }
    const lineEnd = c === '\n' || c === '\r';
    // The header is the first line with something on it; blank lines (",,,") before it are skipped.
    if (lineEnd && seenContent) break;
    if (lineEnd) for (const s of SEPARATORS) counts.set(s, 0);
    if (c === '"' && atFieldStart) inQuotes = true;
    const count = counts.get(c);
    if (count !== undefined) counts.set(c, count + 1);
    if (!lineEnd && c.trim() !== '') seenContent = true;
    atFieldStart = count !== undefined || lineEnd;
  }
  let best: CsvSeparator = ',';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/**
 * RFC 4180, read leniently the way spreadsheets write it: quoted fields may hold commas, doubled
 * quotes and line breaks; rows end with CRLF, LF or a lone CR; a leading UTF-8 BOM is skipped.
 * Rows whose fields are all blank are skipped too, as spreadsheets export trailing empty rows
 * as ",,,". Line breaks inside a quoted field come out as "\n". Fields are separated by
 * `separator`, a comma unless said otherwise (see detectSeparator).
 */
export function parseCsv(text: string, maxRecords = Infinity, separator: CsvSeparator = ','): CsvParse {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let fieldQuoted = false;
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;

  const endRecord = (): boolean => {
    fields.push(field);
    if (fields.some((f) => f.trim() !== '') || fieldQuoted) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldQuoted = false;
    return records.length > maxRecords;
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\r' || c === '\n') {
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      if (inQuotes) field += '\n';
      else {
        if (endRecord()) return { records: records.slice(0, maxRecords), unterminatedQuoteLine: null, overLimit: true };
        recordLine = line;
      }
      continue;
    }
    i++;
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (text[i] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (c === '"' && field === '' && !fieldQuoted) {
      inQuotes = fieldQuoted = true;
      quoteLine = line;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      fieldQuoted = false;
    } else field += c;
  }
  if (inQuotes) return { records, unterminatedQuoteLine: quoteLine, overLimit: false };
  if (field !== '' || fields.length || fieldQuoted) {
    if (endRecord()) return { records: records.slice(0, maxRecords), unterminatedQuoteLine: null, overLimit: true };
  }
  return { records, unterminatedQuoteLine: null, overLimit: false };
}
