/**
 * The reduce of one event bucket (see buckets.ts): its spilled aggregate inputs summed by an `Aggregator` given the
 * corpus-wide inputs, and each table's rows handed back as CSV text per event, plus the row values of the events the
 * report charts. Run on the main thread or in reduce worker threads (reduce-worker.ts).
 *
 * A bucket holds 1/BUCKETS of the corpus's events, so it grows with the corpus; one whose spill file is larger than
 * SPLIT_BYTES is first split by a second hash of the event into parts of about that size, reduced one after the
 * other, so that the reduce holds one part at a time (an event is never split: one event's inputs are held whole).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { Aggregator, type CorpusContext, type SpilledRecord } from '../aggregate/tables.js';
import { csvRows, type Cell, type CsvOptions } from '../export/csv.js';
import { forEachLine } from './lines.js';
import { reportRows } from '../export/report-data.js';

/** Spill files above this size are reduced in parts (see above). */
export const SPLIT_BYTES = 4 << 20;

/**
 * 48 bits of an event's sha256, from byte `offset`: a stable number to share events out by — bytes 0–5 choose the
 * bucket (buckets.ts bucketOf), bytes 6–11 the part of a large bucket.
 */
export function eventBits(event: string, offset: number): number {
  return createHash('sha256').update(event).digest().readUIntBE(offset, 6);
}

export const TABLES = ['frames_by_outlet', 'frame_comparison', 'speakers_by_outlet', 'distinctive_terms', 'shared_quotes'] as const;
export type TableName = (typeof TABLES)[number];

/** What every bucket's reduce needs: the lexicon's frames, the corpus-wide inputs, CSV options, the charted events. */
export interface ReduceData {
  frames: string[];
  context: CorpusContext;
  csv: CsvOptions;
  charted: Set<string>;
  /** Spill files above this size are reduced in parts (default SPLIT_BYTES; smaller in tests). */
  splitBytes?: number;
}

/** One bucket's spill file to reduce. */
export interface ReduceJob {
  bucket: number;
  path: string;
}

/** What the reduce of one bucket hands back: each table's rows per event as CSV text, and the charted events' rows the report reads. */
export interface BucketResult {
  bucket: number;
  segments: [TableName, string, string][];
  chartedRows: [TableName, string, Cell[][]][];
}

export function reduceBucket(data: ReduceData, { bucket, path }: ReduceJob): BucketResult {
  const result: BucketResult = { bucket, segments: [], chartedRows: [] };
  const size = statSync(path).size;
  const splitBytes = data.splitBytes ?? SPLIT_BYTES;
  if (size <= splitBytes) reducePart(data, path, result);
  else {
    for (const part of splitSpill(path, Math.ceil(size / splitBytes))) {
      try {
        reducePart(data, part, result);
      } finally {
        rmSync(part, { force: true });
      }
    }
  }
  return result;
}

/** Sums one spill file (a bucket, or a part of one) and appends its events' rows to `result`. */
function reducePart(data: ReduceData, path: string, result: BucketResult): void {
  const agg = new Aggregator(data.frames, data.context);
  forEachLine(path, (line) => {
    const [event, rec] = JSON.parse(line) as [string, SpilledRecord];
    agg.addSpilled(rec, event);
  });
  const tables = agg.tables();
  // Every table's rows are sorted by event, the first column. One csv-stringify call per event's rows: a few
  // thousand rows per call at most (one call over 60,000 rows took twice as long as calls of 7 to 500).
  for (const name of TABLES) {
    const rows = tables[name].rows;
    for (let start = 0; start < rows.length; ) {
      const event = String(rows[start][0]);
      let end = start + 1;
      while (end < rows.length && String(rows[end][0]) === event) end++;
      const eventRows = rows.slice(start, end);
      result.segments.push([name, event, csvRows(eventRows, data.csv)]);
      if (data.charted.has(event)) result.chartedRows.push([name, event, reportRows(name, eventRows)]);
      start = end;
    }
  }
}

/**
 * Writes a spill file's lines to `parts` files (`<path>.<k>`) by their event (`eventBits` from byte 6), reading only
 * the event of each line (`["<event>",…]`, as BucketedTables.spill writes it); returns the paths of the parts written.
 */
function splitSpill(path: string, parts: number): string[] {
  const files = new Map<number, number>();
  const partOf = new Map<string, number>(); // an event's lines are many: hashed once
  try {
    forEachLine(path, (line) => {
      let end = 2;
      while (line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
      const event = JSON.parse(line.slice(1, end + 1)) as string;
      let k = partOf.get(event);
      if (k === undefined) partOf.set(event, (k = eventBits(event, 6) % parts));
      let fd = files.get(k);
      if (fd === undefined) files.set(k, (fd = openSync(`${path}.${k}`, 'w')));
      writeSync(fd, line + '\n');
    });
  } finally {
    for (const fd of files.values()) closeSync(fd);
  }
  return [...files.keys()].sort((a, b) => a - b).map((k) => `${path}.${k}`);
}
