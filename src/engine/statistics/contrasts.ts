/**
 * outlet_contrasts.csv: for each frame × voice × ordered outlet pair (a < b, code-point order), the two outlets' mean
 * per-event rates over the events both covered, the paired difference, a 95% bootstrap interval over events, a paired
 * sign-flip permutation p-value over events, and Benjamini–Hochberg q-values across the whole table. Methods:
 * docs/statistics.md ("outlet_contrasts.csv"). Pure: rows in, table rows out.
 *
 * Input rows (the reduce produces them, e.g. with SQL GROUP BY):
 *   - `EventOutletTokens`: one per event × outlet that has articles: event, outlet, tokens (word tokens summed over
 *     the outlet's articles in the event).
 *   - `EventOutletFrameHits`: one per event × outlet × frame with any hits: hits by voice (author, quote, paraphrase),
 *     integer counts. A missing row means zero hits.
 * The rate of an outlet in an event for a voice is hits / tokens × 10,000 (voice `all` = the three summed). An event
 * counts for a pair when both outlets have tokens > 0 in it.
 *
 * Seeds: the bootstrap resamples of a pair's shared events are drawn once per pair (key: the two outlets) and serve
 * all its frames and voices; each row's permutation test is seeded from frame, voice and outlets. Neither depends on
 * the other pairs or the row order.
 */
import type { Cell } from '../../export/csv.js';
import { sig } from '../stats.js';
import { meanIntervalFromIndices, resampleIndices } from './bootstrap.js';
import { benjaminiHochberg } from './multiplicity.js';
import { signFlipTest } from './permutation.js';
import { KEY_SEP } from './rng.js';
import { compareStrings as cmp } from '../../search.js';

export type ContrastVoice = 'all' | 'author' | 'quote' | 'paraphrase';
export const CONTRAST_VOICES: readonly ContrastVoice[] = ['all', 'author', 'quote', 'paraphrase'];

/** Fewer shared events than this: no interval, no p-value (and no q-value). */
export const MIN_SHARED_EVENTS = 3;

export interface EventOutletTokens {
  event: string;
  outlet: string;
  tokens: number;
}

export interface EventOutletFrameHits {
  event: string;
  outlet: string;
  frame: string;
  author: number;
  quote: number;
  paraphrase: number;
}


export const CONTRAST_COLUMNS = [
  'frame', 'voice', 'outlet_a', 'outlet_b', 'events', 'mean_a_per_10k', 'mean_b_per_10k', 'diff_per_10k',
  'ci_low', 'ci_high', 'p_value', 'q_value', 'p_method',
];

function hitsOf(h: EventOutletFrameHits | undefined, voice: ContrastVoice): number {
  if (!h) return 0;
  return voice === 'all' ? h.author + h.quote + h.paraphrase : h[voice];
}

/**
 * Rows sorted by frame (in the order of `frames`), voice (all, author, quote, paraphrase), outlet_a, outlet_b.
 * Every pair of outlets that have tokens somewhere gets a row; rows with no shared event have empty means.
 */
export function outletContrasts(frames: readonly string[], tokens: readonly EventOutletTokens[], hits: readonly EventOutletFrameHits[]): Cell[][] {
  // event → outlet → tokens
  const tok = new Map<string, Map<string, number>>();
  for (const r of tokens) {
    if (!(r.tokens > 0)) continue;
    if (!tok.has(r.outlet)) tok.set(r.outlet, new Map());
    const m = tok.get(r.outlet)!;
    m.set(r.event, (m.get(r.event) ?? 0) + r.tokens);
  }
  const hitIndex = new Map<string, EventOutletFrameHits>();
  for (const h of hits) hitIndex.set(`${h.frame}${KEY_SEP}${h.event}${KEY_SEP}${h.outlet}`, h);
  const outlets = [...tok.keys()].sort(cmp);
  // For each pair, the events both covered, sorted (a fixed order for every sum).
  const shared = new Map<string, string[]>();
  for (let i = 0; i < outlets.length; i++) {
    for (let j = i + 1; j < outlets.length; j++) {
      const b = tok.get(outlets[j])!;
      shared.set(`${i}:${j}`, [...tok.get(outlets[i])!.keys()].filter((e) => b.has(e)).sort(cmp));
    }
  }

  // Pairs outermost, so each pair's bootstrap resamples (of its shared events) are drawn once for all its frames and
  // voices; rows are then put in frame, voice, pair order.
  const pairs: [number, number][] = [];
  for (let i = 0; i < outlets.length; i++) for (let j = i + 1; j < outlets.length; j++) pairs.push([i, j]);
  const V = CONTRAST_VOICES.length;
  const slot = (fi: number, vi: number, pi: number) => (fi * V + vi) * pairs.length + pi;
  const rows: Cell[][] = new Array(frames.length * V * pairs.length);
  const ps: (number | null)[] = new Array(rows.length).fill(null);
  pairs.forEach(([i, j], pi) => {
    const [a, b] = [outlets[i], outlets[j]];
    const events = shared.get(`${i}:${j}`)!;
    const n = events.length;
    const draws = n >= MIN_SHARED_EVENTS ? resampleIndices(n, ['bootstrap', a, b].join(KEY_SEP)) : null;
    frames.forEach((frame, fi) => {
      CONTRAST_VOICES.forEach((voice, vi) => {
        const k = slot(fi, vi, pi);
        if (n === 0) {
          rows[k] = [frame, voice, a, b, 0, null, null, null, null, null, null, null, null];
          return;
        }
        const rate = (outlet: string, e: string) =>
          (hitsOf(hitIndex.get(`${frame}${KEY_SEP}${e}${KEY_SEP}${outlet}`), voice) / tok.get(outlet)!.get(e)!) * 10_000;
        const ra = events.map((e) => rate(a, e));
        const rb = events.map((e) => rate(b, e));
        let sa = 0;
        let sb = 0;
        let sd = 0;
        const d = new Array<number>(n);
        for (let m = 0; m < n; m++) {
          sa += ra[m];
          sb += rb[m];
          d[m] = ra[m] - rb[m];
          sd += d[m];
        }
        const row: Cell[] = [frame, voice, a, b, n, sig(sa / n), sig(sb / n), sig(sd / n)];
        if (!draws) {
          row.push(null, null, null, null, null);
        } else {
          const ci = meanIntervalFromIndices(d, draws)!;
          const test = signFlipTest(d, ['permutation', frame, voice, a, b].join(KEY_SEP))!;
          row.push(sig(ci.low), sig(ci.high), test.p, null, test.method);
          ps[k] = test.p;
        }
        rows[k] = row;
      });
    });
  });
  const qs = benjaminiHochberg(ps);
  rows.forEach((row, k) => {
    const p = row[10];
    if (typeof p === 'number') row[10] = sig(p);
    row[11] = qs[k] === null ? null : sig(qs[k]!);
  });
  return rows;
}
