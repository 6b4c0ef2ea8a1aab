/**
 * The reduce's statistics workers (src/engine/statistics/pool.ts, worker.ts): a task computed by a worker is the same
 * as computed on the calling thread (each row seeds its own generator), whatever the order the tasks are sent in and
 * however many workers share them; a task that fails rejects with the worker's error and the pool goes on answering.
 */
import { computeTask, type StatisticsTask } from '../src/engine/statistics/tasks.js';
import { statisticsPool } from '../src/engine/statistics/pool.js';
import { outletSample, pushFrameCells, type ArticleCells } from '../src/engine/statistics/article-frames.js';

const frames = ['chaos', 'humane'];
/** An article's cells from its hits by frame index. */
function cells(...byFrame: [number, { author: number; quote: number; paraphrase: number }][]): ArticleCells {
  const out: ArticleCells = [];
  for (const [fi, h] of byFrame) pushFrameCells(out, fi, h);
  return out;
}
const tasks: StatisticsTask[] = [
  {
    task: 'exact',
    jobs: [
      // Too many tables to enumerate: Monte Carlo; then a small one enumerated; then one the screening passes (none).
      { event: 'e1', frame: 'chaos', hits: [10, 5, 20, 15, 2], totals: [40_000, 35_000, 52_000, 18_000, 900], minExpected: 0.3 },
      { event: 'e1', frame: 'humane', hits: [3, 1], totals: [4, 4], minExpected: 2 },
      { event: 'e2', frame: 'chaos', hits: [30, 20], totals: [1000, 1000], minExpected: 25 },
    ],
  },
  {
    task: 'contrasts',
    frames,
    tokens: [
      { event: 'e1', outlet: 'A', tokens: 1000 }, { event: 'e1', outlet: 'B', tokens: 2000 },
      { event: 'e2', outlet: 'A', tokens: 500 }, { event: 'e2', outlet: 'B', tokens: 1000 },
      { event: 'e3', outlet: 'A', tokens: 2000 }, { event: 'e3', outlet: 'B', tokens: 1000 },
    ],
    hits: [
      { event: 'e1', outlet: 'A', frame: 'chaos', author: 2, quote: 0, paraphrase: 0 },
      { event: 'e2', outlet: 'B', frame: 'chaos', author: 0, quote: 1, paraphrase: 0 },
      { event: 'e3', outlet: 'A', frame: 'humane', author: 1, quote: 0, paraphrase: 1 },
    ],
  },
  {
    task: 'rates',
    frames,
    samples: [
      outletSample('CNN', ['a2'], [500], [[]]),
      outletSample('Fox', ['a3', 'a1'], [3000, 1000], [cells([1, { author: 1, quote: 0, paraphrase: 0 }]), cells([0, { author: 2, quote: 1, paraphrase: 0 }])]),
    ],
  },
];

test('a worker computes every kind of task as the calling thread does, in any order and with any number of workers', async () => {
  const inline = tasks.map((t) => computeTask(t));
  // The fixture reaches each path of the exact test: Monte Carlo, enumeration, screened out.
  expect((inline[0] as ({ method: string } | null)[]).map((r) => r?.method ?? null)).toEqual(['monte-carlo', 'exact', null]);
  for (const threads of [1, 3]) {
    const pool = statisticsPool(threads);
    try {
      const reversed = await Promise.all([...tasks].reverse().map((t) => pool.run(t)));
      expect(reversed.reverse()).toEqual(inline);
    } finally {
      await pool.close();
    }
  }
}, 60_000);

test('a task that fails rejects with the worker error, and the pool answers the next task', async () => {
  const pool = statisticsPool(1);
  try {
    const broken = { task: 'exact', jobs: null } as unknown as StatisticsTask;
    await expect(pool.run(broken)).rejects.toThrow(/^statistics worker: TypeError/);
    expect(await pool.run(tasks[1])).toEqual(computeTask(tasks[1]));
  } finally {
    await pool.close();
  }
}, 60_000);
