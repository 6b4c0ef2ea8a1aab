/**
 * The per-article analysis: a pure function from an Article (and frozen settings) to an AnalyzedArticle.
 * Stages: clean (mask boilerplate, offsets kept) → nlp (wink) → quotes & speakers → frames → terms.
 * Runs inside worker threads; no I/O, no clock other than the optional stage timer passed in.
 */
import { createHash } from 'node:crypto';
import type { AnalyzedArticle, Article, FrameHitRecord, Problem, Quote, QuoteRecord } from '../types.js';
import { maskBoilerplate } from '../corpus/clean.js';
import { readText, isWord, wordsIn, type NlpDoc } from '../nlp/index.js';
import { findQuotes, quotePieces, type QuoteSettings } from '../quotes/index.js';
import { compileMatcher, findFrameHits, kwic, type Matcher } from '../framing/match.js';
import type { LexiconSet } from '../framing/lexicon.js';
import { articleTerms } from './terms.js';

export interface AnalysisSettings {
  version: string;
  quotes: QuoteSettings;
  lexicons: LexiconSet;
  /** sha256 over everything above that changes results: part of every article's resume key. */
  settingsKey: string;
}

export const STAGES = ['clean', 'nlp', 'quotes', 'frames', 'terms'] as const;
export type StageTimes = Record<(typeof STAGES)[number], number>;

export function emptyStageTimes(): StageTimes {
  return { clean: 0, nlp: 0, quotes: 0, frames: 0, terms: 0 };
}

/** The key `--resume` compares: the article's text and metadata and the analysis settings. */
export function articleKey(article: Article, settingsKey: string): string {
  const h = createHash('sha256');
  h.update(settingsKey);
  for (const v of [article.id, article.outlet, article.date, article.event, article.title, article.url]) h.update('\0' + v);
  h.update('\0' + article.source.input + ':' + article.source.line);
  h.update('\0' + article.text);
  return h.digest('hex');
}

/**
 * Word tokens inside any quotation, counted once where quotes nest (a quote inside a block quote); the attribution
 * between the pieces of a joined quotation (its gaps) is not quoted.
 */
export function quotedWords(doc: NlpDoc, quotes: Pick<Quote, 'start' | 'end' | 'gaps'>[]): number {
  const spans = quotes.flatMap(quotePieces).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curS = -1;
  let curE = -1;
  for (const [s, e] of spans) {
    if (s >= curE) {
      if (curE > curS) total += wordsIn(doc, curS, curE);
      curS = s;
      curE = e;
    } else curE = Math.max(curE, e);
  }
  if (curE > curS) total += wordsIn(doc, curS, curE);
  return total;
}

/**
 * A note (errors.csv, W_UNBALANCED_QUOTES) when curly opening and closing quotation marks do not pair up: the quote
 * finder then leaves the unclosed quotation out rather than let it run on, and the researcher should know.
 */
export function unbalancedMarks(article: Article): Problem[] {
  const open = occurrences(article.text, '“');
  const close = occurrences(article.text, '”');
  if (open === close) return [];
  return [{
    input: article.source.input,
    line: article.source.line,
    articleId: article.id,
    code: 'W_UNBALANCED_QUOTES',
    message: `${open} opening and ${close} closing curly quotation marks: a quotation without its pair was left out`,
  }];
}

/** How many times `mark` (one UTF-16 code unit) occurs in `text`. */
function occurrences(text: string, mark: string): number {
  let n = 0;
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

export interface Analyzer {
  /** `key`: the article's `articleKey` when the caller has it already (computed here if not). */
  analyze(article: Article, times?: StageTimes, key?: string): AnalyzedArticle;
}

/**
 * `now`: the clock the stage timer reads, in ms (wall time by default; bench/stages.ts passes CPU time, which other
 * jobs on a busy machine disturb less).
 */
export function createAnalyzer(settings: AnalysisSettings, now: () => number = () => performance.now()): Analyzer {
  const matcher: Matcher = compileMatcher(settings.lexicons);
  return {
    analyze(article, times, key) {
      const text = article.text;
      let t = now();
      const tick = (stage: keyof StageTimes) => {
        if (!times) return;
        const n = now();
        times[stage] += n - t;
        t = n;
      };
      const cleaned = maskBoilerplate(text);
      tick('clean');
      const doc = readText(cleaned.masked);
      tick('nlp');
      const quotes = findQuotes(doc, settings.quotes);
      tick('quotes');
      // A frame term inside a scare quote (the Democrats' “chaos” narrative) stays in the author's voice (findFrameHits).
      const hits = findFrameHits(doc, quotes, matcher);
      tick('frames');
      const terms = articleTerms(doc);
      tick('terms');

      let tokens = 0;
      for (let i = 0; i < doc.value.length; i++) if (isWord(doc, i)) tokens++;
      // Speed: the stages' own objects completed in place (fields appended, so in the same order as a copy's).
      const quoteRecords = quotes as QuoteRecord[];
      for (const q of quoteRecords) q.text = text.slice(q.start, q.end);
      const hitRecords = hits as FrameHitRecord[];
      for (const h of hitRecords) {
        const ctx = kwic(text, h.start, h.end);
        h.match = text.slice(h.start, h.end);
        h.leftContext = ctx.left;
        h.rightContext = ctx.right;
      }
      return {
        id: article.id,
        seq: article.seq,
        outlet: article.outlet,
        date: article.date || cleaned.date,
        event: article.event,
        title: article.title,
        url: article.url,
        source: `${article.source.input}:${article.source.line}`,
        key: key ?? articleKey(article, settings.settingsKey),
        chars: text.length,
        tokens,
        sentences: doc.sentences.length,
        quotes: quoteRecords,
        quotedTokens: quotedWords(doc, quotes),
        hits: hitRecords,
        terms,
        notes: unbalancedMarks(article),
      };
    },
  };
}
