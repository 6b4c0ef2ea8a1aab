/**
 * The one worker pool: up to N worker threads running one script, fed messages through p-queue, one message per
 * worker at a time. The queue bounds how many messages are in flight (memory stays flat however large the input);
 * callers get each message's answer as a promise. Used by the analysis (src/analysis/worker.ts: batches of articles,
 * records to the worker's own part files) and by the reduce (src/engine/statistics/worker.ts: the resampling
 * statistics).
 *
 * Workers may be started on demand: a pool created with `start` below its size starts another worker only when a
 * message finds every started worker busy, so a small input does not pay for threads it never uses (an analysis
 * worker spends about half a second loading wink's model). A set-up message (`setUp`) goes to every worker, started
 * already or later, before its first message.
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
  /** Each started worker's set-up, once it was asked for one. */
  private readySetUp = new Map<Worker, Promise<unknown>>();
  private setUpMessage: { message: unknown } | null = null;
  private queue: PQueue;
  private failure: Error | null = null;

  /**
   * @param size the most workers it runs
   * @param script the compiled worker (paths.ts `workerScript`)
   * @param workerData each worker's start-up data, by its number (0, 1, … in the order they start)
   * @param what names the pool in errors ("analysis worker")
   * @param options `resourceLimits`: each worker's heap limits (node's Worker option); `start`: how many workers
   *   start now, the rest on demand (default: all)
   */
  constructor(
    readonly size: number,
    private readonly script: string,
    private readonly workerData: (index: number) => unknown,
    private readonly what: string,
    private readonly options: { resourceLimits?: ResourceLimits; start?: number } = {},
  ) {
    for (let i = 0; i < Math.min(options.start ?? size, size); i++) this.idle.push(this.startWorker());
    this.queue = new PQueue({ concurrency: size });
  }

  private startWorker(): Worker {
    const w = new Worker(this.script, { workerData: this.workerData(this.all.length), resourceLimits: this.options.resourceLimits });
    w.on('error', (e) => (this.failure ??= e));
    this.all.push(w);
    return w;
  }

  /** Workers started so far. */
  get started(): number {
    return this.all.length;
  }

  /**
   * Send `message` to every worker before anything else it is sent (the run's settings): now to those started, later
   * to each one started on demand. Resolves when the started ones have answered; call it once, before any `run`.
   */
  async setUp(message: unknown): Promise<void> {
    if (this.failure) throw this.failure;
    this.setUpMessage = { message };
    await Promise.all(this.all.map((w) => this.setUpOf(w)));
  }

  /** Worker `w` has answered the set-up message (asked once per worker). */
  private setUpOf(w: Worker): Promise<unknown> {
    if (!this.setUpMessage) return Promise.resolve();
    let p = this.readySetUp.get(w);
    if (!p) this.readySetUp.set(w, (p = ask(w, this.setUpMessage.message, this.what)));
    return p;
  }

  /** Resolves when there is room for another message (at most 2 per worker queued or running). */
  async ready(): Promise<void> {
    await this.queue.onSizeLessThan(this.size * 2);
    if (this.failure) throw this.failure;
  }

  /** The answer of an idle worker to `message`; a crash, an exit or an answer `{ error }` rejects (ask.ts). */
  run(message: In): Promise<Out> {
    return this.queue.add(async () => {
      const w = this.idle.pop() ?? this.startWorker();
      try {
        await this.setUpOf(w);
        return await ask<Out>(w, message, this.what);
      } finally {
        this.idle.push(w);
      }
    }) as Promise<Out>;
  }

  /** Waits for the messages in flight, asks each worker `closeMessage` if given (e.g. to close its files), and ends the workers. */
  async close(closeMessage?: unknown): Promise<void> {
    await this.queue.onIdle();
    if (!this.failure && closeMessage !== undefined) {
      await Promise.all(this.all.map(async (w) => {
        await this.setUpOf(w);
        await ask(w, closeMessage, `closing an ${this.what}`);
      }));
    }
    await this.terminate();
  }

  /** Ends the workers at once (a failed run). */
  async terminate(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
