/**
 * lexicon_fit.csv: how well the lexicon fits the corpus, per frame; and warnings, returned as data (the caller prints
 * them on stderr). Pure: rows in, table rows out.
 *
 * Input rows (the reduce produces them):
 *   - `EventTokens`: one per event: event, tokens (word tokens of all its articles).
 *   - `EventFrameHits`: one per event × frame with any hits: hits, articles_with_hits (articles of the event with at
 *     least one hit of the frame).
 *   - `FrameTermHits`: one per frame × lexicon term that matched: hits (the term is the lexicon entry, e.g.
 *     `illegal alien*`, frame_hits.csv's `term`).
 *
 * Warnings:
 *   - a frame of at least TOP_TERM_WARN_MIN_HITS hits one term of which makes more than TOP_TERM_WARN_SHARE of them
 *     (the frame measures that word);
 *   - the lexicon as a whole (all frames' hits) below MIN_RATE_PER_10K hits per 10,000 tokens in more than half the
 *     events with tokens (the lexicon hardly matches this corpus).
 */
import { sig } from '../stats.js';
import type { Cell } from '../../export/csv.js';
import { compareStrings as cmp } from '../../search.js';

/** Above this share of a frame's hits for one term, a warning. */
export const TOP_TERM_WARN_SHARE = 0.5;
/** ... for a frame with at least this many hits (with fewer, one term's share says little about the frame). */
export const TOP_TERM_WARN_MIN_HITS = 20;
/** An event where all frames together match less often than this (hits per 10,000 tokens) is a low-match event. */
export const MIN_RATE_PER_10K = 1;

export interface EventTokens {
  event: string;
  tokens: number;
}

export interface EventFrameHits {
  event: string;
  frame: string;
  hits: number;
  articles_with_hits: number;
}

export interface FrameTermHits {
  frame: string;
  term: string;
  hits: number;
}

export const LEXICON_FIT_COLUMNS = [
  'frame', 'hits', 'per_10k_tokens', 'top_term', 'top_term_share', 'events_with_hits', 'articles_with_hits', 'events_below_min_rate',
];

/**
 * One row per frame, in lexicon order. per_10k_tokens = the frame's hits / all tokens of the corpus × 10,000;
 * top_term = the term with the most hits (ties: code-point order), top_term_share = its hits / the frame's hits;
 * events_with_hits, articles_with_hits count events and articles with at least one hit; events_below_min_rate counts
 * the events (with tokens) where this frame's rate is below MIN_RATE_PER_10K.
 */
export function lexiconFit(
  frames: readonly string[],
  events: readonly EventTokens[],
  eventHits: readonly EventFrameHits[],
  termHits: readonly FrameTermHits[],
  minHitsForTermWarning = TOP_TERM_WARN_MIN_HITS,
): { rows: Cell[][]; warnings: string[] } {
  const tokensOf = new Map<string, number>();
  for (const e of events) tokensOf.set(e.event, (tokensOf.get(e.event) ?? 0) + e.tokens);
  const eventNames = [...tokensOf.keys()].filter((e) => tokensOf.get(e)! > 0).sort(cmp);
  let corpusTokens = 0;
  for (const e of eventNames) corpusTokens += tokensOf.get(e)!;

  const perFrame = new Map<string, Map<string, EventFrameHits>>();
  const perEvent = new Map<string, number>();
  for (const h of eventHits) {
    if (!perFrame.has(h.frame)) perFrame.set(h.frame, new Map());
    perFrame.get(h.frame)!.set(h.event, h);
    perEvent.set(h.event, (perEvent.get(h.event) ?? 0) + h.hits);
  }
  const terms = new Map<string, [string, number][]>();
  for (const t of termHits) {
    if (!terms.has(t.frame)) terms.set(t.frame, []);
    terms.get(t.frame)!.push([t.term, t.hits]);
  }

  const rows: Cell[][] = [];
  const warnings: string[] = [];
  for (const f of frames) {
    const ev = perFrame.get(f) ?? new Map<string, EventFrameHits>();
    let hits = 0;
    let articles = 0;
    let withHits = 0;
    let below = 0;
    for (const e of eventNames) {
      const h = ev.get(e);
      const n = h ? h.hits : 0;
      hits += n;
      articles += h ? h.articles_with_hits : 0;
      if (n > 0) withHits++;
      if ((n / tokensOf.get(e)!) * 10_000 < MIN_RATE_PER_10K) below++;
    }
    const ts = (terms.get(f) ?? []).slice().sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
    const top = ts[0];
    const share = top && hits > 0 ? top[1] / hits : null;
    rows.push([f, hits, corpusTokens > 0 ? sig((hits / corpusTokens) * 10_000) : null, top ? top[0] : null, share === null ? null : sig(share), withHits, articles, below]);
    if (share !== null && share > TOP_TERM_WARN_SHARE && hits >= minHitsForTermWarning) {
      warnings.push(`lexicon: frame "${f}": the term "${top[0]}" makes ${Math.round(share * 100)}% of its ${hits} hits`);
    }
  }
  let lowEvents = 0;
  for (const e of eventNames) if (((perEvent.get(e) ?? 0) / tokensOf.get(e)!) * 10_000 < MIN_RATE_PER_10K) lowEvents++;
  if (eventNames.length > 0 && lowEvents * 2 > eventNames.length) {
    warnings.push(
      `lexicon: all frames together match less than ${MIN_RATE_PER_10K} per 10,000 tokens in ${lowEvents} of ${eventNames.length} events: the lexicon hardly matches this corpus`,
    );
  }
  return { rows, warnings };
}
