/**
 * The comparison tables with memory bounded by a bucket of events rather than by the corpus. Each article's aggregate
 * input (its terms, quotes, frame hits: an `AggregateRecord`) is spilled as one JSON line to a temporary file chosen by
 * a stable hash of its event, one of BUCKETS files under the output's staging folder. What stays in memory while the
 * articles stream past is corpus-wide and small: the term counts of the whole corpus (the log-odds prior: one entry per
 * distinct term, so it grows with the vocabulary, not the articles), and per event its dates, article count and outlets.
 *
 * `finish` then reduces the buckets (reduce-bucket.ts) — on the main thread, or with `--workers` above 1 in as many
 * reduce worker threads, each holding one bucket at a time (a large bucket one part of it at a time) — with an
 * `Aggregator` given those corpus-wide inputs, so each bucket's rows are exactly the whole corpus's rows for its events. The rows come back as CSV text and go to one
 * temporary file per table, with the byte range of each event's rows; each table is then assembled by copying the ranges in event order. The
 * charted events' rows are kept as values for the report (at most REPORT_MAX_EVENTS events); their buckets go first,
 * so the report renders while the other buckets are reduced. Spill files are removed as they are read, and the folder
 * at the end (or by the next run's Staging, after a crash).
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedArticle } from '../types.js';
import { addCorpusTerms, aggregateRecord, Aggregator, type CorpusContext, type Table, type Tables } from '../aggregate/tables.js';
import { EventSummaries } from '../aggregate/events.js';
import { chartedEvents } from '../export/report-data.js';
import { Worker } from 'node:worker_threads';
import { toCsv, type Cell, type CsvOptions } from '../export/csv.js';
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

interface Spill {
  fd: number;
  events: Set<string>;
}

export class BucketedTables {
  readonly events = new EventSummaries();
  private readonly dir: string;
  private readonly spills = new Map<number, Spill>();
  private readonly bucketOfEvent = new Map<string, number>();
  private readonly terms = new Map<string, number>();
  private termTotal = 0;

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
    this.addCorpus(rec);
    this.spill(event, rec.outlet, rec.date, JSON.stringify(aggregateRecord(rec)));
  }

  /** The corpus-wide part of a record: its term counts, into the log-odds prior. */
  addCorpus(rec: Pick<AnalyzedArticle, 'terms'>): void {
    this.termTotal += addCorpusTerms(this.terms, rec);
  }

  /** A record's aggregate input, serialised (`JSON.stringify(aggregateRecord(rec))`), to the bucket of its event. */
  spill(event: string, outlet: string, date: string, aggregateJson: string): void {
    this.events.add(event, outlet, date);
    let b = this.bucketOfEvent.get(event);
    if (b === undefined) {
      b = bucketOf(event);
      this.bucketOfEvent.set(event, b);
    }
    let spill = this.spills.get(b);
    if (!spill) {
      spill = { fd: openSync(this.spillPath(b), 'w'), events: new Set() };
      this.spills.set(b, spill);
    }
    spill.events.add(event);
    // Written at once, not buffered: a buffer that outlived a few young-generation collections would be promoted to
    // the old generation and leave it to grow with garbage (V8 lets it grow to several times what is live).
    writeSync(spill.fd, `[${JSON.stringify(event)},${aggregateJson}]\n`);
  }

  /** Give up (the caller starts over): close and remove the spill files. */
  discard(): void {
    for (const s of this.spills.values()) closeSync(s.fd);
    this.spills.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /**
   * Write the five comparison tables to `staging`, calling `charted` with the charted events' rows (for the report)
   * as soon as they are known. The buckets are reduced by `threads` reduce workers at once (one: the main thread), in
   * any order of completion: each event's rows land in a temporary file with their byte range and are copied out in event
   * order, so the tables are the same bytes whatever the number of threads. Returns each table's columns.
   */
  async finish(staging: Staging, csv: CsvOptions, charted: (tables: Tables, events: number) => void): Promise<Record<TableName, string[]>> {
    for (const s of this.spills.values()) closeSync(s.fd);
    const context: CorpusContext = { terms: this.terms, termTotal: this.termTotal, outlets: this.events.outlets() };
    const sizes = this.events.sizes();
    const chartedSet = new Set(chartedEvents(sizes));
    const chartedBuckets = new Set([...this.spills].filter(([, s]) => [...s.events].some((e) => chartedSet.has(e))).map(([b]) => b));
    const isCharted = (b: number) => chartedBuckets.has(b);
    // Buckets holding charted events first (then in bucket order): the report can start while the rest is reduced.
    const order = [...this.spills.keys()].sort((a, b) => Number(isCharted(b)) - Number(isCharted(a)) || a - b);
    let chartedLeft = chartedBuckets.size;
    const chartedRows = new Map<string, Record<TableName, Cell[][]>>();
    const empty = new Aggregator(this.frames, context).tables();
    const reportTables = (): Tables => {
      const out = {} as Record<TableName, Table>;
      for (const name of TABLES) {
        const rows: Cell[][] = [];
        for (const e of [...chartedRows.keys()].sort()) rows.push(...chartedRows.get(e)![name]);
        out[name] = { columns: empty[name].columns, rows };
      }
      return out;
    };
    if (chartedLeft === 0) charted(reportTables(), sizes.length);

    const segments = new Segments(this.dir);
    const workers = new ReduceWorkers(Math.min(this.threads, order.length), { frames: this.frames, context, csv, charted: chartedSet, splitBytes: this.splitBytes });
    try {
      await workers.each(order.map((b) => ({ bucket: b, path: this.spillPath(b) })), (result) => {
        rmSync(this.spillPath(result.bucket));
        for (const [name, event, text] of result.segments) segments.write(name, event, text);
        for (const [name, event, rows] of result.chartedRows) {
          if (!chartedRows.has(event)) chartedRows.set(event, Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Record<TableName, Cell[][]>);
          chartedRows.get(event)![name] = rows;
        }
        if (isCharted(result.bucket) && --chartedLeft === 0) charted(reportTables(), sizes.length);
      });
      for (const name of TABLES) {
        const fd = openSync(staging.path(`${name}.csv`), 'w');
        try {
          writeSync(fd, toCsv(empty[name].columns, [], csv));
          for (const { event } of sizes) segments.copy(name, event, fd);
        } finally {
          closeSync(fd);
        }
      }
    } finally {
      await workers.close();
      segments.close();
      rmSync(this.dir, { recursive: true, force: true });
    }
    return Object.fromEntries(TABLES.map((name) => [name, empty[name].columns])) as Record<TableName, string[]>;
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
 * Each table's rows as CSV text in a temporary file, with the byte range of every event's rows. The ranges are kept
 * as numbers in typed arrays, by an event number shared by the five tables (with nearly one event per article under
 * auto grouping, a Map of [start, length] pairs per table took about 540 bytes of heap per event; this about 170 at
 * 84,000 events, the arrays growing by doubling).
 */
class Segments {
  private readonly slots = new Map<string, number>();
  private capacity = 1024;
  private readonly files = new Map<TableName, { fd: number; size: number; start: Float64Array; length: Float64Array }>();

  constructor(private readonly dir: string) {
    for (const name of TABLES) {
      this.files.set(name, { fd: openSync(join(dir, `${name}.rows`), 'w+'), size: 0, start: new Float64Array(this.capacity), length: new Float64Array(this.capacity) });
    }
  }

  /** The event's number, given on first sight; every table's ranges have room for it. */
  private slot(event: string): number {
    let slot = this.slots.get(event);
    if (slot !== undefined) return slot;
    slot = this.slots.size;
    this.slots.set(event, slot);
    if (slot === this.capacity) {
      this.capacity *= 2;
      const grow = (a: Float64Array) => {
        const b = new Float64Array(this.capacity);
        b.set(a);
        return b;
      };
      for (const f of this.files.values()) {
        f.start = grow(f.start);
        f.length = grow(f.length);
      }
    }
    return slot;
  }

  write(name: TableName, event: string, text: string): void {
    const f = this.files.get(name)!;
    const slot = this.slot(event);
    const bytes = Buffer.from(text, 'utf8');
    writeSync(f.fd, bytes, 0, bytes.length, f.size);
    f.start[slot] = f.size;
    f.length[slot] = bytes.length;
    f.size += bytes.length;
  }

  /** Append `event`'s rows of table `name` (if any) to `fd`. */
  copy(name: TableName, event: string, fd: number): void {
    const f = this.files.get(name)!;
    const slot = this.slots.get(event);
    if (slot === undefined || f.length[slot] === 0) return;
    const start = f.start[slot];
    const length = f.length[slot];
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
