/**
 * Input readers: paths → files (sorted, deduplicated) → articles or coded problems, streamed in the canonical order
 * (files by absolute path, then line). Nothing here throws on bad data: a bad record becomes a Problem and the run
 * goes on. A missing input path is a usage error (exit 2) raised before anything runs.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Article, Problem } from '../types.js';
import { CODES, type Code } from '../errors.js';
import { decodeBytes } from './decode.js';
import { missingColumnMessage, resolveColumns, type ColumnMap, type ColumnOverrides, type IntakeReport } from './columns.js';
import { normaliseDate, type DateOrder } from './dates.js';
import { walkInputs } from './walk.js';
import { parseCsvRows } from './csv-rows.js';
import { nonScalarField } from './fields.js';

export const FORMATS = ['.txt', '.jsonl', '.csv'] as const;
/** The manifest that gives metadata to the .txt files of its folder; never read as articles. */
export const MANIFEST_NAME = 'corpus.csv';
const KNOWN_KEYS = new Set(['id', 'title', 'outlet', 'publisher', 'date', 'url', 'event']);

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user: the argument joined with the path below it (POSIX separators). */
  display: string;
  /** Path relative to the input root (the argument if a directory, its folder if a file). */
  rel: string;
  /** Set when the walk could not use this path (a loop, a broken link, an unreadable folder): listed, not read. */
  problem?: { code: Code; message: string };
}

export interface ReadSettings {
  /** Articles longer than this (characters) are rejected with E_TOO_LONG. */
  maxChars: number;
  /** --columns: field → column name, overriding the recognised names (.csv and .jsonl). */
  columns?: ColumnOverrides;
  /** --date-order: how to read a numeric date whose day and month could be swapped. */
  dateOrder?: DateOrder;
  /** Filled in while reading: which columns fed which fields, files with no outlet column. */
  intake?: IntakeReport;
}

export type ReadItem = { article: Article; problem?: undefined } | { problem: Problem; seq: number; article?: undefined };

/** CSV rows may end in CRLF or LF, mixed within a file (a header saved by one tool, rows by another). */
const LINE_ENDINGS = ['\r\n', '\n'];

const posix = (p: string) => p.split(sep).join('/');

/**
 * Expand input arguments into files in canonical order (independent of the order of the arguments), each file once;
 * paths the walk could not use come back with a `problem`. `out`: the --out folder, never read. See walk.ts.
 */
export function expandInputs(paths: string[], options: { out?: string } = {}): InputFile[] {
  return walkInputs(paths, options);
}

function extensionOf(path: string): string {
  const b = basename(path).toLowerCase();
  const i = b.lastIndexOf('.');
  return i < 0 ? '' : b.slice(i);
}

interface Meta {
  id?: string;
  outlet?: string;
  date?: string;
  title?: string;
  url?: string;
  event?: string;
  extra: Record<string, string>;
}

/**
 * Metadata from a record's fields: through `map` (the columns resolved for a .csv or .jsonl file), else by the
 * native key names (.txt headers, corpus.csv). Columns that feed no field are kept as extra metadata.
 */
function metaFromFields(fields: Record<string, unknown>, skip: Set<string>, map?: ColumnMap): Meta {
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v).trim());
  const used = new Set(map ? Object.values(map) : []);
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (KNOWN_KEYS.has(k) || skip.has(k) || used.has(k) || v === null || typeof v === 'object') continue;
    extra[k] = String(v);
  }
  const get = (f: keyof ColumnMap) => (map ? (map[f] === undefined ? undefined : str(fields[map[f]!])) : str(fields[f]));
  return {
    id: get('id') || undefined,
    outlet: (map ? get('outlet') : str(fields.outlet) || str(fields.publisher)) || undefined,
    date: get('date'),
    title: get('title'),
    url: get('url'),
    event: get('event'),
    extra,
  };
}

/** Reads corpus.csv manifests once per folder. */
class ManifestCache {
  private cache = new Map<string, Map<string, Record<string, string>> | null>();
  problems: Problem[] = [];

  lookup(file: InputFile): Record<string, string> | undefined {
    const dir = dirname(file.path);
    if (!this.cache.has(dir)) this.cache.set(dir, this.load(dir, file));
    const rows = this.cache.get(dir);
    return rows?.get(basename(file.path));
  }

  private load(dir: string, file: InputFile): Map<string, Record<string, string>> | null {
    const path = join(dir, MANIFEST_NAME);
    if (!existsSync(path)) return null;
    const display = posix(join(dirname(file.display), MANIFEST_NAME));
    // An unreadable corpus.csv is listed, not fatal
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      this.problems.push({ input: display, line: 0, articleId: '', code: 'E_READ', message: `${CODES.E_READ}: ${(e as { code?: string }).code ?? (e as Error).message}` });
      return null;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) {
      this.problems.push({ input: display, line: decoded.line, articleId: '', code: decoded.code, message: decoded.message });
      return null;
    }
    try {
      const rows = parseCsvSync(decoded.text, { columns: true, skip_empty_lines: true, trim: true, bom: true, record_delimiter: LINE_ENDINGS }) as Record<string, string>[];
      const map = new Map<string, Record<string, string>>();
      for (const r of rows) if (r.file) map.set(basename(r.file), r);
      return map;
    } catch (e) {
      const err = e as { message: string; lines?: number };
      this.problems.push({ input: display, line: err.lines ?? 1, articleId: '', code: 'E_CSV', message: `corpus.csv: ${err.message}` });
      return null;
    }
  }
}

/** Parse the optional `key: value` header block of a .txt file. Returns the header and where the body starts. */
export function parseTxtHeader(text: string): { fields: Record<string, string>; bodyStart: number; bodyLine: number } | null {
  const keyLine = /^([a-z][a-z0-9_-]*)[ \t]*:[ \t]*(.*?)\r?$/;
  const fields: Record<string, string> = {};
  let pos = 0;
  let line = 1;
  let sawKnown = false;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const raw = text.slice(pos, nl < 0 ? text.length : nl);
    const next = nl < 0 ? text.length : nl + 1;
    if (raw.replace(/\r$/, '').trim() === '') {
      if (line === 1) return null;
      return sawKnown ? { fields, bodyStart: next, bodyLine: line + 1 } : null;
    }
    const m = keyLine.exec(raw);
    if (!m) return null;
    fields[m[1]] = m[2];
    if (KNOWN_KEYS.has(m[1])) sawKnown = true;
    pos = next;
    line++;
  }
  // A header block and no blank line after it: a header with no body.
  return sawKnown ? { fields, bodyStart: text.length, bodyLine: line } : null;
}

/**
 * Stream articles and problems from the files, in order. `seq` numbers every record (article or rejected) so that
 * shard runs, which read everything but analyse a part, agree on the order.
 */
export async function* readCorpus(
  files: InputFile[],
  settings: ReadSettings,
  onFileDone?: (file: InputFile, sha256: string, bytes: number) => void,
): AsyncGenerator<ReadItem> {
  const manifests = new ManifestCache();
  const seenIds = new Set<string>();
  let seq = 0;

  const problem = (file: InputFile, line: number, code: Code, message: string, articleId = '', at?: number): ReadItem => ({
    problem: { input: file.display, line, articleId, code, message },
    seq: at ?? seq++,
  });

  /**
   * Checks shared by all formats; returns the article or a problem, and with the article a note (same seq) when its
   * date could not be read.
   */
  const make = (file: InputFile, line: number, defaultId: string, text: string, meta: Meta): ReadItem[] => {
    const id = meta.id || defaultId;
    const s = seq++;
    if (text.trim() === '') return [problem(file, line, 'E_EMPTY', CODES.E_EMPTY, id, s)];
    if (text.length > settings.maxChars) {
      return [problem(file, line, 'E_TOO_LONG', `article has ${text.length} characters; the limit is ${settings.maxChars} (--max-chars)`, id, s)];
    }
    if (seenIds.has(id)) return [problem(file, line, 'E_DUPLICATE_ID', `duplicate article id ${JSON.stringify(id)}: an earlier article has it`, id, s)];
    seenIds.add(id);
    const date = normaliseDate(meta.date ?? '', settings.dateOrder);
    const note: ReadItem[] = [];
    if (!date.ok) {
      note.push(problem(file, line, date.code, date.message, id, s));
      if (settings.intake) settings.intake.datesNotRead++;
    }
    const item: ReadItem = {
      article: {
        id,
        seq: s,
        outlet: meta.outlet || 'unknown',
        date: date.ok ? date.date : '',
        event: meta.event ?? '',
        title: meta.title ?? '',
        url: meta.url ?? '',
        text,
        source: { input: file.display, line },
        extra: meta.extra,
      },
    };
    return [item, ...note];
  };

  for (const file of files) {
    // Paths the walk listed (loops, broken links, unreadable folders, output folders)
    if (file.problem) {
      yield problem(file, 0, file.problem.code, file.problem.message);
      continue;
    }
    const ext = extensionOf(file.path);
    if (basename(file.path) === MANIFEST_NAME) {
      // Metadata for its folder's .txt files; hashed for the manifest but not read as articles.
      try {
        const buf = readFileSync(file.path);
        onFileDone?.(file, createHash('sha256').update(buf).digest('hex'), buf.length);
      } catch {
        /* reported when looked up */
      }
      continue;
    }
    if (!(FORMATS as readonly string[]).includes(ext)) {
      yield problem(file, 0, 'E_UNSUPPORTED', `${CODES.E_UNSUPPORTED}: ${ext || 'no extension'}`);
      continue;
    }
    if (ext === '.jsonl') {
      yield* readJsonl(file, (line, id, text, meta) => make(file, line, id, text, meta), () => seq++, settings, onFileDone);
      continue;
    }
    let buf: Buffer;
    try {
      buf = readFileSync(file.path);
    } catch (e) {
      yield problem(file, 0, 'E_READ', `${CODES.E_READ}: ${(e as Error).message}`);
      continue;
    }
    onFileDone?.(file, createHash('sha256').update(buf).digest('hex'), buf.length);
    const decoded = decodeBytes(buf);
    if (!decoded.ok) {
      yield problem(file, decoded.line, decoded.code, decoded.message, ext === '.txt' ? file.rel : '');
      continue;
    }
    if (ext === '.txt') {
      const header = parseTxtHeader(decoded.text);
      let meta: Meta;
      let text = decoded.text;
      let line = 1;
      if (header) {
        meta = metaFromFields(header.fields, new Set());
        text = decoded.text.slice(header.bodyStart);
        line = header.bodyLine;
        if (text.trim() === '') {
          yield problem(file, line, 'E_EMPTY', 'header block with no article text after it', meta.id || file.rel);
          continue;
        }
      } else {
        meta = { extra: {} };
      }
      if (!meta.outlet) {
        const row = manifests.lookup(file);
        for (const p of manifests.problems.splice(0)) yield { problem: p, seq: seq++ };
        if (row) {
          const m = metaFromFields(row, new Set(['file']));
          meta = { ...m, ...Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')), extra: { ...m.extra, ...meta.extra } };
        }
      }
      yield* make(file, line, file.rel, text, meta);
      continue;
    }
    // .csv
    yield* readCsvRecords(file, decoded.text, (line, text, meta) => make(file, line, `${file.rel}#${line}`, text, meta), () => seq++, settings);
  }
}

/** The warning for a file none of whose records has an outlet column (an errors.csv row; the articles are kept). */
function noOutletProblem(file: InputFile, names: string[], settings: ReadSettings, seq: number): ReadItem {
  settings.intake?.noOutlet.push(file.display);
  const message = missingColumnMessage('outlet', names, settings.columns ?? {}, 'every article of this file has outlet "unknown"');
  return { problem: { input: file.display, line: 1, articleId: '', code: 'W_NO_OUTLET', message }, seq };
}

async function* readJsonl(
  file: InputFile,
  make: (line: number, id: string, text: string, meta: Meta) => ReadItem[],
  nextSeq: () => number,
  settings: ReadSettings,
  onFileDone?: (file: InputFile, sha256: string, bytes: number) => void,
): AsyncGenerator<ReadItem> {
  const bad = (line: number, code: Code, message: string): ReadItem => ({
    problem: { input: file.display, line, articleId: '', code, message },
    seq: nextSeq(),
  });
  const hash = createHash('sha256');
  let bytes = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let lineNo = 0;
  // Records' key sets are resolved to columns once each; the file is warned about if none has an outlet key.
  const maps = new Map<string, ColumnMap>();
  let sawOutlet = false;
  let firstKeys: string[] | null = null;
  const handleText = function* (raw: string): Generator<ReadItem> {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ \t]*$/.test(lineText)) return; // blank lines are allowed
    if (lineText.includes('\u0000')) {
      yield bad(lineNo, 'E_BINARY', 'NUL byte in this line');
      return;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(lineText);
    } catch (e) {
      yield bad(lineNo, 'E_JSON', `${CODES.E_JSON}: ${(e as Error).message}`);
      return;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      yield bad(lineNo, 'E_JSON', 'each line must be a JSON object');
      return;
    }
    const fields = rec as Record<string, unknown>;
    const keys = Object.keys(fields);
    const sig = keys.join('\u0000');
    let map = maps.get(sig);
    if (!map) {
      map = resolveColumns(keys, settings.columns);
      maps.set(sig, map);
      settings.intake?.noteColumns(file.display, map);
    }
    firstKeys ??= keys;
    if (map.outlet !== undefined) sawOutlet = true;
    if (map.text === undefined) {
      yield bad(lineNo, 'E_NO_TEXT', `record has ${missingColumnMessage('text', keys, settings.columns ?? {}, 'record not read')}`);
      return;
    }
    if (typeof fields[map.text] !== 'string') {
      yield bad(lineNo, 'E_NO_TEXT', `${JSON.stringify(map.text)} must be a string`);
      return;
    }
    // An object or list as id/outlet/… is rejected, not written as "[object Object]".
    const wrong = nonScalarField(fields);
    if (wrong) {
      yield bad(lineNo, 'E_FIELD_TYPE', `"${wrong.field}" must be text or a number, got ${wrong.kind}`);
      return;
    }
    yield* make(lineNo, `${file.rel}#${lineNo}`, fields[map.text] as string, metaFromFields(fields, new Set([map.text]), map));
  };
  const handle = function* (lineBuf: Buffer): Generator<ReadItem> {
    lineNo++;
    let body = lineBuf;
    if (lineNo === 1 && body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
    if (body.length === 0 || body.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) return; // blank lines are allowed
    let lineText: string;
    try {
      lineText = decoder.decode(body);
    } catch {
      yield bad(lineNo, 'E_UTF8', 'invalid UTF-8 in this line');
      return;
    }
    yield* handleText(lineText);
  };
  // A file starting with a UTF-16 byte-order mark is decoded whole (its lines are not byte-separable as UTF-8).
  let utf16: Buffer[] | null = null;
  let stream;
  try {
    stream = createReadStream(file.path);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      if (bytes === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) utf16 = [];
      bytes += chunk.length;
      if (utf16) {
        utf16.push(chunk);
        continue;
      }
      let from = 0;
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] !== 0x0a) continue;
        pending.push(chunk.subarray(from, i));
        yield* handle(Buffer.concat(pending));
        pending = [];
        from = i + 1;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
    }
  } catch (e) {
    yield bad(lineNo + 1, 'E_READ', `${CODES.E_READ}: ${(e as Error).message}`);
    return;
  }
  if (utf16) {
    const decoded = decodeBytes(Buffer.concat(utf16));
    if (decoded.ok) {
      for (const line of decoded.text.split('\n')) {
        lineNo++;
        yield* handleText(line);
      }
    }
  } else if (pending.length) yield* handle(Buffer.concat(pending));
  if (firstKeys && !sawOutlet) yield noOutletProblem(file, firstKeys, settings, nextSeq());
  onFileDone?.(file, hash.digest('hex'), bytes);
}

async function* readCsvRecords(
  file: InputFile,
  text: string,
  make: (line: number, text: string, meta: Meta) => ReadItem[],
  nextSeq: () => number,
  settings: ReadSettings,
): AsyncGenerator<ReadItem> {
  // Records in line order, resynchronised after a stray quotation mark (csv-rows.ts).
  let header: string[] | null = null;
  const entries = parseCsvRows(text, (names) => (header = names));
  const names: string[] = header ?? [];
  const map = resolveColumns(names, settings.columns);
  if (header) {
    settings.intake?.noteColumns(file.display, map);
    if (map.text === undefined) {
      const message = `CSV header has ${missingColumnMessage('text', names, settings.columns ?? {}, 'nothing in this file was read')}`;
      yield { problem: { input: file.display, line: 1, articleId: '', code: 'E_NO_TEXT', message }, seq: nextSeq() };
      return;
    }
    if (map.outlet === undefined && entries.some((e) => e.record)) yield noOutletProblem(file, names, settings, nextSeq());
  }
  for (const e of entries) {
    if (!e.record) {
      yield { problem: { input: file.display, line: e.line, articleId: '', code: e.code!, message: e.message! }, seq: nextSeq() };
    } else {
      yield* make(e.line, e.record[map.text!] ?? '', metaFromFields(e.record, new Set([map.text!]), map));
    }
  }
}
