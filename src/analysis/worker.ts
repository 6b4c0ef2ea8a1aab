/**
 * An analysis worker thread. It loads wink's model as soon as it starts (the command line starts the first worker before
 * it reads the run's settings), then receives the settings and its part-file folder once (`{ init }`), then batches of
 * articles: it analyses them and appends their records to its own part files (src/engine/parts.ts); the main thread
 * gets back only which articles were done (or failed, as E_ANALYSIS problems) and the stage times.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzedArticle, Problem } from '../types.js';
import type { KeyedArticle } from '../runtime/pool.js';
import { PartFiles } from '../engine/parts.js';
import { getWink } from '../nlp/index.js';
import { createAnalyzer, emptyStageTimes, type AnalysisSettings, type Analyzer, type StageTimes } from './analyze.js';

export interface WorkerData {
  /** This worker's number (its part files' suffix). */
  index: number;
}

/** The first message: the analysis settings and the run's part-file folder. */
export interface WorkerInit {
  init: { settings: AnalysisSettings; parts: string };
}

export interface BatchResult {
  /** Articles whose records were written. */
  done: number;
  problems: (Problem & { seq: number })[];
  times: StageTimes;
}

const { index } = workerData as WorkerData;
getWink();
let analyzer: Analyzer | null = null;
let parts: PartFiles | null = null;

parentPort!.on('message', (message: WorkerInit | KeyedArticle[] | { close: true }) => {
  if ('init' in message) {
    analyzer = createAnalyzer(message.init.settings);
    parts = new PartFiles(message.init.parts, index);
    parentPort!.postMessage({ ready: true });
    return;
  }
  if (!analyzer || !parts) {
    parentPort!.postMessage({ error: 'a message before the settings ({ init })' });
    return;
  }
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
