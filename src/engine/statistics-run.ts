/**
 * The statistics tables of a run (outlet_contrasts, article_frames, outlet_rates, lexicon_fit, distinctive_terms):
 * article_frames streamed an article at a time (articleFramesTable); for the others their input rows made with SQL
 * over the record tables and `work.ev` (each article's event, prepareAggregates in tables.ts), integer sums in SQL and
 * every result in a fixed order, then handed to the pure builders of statistics/ (the resampling ones as tasks for
 * the statistics workers: statistics/tasks.ts). The same record tables give the same bytes whatever the worker count,
 * shard split or resume. Methods: docs/statistics.md.
 */
import type { Cell } from '../export/csv.js';
import { Cursor, sqlString, type Engine } from './database.js';
import { compareStrings } from '../search.js';
import { articleFramesRow, outletSample, pushFrameCells, type ArticleCells, type ArticleFrameHits, type ArticleRow, type OutletSample } from './statistics/article-frames.js';
import { DISTINCTIVE_MIN_COUNT, distinctiveTerms, type DistinctiveTable, type EventOutletTerm } from './statistics/distinctive.js';
import type { StatisticsTables } from './statistics/index.js';
import { CONTRAST_COLUMNS } from './statistics/contrasts.js';
import { OUTLET_RATE_COLUMNS } from './statistics/article-frames.js';
import { LEXICON_FIT_COLUMNS, lexiconFit } from './statistics/lexicon-fit.js';
import { DISTINCTIVE_COLUMNS } from './statistics/distinctive.js';
import { inlineStatistics, type StatisticsRunner } from './statistics/tasks.js';
import type { StatisticsInputs } from './statistics/inputs.js';

/** The statistics tables besides distinctive_terms (which the comparison tables and the report carry), in write order. */
export const STATISTICS_TABLES = ['outlet_contrasts', 'article_frames', 'outlet_rates', 'lexicon_fit'] as const;
export type StatisticsTableName = (typeof STATISTICS_TABLES)[number];

/** The summed counts of an event × outlet's terms that cannot be listed (no word: terms are letters, apostrophes, hyphens). */
const REST_TERM = '#rest';

const num = (v: unknown) => Number(v);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * article_frames.csv's rows, one article at a time in input order, to `write`: the articles and their hits per frame
 * read side by side from two ordered queries, so that no table of the whole corpus is held (its rows were the largest
 * thing in memory at 84,000 articles). Needs `work.ev`.
 */
export async function articleFramesTable(db: Engine, frames: readonly string[], write: (row: Cell[]) => void): Promise<void> {
  const hits = new Cursor(db.rows(`SELECT h.seq, h.frame, ${VOICES} FROM records.hits h GROUP BY h.seq, h.frame ORDER BY h.seq, h.frame`));
  try {
    const mine = new Map<string, ArticleFrameHits>();
    for await (const [seq, id, outlet, date, event, title, tokens, quotes] of db.rows(`SELECT a.seq, a.id, a.outlet, a.date, ev.event, a.title, a.tokens, a.quotes FROM records.articles a JOIN work.ev ev USING (seq) ORDER BY a.seq`)) {
      const article: ArticleRow = { article_id: str(id), outlet: str(outlet), date: str(date), event: str(event), title: str(title), tokens: num(tokens), quotes: num(quotes) };
      mine.clear();
      for (let h = await hits.peek(); h && num(h[0]) <= num(seq); h = await hits.peek()) {
        await hits.next();
        if (num(h[0]) === num(seq)) mine.set(str(h[1]), { article_id: article.article_id, frame: str(h[1]), author: num(h[2]), quote: num(h[3]), paraphrase: num(h[4]) });
      }
      write(articleFramesRow(frames, article, (f) => mine.get(f)));
    }
  } finally {
    await hits.close();
  }
}

/** Per-voice hit counts in SQL. */
const VOICES = `count(*) FILTER (WHERE h.voice = 'author')::INTEGER, count(*) FILTER (WHERE h.voice = 'quote')::INTEGER,
  count(*) FILTER (WHERE h.voice = 'paraphrase')::INTEGER`;

/** The builders' input rows from the record tables (needs `work.ev`). */
export async function statisticsInputsFromDb(db: Engine): Promise<StatisticsInputs> {
  const eventOutletTokens = (await db.all(`SELECT event, outlet, sum(tokens)::BIGINT FROM work.ev GROUP BY event, outlet ORDER BY event, outlet`))
    .map(([event, outlet, tokens]) => ({ event: str(event), outlet: str(outlet), tokens: num(tokens) }));
  const eventOutletFrameHits = (await db.all(`SELECT ev.event, ev.outlet, h.frame, ${VOICES} FROM records.hits h JOIN work.ev ev USING (seq) GROUP BY ALL ORDER BY ev.event, ev.outlet, h.frame`))
    .map(([event, outlet, frame, author, quote, paraphrase]) => ({ event: str(event), outlet: str(outlet), frame: str(frame), author: num(author), quote: num(quote), paraphrase: num(paraphrase) }));
  const eventTokens = (await db.all(`SELECT event, sum(tokens)::BIGINT FROM work.ev GROUP BY event ORDER BY event`))
    .map(([event, tokens]) => ({ event: str(event), tokens: num(tokens) }));
  const eventFrameHits = (await db.all(`SELECT ev.event, h.frame, count(*)::INTEGER, count(DISTINCT h.seq)::INTEGER FROM records.hits h JOIN work.ev ev USING (seq) GROUP BY ALL ORDER BY ev.event, h.frame`))
    .map(([event, frame, hits, withHits]) => ({ event: str(event), frame: str(frame), hits: num(hits), articles_with_hits: num(withHits) }));
  const frameTermHits = (await db.all(`SELECT frame, term, count(*)::INTEGER FROM records.hits GROUP BY ALL ORDER BY frame, term`))
    .map(([frame, term, hits]) => ({ frame: str(frame), term: str(term), hits: num(hits) }));
  return { eventOutletTokens, eventOutletFrameHits, eventTokens, eventFrameHits, frameTermHits };
}

/**
 * outlet_rates' input: each outlet's articles and their hits by frame and voice as an OutletSample (flat typed arrays),
 * read an article at a time, outlets in code-point order. A row object per article × frame held for the whole corpus
 * was the largest thing in the main thread's heap during the tables (over 100 MB at 84,000 articles).
 */
export async function outletSamplesFromDb(db: Engine, frames: readonly string[]): Promise<OutletSample[]> {
  const frameIndex = new Map(frames.map((f, i) => [f, i]));
  const samples: OutletSample[] = [];
  let outlet: string | null = null;
  let ids: string[] = [];
  let tokens: number[] = [];
  let cells: ArticleCells[] = [];
  let lastSeq = -1;
  const finish = () => {
    if (outlet !== null) samples.push(outletSample(outlet, ids, tokens, cells));
  };
  for await (const [seq, o, id, tok, frame, author, quote, paraphrase] of db.rows(`
    SELECT a.seq, a.outlet, a.id, a.tokens, h.frame, ${VOICES}
    FROM records.articles a JOIN work.ev ev USING (seq) LEFT JOIN records.hits h USING (seq)
    GROUP BY a.seq, a.outlet, a.id, a.tokens, h.frame
    ORDER BY a.outlet, a.seq, h.frame`)) {
    if (str(o) !== outlet) {
      finish();
      outlet = str(o);
      ids = [];
      tokens = [];
      cells = [];
    }
    if (num(seq) !== lastSeq) {
      lastSeq = num(seq);
      ids.push(str(id));
      tokens.push(num(tok));
      cells.push([]);
    }
    const fi = frame === null ? undefined : frameIndex.get(str(frame));
    if (fi !== undefined) pushFrameCells(cells[cells.length - 1], fi, { author: num(author), quote: num(quote), paraphrase: num(paraphrase) });
  }
  finish();
  return samples.sort((a, b) => compareStrings(a.outlet, b.outlet));
}

/**
 * Each event's term counts per outlet (event × outlet × term), an event at a time: the rows of the whole corpus, handed
 * over at once, set the run's peak memory (1.3 million of them at 8,400 articles before the filter below).
 * A term can be listed only where some outlet of the event used it DISTINCTIVE_MIN_COUNT times; the event's other
 * terms matter only through the outlets' totals, so they come summed, one REST_TERM row per event × outlet (never
 * listed: it is added to the stoplist). The same table as from every row, with far fewer rows to hand over.
 */
export async function* eventOutletTerms(db: Engine): AsyncGenerator<[string, EventOutletTerm[]]> {
  let event: string | null = null;
  let group: EventOutletTerm[] = [];
  for await (const [e, outlet, term, count] of db.rows(`
    WITH eot AS (SELECT ev.event, ev.outlet, t.term, sum(t.count)::BIGINT AS c FROM records.terms t JOIN work.ev ev USING (seq) GROUP BY ALL),
    listable AS (SELECT DISTINCT event, term FROM eot WHERE c >= ${DISTINCTIVE_MIN_COUNT}),
    marked AS (SELECT eot.*, l.term IS NOT NULL AS keep FROM eot LEFT JOIN listable l USING (event, term))
    SELECT event, outlet, term, c FROM marked WHERE keep
    UNION ALL
    SELECT event, outlet, ${sqlString(REST_TERM)}, sum(c)::BIGINT FROM marked WHERE NOT keep GROUP BY event, outlet
    ORDER BY 1, 2, 3`)) {
    const row = { event: str(e), outlet: str(outlet), term: str(term), count: num(count) };
    if (row.event !== event) {
      if (event !== null) yield [event, group];
      event = row.event;
      group = [];
    }
    group.push(row);
  }
  if (event !== null) yield [event, group];
}

/** Every term's count in the corpus, and their sum: the log-odds prior of distinctive_terms. */
export async function termPrior(db: Engine): Promise<{ prior: Map<string, number>; alpha0: number }> {
  const prior = new Map<string, number>();
  let alpha0 = 0;
  for (const [term, count] of await db.all(`SELECT term, sum(count)::BIGINT FROM records.terms GROUP BY term ORDER BY term`)) {
    prior.set(str(term), num(count));
    alpha0 += num(count);
  }
  return { prior, alpha0 };
}

/** distinctive_terms, an event at a time (distinctiveTerms is per event), its events in distinctiveTerms' order. */
async function distinctiveFromDb(db: Engine, stoplist: ReadonlySet<string>): Promise<DistinctiveTable> {
  const { prior, alpha0 } = await termPrior(db);
  const perEvent: [string, DistinctiveTable][] = [];
  for await (const [event, rows] of eventOutletTerms(db)) perEvent.push([event, distinctiveTerms(rows, prior, alpha0, stoplist)]);
  perEvent.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { rows: perEvent.flatMap(([, t]) => t.rows), events: perEvent.flatMap(([, t]) => t.events) };
}

/**
 * Every statistics table of the run; lexicon_fit's warnings as stderr lines (printed even under --quiet).
 * outlet_contrasts and outlet_rates are computed by `statistics` (the reduce's statistics workers) while
 * distinctive_terms is read and computed here.
 */
export async function runStatistics(db: Engine, frames: string[], stoplist: ReadonlySet<string>, statistics: StatisticsRunner = inlineStatistics): Promise<StatisticsTables> {
  const inputs = await statisticsInputsFromDb(db);
  const contrasts = statistics.run({ task: 'contrasts', frames, tokens: inputs.eventOutletTokens, hits: inputs.eventOutletFrameHits });
  const rates = statistics.run({ task: 'rates', frames, samples: await outletSamplesFromDb(db, frames) });
  // Awaited below; a failure must not surface before then as unhandled.
  contrasts.catch(() => undefined);
  rates.catch(() => undefined);
  const distinctive = await distinctiveFromDb(db, new Set([...stoplist, REST_TERM]));
  const fit = lexiconFit(frames, inputs.eventTokens, inputs.eventFrameHits, inputs.frameTermHits);
  return {
    outlet_contrasts: { columns: CONTRAST_COLUMNS, rows: await contrasts },
    outlet_rates: { columns: OUTLET_RATE_COLUMNS, rows: await rates },
    lexicon_fit: { columns: LEXICON_FIT_COLUMNS, rows: fit.rows },
    distinctive_terms: { columns: DISTINCTIVE_COLUMNS, rows: distinctive.rows },
    distinctiveEvents: distinctive.events,
    warnings: fit.warnings.map((w) => `framelens: warning: ${w} (lexicon_fit.csv)`),
  };
}

/** Consecutive rows sharing their first cell (the event), as [event, rows]. */
export function* rowsByEvent(rows: Cell[][]): Generator<[string, Cell[][]]> {
  for (let start = 0; start < rows.length; ) {
    const event = String(rows[start][0]);
    let end = start;
    while (end < rows.length && String(rows[end][0]) === event) end++;
    yield [event, rows.slice(start, end)];
    start = end;
  }
}
