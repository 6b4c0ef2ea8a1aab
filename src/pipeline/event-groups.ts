/**
 * The auto event grouping of a corpus streamed past once, with memory bounded by the date window rather than by the
 * corpus (src/aggregate/events.ts has the method). Grouping visits articles in date order and needs the whole corpus's
 * document frequencies before the first vector, while articles.jsonl is in input order: so `add` counts the document
 * frequencies and writes what the grouping reads of each article to sorted runs (temporary files of at most
 * RUN_TERMS term counts, sorted by `compareGroupItems`), and `assign` merges the runs into one date-ordered stream
 * for `groupSorted`. Held in memory: the vocabulary's document frequencies, one run being filled, the open groups,
 * and per article its seq and event (a number and a shared string). Without dates no group ever closes: a corpus of
 * undated articles is compared against all of its groups.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareGroupItems, groupSorted, nameGroups, TermStats, type EventInput, type GroupItem } from '../aggregate/events.js';
import { LineReader } from './lines.js';

/** Term counts per sorted run (as numbers: a few MB of heap while a run is filled; news articles have 260–320 distinct
 * terms each, so about 3,000 runs per million articles). */
export const RUN_TERMS = 100_000;
/** Bytes read per refill from each run while merging (hundreds of runs for millions of articles). */
const MERGE_BUFFER = 16 * 1024;

type RunLine = [date: string, id: string, seq: number, title: string, terms: number[]];

export class EventGrouper {
  private readonly stats = new TermStats();
  private run: GroupItem[] = [];
  private runTerms = 0;
  private readonly runs: string[] = [];
  private dir: string | null = null;

  /** Runs are written to a fresh folder under `parent` (the output's staging folder), removed by `assign`/`discard`. */
  constructor(
    private readonly parent: string,
    private readonly runTermLimit = RUN_TERMS,
  ) {}

  add(item: Pick<EventInput, 'id' | 'seq' | 'date' | 'title' | 'terms'>): void {
    this.run.push({ id: item.id, seq: item.seq, date: item.date, title: item.title, terms: this.stats.add(item.terms) });
    this.runTerms += item.terms.length;
    if (this.runTerms >= this.runTermLimit) this.writeRun();
  }

  private writeRun(): void {
    this.dir ??= mkdtempSync(join(this.parent, 'events-'));
    const path = join(this.dir, `${this.runs.length}.jsonl`);
    const lines = this.run.sort(compareGroupItems).map((it) => JSON.stringify([it.date, it.id, it.seq, it.title, it.terms] satisfies RunLine));
    writeFileSync(path, lines.join('\n') + '\n');
    this.runs.push(path);
    this.run = [];
    this.runTerms = 0;
  }

  /** seq → event name for every article added. */
  assign(): Map<number, string> {
    try {
      if (!this.runs.length) return nameGroups(groupSorted(this.run.sort(compareGroupItems), this.stats));
      if (this.run.length) this.writeRun();
      return nameGroups(groupSorted(mergeRuns(this.runs), this.stats));
    } finally {
      this.discard();
    }
  }

  /** Remove the runs (also when the grouping is not needed after all). */
  discard(): void {
    this.run = [];
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** The sorted runs merged into one stream in `compareGroupItems` order (a binary heap of the runs' next items). */
function* mergeRuns(paths: string[]): Generator<GroupItem> {
  const readers = paths.map((p) => new LineReader(p, MERGE_BUFFER));
  const read = (r: number): { item: GroupItem; r: number } | null => {
    const line = readers[r].next();
    if (line === null) return null;
    const [date, id, seq, title, terms] = JSON.parse(line) as RunLine;
    return { item: { date, id, seq, title, terms }, r };
  };
  const heap: { item: GroupItem; r: number }[] = [];
  const less = (a: number, b: number) => compareGroupItems(heap[a].item, heap[b].item) < 0;
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
    const head = read(r);
    if (head) {
      heap.push(head);
      up(heap.length - 1);
    }
  }
  while (heap.length) {
    const top = heap[0];
    yield top.item;
    const next = read(top.r);
    if (next) heap[0] = next;
    else {
      const last = heap.pop()!;
      if (heap.length) heap[0] = last;
    }
    if (heap.length) down(0);
  }
}
