/**
 * What report.html charts, without the charting code (src/export/report.ts, which loads vega in the report's worker
 * only): which events, and which of their rows. The reduce (main thread and reduce workers) picks the rows with this
 * module, so those threads never load vega (about 0.2 s and 28 MB each).
 */
import type { Tables } from '../engine/tables.js';
import type { Cell } from './csv.js';

/** Events charted in report.html (the rest are in the CSV tables). */
export const REPORT_MAX_EVENTS = 12;
/** Per event and outlet, the most-quoted named speakers and the most distinctive terms charted. */
export const REPORT_TOP_SPEAKERS = 8;
export const REPORT_TOP_TERMS = 10;

/**
 * Of charted events' rows of a table (in the table's order), the ones report.html draws: all of frames_by_outlet and
 * frame_comparison (outlets × frames), per event and outlet the first REPORT_TOP_SPEAKERS speakers other than UNKNOWN
 * and the first REPORT_TOP_TERMS terms, and no shared quotes. The one statement of that rule: the reduce hands the
 * report only these rows, and `renderSection` cuts whole tables with it too. So what the report holds stays the same
 * size however large the charted events grow: the speakers and shared quotes of an event grow with its articles (the
 * report's worker held about 110 MB of them for 12 events of 1,680 articles each).
 */
export function reportRows(table: keyof Tables, rows: Cell[][]): Cell[][] {
  if (table === 'shared_quotes') return [];
  if (table !== 'speakers_by_outlet' && table !== 'distinctive_terms') return rows;
  const top = table === 'speakers_by_outlet' ? REPORT_TOP_SPEAKERS : REPORT_TOP_TERMS;
  // Both tables' columns start event, outlet, then the speaker or term (src/engine/tables.ts).
  const taken = new Map<string, number>();
  return rows.filter((r) => {
    if (table === 'speakers_by_outlet' && r[2] === 'UNKNOWN') return false;
    const key = `${r[0]}\u0000${r[1]}`;
    const n = taken.get(key) ?? 0;
    taken.set(key, n + 1);
    return n < top;
  });
}

/**
 * The events charted: those that compare outlets (two or more), the largest first, at most REPORT_MAX_EVENTS; a page
 * stays readable (and fast to build) however many events a corpus has. Every event is still in the CSV tables.
 * `sizes` in event order.
 */
export function chartedEvents(sizes: EventSize[]): string[] {
  const charted = new ChartedEvents();
  charted.add(sizes);
  return charted.events();
}

export interface EventSize {
  event: string;
  outlets: number;
  articles: number;
}

/**
 * `chartedEvents` of a corpus whose events' sizes come a part at a time (the reduce reads events.csv's rows in chunks),
 * holding at most 2 × REPORT_MAX_EVENTS of them: the largest of a union are the largest of its parts' largest, kept
 * apart for the events that compare outlets and for all (the pool when none does).
 */
export class ChartedEvents {
  private compared: EventSize[] = [];
  private all: EventSize[] = [];

  add(sizes: EventSize[]): void {
    this.compared = largest([...this.compared, ...sizes.filter((s) => s.outlets >= 2)]);
    this.all = largest([...this.all, ...sizes]);
  }

  /** The charted events, in the report's order. */
  events(): string[] {
    return (this.compared.length ? this.compared : this.all).map((s) => s.event);
  }
}

/** The REPORT_MAX_EVENTS largest of `pool`: most articles first, then by name. */
function largest(pool: EventSize[]): EventSize[] {
  return [...pool].sort((a, b) => b.articles - a.articles || (a.event < b.event ? -1 : 1)).slice(0, REPORT_MAX_EVENTS);
}
