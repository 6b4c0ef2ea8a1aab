/**
 * CSV records with their line numbers, robust to stray quotation marks. csv-parse, skipping a record with a quoting
 * error, resumes inside it: a stray `"` then opens a quoted field that swallows the next valid rows (or the rest of
 * the file). Here every record after the first quoting error is distrusted: the bad record is reported at the line it
 * starts on, and parsing starts again on the line after it, with the header's columns. Other row errors (a wrong
 * number of fields) do not upset the parser and are reported where they are.
 */
import { parse } from 'csv-parse/sync';
import { CODES, type Code } from '../errors.js';

export interface CsvEntry {
  /** The line the record starts on (1-based). */
  line: number;
  record?: Record<string, string>;
  code?: Code;
  message?: string;
}

/** Restarts after quoting errors before the rest of a file is given up (each restart re-parses the rest). */
const MAX_RESTARTS = 1000;

const isQuoteError = (code: string | undefined) => /QUOTE/.test(code ?? '');

type Parsed = { record: Record<string, string>; info: { lines: number } };

export function parseCsvRows(text: string): CsvEntry[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineText = (n: number) => text.slice(lineStarts[n - 1], n < lineStarts.length ? lineStarts[n] : text.length);

  const entries: CsvEntry[] = [];
  let columns: string[] | null = null;
  let headerLine = 1;
  let from = 1; // the line this pass starts on
  for (let restarts = 0; from <= lineStarts.length; restarts++) {
    if (restarts > MAX_RESTARTS) {
      entries.push({ line: from, code: 'E_CSV', message: `${CODES.E_CSV}: too many malformed rows; the rest of the file was not read` });
      break;
    }
    const offset = from - 1;
    const skips: { line: number; code?: string; message: string }[] = [];
    let rows: Parsed[] = [];
    let fatal: { line: number; message: string } | null = null;
    try {
      rows = parse(text.slice(lineStarts[from - 1]), {
        columns: columns ?? ((header: string[]) => (columns = header.map((h) => h.trim()))),
        bom: from === 1,
        info: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (err: { message: string; lines?: number; code?: string } | undefined) => {
          if (err) skips.push({ line: (err.lines ?? 0) + offset, code: err.code, message: err.message });
        },
      }) as unknown as Parsed[];
    } catch (e) {
      const err = e as { message: string; lines?: number };
      fatal = { line: (err.lines ?? 0) + offset, message: err.message };
    }
    if (from === 1 && columns === null) return entries; // an empty file
    if (from === 1) headerLine = 1;
    // info.lines is the line a record ends on; a record spanning lines starts earlier.
    const records = rows.map((r) => {
      const end = r.info.lines + offset;
      return { end, line: end - (Object.values(r.record).join('').match(/\n/g) ?? []).length, record: r.record };
    });
    const quote = skips.find((s) => isQuoteError(s.code)) ?? (fatal ? { ...fatal, code: 'FATAL' } : undefined);
    if (!quote) {
      for (const r of records) entries.push({ line: r.line, record: r.record });
      for (const s of skips) entries.push({ line: s.line, code: 'E_CSV', message: `${CODES.E_CSV}: ${s.message}` });
      break;
    }
    // Trust what ends before the quoting error; the bad record starts after the last of it.
    const good = records.filter((r) => r.end < quote.line);
    let badStart = Math.max(from === 1 ? headerLine + 1 : from, ...good.map((r) => r.end + 1));
    while (badStart < lineStarts.length && lineText(badStart).trim() === '') badStart++;
    for (const r of good) entries.push({ line: r.line, record: r.record });
    for (const s of skips) if (s.line < badStart) entries.push({ line: s.line, code: 'E_CSV', message: `${CODES.E_CSV}: ${s.message}` });
    entries.push({ line: badStart, code: 'E_CSV', message: `${CODES.E_CSV}: ${quote.message}; the rows after it were read from line ${badStart + 1}` });
    from = badStart + 1;
    if (from > lineStarts.length || text.slice(lineStarts[from - 1] ?? text.length).trim() === '') break;
  }
  return entries.sort((a, b) => a.line - b.line);
}
