/**
 * A reduce worker thread: sums the spilled aggregate inputs of one event bucket at a time (see buckets.ts) and hands
 * back each table's rows as CSV text per event, plus the row values of the events the report charts. Several run at
 * once (as many as `--workers`), so the comparison tables of a large corpus are reduced in parallel; the main thread
 * only writes the text where it belongs.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Aggregator, type AggregateRecord, type CorpusContext } from '../aggregate/tables.js';
import { csvRows, type CsvOptions } from '../export/csv.js';
import { reduceBucketRows, type BucketResult } from './buckets.js';

export interface ReduceWorkerData {
  frames: string[];
  context: CorpusContext;
  csv: CsvOptions;
  charted: string[];
}

const data = workerData as ReduceWorkerData;
const charted = new Set(data.charted);

parentPort!.on('message', (job: { bucket: number; path: string }) => {
  try {
    parentPort!.postMessage(reduceBucket(job.bucket, job.path));
  } catch (e) {
    parentPort!.postMessage({ bucket: job.bucket, error: (e as Error).stack ?? String(e) });
  }
});

function reduceBucket(bucket: number, path: string): BucketResult {
  const agg = new Aggregator(data.frames, data.context);
  forEachLine(path, (line) => {
    const [event, rec] = JSON.parse(line) as [string, AggregateRecord];
    agg.add(rec, event);
  });
  const segments: BucketResult['segments'] = [];
  const chartedRows: BucketResult['chartedRows'] = [];
  for (const [name, event, rows] of reduceBucketRows(agg.tables())) {
    segments.push([name, event, csvRows(rows, data.csv)]);
    if (charted.has(event)) chartedRows.push([name, event, rows]);
  }
  return { bucket, segments, chartedRows };
}

/** Calls `fn` with each non-empty line of a UTF-8 file, read 1 MiB at a time (a bucket of a huge corpus stays out of memory). */
function forEachLine(path: string, fn: (line: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let carry: Buffer = Buffer.alloc(0);
    for (let got = readSync(fd, buf); got > 0; got = readSync(fd, buf)) {
      let chunk = carry.length ? Buffer.concat([carry, buf.subarray(0, got)]) : buf.subarray(0, got);
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
        if (nl > start) fn(chunk.toString('utf8', start, nl));
        start = nl + 1;
      }
      // Copied: `buf` is overwritten by the next read.
      carry = Buffer.from(chunk.subarray(start));
    }
    if (carry.length) fn(carry.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
