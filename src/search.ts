/** Ordering and searching sorted data: shared by the quote finder, the speaker registry, the frame matcher and the tables. */

/** Strings in UTF-16 code-unit order (JavaScript's `<`), the order every sorted table and list uses. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
  // Typed arrays: one fixed representation whatever the values (a plain array's elements kind — small integers,
  // doubles, holey or not — varies with its contents, and every new kind made the optimised quote finder that inlines
  // these lookups deoptimise and be compiled again).
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly maxEnd: Float64Array;

  constructor(items: T[], start: (x: T) => number, end: (x: T) => number) {
    this.items = [...items].sort((x, y) => start(x) - start(y) || end(y) - end(x));
    const n = this.items.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.maxEnd = new Float64Array(n);
    let m = -Infinity;
    for (let i = 0; i < n; i++) {
      this.starts[i] = start(this.items[i]);
      this.ends[i] = end(this.items[i]);
      this.maxEnd[i] = m = Math.max(m, this.ends[i]);
    }
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
