/**
 * report.html is rendered in a worker thread of its own (vega → SVG is the longest single step of the reduce), so the
 * main thread writes the CSV tables meanwhile. The worker loads vega when it starts, which `run` arranges to happen
 * while the analysis workers are busy. Each charted event's section is rendered as soon as its rows arrive (the
 * reduce hands them over once the comparison tables are written), one after another; the page is put together when it is asked for.
 */
import { parentPort } from 'node:worker_threads';
import { renderPage, renderSection, type ReportMeta } from './report.js';
import type { Tables } from '../engine/tables.js';

export type ReportMessage =
  /** A charted event's rows (its `reportRows`): render its section. No answer. */
  | { section: { event: string; tables: Tables } }
  /** The page: the charted events in page order (each sent as a section before), and the corpus's event count. Answer: `{ html }` or `{ error }`. */
  | { page: { events: string[]; eventCount: number; meta: ReportMeta } };

const sections = new Map<string, Promise<string>>();
let last: Promise<unknown> = Promise.resolve();

parentPort!.on('message', (m: ReportMessage) => {
  if ('section' in m) {
    const { event, tables } = m.section;
    const done = last.then(() => renderSection(event, tables));
    last = done.catch(() => undefined); // a failure is reported when the page is asked for
    sections.set(event, done);
    return;
  }
  const { events, eventCount, meta } = m.page;
  Promise.all(events.map((e) => sections.get(e) ?? Promise.reject(new Error(`no rows were sent for charted event ${JSON.stringify(e)}`))))
    .then((parts) => renderPage(parts, meta, eventCount))
    .then(
      (html) => parentPort!.postMessage({ html }),
      (e: Error) => parentPort!.postMessage({ error: e.stack ?? String(e) }),
    )
    .finally(() => sections.clear());
});
