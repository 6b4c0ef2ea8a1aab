/**
 * The input rows of the statistics builders, made from per-article analysis records: what the reduce computes with
 * SQL, written plainly for tests, measurements and small corpora (it holds every row in memory). Pure.
 */
import type { FrameHit } from '../../types.js';
import type { ArticleFrameHits, ArticleRow } from './article-frames.js';
import type { EventOutletFrameHits, EventOutletTokens } from './contrasts.js';
import type { EventOutletTerm } from './distinctive.js';
import type { EventFrameHits, EventTokens, FrameTermHits } from './lexicon-fit.js';

/** The fields of an analysis record (AnalyzedArticle) the builders need. */
export interface StatisticsRecord {
  id: string;
  outlet: string;
  date: string;
  title: string;
  tokens: number;
  quotes: readonly unknown[];
  hits: readonly Pick<FrameHit, 'frame' | 'voice' | 'term'>[];
  terms: readonly [string, number][];
}

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

const SEP = '\u0000';

/** Records with the event each is grouped under, in articles.csv order. */
export function statisticsInputs(records: Iterable<{ record: StatisticsRecord; event: string }>): StatisticsInputs {
  const out: StatisticsInputs = {
    articles: [], articleHits: [], eventOutletTokens: [], eventOutletFrameHits: [], eventTokens: [], eventFrameHits: [],
    frameTermHits: [], eventOutletTerms: [], prior: new Map(), alpha0: 0,
  };
  const eo = new Map<string, EventOutletTokens>();
  const eof = new Map<string, EventOutletFrameHits>();
  const ev = new Map<string, EventTokens>();
  const ef = new Map<string, EventFrameHits>();
  const ft = new Map<string, FrameTermHits>();
  const eot = new Map<string, EventOutletTerm>();
  for (const { record: r, event } of records) {
    out.articles.push({ article_id: r.id, outlet: r.outlet, date: r.date, event, title: r.title, tokens: r.tokens, quotes: r.quotes.length });
    const k = `${event}${SEP}${r.outlet}`;
    if (!eo.has(k)) eo.set(k, { event, outlet: r.outlet, tokens: 0 });
    eo.get(k)!.tokens += r.tokens;
    if (!ev.has(event)) ev.set(event, { event, tokens: 0 });
    ev.get(event)!.tokens += r.tokens;
    const perFrame = new Map<string, ArticleFrameHits>();
    for (const h of r.hits) {
      if (!perFrame.has(h.frame)) perFrame.set(h.frame, { article_id: r.id, frame: h.frame, author: 0, quote: 0, paraphrase: 0 });
      perFrame.get(h.frame)![h.voice]++;
      const fk = `${h.frame}${SEP}${h.term}`;
      if (!ft.has(fk)) ft.set(fk, { frame: h.frame, term: h.term, hits: 0 });
      ft.get(fk)!.hits++;
    }
    for (const a of perFrame.values()) {
      out.articleHits.push(a);
      const fk = `${k}${SEP}${a.frame}`;
      if (!eof.has(fk)) eof.set(fk, { event, outlet: r.outlet, frame: a.frame, author: 0, quote: 0, paraphrase: 0 });
      const s = eof.get(fk)!;
      s.author += a.author;
      s.quote += a.quote;
      s.paraphrase += a.paraphrase;
      const ek = `${event}${SEP}${a.frame}`;
      if (!ef.has(ek)) ef.set(ek, { event, frame: a.frame, hits: 0, articles_with_hits: 0 });
      ef.get(ek)!.hits += a.author + a.quote + a.paraphrase;
      ef.get(ek)!.articles_with_hits++;
    }
    for (const [t, c] of r.terms) {
      const tk = `${k}${SEP}${t}`;
      if (!eot.has(tk)) eot.set(tk, { event, outlet: r.outlet, term: t, count: 0 });
      eot.get(tk)!.count += c;
      out.prior.set(t, (out.prior.get(t) ?? 0) + c);
      out.alpha0 += c;
    }
  }
  out.eventOutletTokens = [...eo.values()];
  out.eventOutletFrameHits = [...eof.values()];
  out.eventTokens = [...ev.values()];
  out.eventFrameHits = [...ef.values()];
  out.frameTermHits = [...ft.values()];
  out.eventOutletTerms = [...eot.values()];
  return out;
}
