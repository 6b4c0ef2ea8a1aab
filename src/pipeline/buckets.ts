/**
 * The comparison tables with memory bounded by a bucket of events rather than by the corpus. Each article's aggregate
 * input (its terms, quotes, frame hits: a `SpilledRecord`, its terms as numbers of the corpus's `Vocabulary`) is
 * spilled as one JSON line to a temporary file chosen by a stable hash of its event, one of BUCKETS files under the
 * output's staging folder. What stays in memory while the articles stream past is corpus-wide: the terms of the whole
 * corpus with their counts (the log-odds prior: one entry per distinct term, so it grows with the vocabulary, not the
 * articles), and per event a number, its dates, article count and outlets (EventSummaries, about 80 bytes) and its
 * bucket.
 *
 * `finish` then reduces the buckets (reduce-bucket.ts) — on the main thread, or with `--workers` above 1 in as many
 * reduce worker threads, each holding one bucket at a time (a large bucket one part of it at a time) — with an
 * `Aggregator` given those corpus-wide inputs, so each bucket's rows are exactly the whole corpus's rows for its
 * events. The rows come back as CSV text and go to one temporary file per table, with the byte range of each event's
 * rows; each table is then assembled by copying the ranges in event order. The rows of the charted events that the
 * report reads are kept as values for it (at most REPORT_MAX_EVENTS events); their buckets go first, so the report
 * renders while the other buckets are reduced. Spill files are removed as they are read, and the folder at the end
 * (or by the next run's Staging, after a crash).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle } from '../types.js';
import { Aggregator, spilledRecord, type CorpusContext, type Tables } from '../aggregate/tables.js';
import { Vocabulary } from '../aggregate/vocabulary.js';
import { EventSummaries } from '../aggregate/events.js';
import { chartedEvents } from '../export/report-data.js';
import { Worker } from 'node:worker_threads';
import { toCsv, type CsvOptions } from '../export/csv.js';
import type { Staging } from '../export/atomic.js';
import { workerScript } from '../paths.js';
import { ask } from './ask.js';
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

export class BucketedTables {
  readonly events = new EventSummaries();
  private readonly dir: string;
  /** Spill file descriptors by bucket. */
  private readonly spills = new Map<number, number>();
  /** Bucket of each event, by its EventSummaries number. */
  private readonly bucketByNumber: number[] = [];
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
    const number = this.events.add(event, outlet, date);
    if (number === this.bucketByNumber.length) this.bucketByNumber.push(bucketOf(event));
    const b = this.bucketByNumber[number];
    let fd = this.spills.get(b);
    if (fd === undefined) {
      fd = openSync(this.spillPath(b), 'w');
      this.spills.set(b, fd);
    }
    // Written at once, not buffered: a buffer that outlived a few young-generation collections would be promoted to
    // the old generation and leave it to grow with garbage (V8 lets it grow to several times what is live).
    writeSync(fd, `[${JSON.stringify(event)},${aggregateJson}]\n`);
  }

  /** Give up (the caller starts over): close and remove the spill files. */
  discard(): void {
    for (const fd of this.spills.values()) closeSync(fd);
    this.spills.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Write the five comparison tables to `staging`, handing each charted event's rows (for the report, `reportRows`)
   * to `charted` as soon as its bucket is reduced. The buckets are reduced by `threads` reduce workers at once (one:
   * the main thread), in any order of completion: each event's rows land in a temporary file with their byte range
   * and are copied out in event order, so the tables are the same bytes whatever the number of threads. Returns each
   * table's columns, the charted events in the report's order and the number of events.
   */
  async finish(
    staging: Staging,
    csv: CsvOptions,
    charted: (event: string, tables: Tables) => void,
  ): Promise<{ columns: Record<TableName, string[]>; charted: string[]; eventCount: number }> {
    for (const fd of this.spills.values()) closeSync(fd);
    const { words, counts, total } = this.vocabulary;
    const context: CorpusContext = { words, counts, total, outlets: this.events.outlets() };
    const sizes = this.events.sizes();
    const chartedList = chartedEvents(sizes);
    const chartedSet = new Set(chartedList);
    const chartedByBucket = new Map<number, string[]>();
    for (const e of chartedList) {
      const b = this.bucketByNumber[this.events.numberOf(e)!];
      if (!chartedByBucket.has(b)) chartedByBucket.set(b, []);
      chartedByBucket.get(b)!.push(e);
    }
    // Buckets holding charted events first (then in bucket order): the report renders while the rest is reduced.
    const isCharted = (b: number) => chartedByBucket.has(b);
    const order = [...this.spills.keys()].sort((a, b) => Number(isCharted(b)) - Number(isCharted(a)) || a - b);
    const empty = new Aggregator(this.frames, context).tables();

    const segments = new Segments(this.dir, this.events.size);
    const workers = new ReduceWorkers(Math.min(this.threads, order.length), { frames: this.frames, context, csv, charted: chartedSet, splitBytes: this.splitBytes });
    try {
      await workers.each(order.map((b) => ({ bucket: b, path: this.spillPath(b) })), (result) => {
        rmSync(this.spillPath(result.bucket));
        for (const [name, event, text] of result.segments) segments.write(name, this.events.numberOf(event)!, text);
        // An event's rows all come back with its bucket (an event is never split between parts).
        const rows = new Map<string, Tables>();
        for (const event of chartedByBucket.get(result.bucket) ?? []) {
          rows.set(event, Object.fromEntries(TABLES.map((t) => [t, { columns: empty[t].columns, rows: [] }])) as unknown as Tables);
        }
        for (const [name, event, eventRows] of result.chartedRows) rows.get(event)![name].rows = eventRows;
        for (const [event, tables] of rows) charted(event, tables);
      });
      for (const name of TABLES) {
        const fd = openSync(staging.path(`${name}.csv`), 'w');
        try {
          writeSync(fd, toCsv(empty[name].columns, [], csv));
          for (const { number } of sizes) segments.copy(name, number, fd);
        } finally {
          closeSync(fd);
        }
      }
    } finally {
      await workers.close();
      segments.close();
      rmSync(this.dir, { recursive: true, force: true });
    }
    return { columns: Object.fromEntries(TABLES.map((name) => [name, empty[name].columns])) as Record<TableName, string[]>, charted: chartedList, eventCount: sizes.length };
  }

  private spillPath(bucket: number): string {
    return join(this.dir, `${bucket}.jsonl`);
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

/**
 * Each table's rows as CSV text in a temporary file, with the byte range of every event's rows, kept as numbers in
 * typed arrays by the event's EventSummaries number (with nearly one event per article under auto grouping, a Map of
 * [start, length] pairs per table took about 540 bytes of heap per event; these 80).
 */
class Segments {
  private readonly files = new Map<TableName, { fd: number; size: number; start: Float64Array; length: Float64Array }>();

  /** `events`: how many event numbers there are (0 … events − 1). */
  constructor(dir: string, events: number) {
    for (const name of TABLES) {
      this.files.set(name, { fd: openSync(join(dir, `${name}.rows`), 'w+'), size: 0, start: new Float64Array(events), length: new Float64Array(events) });
    }
  }

  write(name: TableName, event: number, text: string): void {
    const f = this.files.get(name)!;
    const bytes = Buffer.from(text, 'utf8');
    writeSync(f.fd, bytes, 0, bytes.length, f.size);
    f.start[event] = f.size;
    f.length[event] = bytes.length;
    f.size += bytes.length;
  }

  /** Append the rows of event number `event` in table `name` (if any) to `fd`. */
  copy(name: TableName, event: number, fd: number): void {
    const f = this.files.get(name)!;
    if (f.length[event] === 0) return;
    const start = f.start[event];
    const length = f.length[event];
    const buf = Buffer.allocUnsafe(Math.min(length, 1 << 20));
    for (let done = 0; done < length; ) {
      const n = readSync(f.fd, buf, 0, Math.min(buf.length, length - done), start + done);
      if (n === 0) throw new Error(`${name}: temporary rows file ended early`);
      writeSync(fd, buf, 0, n);
      done += n;
    }
  }

  close(): void {
    for (const f of this.files.values()) closeSync(f.fd);
    this.files.clear();
  }
}
