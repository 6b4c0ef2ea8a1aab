/**
 * The reduce of one event bucket (see buckets.ts): its spilled aggregate inputs summed by an `Aggregator` given the
 * corpus-wide inputs, and each table's rows handed back as CSV text per event, plus the row values of the events the
 * report charts. Run on the main thread or in reduce worker threads (reduce-worker.ts).
 */
import { Aggregator, type AggregateRecord, type CorpusContext, type Tables } from '../aggregate/tables.js';
import { csvRows, type Cell, type CsvOptions } from '../export/csv.js';
import { forEachLine } from './lines.js';

export const TABLES = ['frames_by_outlet', 'frame_comparison', 'speakers_by_outlet', 'distinctive_terms', 'shared_quotes'] as const;
export type TableName = (typeof TABLES)[number];

/** What every bucket's reduce needs: the lexicon's frames, the corpus-wide inputs, CSV options, the charted events. */
export interface ReduceData {
  frames: string[];
  context: CorpusContext;
  csv: CsvOptions;
  charted: Set<string>;
}

/** One bucket's spill file to reduce. */
export interface ReduceJob {
  bucket: number;
  path: string;
}

/** Every table's rows (each sorted by event, the first column) as [table, event, that event's rows]. */
function reduceBucketRows(tables: Tables): [TableName, string, Cell[][]][] {
  const out: [TableName, string, Cell[][]][] = [];
  for (const name of TABLES) {
    let last: [TableName, string, Cell[][]] | null = null;
    for (const r of tables[name].rows) {
      const e = String(r[0]);
      if (!last || last[1] !== e) out.push((last = [name, e, []]));
      last[2].push(r);
    }
  }
  return out;
}

/** What the reduce of one bucket hands back: each table's rows per event as CSV text, and the charted events' rows. */
export interface BucketResult {
  bucket: number;
  segments: [TableName, string, string][];
  chartedRows: [TableName, string, Cell[][]][];
}

export function reduceBucket(data: ReduceData, { bucket, path }: ReduceJob): BucketResult {
  const agg = new Aggregator(data.frames, data.context);
  forEachLine(path, (line) => {
    const [event, rec] = JSON.parse(line) as [string, AggregateRecord];
    agg.add(rec, event);
  });
  const segments: BucketResult['segments'] = [];
  const chartedRows: BucketResult['chartedRows'] = [];
  for (const [name, event, rows] of reduceBucketRows(agg.tables())) {
    segments.push([name, event, csvRows(rows, data.csv)]);
    if (data.charted.has(event)) chartedRows.push([name, event, rows]);
  }
  return { bucket, segments, chartedRows };
}
