/**
 * The worker pool: N worker threads, each with its own wink instance, fed batches through p-queue. The queue bounds
 * how many batches are in flight (memory stays flat however large the corpus); callers get results per batch as a
 * promise and restore order themselves.
 */
import { Worker } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { Article } from '../types.js';
import type { AnalysisSettings } from './analyze.js';
import type { BatchResult } from './worker.js';
import { workerScript } from '../paths.js';

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
  ) {
    const script = workerScript('pipeline/worker.js');
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: settings });
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

  async close(): Promise<void> {
    await this.queue.onIdle();
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
