/**
 * The auto grouping as the engine runs it (src/engine/events.ts over src/events/grouping.ts) against the method
 * written plainly: the same events however the records were written, group names numbered in id order, the term index
 * equivalent to comparing with every group, bounded open groups for undated articles; and the line reader.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTO_THRESHOLD, AUTO_WINDOW_DAYS, compareGroupItems, MAX_OPEN_UNDATED, TermStats, tfidfVector, type EventInput, type GroupItem, type Vec } from '../src/events/grouping.js';
import { articleTerms } from '../src/analysis/terms.js';
import { readText } from '../src/nlp/index.js';
import { packageFile } from '../src/paths.js';
import { LineReader } from '../src/runtime/lines.js';
import { assignedEvents, eventRecord, eventsOf, withRecords } from './helpers/engine.js';

interface Fixture { id: string; outlet: string; date: string; title: string; text: string }
const fixture = readFileSync(packageFile('test/fixtures/events/articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Fixture);
// Two undated copies too: undated articles are visited last and may join groups still open then.
const items: EventInput[] = [...fixture, ...fixture.slice(0, 2).map((f) => ({ ...f, id: `${f.id}-undated`, date: '' }))].map((f, i) => ({
  id: f.id, seq: i, outlet: f.outlet, date: f.date, title: f.title, event: '', terms: articleTerms(readText(f.text)),
}));

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'framelens-groups-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the same events however the records were written (one or several workers\' part files, any order)', async () => {
  const expected = await assignedEvents(items, 'auto');
  expect(new Set(expected.values()).size).toBeGreaterThan(5);
  const records = items.map(eventRecord);
  expect(await withRecords(records, (db) => eventsOf(db, 'auto'), 3)).toEqual(expected);
  expect(await withRecords([...records].reverse(), (db) => eventsOf(db, 'auto'), 2)).toEqual(expected);
});

test('groups with the same label are numbered ("#2", "#3") in id order', async () => {
  // Five single-article groups of one day: a, c and e share their three most frequent terms (so their label), b and d
  // have labels of their own and ids in between, so that naming must see a, c and e together.
  const article = (id: string, seq: number, shared: string[]): EventInput => ({
    id, seq, outlet: 'X', date: '2025-03-01', title: '', event: '',
    terms: [...shared.map((w): [string, number] => [w, 3]), ...Array.from({ length: 30 }, (_, k): [string, number] => [`${id}w${k}`, 1])],
  });
  const same = ['alpha', 'beta', 'gamma'];
  const repeated = [article('rep-e', 0, same), article('rep-d', 1, ['delta', 'eps', 'zeta']), article('rep-c', 2, same), article('rep-b', 3, ['eta', 'theta', 'iota']), article('rep-a', 4, same)];
  const expected = await assignedEvents(repeated, 'auto');
  expect(expected.get('rep-a')).toBe('2025-03-01 alpha beta gamma');
  expect(expected.get('rep-c')).toBe('2025-03-01 alpha beta gamma #2');
  expect(expected.get('rep-e')).toBe('2025-03-01 alpha beta gamma #3');
});

/**
 * The method as src/events/grouping.ts describes it, written plainly: every open group compared with every article (no term index).
 * Returns the partition (sets of ids), which the indexed grouping must reproduce exactly.
 */
function plainPartition(input: EventInput[]): string[][] {
  const stats = new TermStats();
  const items: GroupItem[] = input.map((it) => ({ id: it.id, seq: it.seq, date: it.date, title: it.title, terms: stats.add(it.terms) })).sort(compareGroupItems);
  const dayOf = (d: string) => (/^\d{4}-\d{2}-\d{2}/.test(d) ? Date.parse(d.slice(0, 10)) / 86_400_000 : null);
  const groups: { ids: string[]; sum: Vec; firstDay: number | null }[] = [];
  let open: typeof groups = [];
  for (const it of items) {
    const day = dayOf(it.date);
    if (day !== null) open = open.filter((g) => g.firstDay === null || day - g.firstDay <= AUTO_WINDOW_DAYS);
    const v = tfidfVector(it, stats);
    let best: (typeof groups)[number] | null = null;
    let bestSim = AUTO_THRESHOLD;
    for (const g of open) {
      const [small, big] = v.size < g.sum.size ? [v, g.sum] : [g.sum, v];
      let dot = 0;
      for (const [t, w] of small) dot += w * (big.get(t) ?? 0);
      const sim = dot / g.ids.length;
      if (sim >= bestSim + 1e-12 || (best === null && sim >= bestSim)) [best, bestSim] = [g, sim];
    }
    if (!best) {
      // Of the groups undated articles start, the MAX_OPEN_UNDATED latest stay open.
      if (day === null && open.filter((g) => g.firstDay === null).length === MAX_OPEN_UNDATED) open.splice(open.findIndex((g) => g.firstDay === null), 1);
      best = { ids: [], sum: new Map(), firstDay: day };
      groups.push(best);
      open.push(best);
    }
    best.ids.push(it.id);
    for (const [t, w] of v) best.sum.set(t, (best.sum.get(t) ?? 0) + w);
  }
  return groups.map((g) => [...g.ids].sort()).sort();
}

const partition = (events: Map<string, string>): string[][] => {
  const by = new Map<string, string[]>();
  for (const [id, e] of events) by.set(e, [...(by.get(e) ?? []), id]);
  return [...by.values()].map((ids) => ids.sort()).sort();
};

test('the grouping compares an article only with groups sharing a term, and groups exactly as comparing with all', async () => {
  expect(partition(await assignedEvents(items, 'auto'))).toEqual(plainPartition(items));
  // Undated, every group stays open: the most comparisons the index saves.
  const undated = items.map((it) => ({ ...it, date: '' }));
  const grouped = await assignedEvents(undated, 'auto');
  expect(partition(grouped)).toEqual(plainPartition(undated));
  expect(new Set(grouped.values()).size).toBeGreaterThan(5);
});

test('undated articles: only the MAX_OPEN_UNDATED latest groups they started stay open (bounded time and memory)', async () => {
  // Articles with nothing in common (each its own group), visited in id order; then a copy of the first and of the last.
  const n = MAX_OPEN_UNDATED + 5;
  const own = (i: number): [string, number][] => [[`alpha${i}`, 3], [`beta${i}`, 2], ['shared', 1]];
  const many: EventInput[] = Array.from({ length: n }, (_, i) => ({ id: `u${String(i).padStart(6, '0')}`, seq: i, outlet: 'o', date: '', title: '', event: '', terms: own(i) }));
  many.push({ ...many[0], id: 'v-first', seq: n }, { ...many[n - 1], id: 'v-last', seq: n + 1 });
  const events = await assignedEvents(many, 'auto');
  expect(new Set(events.values()).size).toBe(n + 1);
  expect(events.get('v-last')).toBe(events.get(many[n - 1].id)); // its group is still open
  expect(events.get('v-first')).not.toBe(events.get(many[0].id)); // its group was closed long before
  expect(partition(events)).toEqual(plainPartition(many));
  // Dated articles are not limited so: the same articles all on one day, the copy of the first joins it.
  const dated = many.map((it) => ({ ...it, date: '2024-01-01' }));
  const datedEvents = await assignedEvents(dated, 'auto');
  expect(datedEvents.get('v-first')).toBe(datedEvents.get(many[0].id));
});

/** Real news read from ../shared at run time (never copied): PolNeAR train's 840 articles, dated, and 300 undated. */
const train = packageFile('../shared/eval/polnear/train.jsonl');
(existsSync(train) ? test : test.skip)('the same on PolNeAR train: 840 dated articles, and 300 of them undated', async () => {
  const real: EventInput[] = readFileSync(train, 'utf8').trim().split('\n').map((l, i) => {
    const d = JSON.parse(l) as { text: string; publisher: string; date: string; title: string };
    return { id: `train#${i + 1}`, seq: i, outlet: d.publisher, date: d.date, title: d.title, event: '', terms: articleTerms(readText(d.text)) };
  });
  const grouped = await assignedEvents(real, 'auto');
  expect(new Set(grouped.values()).size).toBeLessThan(real.length * 0.95);
  expect(partition(grouped)).toEqual(plainPartition(real));
  const undated = real.slice(0, 300).map((it) => ({ ...it, date: '' }));
  expect(partition(await assignedEvents(undated, 'auto'))).toEqual(plainPartition(undated));
}, 60_000);

test('line reader: lines across refills, multi-byte characters split by a refill, empty lines, no final newline', () => {
  const path = join(dir, 'lines.jsonl');
  const lines = ['{"a":"“curly” é"}', '', 'x', '€€€€€€€€€', '{"last":true}'];
  writeFileSync(path, lines.join('\n'));
  for (const size of [1, 2, 3, 7, 1 << 20]) {
    const r = new LineReader(path, size);
    const got: string[] = [];
    const numbers: number[] = [];
    for (let l = r.next(); l !== null; l = r.next()) {
      got.push(l);
      numbers.push(r.lineNumber);
    }
    expect(got).toEqual(lines.filter(Boolean));
    expect(numbers).toEqual([1, 3, 4, 5]); // the empty line 2 counted, not returned
  }
});
