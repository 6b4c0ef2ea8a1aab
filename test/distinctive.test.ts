/** distinctive_terms rows (src/engine/statistics/distinctive.ts) on a hand-worked event, and the stoplist file. */
import { distinctiveTerms, loadStoplist, parseStoplist, DISTINCTIVE_COLUMNS, type EventOutletTerm } from '../src/engine/statistics/distinctive.js';

const stop = new Set(['monday', 'tuesday']);

test('over-represented terms only, with the significance flag; stoplist, outlet names and rare terms left out', () => {
  // Event e: outlet "Fox News" uses w 10 times of 1000 words (the rest "monday", stoplisted); "Daily" uses w 5 times of
  // 2000 ("tuesday"). Prior: w 3 of 300. As in test/stats.test.ts: δ = ln(13/1287) − ln(8/2292) = 1.062619,
  // σ² = 1/13 + 1/8, z = 2.364746 ≥ 1.96 → significant. For Daily, z = −2.364746: under-represented, not listed.
  // "fox" (the outlet's own name) and "rare" (2 uses, below the minimum 3) are not listed either.
  const counts: EventOutletTerm[] = [
    { event: 'e', outlet: 'Fox News', term: 'w', count: 10 },
    { event: 'e', outlet: 'Fox News', term: 'monday', count: 985 },
    { event: 'e', outlet: 'Fox News', term: 'fox', count: 3 },
    { event: 'e', outlet: 'Fox News', term: 'rare', count: 2 },
    { event: 'e', outlet: 'Daily', term: 'w', count: 5 },
    { event: 'e', outlet: 'Daily', term: 'tuesday', count: 1995 },
    { event: 'solo', outlet: 'Daily', term: 'w', count: 9 },
  ];
  const prior = new Map([['w', 3], ['monday', 100], ['tuesday', 190], ['fox', 3], ['rare', 4]]);
  const { rows, events } = distinctiveTerms(counts, prior, 300, stop);
  expect(DISTINCTIVE_COLUMNS).toEqual(['event', 'outlet', 'term', 'count', 'count_elsewhere', 'log_odds', 'z', 'significant']);
  expect(rows).toEqual([['e', 'Fox News', 'w', 10, 5, 1.06262, 2.36475, true]]);
  // One event compared (the single-outlet event has no rows and no entry), with one significant term.
  expect(events).toEqual([{ event: 'e', significant: 1 }]);
});

test('an event where no listed term reaches |z| 1.96 is reported with 0 significant', () => {
  // A uses x 3 times of 100, B 1 of 100; prior x 4 of 1000: δ = ln(7/1093) − ln(5/1095) = 0.3384, σ² = 1/7 + 1/5,
  // z = 0.3384 / 0.5855 = 0.578 < 1.96: listed, not significant.
  // The other words are used once each (below the minimum count, never listed).
  const counts: EventOutletTerm[] = [
    { event: 'e', outlet: 'A', term: 'x', count: 3 }, ...Array.from({ length: 97 }, (_, i) => ({ event: 'e', outlet: 'A', term: `a${i}`, count: 1 })),
    { event: 'e', outlet: 'B', term: 'x', count: 1 }, ...Array.from({ length: 99 }, (_, i) => ({ event: 'e', outlet: 'B', term: `b${i}`, count: 1 })),
  ];
  const { rows, events } = distinctiveTerms(counts, new Map([['x', 4]]), 1000, stop);
  expect(rows).toHaveLength(1);
  const x = rows.find((r) => r[2] === 'x')!;
  expect(x[6] as number).toBeCloseTo(0.578, 3);
  expect(x[7]).toBe(false);
  expect(rows.every((r) => r[7] === false)).toBe(true);
  expect(events).toEqual([{ event: 'e', significant: 0 }]);
});

test('the stoplist file: weekdays, months, reporting verbs and boilerplate; errors with file:line', () => {
  const words = loadStoplist();
  for (const w of ['monday', 'sept', 'stated', 'reuters', 'advertisement']) expect(words.has(w)).toBe(true);
  expect(words.has('illegal')).toBe(false);
  expect(() => parseStoplist('weekdays: [monday]\ncolours: [red]\n', 'x.yml')).toThrow(/x\.yml:2: unknown key "colours"/);
  expect(() => parseStoplist('months: march\n', 'x.yml')).toThrow(/x\.yml:1: "months" must be a list/);
});
