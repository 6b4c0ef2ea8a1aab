/**
 * The one worker pool: N worker threads running one script, fed messages through p-queue, one message per worker at
 * a time. The queue bounds how many messages are in flight (memory stays flat however large the input); callers get
 * each message's answer as a promise. Used by the analysis (src/analysis/worker.ts: batches of articles, records to
 * the worker's own part files) and by the reduce (src/engine/statistics/worker.ts: the resampling statistics).
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import PQueue from 'p-queue';
import type { Article } from '../types.js';
import { ask } from './ask.js';

/** An article to analyse and its resume key (`articleKey`), computed by the caller. */
export interface KeyedArticle {
  article: Article;
  key: string;
}

export class WorkerPool<In, Out> {
  private idle: Worker[] = [];
  private all: Worker[] = [];
  private queue: PQueue;
  private failure: Error | null = null;

  /**
   * @param script the compiled worker (paths.ts `workerScript`)
   * @param workerData each worker's start-up data, by its number
   * @param what names the pool in errors ("analysis worker")
   * @param resourceLimits each worker's heap limits (node's Worker option)
   */
  constructor(
    readonly size: number,
    script: string,
    workerData: (index: number) => unknown,
    private readonly what: string,
    resourceLimits?: ResourceLimits,
  ) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: workerData(i), resourceLimits });
      w.on('error', (e) => (this.failure ??= e));
      this.all.push(w);
      this.idle.push(w);
    }
    this.queue = new PQueue({ concurrency: size });
  }

  /** Resolves when there is room for another message (at most 2 per worker queued or running). */
  async ready(): Promise<void> {
    await this.queue.onSizeLessThan(this.size * 2);
    if (this.failure) throw this.failure;
  }

  /** The answer of an idle worker to `message`; a crash, an exit or an answer `{ error }` rejects (ask.ts). */
  run(message: In): Promise<Out> {
    return this.queue.add(async () => {
      const w = this.idle.pop()!;
      try {
        return await ask<Out>(w, message, this.what);
      } finally {
        this.idle.push(w);
      }
    }) as Promise<Out>;
  }

  /** Every worker's answer to `message`, sent to each once (before any `run`: e.g. the settings they work with). */
  async broadcast<T>(message: unknown): Promise<T[]> {
    if (this.failure) throw this.failure;
    return Promise.all(this.all.map((w) => ask<T>(w, message, this.what)));
  }

  /** Waits for the messages in flight, asks each worker `closeMessage` if given (e.g. to close its files), and ends the workers. */
  async close(closeMessage?: unknown): Promise<void> {
    await this.queue.onIdle();
    if (!this.failure && closeMessage !== undefined) await Promise.all(this.all.map((w) => ask(w, closeMessage, `closing an ${this.what}`)));
    await this.terminate();
  }

  /** Ends the workers at once (a failed run). */
  async terminate(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
