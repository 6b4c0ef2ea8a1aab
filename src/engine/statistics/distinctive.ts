/**
 * distinctive_terms.csv: Monroe, Colaresi & Quinn (2008) log-odds ratio with an informative Dirichlet prior, each
 * outlet vs the event's other outlets, keeping over-represented terms only (z > 0) with a `significant` flag
 * (|z| ≥ 1.96, two-sided 5% for one term; no adjustment for the many terms looked at), a minimum count and a stoplist
 * (pipeline/stoplist.yml: weekdays, months, reporting verbs, boilerplate; plus the words of the event's outlet names).
 * Events where no listed term is significant are returned so the report can say so. Formula: docs/statistics.md.
 * Pure, except `loadStoplist` (reads the YAML file, at the edge).
 *
 * Input rows (the reduce produces them):
 *   - `EventOutletTerm`: one per event × outlet × term used: count. All terms, not only the frequent ones: the
 *     outlet's total and the other outlets' counts come from these rows.
 *   - the prior: every term's count in the whole corpus (`prior`, a map term → count) and their sum (`alpha0`).
 */
import { isSeq, isScalar } from 'yaml';
import { UsageError } from '../../errors.js';
import { parseMapping, readDataFile } from '../../yaml-file.js';
import { packageFile } from '../../paths.js';
import { logOddsDirichlet, sig } from '../stats.js';
import type { Cell } from '../../export/csv.js';
import { compareStrings as cmp } from '../../search.js';

/** Terms listed per event × outlet (highest z first), at least this many uses by the outlet, |z| for `significant`. */
export const DISTINCTIVE_TOP = 30;
export const DISTINCTIVE_MIN_COUNT = 3;
export const SIGNIFICANT_Z = 1.96;

export const DEFAULT_STOPLIST_FILE = 'pipeline/stoplist.yml';
const STOPLIST_KEYS = ['weekdays', 'months', 'reporting_verbs', 'boilerplate'];

export interface EventOutletTerm {
  event: string;
  outlet: string;
  term: string;
  count: number;
}

export interface EventSignificance {
  event: string;
  /** Listed terms with |z| ≥ SIGNIFICANT_Z in the event (all outlets): 0 means nothing stands out. */
  significant: number;
}

export interface DistinctiveTable {
  rows: Cell[][];
  events: EventSignificance[];
}

export const DISTINCTIVE_COLUMNS = ['event', 'outlet', 'term', 'count', 'count_elsewhere', 'log_odds', 'z', 'significant'];

/** The stoplist's words from YAML text (a mapping of lists of words); problems as UsageError with file:line. */
export function parseStoplist(text: string, path: string): Set<string> {
  const { items, at } = parseMapping(text, path, 'stoplist');
  const words = new Set<string>();
  for (const item of items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const pos = isScalar(item.key) ? item.key.range?.[0] : undefined;
    if (!STOPLIST_KEYS.includes(key)) throw new UsageError('E_OPTION', `${at(pos)}: unknown key "${key}" in stoplist (expected ${STOPLIST_KEYS.join(', ')})`);
    if (!isSeq(item.value)) throw new UsageError('E_OPTION', `${at(pos)}: "${key}" must be a list`);
    for (const v of item.value.items) {
      if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) {
        throw new UsageError('E_OPTION', `${at((v as { range?: number[] }).range?.[0])}: entries of "${key}" must be non-empty words`);
      }
      words.add(v.value.trim().toLowerCase());
    }
  }
  return words;
}

/** Reads the stoplist file (default pipeline/stoplist.yml of the package). */
export function loadStoplist(path?: string): Set<string> {
  const file = path ?? packageFile(DEFAULT_STOPLIST_FILE);
  return parseStoplist(readDataFile(file, 'stoplist'), file);
}

/**
 * Rows sorted by event, outlet (code-point order), z (highest first), term; per event × outlet the DISTINCTIVE_TOP
 * terms with z > 0 among those the outlet used at least DISTINCTIVE_MIN_COUNT times, stoplisted words and the words of
 * the event's outlet names left out. Events with one outlet have no rows (nothing to compare with) and no entry in
 * `events`; every other event has one, with the number of significant rows.
 */
export function distinctiveTerms(
  counts: readonly EventOutletTerm[],
  prior: ReadonlyMap<string, number>,
  alpha0: number,
  stoplist: ReadonlySet<string>,
): DistinctiveTable {
  // event → outlet → term → count
  const byEvent = new Map<string, Map<string, Map<string, number>>>();
  for (const r of counts) {
    if (!(r.count > 0)) continue;
    if (!byEvent.has(r.event)) byEvent.set(r.event, new Map());
    const outlets = byEvent.get(r.event)!;
    if (!outlets.has(r.outlet)) outlets.set(r.outlet, new Map());
    const terms = outlets.get(r.outlet)!;
    terms.set(r.term, (terms.get(r.term) ?? 0) + r.count);
  }
  const rows: Cell[][] = [];
  const events: EventSignificance[] = [];
  for (const event of [...byEvent.keys()].sort(cmp)) {
    const outlets = [...byEvent.get(event)!.entries()].sort((a, b) => cmp(a[0], b[0]));
    if (outlets.length < 2) continue;
    const selfWords = new Set(outlets.flatMap(([o]) => o.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1)));
    const eventTerms = new Map<string, number>();
    const totals = new Map<string, number>();
    let eventTotal = 0;
    for (const [outlet, terms] of outlets) {
      // Sums in term order: the same floating-point result whatever order the rows came in (counts are integers anyway).
      let total = 0;
      for (const t of [...terms.keys()].sort(cmp)) {
        const c = terms.get(t)!;
        total += c;
        eventTerms.set(t, (eventTerms.get(t) ?? 0) + c);
      }
      totals.set(outlet, total);
      eventTotal += total;
    }
    let significant = 0;
    for (const [outlet, terms] of outlets) {
      const ni = totals.get(outlet)!;
      const scored: [string, number, number, number, number][] = [];
      for (const [t, yi] of terms) {
        if (yi < DISTINCTIVE_MIN_COUNT || stoplist.has(t) || selfWords.has(t)) continue;
        const yj = eventTerms.get(t)! - yi;
        const lo = logOddsDirichlet(yi, ni, yj, eventTotal - ni, prior.get(t) ?? 0, alpha0);
        if (!(lo.z > 0)) continue;
        scored.push([t, yi, yj, lo.logOdds, lo.z]);
      }
      scored.sort((a, b) => b[4] - a[4] || cmp(a[0], b[0]));
      for (const [t, yi, yj, lo, z] of scored.slice(0, DISTINCTIVE_TOP)) {
        const sigf = Math.abs(z) >= SIGNIFICANT_Z;
        if (sigf) significant++;
        rows.push([event, outlet, t, yi, yj, sig(lo), sig(z), sigf]);
      }
    }
    events.push({ event, significant });
  }
  return { rows, events };
}
