/**
 * The input rows of the statistics builders, as the reduce computes them with SQL (src/engine/statistics-run.ts,
 * statisticsInputsFromDb): integer sums, in a fixed order.
 */
import type { ArticleFrameHits, ArticleRow } from './article-frames.js';
import type { EventOutletFrameHits, EventOutletTokens } from './contrasts.js';
import type { EventOutletTerm } from './distinctive.js';
import type { EventFrameHits, EventTokens, FrameTermHits } from './lexicon-fit.js';

export interface StatisticsInputs {
  articles: ArticleRow[];
  articleHits: ArticleFrameHits[];
  eventOutletTokens: EventOutletTokens[];
  eventOutletFrameHits: EventOutletFrameHits[];
  eventTokens: EventTokens[];
  eventFrameHits: EventFrameHits[];
  frameTermHits: FrameTermHits[];
  eventOutletTerms: EventOutletTerm[];
  /** Every term's count in the corpus, and their sum: the log-odds prior. */
  prior: Map<string, number>;
  alpha0: number;
}
