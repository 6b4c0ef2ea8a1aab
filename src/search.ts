/** Searching sorted data: shared by the quote finder, the speaker registry and the frame matcher. */

/** How many leading items satisfy `before`, a test that holds on a prefix of the items and fails after (binary search). */
export function countBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Intervals sorted by start, with a running maximum of their ends, so that the ones overlapping or holding a range are
 * found by looking only at intervals that start before the range and reach past its start: an article with thousands
 * of quotations stays linear-ish instead of quadratic.
 */
export class IntervalIndex<T> {
  private readonly items: T[];
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly maxEnd: number[] = [];

  constructor(items: T[], start: (x: T) => number, end: (x: T) => number) {
    this.items = [...items].sort((x, y) => start(x) - start(y) || end(y) - end(x));
    this.starts = this.items.map(start);
    this.ends = this.items.map(end);
    let m = -Infinity;
    for (const e of this.ends) this.maxEnd.push((m = Math.max(m, e)));
  }

  /** Items sharing at least one position with [a, b). */
  overlapping(a: number, b: number): T[] {
    const found: T[] = [];
    for (let i = countBefore(this.items.length, (k) => this.starts[k] < b) - 1; i >= 0 && this.maxEnd[i] > a; i--) {
      if (this.ends[i] > a) found.push(this.items[i]);
    }
    return found;
  }

  /** Items holding all of [a, b), innermost (latest start) first. */
  containing(a: number, b: number): T[] {
    const found: T[] = [];
    for (let i = countBefore(this.items.length, (k) => this.starts[k] <= a) - 1; i >= 0 && this.maxEnd[i] >= b; i--) {
      if (this.ends[i] >= b) found.push(this.items[i]);
    }
    return found;
  }
}
