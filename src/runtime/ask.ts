/** One request to a worker thread and its one answer. */
import type { Worker } from 'node:worker_threads';

/**
 * Post `message` to `w` and wait for its next message. The worker's crash, its exit, or an answer `{ error }` (a
 * failure it caught and reported) rejects, with `what` (e.g. "report.html") leading the message.
 */
export function ask<T>(w: Worker, message: unknown, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onError = (e: Error) => settle(() => reject(new Error(`${what}: ${e.message}`)));
    const onExit = (code: number) => settle(() => reject(new Error(`${what}: the worker exited (code ${code})`)));
    const onMessage = (m: T | { error?: string }) =>
      settle(() => {
        const failed = m !== null && typeof m === 'object' && 'error' in m && m.error !== undefined;
        return failed ? reject(new Error(`${what}: ${(m as { error: string }).error}`)) : resolve(m as T);
      });
    const settle = (f: () => void) => {
      w.off('error', onError);
      w.off('exit', onExit);
      w.off('message', onMessage);
      f();
    };
    w.on('error', onError);
    w.on('exit', onExit);
    w.on('message', onMessage);
    w.postMessage(message);
  });
}
