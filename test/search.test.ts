/** The shared search helpers, checked against brute force on random data. */
import fc from 'fast-check';
import { countBefore, IntervalIndex } from '../src/search.js';

test('countBefore finds the length of the prefix a monotone test holds on', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (xs, v) => {
      const sorted = [...xs].sort((a, b) => a - b);
      expect(countBefore(sorted.length, (i) => sorted[i] < v)).toBe(sorted.filter((x) => x < v).length);
    }),
  );
});

test('IntervalIndex.overlapping and .containing agree with brute force; containing lists the innermost first', () => {
  const span = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 })).map(([s, l]) => ({ start: s, end: s + l }));
  fc.assert(
    fc.property(fc.array(span, { maxLength: 30 }), fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 10 }), (spans, a, len) => {
      const b = a + len + 1;
      const index = new IntervalIndex(spans, (x) => x.start, (x) => x.end);
      const key = (x: { start: number; end: number }) => `${x.start}-${x.end}`;
      const sortKeys = (xs: { start: number; end: number }[]) => xs.map(key).sort();
      expect(sortKeys(index.overlapping(a, b))).toEqual(sortKeys(spans.filter((x) => x.start < b && x.end > a)));
      const holding = spans.filter((x) => x.start <= a && x.end >= b);
      const found = index.containing(a, b);
      expect(sortKeys(found)).toEqual(sortKeys(holding));
      if (found.length) expect(found[0].start).toBe(Math.max(...holding.map((x) => x.start)));
    }),
  );
});
