/**
 * The resampling and multiple-testing statistics (src/engine/statistics/): values worked by hand on small inputs and,
 * where R is installed, R's own functions on the same inputs (p.adjust, an exact sign-flip enumeration written in R).
 */
import { benjaminiHochberg } from '../src/engine/statistics/multiplicity.js';
import { bootstrapMeanInterval, bootstrapRatioInterval, percentileInterval } from '../src/engine/statistics/bootstrap.js';
import { signFlipTest } from '../src/engine/statistics/permutation.js';
import { rngFor, seedFromKey } from '../src/engine/statistics/rng.js';
import { chiSquareP } from '../src/aggregate/stats.js';
import { rAvailable, rNumbers } from './helpers/r.js';

const withR = rAvailable ? test : test.skip;
if (!rAvailable) console.warn('statistics.test.ts: R (Rscript) not installed: the comparisons with R are skipped');

const fmt = (xs: number[]) => `c(${xs.map((x) => x.toPrecision(17)).join(',')})`;

describe('seeded generator', () => {
  test('the same key gives the same sequence; another key another', () => {
    const a = rngFor('frame\0all\0A\0B');
    const b = rngFor('frame\0all\0A\0B');
    const c = rngFor('frame\0all\0A\0C');
    const sa = Array.from({ length: 5 }, () => a.next32());
    expect(Array.from({ length: 5 }, () => b.next32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next32())).not.toEqual(sa);
    expect(seedFromKey('')).not.toEqual([0, 0, 0, 0]);
  });
  test('int(n) is uniform: 60,000 draws of int(6), each face within 4 sd of 10,000', () => {
    const r = rngFor('dice');
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    // sd of a face count = sqrt(60000 × 1/6 × 5/6) = 91.3
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(4 * 91.3);
    const u = Array.from({ length: 10_000 }, () => r.uniform());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    // mean of 10,000 uniforms: 0.5 ± 4 × 0.00289
    expect(Math.abs(u.reduce((s, x) => s + x, 0) / u.length - 0.5)).toBeLessThan(4 * 0.00289);
  });
});

describe('Benjamini–Hochberg', () => {
  test('by hand: p = .01, .04, .03, .20 (m = 4)', () => {
    // sorted .01 .03 .04 .20; m/rank × p = .04, .06, .0533, .20; running min from the top: .20, .0533, .0533, .04
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, null]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.04 * 4 / 3, 12);
    expect(q[2]).toBeCloseTo(0.04 * 4 / 3, 12);
    expect(q[3]).toBeCloseTo(0.2, 12);
    expect(q[4]).toBeNull();
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
  });
  withR('equals R p.adjust(method = "BH"), ties included', () => {
    const p = [0.001, 0.2, 0.03, 0.03, 0.5, 0.0449, 0.9, 0.01, 0.01, 0.77, 1, 0.04];
    const ours = benjaminiHochberg(p) as number[];
    const r = rNumbers(`cat(sprintf("%.17g", p.adjust(${fmt(p)}, method = "BH")))`);
    ours.forEach((q, i) => expect(q).toBeCloseTo(r[i], 14));
  });
});

describe('sign-flip permutation test', () => {
  test('by hand: d = (1, 2, 3): 8 sign patterns, |sum| ≥ 6 only for +++ and −−− → p = 2/8', () => {
    expect(signFlipTest([1, 2, 3], 'k')).toEqual({ p: 0.25, method: 'exact' });
  });
  test('by hand: d = (1, 1, −1, 2), observed |sum| = 3 → p = 8/16', () => {
    // x = ±1 ±1 ±1 takes 3 (1 pattern), 1 (3), −1 (3), −3 (1); then ±2: |x ± 2| ≥ 3 for exactly one of the two signs
    // in every case (3: 5 and 1; 1: 3 and 1; −1: 1 and −3; −3: −1 and −5) → 8 of 16 patterns.
    expect(signFlipTest([1, 1, -1, 2], 'k')!.p).toBe(0.5);
  });
  test('all differences zero: p = 1', () => {
    expect(signFlipTest([0, 0, 0, 0], 'k')!.p).toBe(1);
  });
  test('Monte Carlo above 16 pairs: seeded, reproducible, close to the exact value', () => {
    const d = Array.from({ length: 20 }, (_, i) => ((i * 7) % 11) - 4.5 + (i % 3 === 0 ? 1.3 : 0));
    const a = signFlipTest(d, 'x')!;
    expect(a.method).toBe('monte-carlo');
    expect(signFlipTest(d, 'x')).toEqual(a);
    const exact = signFlipTest(d, 'x', 9999, 20)!;
    expect(exact.method).toBe('exact');
    // Monte Carlo standard error at p ≈ exact with M = 9999: sqrt(p(1 − p) / 9999) ≤ 0.005
    expect(Math.abs(a.p - exact.p)).toBeLessThan(0.02);
  });
  withR('exact p equals an enumeration of all 2^n sign patterns in R', () => {
    const cases = [[0.5, 1.2, -0.3, 2.2, 0.9], [3, -1, 4, -1, 5, -9, 2, 6], [0.12, 0.33, 0.05, -0.02, 0.41, 0.27, 0.0, 0.19, -0.08, 0.3, 0.22]];
    for (const d of cases) {
      const r = rNumbers(`d <- ${fmt(d)}; n <- length(d); s <- as.matrix(expand.grid(rep(list(c(1, -1)), n)));
        t <- abs(s %*% d); cat(sprintf("%.17g", mean(t >= abs(sum(d)) - 1e-9 * sum(abs(d)))))`);
      expect(signFlipTest(d, 'k')!.p).toBeCloseTo(r[0], 14);
    }
  });
});

describe('bootstrap percentile intervals', () => {
  test('B = 1999: the 50th and 1950th order statistics', () => {
    const reps = Float64Array.from({ length: 1999 }, (_, i) => 1999 - i); // 1999 … 1
    expect(percentileInterval(reps)).toEqual({ low: 50, high: 1950 });
  });
  test('a constant sample has a zero-width interval; seeded intervals repeat', () => {
    expect(bootstrapMeanInterval([2, 2, 2], 'k')).toEqual({ low: 2, high: 2 });
    const x = [1, 4, 2, 8, 5, 7, 3, 9, 6, 0];
    const a = bootstrapMeanInterval(x, 'key')!;
    expect(bootstrapMeanInterval(x, 'key')).toEqual(a);
    // mean 4.5, sd 3.03, se 0.957: the 95% interval is about 4.5 ± 1.9
    expect(a.low).toBeGreaterThan(2);
    expect(a.low).toBeLessThan(3.2);
    expect(a.high).toBeGreaterThan(5.8);
    expect(a.high).toBeLessThan(7);
  });
  test('ratio interval: pooled hits per 10,000 tokens over articles, articles without tokens left out', () => {
    const ci = bootstrapRatioInterval([2, 0, 5, 1, 3], [1000, 0, 2000, 1000, 1500], 'r', 10_000)!;
    // the point estimate 11 / 5500 × 10,000 = 20 lies inside; no interval reaches beyond the most extreme articles (0 and 30)
    expect(ci.low).toBeLessThan(20);
    expect(ci.high).toBeGreaterThan(20);
    expect(ci.low).toBeGreaterThanOrEqual(10);
    expect(ci.high).toBeLessThanOrEqual(30);
    expect(bootstrapRatioInterval([1], [0], 'r')).toBeNull();
  });
});

describe('chi-square p-values from @stdlib', () => {
  withR('equal R pchisq(lower.tail = FALSE) to 1e-12', () => {
    const xs = [0.01, 0.5, 1, 3.841459, 6.25, 10, 20, 40];
    const dfs = [1, 2, 3, 5, 10];
    const r = rNumbers(`for (df in ${fmt(dfs)}) for (x in ${fmt(xs)}) cat(sprintf("%.17g ", pchisq(x, df, lower.tail = FALSE)))`);
    let k = 0;
    for (const df of dfs) for (const x of xs) expect(Math.abs(chiSquareP(x, df) - r[k++])).toBeLessThan(1e-12);
  });
});
