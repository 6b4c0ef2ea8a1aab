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
 */
import type { Cell } from '../../export/csv.js';
import { sig } from '../../aggregate/stats.js';
import { bootstrapMeanInterval } from './bootstrap.js';
import { benjaminiHochberg } from './multiplicity.js';
import { signFlipTest } from './permutation.js';
import { KEY_SEP } from './rng.js';

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

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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

  const rows: Cell[][] = [];
  const ps: (number | null)[] = [];
  for (const frame of frames) {
    for (const voice of CONTRAST_VOICES) {
      for (let i = 0; i < outlets.length; i++) {
        for (let j = i + 1; j < outlets.length; j++) {
          const [a, b] = [outlets[i], outlets[j]];
          const events = shared.get(`${i}:${j}`)!;
          const rate = (outlet: string, e: string) =>
            (hitsOf(hitIndex.get(`${frame}${KEY_SEP}${e}${KEY_SEP}${outlet}`), voice) / tok.get(outlet)!.get(e)!) * 10_000;
          const ra = events.map((e) => rate(a, e));
          const rb = events.map((e) => rate(b, e));
          const n = events.length;
          if (n === 0) {
            rows.push([frame, voice, a, b, 0, null, null, null, null, null, null, null, null]);
            ps.push(null);
            continue;
          }
          let sa = 0;
          let sb = 0;
          for (let k = 0; k < n; k++) {
            sa += ra[k];
            sb += rb[k];
          }
          const d = ra.map((x, k) => x - rb[k]);
          let sd = 0;
          for (const x of d) sd += x;
          const row: Cell[] = [frame, voice, a, b, n, sig(sa / n), sig(sb / n), sig(sd / n)];
          if (n < MIN_SHARED_EVENTS) {
            row.push(null, null, null, null, null);
            ps.push(null);
          } else {
            const key = [frame, voice, a, b].join(KEY_SEP);
            const ci = bootstrapMeanInterval(d, `bootstrap${KEY_SEP}${key}`)!;
            const test = signFlipTest(d, `permutation${KEY_SEP}${key}`)!;
            row.push(sig(ci.low), sig(ci.high), test.p, null, test.method);
            ps.push(test.p);
          }
          rows.push(row);
        }
      }
    }
  }
  const qs = benjaminiHochberg(ps);
  rows.forEach((row, k) => {
    const p = row[10];
    if (typeof p === 'number') row[10] = sig(p);
    row[11] = qs[k] === null ? null : sig(qs[k]!);
  });
  return rows;
}
