/**
 * article_frames.csv (one row per article, ready for regression) and the per-outlet corpus rates with bootstrap
 * intervals over articles (outlet_rates.csv). Pure: rows in, table rows out.
 *
 * Input rows (the reduce produces them):
 *   - `ArticleRow`: one per analysed article: article_id, outlet, date, event (as used in the tables), title, tokens
 *     (word tokens), quotes (quotations found).
 *   - `ArticleFrameHits`: one per article × frame with any hits: hits by voice (author, quote, paraphrase), integer
 *     counts. A missing row means zero hits.
 */
import { sig } from '../../aggregate/stats.js';
import { bootstrapRatioInterval } from './bootstrap.js';
import type { Cell } from '../../export/csv.js';
import { CONTRAST_VOICES, type ContrastVoice } from './contrasts.js';
import { KEY_SEP } from './rng.js';

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

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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

/** One row per article, in the order given (articles.csv's order); every count written, zeros included. */
export function articleFramesRows(frames: readonly string[], articles: readonly ArticleRow[], hits: readonly ArticleFrameHits[]): Cell[][] {
  const index = hitIndex(hits);
  return articles.map((a) => {
    const row: Cell[] = [a.article_id, a.outlet, a.date, a.event, a.title, a.tokens, a.quotes];
    for (const f of frames) {
      const h = index.get(`${a.article_id}${KEY_SEP}${f}`);
      const [au, qu, pa] = h ? [h.author, h.quote, h.paraphrase] : [0, 0, 0];
      row.push(au + qu + pa, au, qu, pa);
    }
    return row;
  });
}

export const OUTLET_RATE_COLUMNS = ['outlet', 'frame', 'voice', 'articles', 'tokens', 'hits', 'per_10k_tokens', 'ci_low', 'ci_high'];

/**
 * Per outlet × frame × voice over all the outlet's articles (every event): hits, tokens, hits per 10,000 tokens
 * (Σ hits / Σ tokens × 10,000) and a 95% percentile bootstrap interval over the outlet's articles (articles resampled
 * with replacement, the pooled rate recomputed; seeded from outlet, frame and voice). Articles without tokens count
 * in `articles` but not in the interval. Rows sorted by outlet (code-point order), frame (lexicon order), voice (all,
 * author, quote, paraphrase); an outlet with no tokens has empty rate and interval.
 */
export function outletRates(frames: readonly string[], articles: readonly ArticleRow[], hits: readonly ArticleFrameHits[]): Cell[][] {
  const index = hitIndex(hits);
  const byOutlet = new Map<string, ArticleRow[]>();
  for (const a of articles) {
    if (!byOutlet.has(a.outlet)) byOutlet.set(a.outlet, []);
    byOutlet.get(a.outlet)!.push(a);
  }
  const rows: Cell[][] = [];
  for (const outlet of [...byOutlet.keys()].sort(cmp)) {
    // Articles in id order: the resampling draws from a fixed sequence whatever order the rows came in.
    const arts = byOutlet.get(outlet)!.slice().sort((x, y) => cmp(x.article_id, y.article_id));
    const tokens = arts.map((a) => a.tokens);
    let tokenSum = 0;
    for (const t of tokens) tokenSum += t;
    for (const f of frames) {
      for (const voice of CONTRAST_VOICES) {
        const h = arts.map((a) => count(index.get(`${a.article_id}${KEY_SEP}${f}`), voice));
        let hitSum = 0;
        for (const x of h) hitSum += x;
        const ci = tokenSum > 0 ? bootstrapRatioInterval(h, tokens, ['outlet-rate', outlet, f, voice].join(KEY_SEP), 10_000) : null;
        rows.push([
          outlet, f, voice, arts.length, tokenSum, hitSum, tokenSum > 0 ? sig((hitSum / tokenSum) * 10_000) : null,
          ci ? sig(ci.low) : null, ci ? sig(ci.high) : null,
        ]);
      }
    }
  }
  return rows;
}

function count(h: ArticleFrameHits | undefined, voice: ContrastVoice): number {
  if (!h) return 0;
  return voice === 'all' ? h.author + h.quote + h.paraphrase : h[voice];
}
