/**
 * One measured pipeline run in its own process, so peak RSS (getrusage maxRSS, which covers the worker threads) is the
 * pipeline's alone. Prints one JSON line: seconds (wall, including start-up of the pool and writing every table), peak
 * RSS in kB and CPU seconds (user + system, every thread of the process: workers, V8's compiler and GC threads).
 * Usage: node dist/bench/child.js CORPUS OUT WORKERS
 */
import { normaliseRunOptions } from '../src/commands/run-options.js';
import { runPipeline } from '../src/commands/run.js';
import { limitHeapGrowth } from '../src/runtime/heap.js';

limitHeapGrowth(); // as the command line does (src/cli.ts)

const [corpus, out, workers] = process.argv.slice(2);
const t0 = performance.now();
const settings = normaliseRunOptions({ inputs: [corpus], out, workers, quiet: true });
const summary = await runPipeline(settings, ['bench']);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ seconds, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (cpu.user + cpu.system) / 1e6, articles: summary.counts.articles }) + '\n');
