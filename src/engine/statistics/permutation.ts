/**
 * Paired sign-flip permutation test (Good 2005, ch. 3; Ernst 2004): under the null hypothesis that the two outlets'
 * per-event rates are exchangeable within each event, each paired difference d_e is as likely to be +d_e as −d_e.
 * Statistic T = |Σ d_e| (equivalently the absolute mean difference); two-sided p = the share of the 2^n sign
 * assignments with |Σ ± d_e| ≥ T.
 *   - exact (all 2^n assignments, identity included) when n ≤ EXACT_MAX_PAIRS;
 *   - otherwise Monte Carlo with M seeded random assignments: p = (1 + #{T* ≥ T}) / (M + 1) (Phipson & Smyth 2010:
 *     never 0, valid at any M).
 * Ties: T* counts as ≥ T when it falls short by at most 1e-9 × Σ |d_e| (floating-point sums of the same values in a
 * different order). Pure.
 */
import { rngFor } from './rng.js';

/** Largest number of pairs enumerated exactly (2^16 = 65,536 sign assignments, one addition each). */
export const EXACT_MAX_PAIRS = 16;
/** Monte Carlo sign assignments above that. */
export const PERMUTATIONS = 9999;

export interface PermutationResult {
  p: number;
  method: 'exact' | 'monte-carlo';
}

export function signFlipTest(d: readonly number[], key: string, M = PERMUTATIONS, exactMax = EXACT_MAX_PAIRS): PermutationResult | null {
  const n = d.length;
  if (n === 0) return null;
  let obs = 0;
  let scale = 0;
  for (let k = 0; k < n; k++) {
    obs += d[k];
    scale += Math.abs(d[k]);
  }
  if (scale === 0) return { p: 1, method: n <= exactMax ? 'exact' : 'monte-carlo' };
  const T = Math.abs(obs) - 1e-9 * scale;
  if (n <= exactMax) {
    // Gray code: consecutive assignments differ in one sign, so each costs one update of the sum.
    const sign = new Int8Array(n).fill(1);
    let s = obs;
    let count = Math.abs(s) >= T ? 1 : 0;
    const total = 2 ** n;
    for (let i = 1; i < total; i++) {
      const j = 31 - Math.clz32(i & -i); // the lowest set bit of i: the sign to flip
      s -= 2 * sign[j] * d[j];
      sign[j] = -sign[j];
      if (Math.abs(s) >= T) count++;
    }
    return { p: count / total, method: 'exact' };
  }
  // Monte Carlo: each random 32-bit word gives the signs of 32 differences. Speed: the differences in groups of 8, each
  // group's 256 signed sums tabled once, so a sign assignment costs n / 8 lookups instead of n additions.
  const groups = Math.ceil(n / 8);
  const table = new Float64Array(groups * 256);
  for (let g = 0; g < groups; g++) {
    const base = g * 256;
    let neg = 0;
    for (let k = g * 8; k < Math.min(n, g * 8 + 8); k++) neg -= d[k];
    table[base] = neg;
    for (let b = 1; b < 256; b++) {
      const low = 31 - Math.clz32(b & -b);
      const k = g * 8 + low;
      table[base + b] = table[base + (b & (b - 1))] + (k < n ? 2 * d[k] : 0);
    }
  }
  const rng = rngFor(key);
  let count = 0;
  for (let m = 0; m < M; m++) {
    let s = 0;
    let bits = 0;
    for (let g = 0; g < groups; g++) {
      if ((g & 3) === 0) bits = rng.next32();
      s += table[g * 256 + (bits & 255)];
      bits >>>= 8;
    }
    if (Math.abs(s) >= T) count++;
  }
  return { p: (1 + count) / (M + 1), method: 'monte-carlo' };
}
