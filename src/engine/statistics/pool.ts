/** The statistics workers of the reduce (worker.ts), as a StatisticsRunner: tasks queue for the first idle worker. */
import { WorkerPool } from '../../runtime/pool.js';
import { workerScript } from '../../paths.js';
import type { StatisticsRunner, StatisticsTask, TaskResult } from './tasks.js';

export interface StatisticsPool extends StatisticsRunner {
  /** Ends the workers once their tasks are done. */
  close(): Promise<void>;
  /** Ends the workers at once (a failed run). */
  terminate(): Promise<void>;
}

/**
 * A young generation of 4 MB for each worker instead of V8's default (tens of MB): the tasks keep little between
 * allocations, and the run's peak memory is the reduce's. Not measured apart from the workers themselves: merges of
 * 8,400 articles vary by ±40 MB in peak memory from run to run.
 */
const LIMITS = { maxYoungGenerationSizeMb: 4 };

export function statisticsPool(threads: number): StatisticsPool {
  // Workers start with the first tasks that find the others busy, not with the reduce: until then the steps before the
  // statistics (loading the records, entities, the per-article tables) have the memory an idle worker holds.
  const pool = new WorkerPool<StatisticsTask, unknown>(Math.max(1, threads), workerScript('engine/statistics/worker.js'), () => null, 'statistics worker', { resourceLimits: LIMITS, start: 0 });
  return {
    run: <T extends StatisticsTask>(task: T) => pool.run(task) as Promise<TaskResult<T>>,
    close: () => pool.close(),
    terminate: () => pool.terminate(),
  };
}
