/**
 * The tables, computed from the record tables and `article_events` (events.ts). DuckDB does the grouping, counting,
 * sorting and joining and hands back integer sums in table order; the rates and statistics are computed here from
 * those sums (so the bytes are the same whatever the worker count, the shard split or the order records were
 * written in). Methods: docs/statistics.md.
 *
 * Each builder yields one event's rows at a time (every table is sorted by event first), so memory holds one event,
 * and the report can be handed the rows of the events it charts.
 */
import type { Cell } from '../export/csv.js';
import { homogeneity, holm, sig } from './stats.js';
import { needsExactTest } from './statistics/contingency.js';
import { addOccurrence, clusterQuotes, type QuoteGroup, type SharedQuote } from './shared-quotes.js';
import type { Engine } from './database.js';
import { inlineStatistics, type ExactTestJob, type StatisticsRunner } from './statistics/tasks.js';
import { compareStrings as cmp } from '../search.js';

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** The comparison tables, in the order they are written. */
export const TABLES = ['frames_by_outlet', 'frame_comparison', 'speakers_by_outlet', 'distinctive_terms', 'shared_quotes'] as const;
export type TableName = (typeof TABLES)[number];
export type Tables = Record<TableName, Table>;

/**
 * SPEC's three voices (author, quote, paraphrase), each with its rate; `hits_quoted` / `per_10k_quoted` (quote +
 * paraphrase: attributed speech) are kept after them for readers of the two-voice layout.
 */
export const FRAMES_BY_OUTLET_COLUMNS = [
  'event', 'outlet', 'frame', 'articles', 'articles_with_frame', 'hits', 'hits_author', 'hits_quote', 'hits_paraphrase', 'hits_quoted', 'tokens',
  'per_10k_tokens', 'per_10k_author', 'per_10k_quote', 'per_10k_paraphrase', 'per_10k_quoted', 'hits_negated',
];
export const SPEAKER_COLUMNS = ['event', 'outlet', 'speaker', 'speaker_id', 'speaker_role', 'speaker_type', 'quotes', 'quoted_tokens', 'share_of_quoted_tokens', 'frames_in_quotes'];
export const SHARED_COLUMNS = ['event', 'speaker', 'text', 'outlets', 'articles', 'variants', 'n_outlets', 'article_ids', 'variant_texts'];
export const EVENT_COLUMNS = ['event', 'label', 'first_date', 'last_date', 'articles', 'n_outlets', 'outlets'];

const num = (v: unknown) => Number(v);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const per10k = (hits: number, tokens: number): number | null => (tokens > 0 ? sig((hits / tokens) * 10_000) : null);

/** `<outlet>_per_10k` column name: lowercase, non-alphanumerics to `_`. */
export function outletColumn(outlet: string): string {
  return `${outlet.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_').replace(/^_+|_+$/g, '') || 'outlet'}_per_10k`;
}

/** frame_comparison's columns: one rate column per outlet of the corpus (sorted), names made unique. */
export function frameComparisonColumns(outlets: string[]): string[] {
  const used = new Set<string>();
  const cols: string[] = [];
  for (const o of outlets) {
    let c = outletColumn(o);
    for (let k = 2; used.has(c); k++) c = `${outletColumn(o).replace(/_per_10k$/, '')}_${k}_per_10k`;
    used.add(c);
    cols.push(c);
  }
  return ['event', 'frame', ...cols, 'chi2', 'p_value', 'g2', 'df', 'p_value_g2', 'p_holm', 'min_expected', 'outlets', 'p_exact', 'p_exact_method'];
}

/** Consecutive rows sharing their first column (the event), as [event, rows]. */
async function* byEvent(rows: AsyncGenerator<unknown[]>): AsyncGenerator<[string, unknown[][]]> {
  let event: string | null = null;
  let group: unknown[][] = [];
  for await (const r of rows) {
    const e = String(r[0]);
    if (e !== event) {
      if (event !== null) yield [event, group];
      event = e;
      group = [];
    }
    group.push(r);
  }
  if (event !== null) yield [event, group];
}

/**
 * The per-article join every aggregate reads: each article's event, outlet and sizes (`work.ev`), the sums per event ×
 * outlet (`work.outlet_sums`) and the lexicon's frames in order (`work.frames`).
 */
export async function prepareAggregates(db: Engine, frames: string[]): Promise<void> {
  await db.run(`CREATE OR REPLACE TABLE work.ev AS SELECT a.seq, e.event, a.outlet, a.id, a.date, a.tokens, a.quoted_tokens FROM records.articles a JOIN article_events e USING (seq)`);
  await db.run(`CREATE OR REPLACE TABLE work.outlet_sums AS SELECT event, outlet, count(*)::INTEGER AS articles, sum(tokens)::DOUBLE AS tokens, sum(quoted_tokens)::DOUBLE AS quoted_tokens FROM work.ev GROUP BY event, outlet`);
  await db.run('CREATE OR REPLACE TABLE work.frames (frame VARCHAR, ord INTEGER)');
  const app = await db.appender('frames', 'work');
  frames.forEach((f, i) => {
    app.appendVarchar(f);
    app.appendInteger(i);
    app.endRow();
  });
  app.closeSync();
}

/**
 * frames_by_outlet (event, outlet, then frame in lexicon order) and frame_comparison (event, then frame in lexicon
 * order; a rate column per outlet of the corpus, then the homogeneity test across the event's outlets), per event.
 * frame_comparison's rows come as a promise: their exact tests are computed by `statistics` (a worker, while the next
 * events are read).
 */
export async function* frameTables(
  db: Engine,
  outlets: string[],
  frames: string[],
  statistics: StatisticsRunner = inlineStatistics,
): AsyncGenerator<{ event: string; byOutlet: Cell[][]; comparison: Promise<Cell[][]> }> {
  const rows = db.rows(`
    WITH hit_sums AS (
      SELECT ev.event, ev.outlet, h.frame, count(DISTINCT h.seq)::INTEGER AS articles_with_frame,
        count(*) FILTER (WHERE h.voice = 'author')::INTEGER AS author, count(*) FILTER (WHERE h.voice = 'quote')::INTEGER AS quote,
        count(*) FILTER (WHERE h.voice = 'paraphrase')::INTEGER AS paraphrase, count(*) FILTER (WHERE h.negated)::INTEGER AS negated
      FROM records.hits h JOIN work.ev ev USING (seq) GROUP BY ev.event, ev.outlet, h.frame
    )
    SELECT o.event, o.outlet, f.frame, o.articles, coalesce(h.articles_with_frame, 0), coalesce(h.author, 0), coalesce(h.quote, 0),
      coalesce(h.paraphrase, 0), o.tokens, coalesce(h.negated, 0)
    FROM work.outlet_sums o CROSS JOIN work.frames f LEFT JOIN hit_sums h ON h.event = o.event AND h.outlet = o.outlet AND h.frame = f.frame
    ORDER BY o.event, o.outlet, f.ord`);
  for await (const [event, group] of byEvent(rows)) {
    const byOutlet: Cell[][] = [];
    // The event's outlets in order, each with its hits per frame (lexicon order) and tokens.
    const eventOutlets: { outlet: string; hits: number[]; tokens: number }[] = [];
    for (const r of group) {
      const [, outlet, frame, articles, withFrame, a, q, p, tokens, neg] = r.map((v, i) => (i < 3 ? v : num(v))) as [unknown, unknown, unknown, ...number[]];
      const o = String(outlet);
      if (eventOutlets.at(-1)?.outlet !== o) eventOutlets.push({ outlet: o, hits: [], tokens });
      const all = a + q + p;
      eventOutlets.at(-1)!.hits.push(all);
      byOutlet.push([
        event, o, String(frame), articles, withFrame, all, a, q, p, q + p, tokens,
        per10k(all, tokens), per10k(a, tokens), per10k(q, tokens), per10k(p, tokens), per10k(q + p, tokens), neg,
      ]);
    }
    const tests = frames.map((_, i) => homogeneity(eventOutlets.map((o) => o.hits[i]), eventOutlets.map((o) => o.tokens)));
    const adjusted = holm(tests.map((t) => (t ? t.p : null)));
    const totals = eventOutlets.map((o) => o.tokens);
    // Exact tests only where the chi-square screening is unreliable: only those rows are sent to a worker.
    const jobs: (ExactTestJob | null)[] = frames.map((f, i) => {
      const t = tests[i];
      return t && needsExactTest(t.minExpected) ? { event, frame: f, hits: eventOutlets.map((o) => o.hits[i]), totals, minExpected: t.minExpected } : null;
    });
    const wanted = jobs.filter((j): j is ExactTestJob => j !== null);
    const comparison = (wanted.length ? statistics.run({ task: 'exact', jobs: wanted }) : Promise.resolve([])).then((results) => {
      let k = 0;
      return frames.map((f, i) => {
        const rates = new Map(eventOutlets.map((o) => [o.outlet, per10k(o.hits[i], o.tokens)]));
        const t = tests[i];
        const exact = jobs[i] ? results[k++] : null;
        return [
          event, f, ...outlets.map((o) => (rates.has(o) ? rates.get(o)! : null)),
          t ? sig(t.chi2) : null, t ? sig(t.p) : null, t ? sig(t.g2) : null, t ? t.df : null, t ? sig(t.pG2) : null,
          adjusted[i] === null ? null : sig(adjusted[i]!), t ? sig(t.minExpected) : null, eventOutlets.length,
          exact ? sig(exact.p) : null, exact ? exact.method : null,
        ];
      });
    });
    comparison.catch(() => undefined); // awaited by the caller; a failure must not surface before then as unhandled
    yield { event, byOutlet, comparison };
  }
}

/**
 * speakers_by_outlet: per event × outlet × speaker, the quotes, quoted tokens, most frequent role and type (ties: the
 * first in code-point order) and the frames inside the speaker's quotes; sorted by event, outlet, quotes (descending),
 * speaker. The most frequent role and type are found with plain aggregates and a join, which DuckDB spills to disk:
 * an ordered aggregate (`first(role ORDER BY n DESC, role)`) holds its groups in memory and ran out of the engine's
 * limit at 84,000 articles.
 */
export async function* speakerTable(db: Engine): AsyncGenerator<[string, Cell[][]]> {
  const rows = db.rows(`
    WITH q AS (SELECT ev.event, ev.outlet, q.seq, q.quote_id, q.speaker, q.speaker_id, q.tokens, q.speaker_role, q.speaker_type FROM work.quotes q JOIN work.ev ev USING (seq)),
    sp AS (SELECT event, outlet, speaker, speaker_id, count(*)::INTEGER AS quotes, sum(tokens)::DOUBLE AS tokens FROM q GROUP BY ALL),
    roles AS (SELECT event, outlet, speaker, speaker_id, speaker_role, count(*) AS n FROM q WHERE speaker_role <> '' GROUP BY ALL),
    role AS (SELECT event, outlet, speaker, speaker_id, min(speaker_role) AS role
      FROM roles JOIN (SELECT event, outlet, speaker, speaker_id, max(n) AS n FROM roles GROUP BY ALL) USING (event, outlet, speaker, speaker_id, n) GROUP BY ALL),
    types AS (SELECT event, outlet, speaker, speaker_id, speaker_type, count(*) AS n FROM q GROUP BY ALL),
    type AS (SELECT event, outlet, speaker, speaker_id, min(speaker_type) AS type
      FROM types JOIN (SELECT event, outlet, speaker, speaker_id, max(n) AS n FROM types GROUP BY ALL) USING (event, outlet, speaker, speaker_id, n) GROUP BY ALL),
    fr AS (
      SELECT q.event, q.outlet, q.speaker, q.speaker_id, h.frame, count(*) AS n
      FROM records.hits h JOIN q ON h.seq = q.seq AND h.quote_id = q.quote_id WHERE h.voice <> 'author' GROUP BY ALL
    ),
    frames AS (SELECT event, outlet, speaker, speaker_id, string_agg(frame || ':' || n, '; ' ORDER BY n DESC, frame) AS frames FROM fr GROUP BY ALL)
    SELECT sp.event, sp.outlet, sp.speaker, sp.speaker_id, coalesce(role.role, ''), coalesce(type.type, ''), sp.quotes, sp.tokens, o.quoted_tokens, coalesce(frames.frames, '')
    FROM sp JOIN work.outlet_sums o USING (event, outlet)
      LEFT JOIN role USING (event, outlet, speaker, speaker_id) LEFT JOIN type USING (event, outlet, speaker, speaker_id) LEFT JOIN frames USING (event, outlet, speaker, speaker_id)
    ORDER BY sp.event, sp.outlet, sp.quotes DESC, sp.speaker, sp.speaker_id`);
  for await (const [event, group] of byEvent(rows)) {
    yield [event, group.map(([, outlet, speaker, speakerId, role, type, quotes, tokens, outletQuoted, frames]) => [
      event, String(outlet), String(speaker), str(speakerId), str(role), str(type) || 'unknown', num(quotes), num(tokens),
      num(outletQuoted) > 0 ? sig(num(tokens) / num(outletQuoted)) : null, str(frames),
    ])];
  }
}

/** shared_quotes: per event, the quotations carried by two outlets or more; sorted by event, outlets (descending), text. */
export async function* sharedQuoteTable(db: Engine): AsyncGenerator<[string, Cell[][], SharedQuote[]]> {
  const rows = db.rows(`SELECT ev.event, q.share_key, q.share_variant, q.speaker, ev.outlet, ev.id FROM work.quotes q JOIN work.ev ev USING (seq) WHERE q.share_key IS NOT NULL ORDER BY ev.event`);
  for await (const [event, group] of byEvent(rows)) {
    const groups = new Map<string, QuoteGroup>();
    for (const [, key, variant, speaker, outlet, id] of group) addOccurrence(groups, String(key), String(variant), String(speaker), String(outlet), String(id));
    const shared = clusterQuotes(groups.values());
    shared.sort((a, b) => b.outlets.length - a.outlets.length || cmp(a.text, b.text));
    const out: Cell[][] = shared.map((q) => [event, q.speaker, q.text, q.outlets.join('; '), q.articles.length, q.variants.length, q.outlets.length, q.articles.join('; '), q.variants.join(' | ')]);
    if (out.length) yield [event, out, shared];
  }
}

/** events.csv: per event, its first and last dates, articles and outlets (code-point order); sorted by event. */
export async function* eventRows(db: Engine): AsyncGenerator<Cell[]> {
  const rows = db.rows(`
    SELECT event, coalesce(min(date) FILTER (WHERE date <> ''), ''), coalesce(max(date) FILTER (WHERE date <> ''), ''), count(*)::INTEGER,
      list(DISTINCT outlet)
    FROM work.ev GROUP BY event ORDER BY event`);
  for await (const [event, first, last, articles, outletList] of rows) {
    const outlets = (outletList as { items: unknown[] }).items.map(String).sort();
    yield [String(event), String(event), String(first), String(last), num(articles), outlets.length, outlets.join('; ')];
  }
}
