/** One row of a CSV file and the line it starts on (1-based), which is how problems name it. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** The line where a quoted field opens and never closes; everything from its row on is lost. */
  unterminatedQuoteLine: number | null;
  /** More records than the limit: parsing stopped there. */
  overLimit: boolean;
}

/**
 * RFC 4180, read leniently the way spreadsheets write it: quoted fields may hold commas, doubled
 * quotes and line breaks; rows end with CRLF, LF or a lone CR; a leading UTF-8 BOM is skipped.
 * Rows whose fields are all blank are skipped too, as spreadsheets export trailing empty rows
 * as ",,,". Line breaks inside a quoted field come out as "\n".
 */
export function parseCsv(text: string, maxRecords = Infinity): CsvParse {
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
    } else if (c === ',') {
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
