/**
 * Times the reduce's resampling statistics alone, on a finished run's real inputs, against another build: `node
 * dist/bench/statistics-tasks.js OUT BASE_DIST [PAIRS]` reads the records of OUT/framelens.duckdb (a finished
 * `framelens run`), makes the inputs of frame_comparison's exact tests, outlet_contrasts and outlet_rates as the
 * reduce does, then computes each task with BASE_DIST's code (the dist folder of another build, e.g. the last
 * release's) and with this build's, alternated in one process, PAIRS times (default 4): milliseconds per task, and
 * whether both builds' results are identical. One process and the same inputs for both builds: the machine's drift
 * between whole runs is ten times the changes measured with it.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Engine, sqlString } from '../src/engine/database.js';
import { frameTables, prepareAggregates } from '../src/engine/tables.js';
import { outletSamplesFromDb, statisticsInputsFromDb } from '../src/engine/statistics-run.js';
import { computeTask, type ExactTestJob, type StatisticsTask } from '../src/engine/statistics/tasks.js';

const [out, baseDist, pairsArg] = process.argv.slice(2);
if (!out || !baseDist) {
  console.error('usage: node dist/bench/statistics-tasks.js OUT BASE_DIST [PAIRS]');
  process.exit(2);
}
const tempDir = join(tmpdir(), `framelens-statistics-bench-${process.pid}`);
const db = await Engine.open({ tempDir, threads: 1 });
let tasks: Record<string, StatisticsTask>;
try {
  // The saved records as the record tables, and each article's event as the reduce made it.
  await db.run(`ATTACH ${sqlString(join(out, 'framelens.duckdb'))} AS saved (READ_ONLY)`);
  await db.run('CREATE SCHEMA records');
  for (const t of ['articles', 'hits', 'terms']) await db.run(`CREATE VIEW records.${t} AS SELECT * FROM saved.records.${t}`);
  await db.run('CREATE TABLE main.article_events AS SELECT * FROM saved.main.article_events');
  // The lexicon's frames in order, as lexicon_fit.csv lists them.
  const frames = (await db.all('SELECT frame FROM saved.main.lexicon_fit')).map((r) => String(r[0]));
  await prepareAggregates(db, frames);
  const inputs = await statisticsInputsFromDb(db);
  const outlets = (await db.all('SELECT DISTINCT outlet FROM records.articles')).map((r) => String(r[0])).sort();
  const jobs: ExactTestJob[] = [];
  const capture = { run: async (t: StatisticsTask) => (t.task === 'exact' ? (jobs.push(...t.jobs), t.jobs.map(() => null)) : []) };
  for await (const e of frameTables(db, outlets, frames, capture as never)) await e.comparison;
  tasks = {
    exact: { task: 'exact', jobs },
    contrasts: { task: 'contrasts', frames, tokens: inputs.eventOutletTokens, hits: inputs.eventOutletFrameHits },
    rates: { task: 'rates', frames, samples: await outletSamplesFromDb(db, frames) },
  };
} finally {
  db.close();
  rmSync(tempDir, { recursive: true, force: true });
}
const base = (await import(resolve(baseDist, 'src/engine/statistics/tasks.js'))) as { computeTask: typeof computeTask };
const timed = (compute: typeof computeTask, task: StatisticsTask): [number, string] => {
  const t0 = performance.now();
  const result = compute(task);
  return [performance.now() - t0, JSON.stringify(result)];
};
for (const [name, task] of Object.entries(tasks)) {
  console.log(`${name}: results identical: ${timed(base.computeTask, task)[1] === timed(computeTask, task)[1]}`);
}
for (let p = 1; p <= Number(pairsArg ?? 4); p++) {
  const cells = Object.entries(tasks).map(([name, task]) => `${name} ${timed(base.computeTask, task)[0].toFixed(0)}/${timed(computeTask, task)[0].toFixed(0)}`);
  console.log(`pair ${p} (ms, base/this build): ${cells.join(', ')}`);
}
