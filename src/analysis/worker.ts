/**
 * An analysis worker thread: loads wink once, receives batches of articles, analyses them and appends their records
 * to its own part files (src/engine/parts.ts); the main thread gets back only which articles were done (or failed,
 * as E_ANALYSIS problems) and the stage times.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzedArticle, Problem } from '../types.js';
import type { KeyedArticle } from '../runtime/pool.js';
import { PartFiles } from '../engine/parts.js';
import { createAnalyzer, emptyStageTimes, type AnalysisSettings, type StageTimes } from './analyze.js';

export interface WorkerData {
  settings: AnalysisSettings;
  /** The run's part-file folder, and this worker's number (its files' suffix). */
  parts: string;
  index: number;
}

export interface BatchResult {
  /** Articles whose records were written. */
  done: number;
  problems: (Problem & { seq: number })[];
  times: StageTimes;
}

const data = workerData as WorkerData;
const analyzer = createAnalyzer(data.settings);
const parts = new PartFiles(data.parts, data.index);

parentPort!.on('message', (message: KeyedArticle[] | { close: true }) => {
  if (!Array.isArray(message)) {
    parts.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  const batch = message;
  const times = emptyStageTimes();
  const records: AnalyzedArticle[] = [];
  const problems: BatchResult['problems'] = [];
  for (const { article, key } of batch) {
    try {
      records.push(analyzer.analyze(article, times, key));
    } catch (e) {
      problems.push({
        seq: article.seq,
        input: article.source.input,
        line: article.source.line,
        articleId: article.id,
        code: 'E_ANALYSIS',
        message: `analysis failed: ${(e as Error).message ?? String(e)}`,
      });
    }
  }
  parts.write(records);
  parentPort!.postMessage({ done: records.length, problems, times } satisfies BatchResult);
});
