/**
 * A reduce worker thread: reduces one event bucket at a time (reduce-bucket.ts) and hands the result back. Several
 * run at once (as many as `--workers`), so the comparison tables of a large corpus are reduced in parallel; the main
 * thread only writes the text where it belongs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reduceBucket, type ReduceData, type ReduceJob } from './reduce-bucket.js';

const data = workerData as ReduceData;

parentPort!.on('message', (job: ReduceJob) => {
  try {
    parentPort!.postMessage(reduceBucket(data, job));
  } catch (e) {
    parentPort!.postMessage({ bucket: job.bucket, error: (e as Error).stack ?? String(e) });
  }
});
