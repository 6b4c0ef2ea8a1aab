/**
 * CSV writing for every table: RFC 4180 via csv-stringify, UTF-8, one header row, written to a temporary file that the
 * caller renames into place (see atomic.ts). Spreadsheet safety (OWASP CSV injection): a *text* cell starting with
 * `=`, `+`, `-`, `@`, tab or CR (or a fullwidth or invisible look-alike, below) gets a leading apostrophe. Numbers are written as numbers and never prefixed, so a
 * z of -2.1 stays numeric. `excel` adds a UTF-8 BOM and CRLF line ends.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  excel: boolean;
}

/**
 * Formula starts: `=`, `+`, `-`, `@`, tab, CR; their fullwidth forms (＝ ＋ － ＠), which spreadsheets with East Asian
 * input settings convert to the ASCII ones; and invisible format characters (zero-width space and joiners, word
 * joiner, BOM, soft hyphen) that a spreadsheet may drop before reading what follows.
 */
export const FORMULA_START_CODES: readonly number[] = [
  ...[0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d],
  ...[0xff1d, 0xff0b, 0xff0d, 0xff20],
  ...[0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x00ad],
];
const FORMULA_START = new Set(FORMULA_START_CODES);

/** Prefix a text cell that a spreadsheet would read as a formula. */
export function neutralise(value: string): string {
  return value.length > 0 && FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
}

/**
 * csv-stringify's options for our CSV. Cells are converted by its casts (null and undefined are empty cells; a number
 * that is not finite is empty too; booleans `true`/`false`; text neutralised), so rows go to it as they are.
 * `quote_record_delimiter`: a cell holding a line feed or a carriage return is quoted whatever the record delimiter
 * (csv-stringify's default, once a record delimiter is given, quotes only cells holding that delimiter itself: with
 * Excel's CRLF a text with a bare line break was written unquoted, and a spreadsheet split its row there).
 */
function stringifyOptions(options: CsvOptions, cells: boolean) {
  return {
    record_delimiter: options.excel ? 'windows' : 'unix',
    quote_record_delimiter: true,
    cast: cells
      ? { number: (n: number) => (Number.isFinite(n) ? formatNumber(n) : ''), boolean: (b: boolean) => (b ? 'true' : 'false'), string: neutralise }
      : { number: formatNumber },
  } as const;
}

/** Render rows (header first) as CSV text. */
export function toCsv(columns: string[], rows: Cell[][], options: CsvOptions): string {
  return (options.excel ? '\uFEFF' : '') + stringify([columns], stringifyOptions(options, false)) + csvRows(rows, options);
}

/** Render rows without a header: `toCsv(columns, [], o) + csvRows(a, o) + csvRows(b, o)` = `toCsv(columns, [...a, ...b], o)`. */
export function csvRows(rows: Cell[][], options: CsvOptions): string {
  return rows.length ? stringify(rows, stringifyOptions(options, true)) : '';
}

/** Shortest round-trip form, no exponent for ordinary magnitudes (spreadsheets and R read both, humans prefer this). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  if (!s.includes('e')) return s;
  return Math.abs(n) < 1e-6 ? n.toExponential() : n.toFixed(20).replace(/0+$/, '');
}

/** Streams rows to a file in batches: flat memory for tables with millions of rows. */
export class CsvWriter {
  private fd: number;
  private batch: Cell[][] = [];
  rows = 0;

  /** `header`: false for rows that another file's header will head (see tables.ts, rows written before their event). */
  constructor(
    readonly path: string,
    readonly columns: string[],
    private readonly options: CsvOptions,
    header = true,
  ) {
    this.fd = openSync(path, 'w');
    if (header) writeSync(this.fd, toCsv(columns, [], options));
  }

  write(row: Cell[]): void {
    this.batch.push(row);
    this.rows++;
    if (this.batch.length >= 1000) this.flush();
  }

  private flush(): void {
    if (!this.batch.length) return;
    writeSync(this.fd, csvRows(this.batch, this.options));
    this.batch = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
