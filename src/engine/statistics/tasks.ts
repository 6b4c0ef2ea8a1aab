/**
 * The reduce's resampling statistics as tasks: plain data in, plain data out, so that they can be computed on a
 * statistics worker thread (worker.ts) while the main thread reads DuckDB and writes the tables, or on the main
 * thread itself (`inlineStatistics`, for tests and small helpers). Every result is seeded from its own row's key
 * (rng.ts), so it is the same whichever thread computes it and in whatever order.
 */
import type { Cell } from '../../export/csv.js';
import { outletRateRows, type OutletSample } from './article-frames.js';
import { screenedExactTest, type ExactTestResult } from './contingency.js';
import { outletContrasts, type EventOutletFrameHits, type EventOutletTokens } from './contrasts.js';

/** One frame_comparison row's exact test (contingency.ts `screenedExactTest`). */
export interface ExactTestJob {
  event: string;
  frame: string;
  hits: number[];
  totals: number[];
  minExpected: number | null;
}

export type StatisticsTask =
  | { task: 'exact'; jobs: ExactTestJob[] }
  | { task: 'contrasts'; frames: string[]; tokens: EventOutletTokens[]; hits: EventOutletFrameHits[] }
  | { task: 'rates'; frames: string[]; samples: OutletSample[] };

export type TaskResult<T extends StatisticsTask> = T extends { task: 'exact' } ? (ExactTestResult | null)[] : Cell[][];

/** Compute a task (pure). */
export function computeTask<T extends StatisticsTask>(t: T): TaskResult<T> {
  switch (t.task) {
    case 'exact':
      return t.jobs.map((j) => screenedExactTest(j.event, j.frame, j.hits, j.totals, j.minExpected)) as TaskResult<T>;
    case 'contrasts':
      return outletContrasts(t.frames, t.tokens, t.hits) as TaskResult<T>;
    case 'rates':
      return t.samples.flatMap((sample) => outletRateRows(t.frames, sample)) as TaskResult<T>;
  }
}

/** Where the tasks are computed: a pool of statistics workers, or the calling thread. */
export interface StatisticsRunner {
  run<T extends StatisticsTask>(task: T): Promise<TaskResult<T>>;
}

/** The tasks computed on the calling thread. */
export const inlineStatistics: StatisticsRunner = {
  run: async (task) => computeTask(task),
};
