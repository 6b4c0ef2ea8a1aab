/**
 * A worker thread: loads wink once, receives batches of articles, returns their analyses in the same order.
 * A failure on one article becomes an E_ANALYSIS problem for that article; the batch goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzedArticle, Article, Problem } from '../types.js';
import { createAnalyzer, emptyStageTimes, type AnalysisSettings, type StageTimes } from './analyze.js';
import { addCorpusTerms } from '../aggregate/tables.js';
import type { CsvOptions } from '../export/csv.js';
import { renderArticle, streamedEvent, type EventMode, type RenderedArticle } from './tables.js';

export interface WorkerSettings {
  analysis: AnalysisSettings;
  /**
   * Set when the worker also makes each article's table rows ready (`renderArticle`): the event mode and CSV options
   * of the run. The worker then sums the corpus term counts of those articles, handed over on a `'terms'` message.
   */
  render: { events: EventMode | null; csv: CsvOptions } | null;
}

/**
 * An analysed article travels as its articles.jsonl line, serialised here in the worker (where the work is shared out)
 * rather than structured-cloned to the main thread and serialised there; `event` tells the main thread whether it needs
 * to parse the line at all (see StreamingTables).
 */
export interface AnalyzedLine {
  seq: number;
  event: string;
  line: string;
  rendered?: RenderedArticle;
}

/** The answer to a `'terms'` message: the corpus term counts of the articles this worker rendered. */
export interface WorkerTerms {
  terms: Map<string, number>;
  total: number;
}

export interface BatchResult {
  results: ({ analyzed: AnalyzedLine } | { problem: Problem & { seq: number } })[];
  times: StageTimes;
}

const { analysis, render } = workerData as WorkerSettings;
const analyzer = createAnalyzer(analysis);
const terms: WorkerTerms = { terms: new Map(), total: 0 };

parentPort!.on('message', (message: Article[] | 'terms') => {
  if (message === 'terms') {
    parentPort!.postMessage(terms);
    return;
  }
  const times = emptyStageTimes();
  const results: BatchResult['results'] = message.map((article) => {
    try {
      const record: AnalyzedArticle = analyzer.analyze(article, times);
      const analyzed: AnalyzedLine = { seq: record.seq, event: record.event, line: JSON.stringify(record) };
      // Without an event in the default mode the run turns to auto grouping and reads the rows from the file instead.
      if (render && render.events !== 'auto' && (render.events !== null || record.event)) {
        analyzed.rendered = renderArticle(record, streamedEvent(render.events, record.event), render.csv);
        terms.total += addCorpusTerms(terms.terms, record);
      }
      return { analyzed };
    } catch (e) {
      return {
        problem: {
          seq: article.seq,
          input: article.source.input,
          line: article.source.line,
          articleId: article.id,
          code: 'E_ANALYSIS',
          message: `analysis failed: ${(e as Error).message ?? String(e)}`,
        },
      };
    }
  });
  parentPort!.postMessage({ results, times } satisfies BatchResult);
});
