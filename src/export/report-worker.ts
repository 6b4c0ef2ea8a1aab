/**
 * report.html is rendered in a worker thread of its own (vega → SVG is the longest single step of the reduce), so the
 * main thread writes the CSV tables meanwhile. The worker loads vega when it starts, which `run` arranges to happen
 * while the analysis workers are busy.
 */
import { parentPort } from 'node:worker_threads';
import { renderReport } from './report.js';
import type { Tables } from '../aggregate/tables.js';

export interface ReportJob {
  /** The charted events' rows, or all rows (see renderReport). */
  tables: Tables;
  /** `events`: the number of events in the corpus, when `tables` holds only the charted ones. */
  meta: { title: string; generated: string; version: string; events?: number };
}

parentPort!.on('message', (job: ReportJob) => {
  renderReport(job.tables, job.meta).then(
    (html) => parentPort!.postMessage({ html }),
    (e: Error) => parentPort!.postMessage({ error: e.stack ?? String(e) }),
  );
});
