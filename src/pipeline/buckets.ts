/**
 * The comparison tables and events.csv with memory bounded by a bucket of events rather than by the corpus. Each
 * article's aggregate input (its terms, quotes, frame hits: a `SpilledRecord`, its terms as numbers of the corpus's
 * `Vocabulary`) is spilled as one JSON line to a temporary file chosen by a stable hash of its event, one of BUCKETS
 * files under the output's staging folder, and its event, outlet and date as a short line to that bucket's events
 * file. What stays in memory while the articles stream past is corpus-wide and does not grow with the articles: the
 * terms of the whole corpus with their counts (the log-odds prior: one entry per distinct term, so it grows with the
 * vocabulary) and the outlets.
 *
 * `finish` first reads the events files one bucket at a time: each bucket's events.csv rows (EventSummaries of that
 * bucket alone) and the REPORT_MAX_EVENTS largest events so far, from which the report's charted events come. Then it
 * reduces the buckets (reduce-bucket.ts) — on the main thread, or with `--workers` above 1 in as many reduce worker
 * threads, each holding one bucket at a time (a large bucket one part of it at a time) — with an `Aggregator` given
 * the corpus-wide inputs, so each bucket's rows are exactly the whole corpus's rows for its events; the charted
 * events' buckets go first, so the report renders while the other buckets are reduced. Every table's rows come back
 * as CSV text per event and are appended to one temporary file per table, and each bucket writes an index of its
 * events in event order with the byte ranges of their rows (`RowIndex`); the tables are then assembled by merging
 * the buckets' indexes (a heap of 2 × BUCKETS sorted files at most) and copying the ranges in event order. Nothing is
 * kept per event of the corpus, only per event of the bucket at hand: under auto grouping, with nearly one event per
 * article, the per-event state held until 0.2.5 grew with the corpus (synthetic 300× with auto grouping, 251,006
 * events: peak RSS 405 MB then, 347 MB without it). Spill files are removed as they are read, and the folder at the
 * end (or by the next run's Staging, after a crash).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle } from '../types.js';
import { Aggregator, spilledRecord, type CorpusContext, type Tables } from '../aggregate/tables.js';
import { Vocabulary } from '../aggregate/vocabulary.js';
import { EventSummaries } from '../aggregate/events.js';
import { ChartedEvents } from '../export/report-data.js';
import { Worker } from 'node:worker_threads';
import { csvRows, toCsv, type CsvOptions } from '../export/csv.js';
import type { Staging } from '../export/atomic.js';
import { workerScript } from '../paths.js';
import { ask } from './ask.js';
import { forEachLine } from './lines.js';
import { mergeSortedFiles } from './sorted-runs.js';
import { eventBits, reduceBucket, SPLIT_BYTES, TABLES, type BucketResult, type ReduceData, type ReduceJob, type TableName } from './reduce-bucket.js';

/**
 * Number of spill files. Memory of the reduce is about that of the largest bucket (1/BUCKETS of the corpus's events),
 * or of its largest part of about SPLIT_BYTES of spill when it is larger than that (reduce-bucket.ts).
 */
export const BUCKETS = 64;

/** Stable bucket of an event: the first 48 bits of its sha256, modulo BUCKETS. */
export function bucketOf(event: string): number {
  return eventBits(event, 0) % BUCKETS;
}

/** The tables `finish` writes: the five comparison tables, then events.csv. */
const OUTPUTS = [...TABLES, 'events'] as const;
type OutputName = (typeof OUTPUTS)[number];

export class BucketedTables {
  private readonly dir: string;
  /** Spill and events file descriptors by bucket. */
  private readonly spills = new Map<number, { data: number; events: number }>();
  /** Every outlet of the corpus. */
  private readonly outlets = new Set<string>();
  /** The corpus's terms, numbered, with their counts (the log-odds prior). */
  private readonly vocabulary = new Vocabulary();

  /**
   * Spill files go to a fresh folder under `parent` (the output's staging folder); `threads` reduce workers at the end;
   * a spill file above `splitBytes` is reduced in parts (reduce-bucket.ts).
   */
  constructor(
    private readonly frames: string[],
    parent: string,
    private readonly threads = 1,
    private readonly splitBytes = SPLIT_BYTES,
  ) {
    this.dir = mkdtempSync(join(parent, 'buckets-'));
  }

  add(rec: AnalyzedArticle, event: string): void {
    this.spill(event, rec.outlet, rec.date, JSON.stringify(spilledRecord(rec, this.addCorpus(rec))));
  }

  /** The corpus-wide part of a record: its term counts, into the log-odds prior. Returns its terms numbered. */
  addCorpus(rec: Pick<AnalyzedArticle, 'terms'>): number[] {
    return this.vocabulary.add(rec.terms);
  }

  /** A record's aggregate input, serialised (`JSON.stringify(spilledRecord(rec, addCorpus(rec)))`), to its event's bucket. */
  spill(event: string, outlet: string, date: string, aggregateJson: string): void {
    const b = bucketOf(event);
    let fds = this.spills.get(b);
    if (fds === undefined) {
      fds = { data: openSync(this.spillPath(b), 'w'), events: openSync(this.eventsPath(b), 'w') };
      this.spills.set(b, fds);
    }
    this.outlets.add(outlet);
    // Written at once, not buffered: a buffer that outlived a few young-generation collections would be promoted to
    // the old generation and leave it to grow with garbage (V8 lets it grow to several times what is live).
    writeSync(fds.events, `${JSON.stringify([event, outlet, date])}\n`);
    writeSync(fds.data, `[${JSON.stringify(event)},${aggregateJson}]\n`);
  }

  /** Give up (the caller starts over): close and remove the spill files. */
  discard(): void {
    this.closeSpills();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private closeSpills(): void {
    for (const fds of this.spills.values()) {
      closeSync(fds.data);
      closeSync(fds.events);
    }
    this.spills.clear();
  }

  /**
   * Write the five comparison tables and events.csv to `staging`, handing each charted event's rows (for the report,
   * `reportRows`) to `charted` as soon as its bucket is reduced. The buckets are reduced by `threads` reduce workers
   * at once (one: the main thread), in any order of completion: each event's rows land in a temporary file, indexed
   * by bucket, and are copied out in event order, so the tables are the same bytes whatever the number of threads.
   * Returns each table's columns, the charted events in the report's order and the number of events.
   */
  async finish(
    staging: Staging,
    csv: CsvOptions,
    charted: (event: string, tables: Tables) => void,
  ): Promise<{ columns: Record<TableName, string[]>; charted: string[]; eventCount: number }> {
    const buckets = [...this.spills.keys()].sort((a, b) => a - b);
    this.closeSpills();
    const { words, counts, total } = this.vocabulary;
    const context: CorpusContext = { words, counts, total, outlets: [...this.outlets].sort() };
    const empty = new Aggregator(this.frames, context).tables();
    const rows = new RowFiles(this.dir);
    try {
      // events.csv's rows and the charted events, one bucket at a time.
      let eventCount = 0;
      const chartedEvents = new ChartedEvents();
      for (const b of buckets) {
        const summaries = new EventSummaries();
        forEachLine(this.eventsPath(b), (line) => {
          const [event, outlet, date] = JSON.parse(line) as [string, string, string];
          summaries.add(event, outlet, date);
        });
        rmSync(this.eventsPath(b));
        const sizes = summaries.sizes();
        eventCount += sizes.length;
        chartedEvents.add(sizes);
        const index = new RowIndex(this.indexPath('events', b));
        for (const row of summaries.rows()) index.add(String(row[0]), [['events', rows.append('events', csvRows([row], csv))]]);
        index.close();
      }
      const chartedList = chartedEvents.events();
      const chartedSet = new Set(chartedList);
      const chartedByBucket = new Map<number, string[]>();
      for (const e of chartedList) {
        const b = bucketOf(e);
        if (!chartedByBucket.has(b)) chartedByBucket.set(b, []);
        chartedByBucket.get(b)!.push(e);
      }
      // Buckets holding charted events first (then in bucket order): the report renders while the rest is reduced.
      const isCharted = (b: number) => chartedByBucket.has(b);
      const order = [...buckets].sort((a, b) => Number(isCharted(b)) - Number(isCharted(a)) || a - b);

      const workers = new ReduceWorkers(Math.min(this.threads, order.length), { frames: this.frames, context, csv, charted: chartedSet, splitBytes: this.splitBytes });
      try {
        await workers.each(order.map((b) => ({ bucket: b, path: this.spillPath(b) })), (result) => {
          rmSync(this.spillPath(result.bucket));
          // Each event's rows, by event: its table segments together, events in event order (a large bucket's parts
          // come back one after the other, each in event order).
          const byEvent = new Map<string, [TableName, string][]>();
          for (const [name, event, text] of result.segments) {
            if (!byEvent.has(event)) byEvent.set(event, []);
            byEvent.get(event)!.push([name, text]);
          }
          const index = new RowIndex(this.indexPath('tables', result.bucket));
          for (const event of [...byEvent.keys()].sort(compareEvents)) {
            index.add(event, byEvent.get(event)!.map(([name, text]) => [name, rows.append(name, text)]));
          }
          index.close();
          // An event's rows all come back with its bucket (an event is never split between parts).
          const eventRows = new Map<string, Tables>();
          for (const event of chartedByBucket.get(result.bucket) ?? []) {
            eventRows.set(event, Object.fromEntries(TABLES.map((t) => [t, { columns: empty[t].columns, rows: [] }])) as unknown as Tables);
          }
          for (const [name, event, list] of result.chartedRows) eventRows.get(event)![name].rows = list;
          for (const [event, tables] of eventRows) charted(event, tables);
        });
      } finally {
        await workers.close();
      }
      const headers = Object.fromEntries(OUTPUTS.map((name) => [name, name === 'events' ? EventSummaries.COLUMNS : empty[name].columns])) as Record<OutputName, string[]>;
      const indexes = buckets.flatMap((b) => [this.indexPath('events', b), this.indexPath('tables', b)]);
      rows.assemble(indexes, (name) => staging.path(`${name}.csv`), (name) => toCsv(headers[name], [], csv));
      return { columns: Object.fromEntries(TABLES.map((name) => [name, empty[name].columns])) as Record<TableName, string[]>, charted: chartedList, eventCount };
    } finally {
      rows.close();
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private spillPath(bucket: number): string {
    return join(this.dir, `${bucket}.jsonl`);
  }

  private eventsPath(bucket: number): string {
    return join(this.dir, `${bucket}.events.jsonl`);
  }

  private indexPath(kind: 'events' | 'tables', bucket: number): string {
    return join(this.dir, `${bucket}.${kind}.index.jsonl`);
  }
}

/** Event order in every table (as EventSummaries sorts): UTF-16 code units, as `<` compares. */
function compareEvents(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A byte range of one of RowFiles' files: [start, length]. */
type Range = [start: number, length: number];

/**
 * One index line: an event, then for each output holding rows of it, the output's number in OUTPUTS and the byte
 * range of the rows in its RowFiles file.
 */
type IndexLine = [event: string, ...ranges: number[]];

/** A bucket's index file, written in event order (one JSON line per event). */
class RowIndex {
  private lines: string[] = [];

  constructor(private readonly path: string) {}

  add(event: string, ranges: [OutputName, Range][]): void {
    const line: IndexLine = [event];
    for (const [name, [start, length]] of ranges) if (length > 0) line.push(OUTPUTS.indexOf(name), start, length);
    this.lines.push(JSON.stringify(line));
  }

  close(): void {
    writeFileSync(this.path, this.lines.length ? this.lines.join('\n') + '\n' : '');
    this.lines = [];
  }
}

/** Bytes copied at once into an output file (one buffer per output while assembling). */
const COPY_BUFFER = 256 * 1024;

/** Every output's rows as CSV text, appended as they come back in one temporary file per output. */
class RowFiles {
  private readonly files = new Map<OutputName, { fd: number; size: number }>();

  constructor(private readonly dir: string) {}

  append(name: OutputName, text: string): Range {
    let f = this.files.get(name);
    if (f === undefined) {
      f = { fd: openSync(join(this.dir, `${name}.rows`), 'w+'), size: 0 };
      this.files.set(name, f);
    }
    const bytes = Buffer.from(text, 'utf8');
    writeSync(f.fd, bytes, 0, bytes.length, f.size);
    const range: Range = [f.size, bytes.length];
    f.size += bytes.length;
    return range;
  }

  /**
   * Each output written to `pathOf(name)`: `header(name)`, then its rows in event order, as the sorted index files
   * (`indexes`) name them, merged.
   */
  assemble(indexes: string[], pathOf: (name: OutputName) => string, header: (name: OutputName) => string): void {
    const outs = OUTPUTS.map((name) => new CopyTarget(pathOf(name), header(name)));
    try {
      const read = (line: string) => JSON.parse(line) as IndexLine;
      for (const line of mergeSortedFiles(indexes, (a, b) => compareEvents(a[0], b[0]), read)) {
        for (let k = 1; k < line.length; k += 3) {
          const name = OUTPUTS[line[k] as number];
          outs[line[k] as number].copy(this.files.get(name)!.fd, line[k + 1] as number, line[k + 2] as number, name);
        }
      }
    } finally {
      for (const o of outs) o.close();
    }
  }

  close(): void {
    for (const f of this.files.values()) closeSync(f.fd);
    this.files.clear();
  }
}

/** An output file filled by copying byte ranges of other files, through a buffer. */
class CopyTarget {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(COPY_BUFFER);
  private used = 0;

  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, header);
  }

  copy(from: number, start: number, length: number, name: string): void {
    for (let done = 0; done < length; ) {
      if (this.used === this.buffer.length) this.flush();
      const n = readSync(from, this.buffer, this.used, Math.min(this.buffer.length - this.used, length - done), start + done);
      if (n === 0) throw new Error(`${name}: temporary rows file ended early`);
      this.used += n;
      done += n;
    }
  }

  private flush(): void {
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * The buckets' reducers: with one thread, the main thread itself (a worker would only add its start-up); with more,
 * a fixed set of reduce workers, each given the next bucket as soon as it hands back the last.
 */
class ReduceWorkers {
  private readonly workers: Worker[] = [];

  constructor(
    size: number,
    private readonly data: ReduceData,
  ) {
    if (size < 2) return;
    const script = workerScript('pipeline/reduce-worker.js');
    for (let i = 0; i < size; i++) this.workers.push(new Worker(script, { workerData: data }));
  }

  /** Runs every job, calling `done` with each result (in order of completion) on this thread. */
  async each(jobs: ReduceJob[], done: (r: BucketResult) => void): Promise<void> {
    if (!this.workers.length) {
      for (const j of jobs) done(reduceBucket(this.data, j));
      return;
    }
    let next = 0;
    const loop = async (w: Worker) => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const result = await ask<BucketResult>(w, job, `reducing bucket ${job.bucket}`);
        done(result);
      }
    };
    await Promise.all(this.workers.map(loop));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
