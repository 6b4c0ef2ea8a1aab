/**
 * A worker thread: loads wink once, receives batches of articles, returns their analyses in the same order.
 * A failure on one article becomes an E_ANALYSIS problem for that article; the batch goes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzedArticle, Problem } from '../types.js';
import type { KeyedArticle } from './pool.js';
import { createAnalyzer, emptyStageTimes, type AnalysisSettings, type StageTimes } from './analyze.js';

/**
 * An analysed article travels as its articles.jsonl line, serialised here in the worker (where the work is shared out)
 * rather than structured-cloned to the main thread and serialised there; `event` tells the main thread whether it needs
 * to parse the line at all (see StreamingTables).
 */
export interface AnalyzedLine {
  seq: number;
  event: string;
  line: string;
}

export interface BatchResult {
  results: ({ analyzed: AnalyzedLine } | { problem: Problem & { seq: number } })[];
  times: StageTimes;
}

const analyzer = createAnalyzer(workerData as AnalysisSettings);

parentPort!.on('message', (batch: KeyedArticle[]) => {
  const times = emptyStageTimes();
  const results: BatchResult['results'] = batch.map(({ article, key }) => {
    try {
      const record: AnalyzedArticle = analyzer.analyze(article, times, key);
      return { analyzed: { seq: record.seq, event: record.event, line: JSON.stringify(record) } };
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
