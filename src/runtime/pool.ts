/**
 * The worker pool: N analysis worker threads, each with its own wink instance and its own part files, fed batches
 * through p-queue. The queue bounds how many batches are in flight (memory stays flat however large the corpus);
 * callers get each batch's result (counts and problems; the records are in the part files) as a promise.
 */
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { Article } from '../types.js';
import type { AnalysisSettings } from '../analysis/analyze.js';
import type { BatchResult, WorkerData } from '../analysis/worker.js';
import { workerScript } from '../paths.js';
import { ask } from './ask.js';

/** An article to analyse and its resume key (`articleKey`), computed by the caller. */
export interface KeyedArticle {
  article: Article;
  key: string;
}

export class WorkerPool {
  private idle: Worker[] = [];
  private all: Worker[] = [];
  private queue: PQueue;
  private failure: Error | null = null;

  constructor(
    readonly size: number,
    settings: AnalysisSettings,
    parts: string,
  ) {
    const script = workerScript('analysis/worker.js');
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: { settings, parts, index: i } satisfies WorkerData });
      w.on('error', (e) => (this.failure = e));
      this.all.push(w);
      this.idle.push(w);
    }
    this.queue = new PQueue({ concurrency: size });
  }

  /** Resolves when there is room for another batch (at most 2 batches per worker queued or running). */
  async ready(): Promise<void> {
    await this.queue.onSizeLessThan(this.size * 2);
    if (this.failure) throw this.failure;
  }

  run(batch: KeyedArticle[]): Promise<BatchResult> {
    return this.queue.add(
      () =>
        new Promise<BatchResult>((resolve, reject) => {
          const w = this.idle.pop()!;
          const onError = (e: Error) => reject(e);
          w.once('error', onError);
          w.once('message', (m: BatchResult) => {
            w.off('error', onError);
            this.idle.push(w);
            resolve(m);
          });
          w.postMessage(batch);
        }),
    ) as Promise<BatchResult>;
  }

  /** Waits for the batches in flight, has each worker close its part files, and ends the workers. */
  async close(): Promise<void> {
    await this.queue.onIdle();
    if (!this.failure) await Promise.all(this.all.map((w) => ask(w, { close: true }, 'closing an analysis worker')));
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  /** Ends the workers at once (a failed run). */
  async terminate(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
