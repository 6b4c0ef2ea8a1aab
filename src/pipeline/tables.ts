/**
 * The reduce step: from articles.jsonl (in `seq` order) and the list of rejected inputs to every table, staged for an
 * atomic commit. `run` and `merge` both end here, so a merge of shards writes exactly what one run would.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzedArticle, Problem } from '../types.js';
import { CsvWriter, csvRows, type CsvOptions, toCsv } from '../export/csv.js';
import type { Staging } from '../export/atomic.js';
import { readRecords } from './records.js';
import { ARTICLE_COLUMNS, ERROR_COLUMNS, HIT_COLUMNS, QUOTE_COLUMNS } from './columns.js';
import { ALL_EVENTS, UNASSIGNED } from '../aggregate/events.js';
import { EventGrouper, type EventAssignment } from './event-groups.js';
import { EventSummaries } from '../aggregate/events.js';
import { BucketedTables } from './buckets.js';
import { writeCodebook } from '../export/codebook.js';
import type { ReportMessage } from '../export/report-worker.js';
import type { ReportMeta } from '../export/report.js';
import { workerScript } from '../paths.js';
import { ask } from './ask.js';
import { spilledRecord, type Tables } from '../aggregate/tables.js';
import { forEachLine, LineReader } from './lines.js';

/**
 * report.html is rendered in a worker thread (src/export/report-worker.ts) while the main thread writes the CSV
 * tables. `run` starts the worker early so that vega loads while the analysis runs; `render` starts it if not.
 */
export class ReportRenderer {
  private worker: Worker | null = null;
  /** A failure of the worker before or while rendering (kept so that it surfaces when the report is asked for). */
  private failure: Error | null = null;

  start(): void {
    if (this.worker) return;
    this.worker = new Worker(workerScript('export/report-worker.js'));
    this.worker.on('error', (e) => (this.failure = e));
    this.worker.unref();
  }

  /** Render one charted event's section from its rows (`reportRows`), in the background. */
  section(event: string, tables: Tables): void {
    this.start();
    this.worker!.postMessage({ section: { event, tables } } satisfies ReportMessage);
  }

  /** The page, once every event of `events` (in page order) was given to `section`. */
  async page(events: string[], eventCount: number, meta: ReportMeta): Promise<string> {
    this.start();
    if (this.failure) throw new Error(`report.html: ${this.failure.message}`);
    return (await ask<{ html: string }>(this.worker!, { page: { events, eventCount, meta } } satisfies ReportMessage, 'report.html')).html;
  }

  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
  }
}

export type EventMode = 'metadata' | 'auto' | 'none';

/** Event cells cached while the rows written before their events are filled in (see Reduction.resolveEvents). */
const CELL_CACHE = 4096;

export interface TableSettings {
  /** `null`: metadata where every article has an event, else auto (SPEC). */
  events: EventMode | null;
  excel: boolean;
  frames: string[];
  version: string;
  /** Known by the caller (run counts it while writing records): lets the default event mode skip a pass. */
  allHaveEvents?: boolean;
  /** A renderer started earlier by the caller (and closed by it); else one is made for this call. */
  report?: ReportRenderer;
  /** Reduce worker threads for the comparison tables (default 1). */
  workers?: number;
}

export interface TableCounts {
  articles: number;
  quotes: number;
  frameHits: number;
  rejected: number;
  notes: number;
  events: number;
  eventMode: EventMode;
}

export type SeqProblem = Problem & { seq: number };

/**
 * The per-article half of the reduce, fed one record at a time in seq order: the rows of articles.csv, quotes.csv and
 * frame_hits.csv, the aggregate inputs and events.csv's inputs (spilled by event bucket, see buckets.ts) and the
 * notes (NoteFile), all written to files as they come. `run` feeds it while the analysis runs; `writeTables` feeds it
 * from articles.jsonl. `finish` writes everything else.
 *
 * `deferred`: the records come before their events are known (auto grouping during the analysis). Their rows are
 * written to pending files with a placeholder in the event column (a random token and the record's seq: letters
 * and digits, which CSV never quotes), their aggregate inputs to a pending file in seq order, and `resolveEvents`,
 * once the grouping is done, copies the rows with each placeholder replaced by the event's CSV cell and spills the
 * aggregate inputs to their buckets. Nothing is parsed again, and the bytes are those of rows written with their
 * events (a CSV row is its cells' encodings joined).
 */
class Reduction {
  private readonly articles: CsvWriter;
  private readonly quotes: CsvWriter;
  private readonly hits: CsvWriter;
  private readonly buckets: BucketedTables;
  private readonly notes: NoteFile;
  private closed = false;
  private pending: { dir: string; aggregates: number; token: string } | null = null;

  constructor(
    private readonly settings: TableSettings,
    private readonly staging: Staging,
    deferred = false,
  ) {
    const csv: CsvOptions = { excel: settings.excel };
    if (deferred) {
      const dir = mkdtempSync(join(staging.dir, 'pending-'));
      this.pending = { dir, aggregates: openSync(join(dir, 'aggregates.tsv'), 'w'), token: `FLEVENT${randomBytes(12).toString('hex')}` };
      this.articles = new CsvWriter(join(dir, 'articles.csv'), ARTICLE_COLUMNS, csv, false);
      this.quotes = new CsvWriter(join(dir, 'quotes.csv'), QUOTE_COLUMNS, csv, false);
      this.hits = new CsvWriter(join(dir, 'frame_hits.csv'), HIT_COLUMNS, csv, false);
    } else {
      this.articles = new CsvWriter(staging.path('articles.csv'), ARTICLE_COLUMNS, csv);
      this.quotes = new CsvWriter(staging.path('quotes.csv'), QUOTE_COLUMNS, csv);
      this.hits = new CsvWriter(staging.path('frame_hits.csv'), HIT_COLUMNS, csv);
    }
    this.buckets = new BucketedTables(settings.frames, staging.dir, settings.workers ?? 1);
    this.notes = new NoteFile(staging.dir);
  }

  /** One record with its event (ignored while `deferred`). */
  add(r: AnalyzedArticle, event: string): void {
    const p = this.pending;
    if (p) {
      writeArticleRows(r, `${p.token}N${r.seq}N`, this.articles, this.quotes, this.hits);
      const terms = this.buckets.addCorpus(r);
      writeSync(p.aggregates, `${r.seq}\t${JSON.stringify(r.outlet)}\t${JSON.stringify(r.date)}\t${JSON.stringify(spilledRecord(r, terms))}\n`);
    } else {
      writeArticleRows(r, event, this.articles, this.quotes, this.hits);
      this.buckets.add(r, event);
    }
    this.notes.add(r);
  }

  /**
   * The deferred rows and aggregate inputs with their events (see the class comment); then `finish` as usual. Each
   * pending file is in seq order, so each is read with a fresh cursor of the assignment.
   */
  resolveEvents(assignment: EventAssignment): void {
    const p = this.pending!;
    this.close();
    closeSync(p.aggregates);
    const csv: CsvOptions = { excel: this.settings.excel };
    // Each event's CSV cell, cached for the rows of one article (and of the next few: the cache is emptied when it
    // reaches CELL_CACHE events, so that it does not hold one entry per event of the corpus).
    const cells = new Map<string, string>();
    let eventOf: (seq: number) => string; // a fresh cursor for each pending file below
    const cellOf = (seq: string): string => {
      const event = eventOf(Number(seq));
      let c = cells.get(event);
      if (c === undefined) {
        if (cells.size === CELL_CACHE) cells.clear();
        c = csvRows([[event]], csv).replace(/\r?\n$/, '');
        cells.set(event, c);
      }
      return c;
    };
    const placeholder = new RegExp(`${p.token}N(\\d+)N`, 'g');
    for (const w of [this.articles, this.quotes, this.hits]) {
      eventOf = assignment.cursor();
      const fd = openSync(this.staging.path(basename(w.path)), 'w');
      try {
        writeSync(fd, toCsv(w.columns, [], csv));
        // Whole lines at a time (a placeholder never spans lines; a quoted cell may hold empty lines).
        const pending = new LineReader(w.path);
        for (let text = pending.nextLines(); text !== null; text = pending.nextLines()) {
          writeSync(fd, text.replace(placeholder, (_, seq: string) => cellOf(seq)));
        }
      } finally {
        closeSync(fd);
      }
    }
    eventOf = assignment.cursor();
    forEachLine(join(p.dir, 'aggregates.tsv'), (line) => {
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      const c = line.indexOf('\t', b + 1);
      const event = eventOf(Number(line.slice(0, a)));
      this.buckets.spill(event, JSON.parse(line.slice(a + 1, b)) as string, JSON.parse(line.slice(b + 1, c)) as string, line.slice(c + 1));
    });
    rmSync(p.dir, { recursive: true, force: true });
    this.pending = null;
  }

  /** Close the per-article tables. */
  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.articles.close();
    this.quotes.close();
    this.hits.close();
  }

  /** Give up (the next `Reduction` overwrites the same staged files): close the tables, remove the spill files. */
  discard(): void {
    this.close();
    this.buckets.discard();
    this.notes.discard();
    if (this.pending) {
      closeSync(this.pending.aggregates);
      rmSync(this.pending.dir, { recursive: true, force: true });
      this.pending = null;
    }
  }

  /** Everything after the per-article rows: aggregate tables, events, errors, report, codebook. */
  async finish(problems: SeqProblem[], mode: EventMode): Promise<TableCounts> {
    this.close();
    const { settings, staging } = this;
    const csv: CsvOptions = { excel: settings.excel };
    const renderer = settings.report ?? new ReportRenderer();
    try {
      const { columns, charted, eventCount } = await this.buckets.finish(staging, csv, (event, tables) => renderer.section(event, tables));
      const html = renderer.page(charted, eventCount, { title: 'framelens report', generated: `${this.articles.rows} articles`, version: settings.version });
      html.catch(() => undefined); // awaited below; an early rejection must not go unhandled meanwhile
      const errors = new CsvWriter(staging.path('errors.csv'), ERROR_COLUMNS, csv);
      for (const p of this.notes.mergedWith(problems)) errors.write([p.input, p.line, p.articleId, p.code, p.message]);
      errors.close();
      writeCodebook(staging, settings, columns, EventSummaries.COLUMNS);
      staging.write('report.html', await html);
      return {
        articles: this.articles.rows,
        quotes: this.quotes.rows,
        frameHits: this.hits.rows,
        // W_ rows (a file with no outlet column, a date not read) are notes: their articles were kept.
        rejected: problems.filter((p) => !p.code.startsWith('W_')).length,
        notes: this.notes.count + problems.filter((p) => p.code.startsWith('W_')).length,
        events: eventCount,
        eventMode: mode,
      };
    } finally {
      if (!settings.report) await renderer.close();
    }
  }
}

/** errors.csv's order: input order (seq), then code; stable, so a record's notes of one code keep their order. */
function compareProblems(a: SeqProblem, b: SeqProblem): number {
  return a.seq - b.seq || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The records' notes (errors.csv's rows that are not rejected inputs: unbalanced quotation marks, …), one JSON line
 * each in a temporary file as the records come in seq order, so that they are not held in memory (about one article
 * in seven has one); `mergedWith` reads them back merged with the rejected inputs in errors.csv's order.
 */
export class NoteFile {
  private readonly dir: string;
  private fd: number | null;
  count = 0;

  constructor(parent: string) {
    this.dir = mkdtempSync(join(parent, 'notes-'));
    this.fd = openSync(join(this.dir, 'notes.jsonl'), 'w');
  }

  /** A record's notes (records come in seq order). */
  add(r: Pick<AnalyzedArticle, 'seq' | 'notes'>): void {
    if (!r.notes.length) return;
    const notes = r.notes.map((n) => ({ ...n, seq: r.seq })).sort(compareProblems);
    writeSync(this.fd!, notes.map((n) => JSON.stringify(n)).join('\n') + '\n');
    this.count += notes.length;
  }

  /**
   * Every note and every problem in errors.csv's order (as one stable sort of the problems followed by the notes):
   * a rejected input never has a record, so no seq has both.
   */
  *mergedWith(problems: SeqProblem[]): Generator<SeqProblem> {
    this.close();
    const sorted = [...problems].sort(compareProblems);
    let k = 0;
    const lines = new LineReader(join(this.dir, 'notes.jsonl'));
    for (let line = lines.next(); line !== null; line = lines.next()) {
      const note = JSON.parse(line) as SeqProblem;
      while (k < sorted.length && compareProblems(sorted[k], note) <= 0) yield sorted[k++];
      yield note;
    }
    while (k < sorted.length) yield sorted[k++];
    this.discard();
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  discard(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The reduce step run alongside the analysis: `run` hands each record over as it is written to articles.jsonl (in seq
 * order), and where every record's event is known on arrival (`--events metadata|none`, or the default while every
 * record has an event) the per-article tables are written and the aggregates summed right then, so the main thread
 * works while the workers analyse and nothing is read back. With auto grouping from the first record (`--events
 * auto`, or the default for a corpus whose first record has no event) the records feed the grouping's first pass
 * (document frequencies and sorted runs, event-groups.ts) and a deferred `Reduction` (rows written before their
 * events), and `finish` groups, fills the events in and finishes. A corpus whose events stop part-way (the default
 * switching to auto later) falls back to `writeTables` over the finished file. Either way the output bytes are the same.
 */
export class StreamingTables {
  /** Records with their events; null once streaming is given up (or never started, with `--events auto`). */
  private reduction: Reduction | null;
  /** Auto grouping from the first record: the grouping and the rows written before their events. */
  private auto: { grouper: EventGrouper; rows: Reduction } | null = null;
  private allHaveEvents = true;
  private records = 0;

  constructor(
    private readonly settings: TableSettings,
    private readonly staging: Staging,
  ) {
    this.reduction = settings.events === 'auto' ? null : new Reduction(settings, staging);
    if (settings.events === 'auto') this.startAuto();
  }

  private startAuto(): void {
    this.auto = { grouper: new EventGrouper(this.staging.dir), rows: new Reduction(this.settings, this.staging, true) };
  }

  /** Whether the tables wait for an auto event grouping at the end. */
  get grouping(): boolean {
    return this.reduction === null;
  }

  /** The next record in seq order: its event, and the record itself, parsed only if this step still needs it. */
  add(recordEvent: string, record: () => AnalyzedArticle): void {
    this.records++;
    if (!recordEvent) this.allHaveEvents = false;
    if (this.reduction && this.settings.events === null && !recordEvent) {
      // The default mode turns out to be auto: stop streaming the tables. From the first record on, group as they come;
      // later, `finish` reads the file.
      this.reduction.discard();
      this.reduction = null;
      if (this.records === 1) this.startAuto();
    }
    if (this.auto) {
      const r = record();
      this.auto.grouper.add(r);
      this.auto.rows.add(r, '');
    } else if (this.reduction) {
      const r = record();
      this.reduction.add(r, this.settings.events === 'none' ? ALL_EVENTS : r.event || UNASSIGNED);
    }
  }

  finish(recordsPath: string, problems: SeqProblem[]): Promise<TableCounts> {
    if (this.reduction) return this.reduction.finish(problems, this.settings.events ?? 'metadata');
    if (this.auto) {
      try {
        this.auto.rows.resolveEvents(this.auto.grouper.assign());
      } finally {
        this.auto.grouper.discard();
      }
      return this.auto.rows.finish(problems, 'auto');
    }
    return writeTables(recordsPath, problems, { ...this.settings, allHaveEvents: this.allHaveEvents }, this.staging);
  }

  /** Remove temporary files of a run that failed. */
  discard(): void {
    this.reduction?.discard();
    this.auto?.grouper.discard();
    this.auto?.rows.discard();
  }
}

export async function writeTables(
  recordsPath: string,
  problems: SeqProblem[],
  settings: TableSettings,
  staging: Staging,
): Promise<TableCounts> {
  // Pass 1 (auto grouping only): document frequencies, and every article's terms and date to sorted runs on disk
  // (event-groups.ts). Metadata and none need no extra pass.
  let mode: EventMode | null = settings.events;
  if (mode === null && settings.allHaveEvents !== undefined) mode = settings.allHaveEvents ? 'metadata' : 'auto';
  const grouper = new EventGrouper(staging.dir);
  try {
    let autoEventOf: ((seq: number) => string) | null = null;
    if (mode === null || mode === 'auto') {
      let allHaveEvents = true;
      for await (const r of readRecords(recordsPath)) {
        if (!r.event) allHaveEvents = false;
        grouper.add(r);
      }
      mode ??= allHaveEvents ? 'metadata' : 'auto';
      if (mode === 'auto') autoEventOf = grouper.assign().cursor();
    }
    const eventOf = (r: AnalyzedArticle): string =>
      autoEventOf ? autoEventOf(r.seq) : mode === 'none' ? ALL_EVENTS : r.event || UNASSIGNED;

    // Pass 2 (records in seq order, as the assignment is read): per-article tables streamed; aggregate inputs
    // spilled by event.
    const reduction = new Reduction(settings, staging);
    for await (const r of readRecords(recordsPath)) reduction.add(r, eventOf(r));
    return await reduction.finish(problems, mode!);
  } finally {
    grouper.discard();
  }
}

function writeArticleRows(r: AnalyzedArticle, event: string, articles: CsvWriter, quotes: CsvWriter, hits: CsvWriter): void {
  let author = 0;
  for (const h of r.hits) if (h.voice === 'author') author++;
  articles.write([
    r.id, r.outlet, r.date, event, r.title, r.source, r.tokens, r.sentences, r.quotes.length, r.quotedTokens,
    r.hits.length, author, r.hits.length - author, r.url, r.chars,
  ]);
  for (const q of r.quotes) {
    quotes.write([
      r.id, r.outlet, event, q.id, q.kind, q.speaker, q.speakerMention, q.speakerStart, q.speakerEnd, q.speakerRole,
      q.speakerType, q.cue, q.text, q.start, q.end, q.tokens, q.cueStart, q.cueEnd, q.gaps.map(([a, b]) => `${a}..${b}`).join(';'),
    ]);
  }
  for (const h of r.hits) {
    hits.write([
      r.id, r.outlet, event, h.frame, h.term, h.match, h.voice, h.speaker, h.quoteId, h.negated, h.sentence, h.start,
      h.end, h.leftContext, h.rightContext,
    ]);
  }
}
