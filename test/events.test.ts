/**
 * Event grouping. The fixture test/fixtures/events/articles.jsonl is a small synthetic gold set written for this test:
 * 30 short articles on 8 events from 3–4 outlets each (gold label `gold_event`), including a near-miss pair (two
 * Los Angeles wildfire stories six weeks apart) that a date-blind grouping would merge. Scored with B-cubed F1.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { EventInput } from '../src/events/grouping.js';
import { assignedEvents, engineTables, eventRecord, withRecords } from './helpers/engine.js';
import { articleTerms } from '../src/analysis/terms.js';
import { readText } from '../src/nlp/index.js';
import { packageFile } from '../src/paths.js';

interface Fixture { id: string; outlet: string; date: string; title: string; gold_event: string; text: string }
const fixture = readFileSync(packageFile('test/fixtures/events/articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Fixture);
const items: EventInput[] = fixture.map((f, i) => ({ id: f.id, seq: i, outlet: f.outlet, date: f.date, title: f.title, event: '', terms: articleTerms(readText(f.text)) }));
const gold = new Map(fixture.map((f) => [f.id, f.gold_event]));

/** B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering against gold labels. */
export function bcubed(pred: Map<string, string>, truth: Map<string, string>): { p: number; r: number; f1: number } {
  const ids = [...truth.keys()];
  let p = 0;
  let r = 0;
  for (const a of ids) {
    const samePred = ids.filter((b) => pred.get(b) === pred.get(a));
    const sameGold = ids.filter((b) => truth.get(b) === truth.get(a));
    const both = samePred.filter((b) => truth.get(b) === truth.get(a)).length;
    p += both / samePred.length;
    r += both / sameGold.length;
  }
  p /= ids.length;
  r /= ids.length;
  return { p, r, f1: (2 * p * r) / (p + r) };
}

test('B-cubed of a perfect and of a one-cluster grouping (hand-computed)', () => {
  const truth = new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]);
  expect(bcubed(truth, truth).f1).toBe(1);
  // All in one cluster: precision per item = (2/3, 2/3, 1/3) → 5/9; recall = 1; F1 = 2·(5/9)/(5/9 + 1) = 10/14
  expect(bcubed(new Map([['a', 'k'], ['b', 'k'], ['c', 'k']]), truth).f1).toBeCloseTo(10 / 14, 12);
});

test('auto grouping reaches B-cubed F1 >= 0.95 on the synthetic gold set, keeping the two wildfires apart', async () => {
  const pred = await assignedEvents(items, 'auto');
  const score = bcubed(pred, gold);
  expect(score.f1).toBeGreaterThanOrEqual(0.95);
  expect(pred.get('wildfire-0')).not.toBe(pred.get('wildfire2-0'));
  expect(new Set(fixture.filter((f) => f.gold_event === 'tariffs').map((f) => pred.get(f.id))).size).toBe(1);
});

test('auto grouping does not depend on input order', async () => {
  const a = await assignedEvents(items, 'auto');
  // The same articles written in the opposite order (and numbered so).
  const b = await assignedEvents([...items].reverse().map((it, seq) => ({ ...it, seq })), 'auto');
  expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
});

test('metadata and none modes; events.csv rows', async () => {
  const withMeta = items.map((it) => ({ ...it, event: gold.get(it.id)! }));
  const meta = await assignedEvents(withMeta, 'metadata');
  expect(bcubed(meta, gold).f1).toBe(1);
  expect(new Set((await assignedEvents(items, 'none')).values())).toEqual(new Set(['all']));
  // The default: metadata where every article has an event, else auto.
  expect(await assignedEvents(withMeta, null)).toEqual(meta);
  expect(await assignedEvents([...withMeta.slice(1), { ...withMeta[0], event: '' }], null)).toEqual(await assignedEvents(items, 'auto'));
  const table = (await withRecords(withMeta.map(eventRecord), (db) => engineTables(db, [], 'metadata'))).events;
  expect(table.columns).toEqual(['event', 'label', 'first_date', 'last_date', 'articles', 'n_outlets', 'outlets']);
  expect(table.rows.find((r) => r[0] === 'quotas')).toEqual(['quotas', 'quotas', '2025-01-27', '2025-01-28', 4, 4, 'Border Wire; Capital Times; Daily Planet; Metro Ledger']);
});

test('events.csv: dates, articles and outlets per event, in event order, with many outlets', async () => {
  const outlets = Array.from({ length: 45 }, (_, k) => `Outlet ${String(k).padStart(2, '0')}`);
  const records: EventInput[] = [];
  const add = (event: string, outlet: string, date: string) => records.push({ id: `a${records.length}`, seq: records.length, outlet, date, title: '', event, terms: [] });
  // "wide" has all 45 outlets; "late" only the last 15 and no dates; "small" 3 outlets, one twice.
  for (const o of outlets) add('wide', o, '2025-02-02');
  for (const o of outlets.slice(30)) add('late', o, '');
  for (const o of [outlets[2], outlets[0], outlets[2], outlets[1]]) add('small', o, o === outlets[1] ? '2025-01-09' : '2025-01-10');
  add('wide', outlets[44], '2025-01-31');
  const rows = (await withRecords(records.map(eventRecord), (db) => engineTables(db, [], 'metadata'))).events.rows;
  expect(rows.map((r) => r[0])).toEqual(['late', 'small', 'wide']);
  expect(rows[0]).toEqual(['late', 'late', '', '', 15, 15, outlets.slice(30).join('; ')]);
  expect(rows[1]).toEqual(['small', 'small', '2025-01-09', '2025-01-10', 4, 3, outlets.slice(0, 3).join('; ')]);
  expect(rows[2]).toEqual(['wide', 'wide', '2025-01-31', '2025-02-02', 46, 45, outlets.join('; ')]);
});

/** Real news read from ../shared at run time (never copied): `<file>#<line>` ids, scored against a hand grouping. */
async function scoreRealNews(file: string, prefix: string, goldCsv: string): Promise<{ p: number; r: number; f1: number; singletons: number }> {
  const goldRows = readFileSync(packageFile(goldCsv), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const truth = new Map(goldRows.map(([id, e]) => [id, e]));
  const docs = readFileSync(file, 'utf8').trim().split('\n').map((l, i) => ({ ...(JSON.parse(l) as { text: string; publisher: string; date: string; title: string }), id: `${prefix}#${i + 1}` }));
  const real: EventInput[] = docs
    .filter((d) => truth.has(d.id))
    .map((d, i) => ({ id: d.id, seq: i, outlet: d.publisher, date: d.date, title: d.title, event: '', terms: articleTerms(readText(d.text)) }));
  expect(real.length).toBe(truth.size);
  const score = bcubed(await assignedEvents(real, 'auto'), truth);
  const singletons = bcubed(new Map([...truth.keys()].map((id) => [id, id])), truth).f1;
  console.log(`events.test.ts: ${goldCsv.split('/').pop()} auto grouping B-cubed P ${score.p.toFixed(3)} R ${score.r.toFixed(3)} F1 ${score.f1.toFixed(3)} (all singletons F1 ${singletons.toFixed(3)})`);
  return { ...score, singletons };
}

/**
 * Tuning set: 183 PolNeAR train articles (every article dated 2016-07-01..2016-09-07, all 7 outlets), hand-grouped by
 * us into 21 events of 2–6 articles — the FBI's no-charges announcement on Clinton's email, the Star of David tweet,
 * the Trump–Ginsburg feud, the RNC roll call, Trump's and Clinton's acceptance speeches, Obama's convention speech, the
 * Khan feud, "Obama founded ISIS", Biden's Scranton rally, the Weiner sexting story, Trump's Mexico visit, … — and 129
 * singletons (test/fixtures/events/train-split-events.csv; a convention is not one event, its speeches are). The
 * parameters in src/events/grouping.ts were chosen on this set only. Measured 2026-11-22: B-cubed P 0.976, R 0.893,
 * F1 0.933 (all singletons 0.901; the previous method 0.913).
 */
const train = packageFile('../shared/eval/polnear/train.jsonl');
(existsSync(train) ? test : test.skip)('auto grouping on the hand-grouped tuning set (PolNeAR train, Jul–Sep 2016)', async () => {
  const score = await scoreRealNews(train, 'train.jsonl', 'test/fixtures/events/train-split-events.csv');
  expect(score.f1).toBeGreaterThanOrEqual(0.93);
});

/**
 * Second tuning set, built for issue #5's two-stage method: the 85 PolNeAR train articles dated February 2016, hand-
 * grouped by reading titles and texts BEFORE running the method on them (test/fixtures/events/train-feb2016-events.csv):
 * 7 events of 2–10 articles — the Iowa caucuses, the New Hampshire primary (previews from Feb 4 to results on Feb 10),
 * the Feb 6 GOP and Feb 11 Democratic debates, the Supreme Court vacancy in the race, the Feb 20 South Carolina and
 * Nevada contests, the South Carolina Democratic primary — and 55 singletons. A hard set: many articles of one primary
 * week share candidates' names but few event words, so bag-of-words grouping misses most of each big event and
 * merges stories about the same candidate a few days apart; the method scores BELOW all singletons here (most pairs
 * within an event have cosine < 0.15, while some different-event pairs reach 0.4–0.65). Kept as a check against
 * changes that merge campaign stories by topic. Measured 2026-11-22: B-cubed P 0.902, R 0.716, F1 0.799 (all
 * singletons 0.819).
 */
(existsSync(train) ? test : test.skip)('auto grouping on the second tuning set (PolNeAR train, Feb 2016)', async () => {
  const score = await scoreRealNews(train, 'train.jsonl', 'test/fixtures/events/train-feb2016-events.csv');
  expect(score.f1).toBeGreaterThanOrEqual(0.79);
});

/**
 * Third tuning set, built for issue #5 to have its failure mode (campaign events covered over a week): the 88 PolNeAR
 * train articles dated March 2016, all 7 outlets, hand-grouped by reading every title and opening paragraph (and more
 * of the text where unsure) BEFORE any method was run on them (test/fixtures/events/train-mar2016-events.csv). Rule:
 * an article belongs to an event when its main subject is that happening — preview, coverage or reaction within about
 * a week; an article whose news is its own happening (a court ruling before a primary, a poll, an endorsement) is a
 * singleton. 12 events of 2–9 articles — Super Tuesday (6: results, Christie's look behind Trump, Chinese reactions,
 * Clinton's turnout), the Mar 3 GOP debate in Detroit, the Romney-led stop-Trump push, the Mar 9 Democratic and the
 * Mar 10 GOP debates in Miami, violence at Trump rallies, the Mar 15 primaries (9: previews from Mar 8 to turnout on
 * Mar 17), the February FEC filings, the AIPAC speeches (preview Mar 18 to speeches Mar 21), the Mar 22 contests, and
 * two NYT pieces each printed twice — and 48 singletons. Measured 2026-11-23 with the method unchanged: B-cubed
 * P 0.966, R 0.746, F1 0.842 (all singletons 0.811). As in February, most pairs within an event share little: within
 * 7 days, the median cosine of same-event pairs is 0.07 and only 16 of 69 exceed the 99th percentile of
 * different-event pairs (0.22).
 */
(existsSync(train) ? test : test.skip)('auto grouping on the third tuning set (PolNeAR train, Mar 2016)', async () => {
  const score = await scoreRealNews(train, 'train.jsonl', 'test/fixtures/events/train-mar2016-events.csv');
  expect(score.f1).toBeGreaterThanOrEqual(0.83);
});

/**
 * Held-out check: PolNeAR dev (84 articles from 7 outlets), hand-grouped into events by the framelens team before the
 * method was tuned (test/fixtures/events/dev-split-events.csv: six multi-outlet events — the first 2016 presidential
 * debate, the Trump tax-returns story, Clinton's 9/11 health episode, … — and 56 singletons), measured once after
 * tuning on the train set above. The previous method (centroid, 3-day window from a group's latest article) scored
 * P 0.896, R 0.863, F1 0.879 here, no better than all singletons (0.880).
 * Measured 2026-11-22: B-cubed P 0.976, R 0.830, F1 0.897 (all singletons 0.880) — better than before, still short of
 * the issue's 0.95: precision is high; recall is lost mainly on the debate, hand-grouped here from previews three days
 * before to follow-ups four days after. Not the window alone: most of its articles resemble each other little (it falls
 * into nine groups, eight of them single articles, and the two previews' mean cosine to seven of the other eight is
 * < 0.1), so neither a longer window
 * nor merging similar groups (tried, see docs/statistics.md) joins them. Re-measured 2026-11-22 after the
 * second-stage experiment (dropped, inert on both tuning sets): unchanged, F1 0.897. Re-measured 2026-11-23 after the
 * second round for issue #5 (nothing kept, method unchanged; the March tuning set added): F1 0.897.
 */
const dev = packageFile('../shared/eval/polnear/dev.jsonl');
(existsSync(dev) ? test : test.skip)('auto grouping on hand-grouped real news (PolNeAR dev): B-cubed F1 as measured', async () => {
  const score = await scoreRealNews(dev, 'dev.jsonl', 'test/fixtures/events/dev-split-events.csv');
  expect(score.f1).toBeGreaterThanOrEqual(0.89);
});
