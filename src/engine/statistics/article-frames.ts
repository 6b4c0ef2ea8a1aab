/**
 * article_frames.csv's rows (one per article, ready for regression) and the per-outlet corpus rates with bootstrap
 * intervals over articles (outlet_rates.csv). Pure: rows in, table rows out.
 *
 * Input rows (the reduce produces them):
 *   - `ArticleRow`: one per analysed article: article_id, outlet, date, event (as used in the tables), title, tokens
 *     (word tokens), quotes (quotations found).
 *   - `ArticleFrameHits`: one per article × frame with any hits: hits by voice (author, quote, paraphrase), integer
 *     counts. A missing row means zero hits.
 */
import { sig } from '../stats.js';
import { BOOTSTRAP_REPLICATES, percentileInterval } from './bootstrap.js';
import type { Cell } from '../../export/csv.js';
import { CONTRAST_VOICES, type ContrastVoice } from './contrasts.js';
import { KEY_SEP, rngFor } from './rng.js';
import { compareStrings as cmp } from '../../search.js';

export interface ArticleRow {
  article_id: string;
  outlet: string;
  date: string;
  event: string;
  title: string;
  tokens: number;
  quotes: number;
}

export interface ArticleFrameHits {
  article_id: string;
  frame: string;
  author: number;
  quote: number;
  paraphrase: number;
}

/** Columns: the article's fields, then per frame (lexicon order) `<frame>` (all voices), `_author`, `_quote`, `_paraphrase`. */
export function articleFramesColumns(frames: readonly string[]): string[] {
  return ['article_id', 'outlet', 'date', 'event', 'title', 'tokens', 'quotes', ...frames.flatMap((f) => [f, `${f}_author`, `${f}_quote`, `${f}_paraphrase`])];
}

function hitIndex(hits: readonly ArticleFrameHits[]): Map<string, ArticleFrameHits> {
  const m = new Map<string, ArticleFrameHits>();
  for (const h of hits) {
    const k = `${h.article_id}${KEY_SEP}${h.frame}`;
    const prev = m.get(k);
    // Several rows for one article × frame are summed.
    m.set(k, prev ? { ...prev, author: prev.author + h.author, quote: prev.quote + h.quote, paraphrase: prev.paraphrase + h.paraphrase } : h);
  }
  return m;
}

/**
 * An article's row of article_frames.csv, given its hits by frame (undefined: none): its fields, then every frame's
 * counts, zeros written. The reduce streams the articles in input order (articleFramesTable in statistics-run.ts).
 */
export function articleFramesRow(frames: readonly string[], a: ArticleRow, hitsOf: (frame: string) => ArticleFrameHits | undefined): Cell[] {
  const row: Cell[] = [a.article_id, a.outlet, a.date, a.event, a.title, a.tokens, a.quotes];
  for (const f of frames) {
    const h = hitsOf(f);
    const [au, qu, pa] = h ? [h.author, h.quote, h.paraphrase] : [0, 0, 0];
    row.push(au + qu + pa, au, qu, pa);
  }
  return row;
}

export const OUTLET_RATE_COLUMNS = ['outlet', 'frame', 'voice', 'articles', 'tokens', 'hits', 'per_10k_tokens', 'ci_low', 'ci_high'];

/**
 * One outlet's articles as the resampling of outlet_rates reads them: flat typed arrays, cheap to hand to a statistics
 * worker and a few numbers per article (the reduce builds them from a query, outletSamplesFromDb in
 * statistics-run.ts, without holding a row object per article × frame). Articles with tokens only, in id order
 * (code-point order): article k has `tokens[k]` and its non-zero cells (cell = frame index × voices + voice index) with
 * their counts at positions offsets[k] … offsets[k + 1] − 1 of `cellOf` / `countOf`. `articles` counts every article of
 * the outlet, those without tokens too.
 */
export interface OutletSample {
  outlet: string;
  articles: number;
  tokens: Float64Array;
  offsets: Int32Array;
  cellOf: Int32Array;
  countOf: Float64Array;
}

/** An article's hits by voice for each frame it has hits for, as the cells of an OutletSample. */
export type ArticleCells = { cell: number; count: number }[];

/** The cells of one article × frame's hits (frame index `fi`), appended to `out`. */
export function pushFrameCells(out: ArticleCells, fi: number, h: Pick<ArticleFrameHits, 'author' | 'quote' | 'paraphrase'>): void {
  CONTRAST_VOICES.forEach((v, vi) => {
    const c = count(h, v);
    if (c > 0) out.push({ cell: fi * CONTRAST_VOICES.length + vi, count: c });
  });
}

/**
 * An OutletSample from the outlet's articles (any order; `cells` by article, as pushFrameCells makes them): the
 * articles with tokens sorted by id.
 */
export function outletSample(outlet: string, ids: readonly string[], tokens: readonly number[], cells: readonly ArticleCells[]): OutletSample {
  const order = ids.map((_, k) => k).filter((k) => tokens[k] > 0).sort((x, y) => cmp(ids[x], ids[y]));
  const n = order.length;
  let total = 0;
  for (const k of order) total += cells[k].length;
  const sample: OutletSample = {
    outlet, articles: ids.length, tokens: new Float64Array(n), offsets: new Int32Array(n + 1), cellOf: new Int32Array(total), countOf: new Float64Array(total),
  };
  let m = 0;
  order.forEach((k, j) => {
    sample.tokens[j] = tokens[k];
    for (const { cell, count: c } of cells[k]) {
      sample.cellOf[m] = cell;
      sample.countOf[m++] = c;
    }
    sample.offsets[j + 1] = m;
  });
  return sample;
}

/**
 * Per outlet × frame × voice over all the outlet's articles (every event): hits, tokens, hits per 10,000 tokens
 * (Σ hits / Σ tokens × 10,000) and a 95% percentile bootstrap interval over the outlet's articles: the articles
 * resampled with replacement B times, the pooled rate recomputed. One set of B resamples per outlet (seeded from the
 * outlet's name, drawn from its articles in id order) serves all its frames and voices: an outlet's rows are the same
 * whatever the other outlets and the row order, and the cost is B × (articles + their hits), not that times the
 * number of frames. Articles without tokens count in `articles` but are not resampled. Rows sorted by outlet
 * (code-point order), frame (lexicon order), voice (all, author, quote, paraphrase); an outlet with no tokens has
 * empty rate and interval. From row objects; the reduce's path is outletSamplesFromDb + outletRateRows.
 */
export function outletRates(
  frames: readonly string[],
  articles: readonly ArticleRow[],
  hits: readonly ArticleFrameHits[],
  B = BOOTSTRAP_REPLICATES,
): Cell[][] {
  const index = hitIndex(hits);
  const byOutlet = new Map<string, ArticleRow[]>();
  for (const a of articles) {
    if (!byOutlet.has(a.outlet)) byOutlet.set(a.outlet, []);
    byOutlet.get(a.outlet)!.push(a);
  }
  return [...byOutlet.keys()].sort(cmp).flatMap((outlet) => {
    const arts = byOutlet.get(outlet)!;
    const cells = arts.map((a) => {
      const out: ArticleCells = [];
      frames.forEach((f, fi) => {
        const h = index.get(`${a.article_id}${KEY_SEP}${f}`);
        if (h) pushFrameCells(out, fi, h);
      });
      return out;
    });
    return outletRateRows(frames, outletSample(outlet, arts.map((a) => a.article_id), arts.map((a) => a.tokens), cells), B);
  });
}

/** One outlet's rows of outlet_rates (see outletRates). */
export function outletRateRows(frames: readonly string[], sample: OutletSample, B = BOOTSTRAP_REPLICATES): Cell[][] {
  const { outlet, tokens, offsets, cellOf, countOf } = sample;
  const V = CONTRAST_VOICES.length;
  const cells = frames.length * V;
  const n = tokens.length;
  let tokenSum = 0;
  const hitSum = new Float64Array(cells);
  for (let k = 0; k < n; k++) {
    tokenSum += tokens[k];
    for (let m = offsets[k]; m < offsets[k + 1]; m++) hitSum[cellOf[m]] += countOf[m];
  }
  // reps[c × B + b]: cell c's rate in resample b.
  const reps = new Float64Array(n > 0 ? cells * B : 0);
  if (n > 0) {
    const rng = rngFor(`outlet-rate${KEY_SEP}${outlet}`);
    const acc = new Float64Array(cells);
    for (let b = 0; b < B; b++) {
      acc.fill(0);
      let tok = 0;
      for (let k = 0; k < n; k++) {
        const j = rng.int(n);
        tok += tokens[j];
        for (let m = offsets[j]; m < offsets[j + 1]; m++) acc[cellOf[m]] += countOf[m];
      }
      for (let c = 0; c < cells; c++) reps[c * B + b] = (acc[c] / tok) * 10_000;
    }
  }
  const rows: Cell[][] = [];
  frames.forEach((f, fi) => {
    CONTRAST_VOICES.forEach((voice, vi) => {
      const c = fi * V + vi;
      const ci = n > 0 ? percentileInterval(reps.subarray(c * B, (c + 1) * B)) : null;
      rows.push([
        outlet, f, voice, sample.articles, tokenSum, hitSum[c], tokenSum > 0 ? sig((hitSum[c] / tokenSum) * 10_000) : null,
        ci ? sig(ci.low) : null, ci ? sig(ci.high) : null,
      ]);
    });
  });
  return rows;
}

function count(h: Pick<ArticleFrameHits, 'author' | 'quote' | 'paraphrase'>, voice: ContrastVoice): number {
  return voice === 'all' ? h.author + h.quote + h.paraphrase : h[voice];
}
