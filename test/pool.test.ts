/**
 * The worker pool (src/runtime/pool.ts): workers started on demand, and the set-up message reaching every worker,
 * the ones started later too, before its first message.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from '../src/runtime/pool.js';

// A worker that remembers its set-up and answers each message, after `busy` ms of work, with its number and set-up.
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
let setUp = null;
parentPort.on('message', (m) => {
  if (m.setUp !== undefined) { setUp = m.setUp; parentPort.postMessage({ ok: true }); return; }
  if (m.close) { parentPort.postMessage({ closed: true }); return; }
  const end = Date.now() + m.busy;
  while (Date.now() < end);
  parentPort.postMessage({ worker: workerData.index, setUp });
});
`;

type Answer = { worker: number; setUp: string | null };

let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'framelens-pool-'));
  script = join(dir, 'worker.mjs');
  writeFileSync(script, WORKER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a pool started with one worker starts another only when a message finds it busy; each gets the set-up first', async () => {
  const pool = new WorkerPool<{ busy: number }, Answer>(3, script, (index) => ({ index }), 'test worker', { start: 1 });
  try {
    expect(pool.started).toBe(1);
    await pool.setUp({ setUp: 'settings' });
    // One message at a time: the one worker answers them all.
    for (let i = 0; i < 3; i++) expect(await pool.run({ busy: 0 })).toEqual({ worker: 0, setUp: 'settings' });
    expect(pool.started).toBe(1);
    // Two at once: a second worker starts, and it too has the set-up before its message.
    const answers = await Promise.all([pool.run({ busy: 300 }), pool.run({ busy: 300 })]);
    expect(pool.started).toBe(2);
    expect(answers.map((a) => a.worker).sort()).toEqual([0, 1]);
    expect(answers.every((a) => a.setUp === 'settings')).toBe(true);
    await pool.close({ close: true });
  } finally {
    await pool.terminate();
  }
});

test('a pool started whole starts every worker at once', async () => {
  const pool = new WorkerPool<{ busy: number }, Answer>(2, script, (index) => ({ index }), 'test worker');
  try {
    expect(pool.started).toBe(2);
    expect((await pool.run({ busy: 0 })).setUp).toBeNull();
  } finally {
    await pool.terminate();
  }
});
