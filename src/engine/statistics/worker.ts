/**
 * A statistics worker thread of the reduce: computes the tasks of tasks.ts (the Fisher–Freeman–Halton Monte Carlo,
 * the permutation tests and bootstraps of outlet_contrasts and outlet_rates) and answers with their results, or with
 * `{ error }` when one fails.
 */
import { parentPort } from 'node:worker_threads';
import { computeTask, type StatisticsTask } from './tasks.js';

parentPort!.on('message', (task: StatisticsTask) => {
  try {
    parentPort!.postMessage(computeTask(task));
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).stack ?? String(e) });
  }
});
