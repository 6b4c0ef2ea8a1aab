/**
 * Starting the analysis workers (worker.ts). The command line starts the first before it loads the rest of the
 * program and reads the run's settings: it loads wink's model (about half a second) meanwhile, on the other core. The
 * others start when a batch finds the started ones busy, so a run of a few articles starts one.
 */
import { workerScript } from '../paths.js';
import { WorkerPool, type KeyedArticle } from '../runtime/pool.js';
import type { BatchResult, WorkerData } from './worker.js';

export type AnalysisWorkers = WorkerPool<KeyedArticle[], BatchResult>;

export function startAnalysisWorkers(n: number): AnalysisWorkers {
  return new WorkerPool<KeyedArticle[], BatchResult>(n, workerScript('analysis/worker.js'), (index) => ({ index }) satisfies WorkerData, 'analysis worker', { start: 1 });
}
