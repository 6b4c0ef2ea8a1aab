/**
 * Nonparametric bootstrap percentile intervals (Efron & Tibshirani 1993, ch. 13), seeded: resample the units (events,
 * or articles) with replacement B times, recompute the statistic, and take the order statistics at α/2 and 1 − α/2.
 * With B = 1999 and α = 0.05 these are the 50th and the 1950th of the sorted replicates ((B + 1) α / 2 = 50), so no
 * interpolation is needed. Every sum runs over the units in the order drawn, so the bytes are the same run to run.
 * Pure.
 */
import { rngFor } from './rng.js';

/** Bootstrap replicates per interval. */
export const BOOTSTRAP_REPLICATES = 1999;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The percentile interval of `level` from replicates (reordered here, in place): its two order statistics found by
 * selection (selectInPlace), not by sorting all B replicates — the very values a sort puts there, in linear time.
 */
export function percentileInterval(replicates: Float64Array, level = 0.95): Interval {
  const B = replicates.length;
  const alpha = 1 - level;
  const lo = Math.max(1, Math.floor((B + 1) * (alpha / 2)));
  const hi = Math.min(B, Math.ceil((B + 1) * (1 - alpha / 2)));
  selectInPlace(replicates, lo - 1, hi - 1, 0, B - 1);
  return { low: replicates[lo - 1], high: replicates[hi - 1] };
}

/**
 * Float64Array.prototype.sort's order: numeric, −0 before +0, NaN last. Selection must use it, not `<` alone, to pick
 * the very value (the same bits) that a sort puts at a position.
 */
function before(a: number, b: number): boolean {
  if (a < b) return true;
  if (a === b) return a === 0 && 1 / a < 1 / b; // −0 before +0
  return b !== b && a === a; // a number before NaN
}

/**
 * Quickselect (Hoare's FIND, as in Wirth's "Algorithms + Data Structures") for two positions k1 ≤ k2 at once: reorder
 * a[left … right] so that a[k1] and a[k2] hold the values a sort (in `before`'s order) would put there. Each pass
 * partitions around a median-of-three pivot and goes on in the part(s) holding k1 and k2; when they fall apart, each
 * is selected in its own part (about 2B comparisons for both, against 4B for two separate selections). Equal values
 * stop both scans and are swapped, so runs of ties (many replicates of 0 for a rare frame) still split evenly.
 */
function selectInPlace(a: Float64Array, k1: number, k2: number, left: number, right: number): void {
  while (left < right) {
    // The median of a[left], a[mid], a[right] as the pivot.
    let x = a[left];
    let y = a[(left + right) >>> 1];
    const z = a[right];
    if (before(y, x)) {
      const t = x;
      x = y;
      y = t;
    }
    const pivot = before(z, x) ? x : before(y, z) ? y : z;
    let i = left;
    let j = right;
    while (i <= j) {
      while (before(a[i], pivot)) i++;
      while (before(pivot, a[j])) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[left … j] ≤ pivot ≤ a[i … right], and every position between j and i holds the pivot's value.
    if (k2 <= j) right = j;
    else if (k1 >= i) left = i;
    else {
      if (k1 <= j) selectInPlace(a, k1, k1, left, j);
      if (k2 >= i) selectInPlace(a, k2, k2, i, right);
      return;
    }
  }
}

/**
 * 95% percentile interval of the mean of `values` (one per unit), resampling units with a generator seeded from `key`.
 * Null for no values.
 */
export function bootstrapMeanInterval(values: readonly number[], key: string, B = BOOTSTRAP_REPLICATES, level = 0.95): Interval | null {
  const n = values.length;
  if (n === 0) return null;
  // Every resample of a constant sample has the same mean (common: a frame neither outlet used).
  if (values.every((v) => v === values[0])) return { low: values[0], high: values[0] };
  const rng = rngFor(key);
  const reps = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += values[rng.int(n)];
    reps[b] = s / n;
  }
  return percentileInterval(reps, level);
}

/**
 * 95% percentile interval of the ratio Σ num / Σ den × scale (a rate over pooled units, e.g. hits per 10,000 tokens
 * over articles), resampling units (pairs num[k], den[k]) with a generator seeded from `key`. Units with den 0 are
 * left out (they add nothing to either sum). Null when no unit has den > 0.
 */
export function bootstrapRatioInterval(
  num: readonly number[],
  den: readonly number[],
  key: string,
  scale = 1,
  B = BOOTSTRAP_REPLICATES,
  level = 0.95,
): Interval | null {
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < num.length; k++) {
    if (den[k] > 0) {
      x.push(num[k]);
      y.push(den[k]);
    }
  }
  const n = x.length;
  if (n === 0) return null;
  const rng = rngFor(key);
  const reps = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < n; k++) {
      const j = rng.int(n);
      sx += x[j];
      sy += y[j];
    }
    reps[b] = (sx / sy) * scale;
  }
  return percentileInterval(reps, level);
}

/**
 * B resamples of n units as indices (resample b is indices[b × n … (b + 1) × n − 1]), from a generator seeded from
 * `key`: drawn once and reused for every statistic over the same units (e.g. all frames and voices of one outlet pair).
 */
export function resampleIndices(n: number, key: string, B = BOOTSTRAP_REPLICATES): Uint32Array {
  const rng = rngFor(key);
  const out = new Uint32Array(B * n);
  for (let i = 0; i < out.length; i++) out[i] = rng.int(n);
  return out;
}

/** The 95% percentile interval of the mean of `values` over the resamples in `indices` (from `resampleIndices`). */
export function meanIntervalFromIndices(values: readonly number[], indices: Uint32Array, level = 0.95): Interval | null {
  const n = values.length;
  if (n === 0) return null;
  if (values.every((v) => v === values[0])) return { low: values[0], high: values[0] };
  const B = indices.length / n;
  const reps = new Float64Array(B);
  for (let b = 0, i = 0; b < B; b++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += values[indices[i++]];
    reps[b] = s / n;
  }
  return percentileInterval(reps, level);
}
