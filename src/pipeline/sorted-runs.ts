/**
 * An external sort: items added in any order come back in `compare` order. Up to `limit` (in the weights given with
 * the items) they are held in memory; beyond that each `limit`'s worth is sorted and written to a run file (one JSON
 * line per item) under the folder `dir()` gives, and `sorted` merges the runs (a binary heap of the runs' next items,
 * read MERGE_BUFFER bytes at a time: hundreds of runs for millions of articles). The auto event grouping sorts three
 * streams with it (event-groups.ts): articles by date, groups by name, articles' events by seq.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LineReader } from './lines.js';

/** Bytes read per refill from each run while merging. */
const MERGE_BUFFER = 16 * 1024;

export interface RunFormat<T> {
  write(item: T): string;
  read(line: string): T;
}

export class SortedRuns<T> {
  private buffer: T[] = [];
  private weight = 0;
  private readonly runs: string[] = [];

  constructor(
    private readonly dir: () => string,
    private readonly name: string,
    private readonly compare: (a: T, b: T) => number,
    private readonly format: RunFormat<T>,
    private readonly limit: number,
  ) {}

  add(item: T, weight = 1): void {
    this.buffer.push(item);
    this.weight += weight;
    if (this.weight >= this.limit) this.writeRun();
  }

  private writeRun(): void {
    const path = join(this.dir(), `${this.name}-${this.runs.length}.jsonl`);
    writeFileSync(path, this.buffer.sort(this.compare).map((it) => this.format.write(it)).join('\n') + '\n');
    this.runs.push(path);
    this.buffer = [];
    this.weight = 0;
  }

  /** Every item added, in order (once: the buffer is handed over; the run files stay until the folder is removed). */
  *sorted(): Generator<T> {
    if (!this.runs.length) {
      const items = this.buffer.sort(this.compare);
      this.buffer = [];
      yield* items;
      return;
    }
    if (this.buffer.length) this.writeRun();
    yield* this.merge();
  }

  /** Every item added, in order, to one file in the runs' format (for a stream to be read more than once). */
  writeSorted(path: string): void {
    const fd = openSync(path, 'w');
    try {
      let lines: string[] = [];
      for (const item of this.sorted()) {
        lines.push(this.format.write(item));
        if (lines.length === 1000) {
          writeSync(fd, lines.join('\n') + '\n');
          lines = [];
        }
      }
      if (lines.length) writeSync(fd, lines.join('\n') + '\n');
    } finally {
      closeSync(fd);
    }
  }

  private *merge(): Generator<T> {
    yield* mergeSortedFiles(this.runs, this.compare, (line) => this.format.read(line));
  }
}

/**
 * The items of files each sorted by `compare` (one line per item), merged into one sorted stream: a binary heap of
 * the files' next items, each file read MERGE_BUFFER bytes at a time (LineReader opens it only to refill, so hundreds
 * of files hold no descriptors). Equal items come in an order fixed by the files' contents.
 */
export function* mergeSortedFiles<T>(paths: string[], compare: (a: T, b: T) => number, read: (line: string) => T): Generator<T> {
  const readers = paths.map((p) => new LineReader(p, MERGE_BUFFER));
  const next = (r: number): { item: T; r: number } | null => {
    const line = readers[r].next();
    return line === null ? null : { item: read(line), r };
  };
  const heap: { item: T; r: number }[] = [];
  const less = (a: number, b: number) => compare(heap[a].item, heap[b].item) < 0;
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b], heap[a]]);
  const up = (i: number) => {
    for (let p = (i - 1) >> 1; i > 0 && less(i, p); i = p, p = (i - 1) >> 1) swap(i, p);
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let r = 0; r < readers.length; r++) {
    const head = next(r);
    if (head) {
      heap.push(head);
      up(heap.length - 1);
    }
  }
  while (heap.length) {
    const top = heap[0];
    yield top.item;
    const following = next(top.r);
    if (following) heap[0] = following;
    else {
      const last = heap.pop()!;
      if (heap.length) heap[0] = last;
    }
    if (heap.length) down(0);
  }
}
