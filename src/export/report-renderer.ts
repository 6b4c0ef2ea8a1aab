/**
 * report.html is rendered in a worker thread (src/export/report-worker.ts) while the main thread writes the CSV
 * tables. `run` starts the worker early so that vega loads while the analysis runs; `section` starts it if not.
 */
import { Worker } from 'node:worker_threads';
import type { ReportMessage } from './report-worker.js';
import type { ReportMeta } from './report.js';
import type { Tables } from '../engine/tables.js';
import { workerScript } from '../paths.js';
import { ask } from '../runtime/ask.js';

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
