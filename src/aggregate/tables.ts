/**
 * The comparison tables, reduced from AnalyzedArticle records. `add` only sums counts keyed by event × outlet × …
 * (and keeps the event's quotations for shared-quote matching), so memory does not grow with article text, and the
 * result is the same whatever order records are added in: shard merges give byte-identical tables. Statistics are
 * computed in `tables()`, after everything is summed. Methods: docs/statistics.md.
 *
 * Every row is computed from one event's sums alone, except for two corpus-wide inputs: the log-odds prior (the whole
 * corpus's term counts) and the outlet columns of frame_comparison. Given those (`CorpusContext`), an Aggregator fed
 * only some events' records writes exactly those events' rows of the whole corpus's tables: the reduce runs it on one
 * bucket of events at a time (src/pipeline/buckets.ts).
 */
import type { AnalyzedArticle, FrameHit, QuoteRecord } from '../types.js';
import type { Cell } from '../export/csv.js';
import { holm, homogeneity, logOddsDirichlet, sig } from './stats.js';
import { addOccurrence, clusterQuotes, quoteKey, quoteVariant, type QuoteGroup } from './quotes.js';
import { TermCounts, Vocabulary } from './vocabulary.js';
import { isTitleCase, quotePieces } from '../quotes/pieces.js';

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export interface Tables {
  frames_by_outlet: Table;
  frame_comparison: Table;
  speakers_by_outlet: Table;
  distinctive_terms: Table;
  shared_quotes: Table;
}

/** Terms listed per event × outlet in distinctive_terms.csv (highest z first), and the minimum count to be listed. */
export const DISTINCTIVE_TOP = 30;
export const DISTINCTIVE_MIN_COUNT = 3;

/** Words never listed as distinctive: site furniture and generic news words (outlet names are excluded per event). */
export const BOILERPLATE = new Set(
  ('advertisement click subscribe newsletter sign share tweet facebook twitter email photo photos image images getty ap ' +
    'reuters afp copyright rights reserved reading read story stories related video watch follow updated published ' +
    'contributed reporting editor editors page link links comment comments cnn msnbc').split(' '),
);

/** The parts of an AnalyzedArticle the comparison tables read. */
export interface AggregateRecord extends Pick<AnalyzedArticle, 'id' | 'outlet' | 'tokens' | 'quotedTokens' | 'terms'> {
  hits: Pick<FrameHit, 'frame' | 'voice' | 'negated' | 'quoteId'>[];
  quotes: Pick<QuoteRecord, 'id' | 'kind' | 'speaker' | 'tokens' | 'speakerRole' | 'speakerType' | 'text' | 'start' | 'end' | 'gaps'>[];
}

/**
 * What a quotation's speaker said, as text: its pieces joined by " … " — the attribution inside a quotation joined across
 * it (“A,” said X, an advocate for …, “B.”) is left out, so that two outlets carrying the same words with different
 * attributions match.
 */
export function spokenText(q: Pick<QuoteRecord, 'text' | 'start' | 'end' | 'gaps'>): string {
  if (q.gaps.length === 0) return q.text;
  return quotePieces(q)
    .map(([a, b]) => q.text.slice(a - q.start, b - q.start).trim())
    .join(' … ');
}

/**
 * A quotation as the reduce needs it: for one that can be shared (not indirect speech, enough content words), the
 * `quoteKey` and `quoteVariant` of its `spokenText` instead of its text (computed once, as the article is read, not in the reduce).
 */
export type SpilledQuote = Omit<AggregateRecord['quotes'][number], 'text' | 'start' | 'end' | 'gaps'> & { key?: string; variant?: string };

/** What the reduce spills per article: an `AggregateRecord` with its terms as [number, count, …] (a `Vocabulary`'s), its quotes as `SpilledQuote`s. */
export type SpilledRecord = Omit<AggregateRecord, 'terms' | 'quotes'> & { terms: number[]; quotes: SpilledQuote[] };

/** Just the fields of `SpilledRecord` (a record parsed from articles.jsonl carries many more), `terms` numbered. */
export function spilledRecord(r: AggregateRecord, terms: number[]): SpilledRecord {
  return {
    id: r.id,
    outlet: r.outlet,
    tokens: r.tokens,
    quotedTokens: r.quotedTokens,
    terms,
    hits: r.hits.map((h) => ({ frame: h.frame, voice: h.voice, negated: h.negated, quoteId: h.quoteId })),
    quotes: r.quotes.map((q) => {
      const out: SpilledQuote = { id: q.id, kind: q.kind, speaker: q.speaker, tokens: q.tokens, speakerRole: q.speakerRole, speakerType: q.speakerType };
      // Indirect speech is the writer's wording; a title-case fragment names a work, show or slogan.
      const spoken = q.kind === 'indirect' ? '' : spokenText(q);
      const key = q.kind === 'indirect' || isTitleCase(spoken) ? null : quoteKey(spoken);
      if (key !== null) {
        out.key = key;
        out.variant = quoteVariant(spoken);
      }
      return out;
    }),
  };
}

/**
 * The corpus-wide inputs of the tables: every term of the corpus by number with its count (the log-odds prior; a
 * `Vocabulary`'s words, counts and total) and every outlet.
 */
export interface CorpusContext {
  words: string[];
  counts: number[];
  total: number;
  outlets: string[];
}

interface OutletSums {
  articles: number;
  tokens: number;
  quotedTokens: number;
  frameArticles: Map<string, number>;
  hits: Map<string, [number, number, number]>; // author, quoted, negated
  speakers: Map<string, SpeakerSums>;
  /** By term number. */
  terms: TermCounts;
  termTotal: number;
}

interface SpeakerSums {
  quotes: number;
  tokens: number;
  roles: Map<string, number>;
  types: Map<string, number>;
  frames: Map<string, number>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function bump<K>(m: Map<K, number>, k: K, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

/** Most frequent key; ties broken by code-point order (deterministic). */
function mode(m: Map<string, number>): string {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? '';
}

/** `<outlet>_per_10k` column name: lowercase, non-alphanumerics to `_`. */
export function outletColumn(outlet: string): string {
  return `${outlet.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '') || 'outlet'}_per_10k`;
}

const per10k = (hits: number, tokens: number): number | null => (tokens > 0 ? sig((hits / tokens) * 10_000) : null);

export class Aggregator {
  private events = new Map<string, Map<string, OutletSums>>();
  private quotes = new Map<string, Map<string, QuoteGroup>>();
  /** Without a corpus context: the terms of the records added (numbered here; their counts are the prior). */
  private readonly vocabulary: Vocabulary | null;

  /**
   * Without `corpus`, the corpus is what is added with `add` (the prior and the outlets are summed here); with it,
   * records come with `addSpilled`, their terms numbered as in `corpus`.
   */
  constructor(
    readonly frames: string[],
    private readonly corpus: CorpusContext | null = null,
  ) {
    this.vocabulary = corpus ? null : new Vocabulary();
  }

  /** A record with its terms as words (an Aggregator without a corpus context). */
  add(rec: AggregateRecord, event: string): void {
    if (!this.vocabulary) throw new Error('Aggregator.add: records with their terms as words need an Aggregator without a corpus context');
    this.addSpilled(spilledRecord(rec, this.vocabulary.add(rec.terms)), event);
  }

  /** A record with its terms numbered (as in the corpus context, or in this Aggregator's own vocabulary). */
  addSpilled(rec: SpilledRecord, event: string): void {
    if (!this.events.has(event)) this.events.set(event, new Map());
    const outlets = this.events.get(event)!;
    if (!outlets.has(rec.outlet)) {
      outlets.set(rec.outlet, {
        articles: 0, tokens: 0, quotedTokens: 0, frameArticles: new Map(), hits: new Map(), speakers: new Map(), terms: new TermCounts(), termTotal: 0,
      });
    }
    const s = outlets.get(rec.outlet)!;
    s.articles++;
    s.tokens += rec.tokens;
    s.quotedTokens += rec.quotedTokens;
    const seen = new Set<string>();
    for (const h of rec.hits) {
      const sums = s.hits.get(h.frame) ?? [0, 0, 0];
      if (h.voice === 'author') sums[0]++;
      else sums[1]++;
      if (h.negated) sums[2]++;
      s.hits.set(h.frame, sums);
      seen.add(h.frame);
    }
    for (const f of seen) bump(s.frameArticles, f);

    const quoteFrames = new Map<string, Map<string, number>>();
    for (const h of rec.hits) {
      if (h.voice === 'author') continue; // quote and paraphrase: the speaker's
      if (!quoteFrames.has(h.quoteId)) quoteFrames.set(h.quoteId, new Map());
      bump(quoteFrames.get(h.quoteId)!, h.frame);
    }
    if (!this.quotes.has(event)) this.quotes.set(event, new Map());
    for (const q of rec.quotes) {
      let sp = s.speakers.get(q.speaker);
      if (!sp) {
        sp = { quotes: 0, tokens: 0, roles: new Map(), types: new Map(), frames: new Map() };
        s.speakers.set(q.speaker, sp);
      }
      sp.quotes++;
      sp.tokens += q.tokens;
      if (q.speakerRole) bump(sp.roles, q.speakerRole);
      bump(sp.types, q.speakerType);
      for (const [f, c] of quoteFrames.get(q.id) ?? []) bump(sp.frames, f, c);
      if (q.key !== undefined) addOccurrence(this.quotes.get(event)!, q.key, q.variant!, q.speaker, rec.outlet, rec.id);
    }
    const terms = rec.terms;
    for (let k = 0; k < terms.length; k += 2) {
      s.terms.add(terms[k], terms[k + 1]);
      s.termTotal += terms[k + 1];
    }
  }

  tables(): Tables {
    const events = [...this.events.keys()].sort(cmp);
    return {
      frames_by_outlet: this.framesByOutlet(events),
      frame_comparison: this.frameComparison(events),
      speakers_by_outlet: this.speakersByOutlet(events),
      distinctive_terms: this.distinctiveTerms(events),
      shared_quotes: this.sharedQuotes(events),
    };
  }

  private outletsOf(event: string): [string, OutletSums][] {
    return [...this.events.get(event)!.entries()].sort((a, b) => cmp(a[0], b[0]));
  }

  /** Rows sorted by event, outlet, then frame in lexicon order. */
  private framesByOutlet(events: string[]): Table {
    const rows: Cell[][] = [];
    for (const e of events) {
      for (const [outlet, s] of this.outletsOf(e)) {
        for (const f of this.frames) {
          const [a, q, neg] = s.hits.get(f) ?? [0, 0, 0];
          rows.push([e, outlet, f, s.articles, s.frameArticles.get(f) ?? 0, a + q, a, q, s.tokens, per10k(a + q, s.tokens), per10k(a, s.tokens), per10k(q, s.tokens), neg]);
        }
      }
    }
    return {
      columns: ['event', 'outlet', 'frame', 'articles', 'articles_with_frame', 'hits', 'hits_author', 'hits_quoted', 'tokens', 'per_10k_tokens', 'per_10k_author', 'per_10k_quoted', 'hits_negated'],
      rows,
    };
  }

  /** One row per event × frame (events sorted, frames in lexicon order); one rate column per outlet of the corpus. */
  private frameComparison(events: string[]): Table {
    const allOutlets = this.corpus?.outlets ?? [...new Set([...this.events.values()].flatMap((m) => [...m.keys()]))].sort(cmp);
    const colOf = new Map<string, string>();
    const used = new Set<string>();
    for (const o of allOutlets) {
      let c = outletColumn(o);
      for (let k = 2; used.has(c); k++) c = `${outletColumn(o).replace(/_per_10k$/, '')}_${k}_per_10k`;
      used.add(c);
      colOf.set(o, c);
    }
    const rows: Cell[][] = [];
    for (const e of events) {
      const outlets = this.outletsOf(e);
      const tests = this.frames.map((f) => homogeneity(outlets.map(([, s]) => { const h = s.hits.get(f); return h ? h[0] + h[1] : 0; }), outlets.map(([, s]) => s.tokens)));
      const adjusted = holm(tests.map((t) => (t ? t.p : null)));
      this.frames.forEach((f, i) => {
        const rates = new Map(outlets.map(([o, s]) => { const h = s.hits.get(f); return [o, per10k(h ? h[0] + h[1] : 0, s.tokens)]; }));
        const t = tests[i];
        rows.push([
          e, f, ...allOutlets.map((o) => (rates.has(o) ? rates.get(o)! : null)),
          t ? sig(t.chi2) : null, t ? sig(t.p) : null, t ? sig(t.g2) : null, t ? t.df : null, t ? sig(t.pG2) : null,
          adjusted[i] === null ? null : sig(adjusted[i]!), t ? sig(t.minExpected) : null, outlets.length,
        ]);
      });
    }
    return {
      columns: ['event', 'frame', ...allOutlets.map((o) => colOf.get(o)!), 'chi2', 'p_value', 'g2', 'df', 'p_value_g2', 'p_holm', 'min_expected', 'outlets'],
      rows,
    };
  }

  /** Sorted by event, outlet, then quotes (descending), then speaker. */
  private speakersByOutlet(events: string[]): Table {
    const rows: Cell[][] = [];
    for (const e of events) {
      for (const [outlet, s] of this.outletsOf(e)) {
        const speakers = [...s.speakers.entries()].sort((a, b) => b[1].quotes - a[1].quotes || cmp(a[0], b[0]));
        for (const [name, sp] of speakers) {
          const frames = [...sp.frames.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([f, c]) => `${f}:${c}`).join('; ');
          rows.push([e, outlet, name, mode(sp.roles), mode(sp.types) || 'unknown', sp.quotes, sp.tokens, s.quotedTokens > 0 ? sig(sp.tokens / s.quotedTokens) : null, frames]);
        }
      }
    }
    return {
      columns: ['event', 'outlet', 'speaker', 'speaker_role', 'speaker_type', 'quotes', 'quoted_tokens', 'share_of_quoted_tokens', 'frames_in_quotes'],
      rows,
    };
  }

  /**
   * Monroe et al. log-odds, each outlet vs the event's other outlets, prior = whole-corpus counts (α_w = corpus count
   * of w, α0 = corpus total). Lists, per event × outlet, the DISTINCTIVE_TOP terms with the highest z among those
   * used at least DISTINCTIVE_MIN_COUNT times by the outlet; outlet self-mentions and BOILERPLATE excluded.
   */
  private distinctiveTerms(events: string[]): Table {
    const rows: Cell[][] = [];
    const { words, counts: prior, total: alpha0 } = this.corpus ?? this.vocabulary!;
    for (const e of events) {
      const outlets = this.outletsOf(e);
      if (outlets.length < 2) continue;
      const selfWords = new Set(outlets.flatMap(([o]) => o.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1)));
      const eventTerms = new TermCounts();
      let eventTotal = 0;
      for (const [, s] of outlets) {
        s.terms.forEach((t, c) => eventTerms.add(t, c));
        eventTotal += s.termTotal;
      }
      for (const [outlet, s] of outlets) {
        const scored: [string, number, number, number, number][] = [];
        s.terms.forEach((t, yi) => {
          if (yi < DISTINCTIVE_MIN_COUNT) return;
          const word = words[t];
          if (selfWords.has(word) || BOILERPLATE.has(word)) return;
          const yj = eventTerms.get(t) - yi;
          const lo = logOddsDirichlet(yi, s.termTotal, yj, eventTotal - s.termTotal, prior[t], alpha0);
          scored.push([word, yi, yj, lo.logOdds, lo.z]);
        });
        scored.sort((a, b) => b[4] - a[4] || cmp(a[0], b[0]));
        for (const [t, yi, yj, lo, z] of scored.slice(0, DISTINCTIVE_TOP)) rows.push([e, outlet, t, yi, yj, sig(lo), sig(z)]);
      }
    }
    return { columns: ['event', 'outlet', 'term', 'count', 'count_elsewhere', 'log_odds', 'z'], rows };
  }

  /** Sorted by event, then number of outlets (descending), then text. */
  private sharedQuotes(events: string[]): Table {
    const rows: Cell[][] = [];
    for (const e of events) {
      const shared = clusterQuotes(this.quotes.get(e)?.values() ?? []);
      shared.sort((a, b) => b.outlets.length - a.outlets.length || cmp(a.text, b.text));
      for (const q of shared) {
        rows.push([e, q.speaker, q.text, q.outlets.join('; '), q.articles.length, q.variants.length, q.outlets.length, q.articles.join('; '), q.variants.join(' | ')]);
      }
    }
    return { columns: ['event', 'speaker', 'text', 'outlets', 'articles', 'variants', 'n_outlets', 'article_ids', 'variant_texts'], rows };
  }
}
