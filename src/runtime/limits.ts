/**
 * Upper limits on options that size the run. More worker threads than cores only add memory (each thread loads the
 * NLP models and lexicons: about 60 MB) and switching; 4 per core leaves room for machines that report fewer cores
 * than they can use, and stops `--workers 1000` from starting a thousand threads.
 */
import { availableParallelism } from 'node:os';
import { optionError } from '../errors.js';

export const WORKERS_PER_CORE = 4;

export function maxWorkers(): number {
  return WORKERS_PER_CORE * Math.max(1, availableParallelism());
}

/** `--workers` within 1 … maxWorkers(), or a usage error (exit 2) naming the maximum. */
export function checkWorkers(n: number): number {
  const max = maxWorkers();
  if (n > max) throw optionError('--workers', `a whole number from 1 to ${max} (${WORKERS_PER_CORE} × the ${max / WORKERS_PER_CORE} available cores)`, n);
  return n;
}
