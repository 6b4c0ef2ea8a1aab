/**
 * Exact test for a k × 2 contingency table (outlets × {frame hits, other tokens}): the Fisher–Freeman–Halton test
 * (Freeman & Halton 1951; Mehta & Patel 1983 for the network algorithm R uses). Conditional on both margins (each
 * outlet's tokens and the event's total hits), the table's probability is multivariate hypergeometric:
 *   P(x) = Π_i C(n_i, x_i) / C(N, H),   n_i = outlet i's tokens, x_i its hits, N = Σ n_i, H = Σ x_i,
 * and p = Σ P(y) over every table y with P(y) ≤ P(x) (relative tolerance 1e-7, as R's fisher.test).
 *   - exact: all tables enumerated when there are at most EXACT_MAX_TABLES of them;
 *   - otherwise Monte Carlo: M tables drawn with the margins fixed (H tokens drawn without replacement from N, seeded
 *     from the row's key), p = (1 + #{P(y) ≤ P(x)}) / (M + 1).
 * Assumes the tokens are exchangeable within the event: every token of the event equally likely to be a hit under the
 * null. Tokens within an article are not independent (a frame word repeats), so the test is, like the chi-square,
 * descriptive screening. Pure.
 *
 * Input: per outlet, hits (integer) and tokens (integer); outlets with no tokens are left out.
 */
import { drawWithoutReplacement, rngFor } from './rng.js';

/** Largest number of tables enumerated exactly. */
export const EXACT_MAX_TABLES = 200_000;
/** Monte Carlo tables above that. */
export const MONTE_CARLO_TABLES = 9999;
/** Below this smallest expected count the chi-square approximation is not trusted and the exact test is computed. */
export const MIN_EXPECTED_FOR_CHI2 = 5;

export interface ExactTestResult {
  p: number;
  method: 'exact' | 'monte-carlo';
}

/** ln C(n, x) for x = 0 … xmax, by the recurrence C(n, x + 1) = C(n, x) (n − x) / (x + 1). */
function logChooseRow(n: number, xmax: number): Float64Array {
  const out = new Float64Array(xmax + 1);
  for (let x = 0; x < xmax; x++) out[x + 1] = out[x] + Math.log(n - x) - Math.log(x + 1);
  return out;
}

/** Tables with these margins (row i takes 0 … n_i of the S), counted with saturation at `limit + 1`. */
function countTables(n: readonly number[], S: number, limit: number): number {
  // ways[h] = ways the rows so far take h in all; next[h] = Σ_{x = 0 … min(n_i, h)} ways[h − x] (a sliding sum).
  let ways = new Float64Array(S + 1);
  ways[0] = 1;
  for (const ni of n) {
    const next = new Float64Array(S + 1);
    let window = 0;
    for (let h = 0; h <= S; h++) {
      window += ways[h];
      if (h - ni - 1 >= 0) window -= ways[h - ni - 1];
      next[h] = Math.min(window, limit + 1);
    }
    ways = next;
  }
  return ways[S];
}

/**
 * The Fisher–Freeman–Halton p-value of hits[i] of totals[i] tokens. Null when fewer than two outlets have tokens or
 * no (or every) token is a hit.
 */
export function fisherFreemanHalton(
  hits: readonly number[],
  totals: readonly number[],
  key: string,
  M = MONTE_CARLO_TABLES,
  maxTables = EXACT_MAX_TABLES,
): ExactTestResult | null {
  const x: number[] = [];
  const n: number[] = [];
  for (let i = 0; i < hits.length; i++) {
    if (totals[i] > 0) {
      x.push(hits[i]);
      n.push(totals[i]);
    }
  }
  const k = n.length;
  if (k < 2) return null;
  const N = n.reduce((s, v) => s + v, 0);
  const H = x.reduce((s, v) => s + v, 0);
  if (H === 0 || H === N) return null;
  // Work with the smaller column (hits or non-hits): the same tables, fewer to enumerate or draw.
  const flip = H > N - H;
  const obs = flip ? x.map((v, i) => n[i] - v) : x;
  const S = flip ? N - H : H;
  const lc = n.map((ni) => logChooseRow(ni, Math.min(ni, S)));
  let logObs = 0;
  for (let i = 0; i < k; i++) logObs += lc[i][obs[i]];
  const threshold = logObs + Math.log1p(1e-7);

  if (countTables(n, S, maxTables) <= maxTables) {
    // Enumerate: rows in order, the last row takes what is left. Probabilities relative to the observed table, summed
    // in a fixed order; normalised by their total (so C(N, S) is never needed).
    const cap = n.map((ni) => Math.min(ni, S));
    const suffixCap = new Array<number>(k + 1).fill(0);
    for (let i = k - 1; i >= 0; i--) suffixCap[i] = suffixCap[i + 1] + cap[i];
    let total = 0;
    let tail = 0;
    const walk = (i: number, left: number, logp: number): void => {
      if (i === k - 1) {
        if (left > cap[i]) return;
        const lp = logp + lc[i][left];
        const w = Math.exp(lp - logObs);
        total += w;
        if (lp <= threshold) tail += w;
        return;
      }
      const lo = Math.max(0, left - suffixCap[i + 1]);
      const hi = Math.min(cap[i], left);
      for (let v = lo; v <= hi; v++) walk(i + 1, left - v, logp + lc[i][v]);
    };
    walk(0, S, 0);
    return { p: Math.min(1, tail / total), method: 'exact' };
  }

  const rng = rngFor(key);
  // Draw S tokens without replacement: each draw picks a remaining token uniformly and credits its row.
  const left = new Float64Array(k);
  const y = new Int32Array(k);
  let count = 0;
  for (let m = 0; m < M; m++) {
    drawWithoutReplacement(rng, n, N, S, y, left);
    let lp = 0;
    for (let i = 0; i < k; i++) lp += lc[i][y[i]];
    if (lp <= threshold) count++;
  }
  return { p: (1 + count) / (M + 1), method: 'monte-carlo' };
}

/**
 * frame_comparison.csv's exact p-value: the Fisher–Freeman–Halton test of an event × frame's k × 2 table, computed only
 * when the chi-square screening is unreliable (smallest expected count below MIN_EXPECTED_FOR_CHI2); null otherwise or
 * when there is no test. Seeded from the event and frame, so a row's value does not depend on the other rows.
 */
export function screenedExactTest(
  event: string,
  frame: string,
  hits: readonly number[],
  totals: readonly number[],
  minExpected: number | null,
): ExactTestResult | null {
  if (!needsExactTest(minExpected)) return null;
  return fisherFreemanHalton(hits, totals, `ffh\u0000${event}\u0000${frame}`);
}

/**
 * Whether the chi-square screening is unreliable (smallest expected count below MIN_EXPECTED_FOR_CHI2), so that
 * frame_comparison gets the exact test.
 */
export function needsExactTest(minExpected: number | null): boolean {
  return minExpected !== null && minExpected < MIN_EXPECTED_FOR_CHI2;
}
