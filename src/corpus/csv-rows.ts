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

/** Restarts after quoting errors before the rest of a file is given up (a restart costs about 1 ms on a 20 MB file). */
const MAX_RESTARTS = 10_000;

const isQuoteError = (code: string | undefined) => /QUOTE/.test(code ?? '');

/** Thrown from on_skip to stop a pass at its first quoting error: what follows it is parsed again anyway. */
const STOP = new Error('stop at the first quoting error');

/** CSV rows may end in CRLF or LF, mixed within a file (a header saved by one tool, rows by another). */
const LINE_ENDINGS = ['\r\n', '\n'];

/** The file's records in line order; `header`, when given, receives the header row's names (trimmed). */
export function parseCsvRows(text: string, header?: (names: string[]) => void): CsvEntry[] {
  // Passes parse the bytes from a line on: a view of one buffer, so a restart does not copy the rest of the file.
  const bytes = Buffer.from(text, 'utf8');
  const lineStarts = [0];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lineStarts.push(i + 1);
  const lineText = (n: number) => bytes.subarray(lineStarts[n - 1], n < lineStarts.length ? lineStarts[n] : bytes.length).toString('utf8');

  const entries: CsvEntry[] = [];
  let columns: string[] | null = null;
  let from = 1; // the line this pass starts on
  for (let restarts = 0; from <= lineStarts.length; restarts++) {
    if (restarts > MAX_RESTARTS) {
      entries.push({ line: from, code: 'E_CSV', message: `${CODES.E_CSV}: too many malformed rows; the rest of the file was not read` });
      break;
    }
    const offset = from - 1;
    const skips: { line: number; message: string }[] = [];
    // Records as they are parsed (a pass stops at its first quoting error, so each pass costs up to that error).
    const records: { end: number; line: number; record: Record<string, string> }[] = [];
    let quote: { line: number; message: string } | null = null;
    try {
      parse(bytes.subarray(lineStarts[from - 1]), {
        columns:
          columns ??
          ((names: string[]) => {
            columns = names.map((h) => h.trim());
            header?.(columns);
            return columns;
          }),
        bom: from === 1,
        skip_empty_lines: true,
        skip_records_with_error: true,
        record_delimiter: LINE_ENDINGS,
        on_record: (record: Record<string, string>, context: { lines: number }) => {
          // context.lines is the line a record ends on; a record spanning lines starts earlier.
          const end = context.lines + offset;
          records.push({ end, line: end - (Object.values(record).join('').match(/\n/g) ?? []).length, record });
          return record;
        },
        on_skip: (err: { message: string; lines?: number; code?: string } | undefined) => {
          if (!err) return;
          const at = { line: (err.lines ?? 0) + offset, message: err.message };
          if (!isQuoteError(err.code)) return void skips.push(at);
          quote = at;
          throw STOP;
        },
      });
    } catch (e) {
      if (e !== STOP) {
        const err = e as { message: string; lines?: number };
        quote = { line: (err.lines ?? 0) + offset, message: err.message };
      }
    }
    if (columns === null) break; // an empty file
    const q = quote as { line: number; message: string } | null;
    if (!q) {
      for (const r of records) entries.push({ line: r.line, record: r.record });
      for (const s of skips) entries.push({ line: s.line, code: 'E_CSV', message: `${CODES.E_CSV}: ${s.message}` });
      break;
    }
    // Trust what ends before the quoting error; the bad record starts after the last of it.
    const good = records.filter((r) => r.end < q.line);
    let badStart = Math.max(from === 1 ? 2 : from, ...good.map((r) => r.end + 1));
    while (badStart < lineStarts.length && lineText(badStart).trim() === '') badStart++;
    for (const r of good) entries.push({ line: r.line, record: r.record });
    for (const s of skips) if (s.line < badStart) entries.push({ line: s.line, code: 'E_CSV', message: `${CODES.E_CSV}: ${s.message}` });
    entries.push({ line: badStart, code: 'E_CSV', message: `${CODES.E_CSV}: ${q.message}; the rows after it were read from line ${badStart + 1}` });
    from = badStart + 1;
    if (from > lineStarts.length || bytes.subarray(lineStarts[from - 1] ?? bytes.length).every((b) => b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09)) break;
  }
  return entries.sort((a, b) => a.line - b.line);
}
