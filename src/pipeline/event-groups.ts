/**
 * The auto event grouping of a corpus streamed past once, with memory bounded by the date window rather than by the
 * corpus (src/aggregate/events.ts has the method). Three external sorts (sorted-runs.ts) under a temporary folder:
 *  1. grouping visits articles in date order and needs the whole corpus's document frequencies before the first
 *     vector, while articles.jsonl is in input order: `add` counts the document frequencies and sorts what the
 *     grouping reads of each article (runs of at most RUN_TERMS term counts) into `compareGroupItems` order;
 *  2. groups are named in (label, first member's id) order ("label #2" for a repeat), while they close in date order:
 *     the closed groups are sorted by name (runs of at most RUN_MEMBERS members);
 *  3. the tables take the articles' events in seq order: each member's (seq, name) is sorted by seq (runs of
 *     RUN_PAIRS) into one file (SortedRuns.writeSorted), which `EventAssignment.cursor` reads forwards.
 * Held in memory: the vocabulary's document frequencies, a run being filled and the open groups — nothing per
 * article or per event. Without dates no group ever closes by date: of the groups undated articles start, the
 * MAX_OPEN_UNDATED latest stay open (events.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compareGroupItems, compareGroups, groupSorted, nameSortedGroups, TermStats, UNASSIGNED, type EventGroup, type EventInput, type GroupItem } from '../aggregate/events.js';
import { LineReader } from './lines.js';
import { SortedRuns, type RunFormat } from './sorted-runs.js';

/** Term counts per sorted run of articles (as numbers: a few MB of heap while a run is filled; news articles have
 * 260–320 distinct terms each, so about 3,000 runs per million articles). */
export const RUN_TERMS = 100_000;
/**
 * Members per sorted run of closed groups, and (seq, event) pairs per sorted run of the assignment; 50 runs of each
 * per million articles. Grouping the 100× auto corpus (84,000 groups of about one article), the main thread's live
 * heap peaked at 31 MB with these, at 49 MB with runs of 100,000, which held all of them (`node --trace-gc`).
 */
export const RUN_MEMBERS = 20_000;
export const RUN_PAIRS = 20_000;

type ItemLine = [date: string, id: string, seq: number, title: string, terms: number[]];
/** (seq, event) pairs: in their sorted runs and in the assignment file the tables read. */
const PAIR_FORMAT: RunFormat<[number, string]> = { write: (p) => JSON.stringify(p), read: (line) => JSON.parse(line) as [number, string] };
type GroupLine = [label: string, firstId: string, members: number[]];

export class EventGrouper {
  private readonly stats = new TermStats();
  private dir: string | null = null;
  private readonly items: SortedRuns<GroupItem>;

  /** Runs go to a fresh folder under `parent` (the output's staging folder), removed by `discard`. */
  constructor(
    private readonly parent: string,
    private readonly runTerms = RUN_TERMS,
    private readonly runMembers = RUN_MEMBERS,
    private readonly runPairs = RUN_PAIRS,
  ) {
    this.items = new SortedRuns<GroupItem>(() => this.folder(), 'items', compareGroupItems, {
      write: (it) => JSON.stringify([it.date, it.id, it.seq, it.title, it.terms] satisfies ItemLine),
      read: (line) => {
        const [date, id, seq, title, terms] = JSON.parse(line) as ItemLine;
        return { date, id, seq, title, terms };
      },
    }, this.runTerms);
  }

  private folder(): string {
    return (this.dir ??= mkdtempSync(join(this.parent, 'events-')));
  }

  add(item: Pick<EventInput, 'id' | 'seq' | 'date' | 'title' | 'terms'>): void {
    const terms = this.stats.add(item.terms);
    this.items.add({ id: item.id, seq: item.seq, date: item.date, title: item.title, terms }, item.terms.length);
  }

  /** Groups the articles added; their events, to be read in seq order, stay on disk until `discard`. */
  assign(): EventAssignment {
    const groups = new SortedRuns<EventGroup>(() => this.folder(), 'groups', compareGroups, {
      write: (g) => JSON.stringify([g.label, g.firstId, g.members] satisfies GroupLine),
      read: (line) => {
        const [label, firstId, members] = JSON.parse(line) as GroupLine;
        return { label, firstId, members };
      },
    }, this.runMembers);
    groupSorted(this.items.sorted(), this.stats, (g) => groups.add(g, g.members.length));
    const pairs = new SortedRuns<[number, string]>(() => this.folder(), 'pairs', (a, b) => a[0] - b[0], PAIR_FORMAT, this.runPairs);
    for (const pair of nameSortedGroups(groups.sorted())) pairs.add(pair);
    const path = join(this.folder(), 'assignment.jsonl');
    pairs.writeSorted(path);
    return new EventAssignment(path);
  }

  /** Remove the runs and the assignment (also when the grouping is not needed after all). */
  discard(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

/** Each article's auto event, by seq, on disk (written by EventGrouper.assign). */
export class EventAssignment {
  constructor(readonly path: string) {}

  /**
   * A reader of the events for seqs asked in non-decreasing order (a pass over articles.jsonl, or over rows written in
   * seq order): the event of `seq`, UNASSIGNED for a seq the grouping never saw.
   */
  cursor(): (seq: number) => string {
    const lines = new LineReader(this.path);
    let at = -1;
    let name = UNASSIGNED;
    return (seq) => {
      while (at < seq) {
        const line = lines.next();
        if (line === null) return UNASSIGNED;
        [at, name] = PAIR_FORMAT.read(line);
      }
      return at === seq ? name : UNASSIGNED;
    };
  }
}
