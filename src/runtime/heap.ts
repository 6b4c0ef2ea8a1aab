/**
 * How far V8 lets a heap grow between full collections. By default a heap may grow to up to 4× what was live after
 * its last full collection (V8's heap growing factor on a machine with a large memory). framelens's live heaps are
 * small and flat — the main thread about 20–60 MB, each analysis worker about 30 MB, at 1× and 10× the corpus alike
 * (`node --trace-gc`) — but the garbage of a long run fills that headroom, so peak RSS grew with the corpus although
 * nothing was kept. A growing factor of 1 + HEAP_GROWING_PERCENT/100 trades a few more full collections for memory
 * that stays flat. The flag is process-wide (every worker thread too) and read at each collection, so setting it at
 * start-up is enough. A `--heap-growing-percent` given to node (command line or NODE_OPTIONS) is left as it is.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 20;

export function limitHeapGrowth(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /heap[-_]growing[-_]percent/.test(a));
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
