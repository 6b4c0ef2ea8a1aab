/**
 * The resampling and multiple-testing statistics (src/engine/statistics/): values worked by hand on small inputs and,
 * where R is installed, R's own functions on the same inputs (p.adjust, an exact sign-flip enumeration written in R).
 */
import { benjaminiHochberg } from '../src/engine/statistics/multiplicity.js';
import { bootstrapMeanInterval, bootstrapRatioInterval, percentileInterval } from '../src/engine/statistics/bootstrap.js';
import { signFlipTest } from '../src/engine/statistics/permutation.js';
import { drawWithoutReplacement, rngFor, seedFromKey } from '../src/engine/statistics/rng.js';
import { chiSquareP } from '../src/engine/stats.js';
import { fisherFreemanHalton, screenedExactTest } from '../src/engine/statistics/contingency.js';
import { CONTRAST_COLUMNS, outletContrasts, type EventOutletFrameHits, type EventOutletTokens } from '../src/engine/statistics/contrasts.js';
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
  test('int(n) gives what next32 with rejection and % gives, for small, odd and near-2^32 n', () => {
    // The reference: the generator's numbers as int(n) was first written (floating-point %).
    const reference = (r: ReturnType<typeof rngFor>, n: number) => {
      if (n <= 1) return 0;
      const limit = 4294967296 - (4294967296 % n);
      let x = r.next32();
      while (x >= limit) x = r.next32();
      return x % n;
    };
    const ns = [1, 2, 3, 6, 7, 1000, 65_537, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 3_000_000_019, 2 ** 32 - 1, 2 ** 32];
    const a = rngFor('mod');
    const b = rngFor('mod');
    for (let i = 0; i < 20_000; i++) {
      const n = ns[i % ns.length];
      expect(a.int(n)).toBe(reference(b, n));
    }
  });
  test('drawWithoutReplacement: the counts and the stream of `draws` picks by int(tokens left)', () => {
    const sizes = [5, 0, 12, 1, 30];
    const total = 48;
    const fast = rngFor('urn');
    const slow = rngFor('urn');
    const counts = new Int32Array(sizes.length);
    const left = new Float64Array(sizes.length);
    for (const draws of [0, 1, 7, 48]) {
      drawWithoutReplacement(fast, sizes, total, draws, counts, left);
      const expected = new Array(sizes.length).fill(0);
      const remaining = [...sizes];
      for (let s = 0, n = total; s < draws; s++, n--) {
        let u = slow.int(n);
        let i = 0;
        while (u >= remaining[i]) u -= remaining[i++];
        remaining[i]--;
        expected[i]++;
      }
      expect([...counts]).toEqual(expected);
      if (draws === total) expect([...counts]).toEqual(sizes);
    }
    // The generator goes on where the picks left it.
    expect(fast.next32()).toBe(slow.next32());
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
  test('the bounds are the values a sort puts there (selection, not a sort): ties, −0, NaN, any size and level', () => {
    const r = rngFor('select');
    const pools = [() => r.uniform(), () => r.int(3), () => [0, -0, NaN, 1, -1][r.int(5)], () => (r.int(10) ? 0 : r.uniform())];
    for (let t = 0; t < 2000; t++) {
      const B = [1, 2, 3, 10, 39, 1999][t % 6];
      const draw = pools[t % pools.length];
      const reps = Float64Array.from({ length: B }, draw);
      for (const level of [0.95, 0.9, 0.5]) {
        const sorted = reps.slice().sort();
        const lo = Math.max(1, Math.floor((B + 1) * ((1 - level) / 2)));
        const hi = Math.min(B, Math.ceil((B + 1) * (1 - (1 - level) / 2)));
        const ci = percentileInterval(reps.slice(), level);
        expect(Object.is(ci.low, sorted[lo - 1]) && Object.is(ci.high, sorted[hi - 1])).toBe(true);
      }
    }
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

describe('Fisher–Freeman–Halton exact test for a k × 2 table', () => {
  test('by hand, 2 × 2: hits 3 of 4 and 1 of 4 tokens → p = 34/70', () => {
    // H = 4 hits among N = 8 tokens, rows of 4: P(x1) = C(4, x1) C(4, 4 − x1) / C(8, 4) = (1, 16, 36, 16, 1) / 70;
    // observed x1 = 3 has 16/70; tables at most as likely: x1 = 0, 1, 3, 4 → 34/70.
    const r = fisherFreemanHalton([3, 1], [4, 4], 'k')!;
    expect(r.method).toBe('exact');
    expect(r.p).toBeCloseTo(34 / 70, 14);
  });
  test('by hand, 3 × 2: one hit in each of three rows of 2 tokens is the most likely table → p = 1', () => {
    // H = 3 of N = 6, rows of 2: P(1,1,1) = 8/20 is the mode, so every table is at most as likely.
    expect(fisherFreemanHalton([1, 1, 1], [2, 2, 2], 'k')!.p).toBeCloseTo(1, 14);
    // (2, 1, 0) has P = C(2,2) C(2,1) C(2,0) / 20 = 2/20; tables with P ≤ 2/20: all but (1,1,1) → 12/20
    expect(fisherFreemanHalton([2, 1, 0], [2, 2, 2], 'k')!.p).toBeCloseTo(12 / 20, 14);
  });
  test('no test with one outlet, no hits or no tokens', () => {
    expect(fisherFreemanHalton([1], [10], 'k')).toBeNull();
    expect(fisherFreemanHalton([0, 0], [10, 10], 'k')).toBeNull();
    expect(fisherFreemanHalton([1, 2], [0, 10], 'k')).toBeNull();
  });
  test('Monte Carlo when the tables are many: seeded, reproducible, close to the exact value', () => {
    const hits = [1, 4, 0, 9];
    const totals = [300, 500, 200, 900];
    const exact = fisherFreemanHalton(hits, totals, 'k')!;
    expect(exact.method).toBe('exact');
    const mc = fisherFreemanHalton(hits, totals, 'k', 9999, 10)!;
    expect(mc.method).toBe('monte-carlo');
    expect(fisherFreemanHalton(hits, totals, 'k', 9999, 10)).toEqual(mc);
    // standard error sqrt(p (1 − p) / 9999) ≤ 0.005
    expect(Math.abs(mc.p - exact.p)).toBeLessThan(0.02);
  });
  withR('exact p equals R fisher.test on the same tables', () => {
    const tables: [number[], number[]][] = [
      [[3, 1], [4, 4]],
      [[2, 0, 5], [150, 80, 400]],
      [[1, 4, 0, 9], [300, 500, 200, 900]],
      [[0, 3, 1, 0, 2], [120, 90, 60, 200, 45]],
      [[8, 2, 5], [10, 5, 9]], // more hits than other tokens: the other column is enumerated
    ];
    for (const [hits, totals] of tables) {
      const r = rNumbers(`x <- ${fmt(hits)}; n <- ${fmt(totals)};
        cat(sprintf("%.17g", fisher.test(cbind(x, n - x), workspace = 2e7)$p.value))`);
      expect(fisherFreemanHalton(hits, totals, 'k')!.p).toBeCloseTo(r[0], 9);
    }
  });
});

describe('outlet_contrasts rows', () => {
  // Outlets A and B cover events e1–e3; C covers e1 and e2 only.
  //   e1: A 1000 tokens, 2 author hits → 20 per 10k; B 2000 tokens, 1 author → 5;   C 1000, 0 → 0
  //   e2: A 500, 1 quote → 20 (all), 0 author;          B 1000, 0 → 0;            C 1000, 1 author → 10
  //   e3: A 2000, 1 paraphrase → 5 (all);               B 1000, 2 author → 20
  const tokens: EventOutletTokens[] = [
    { event: 'e1', outlet: 'A', tokens: 1000 }, { event: 'e1', outlet: 'B', tokens: 2000 }, { event: 'e1', outlet: 'C', tokens: 1000 },
    { event: 'e2', outlet: 'A', tokens: 500 }, { event: 'e2', outlet: 'B', tokens: 1000 }, { event: 'e2', outlet: 'C', tokens: 1000 },
    { event: 'e3', outlet: 'A', tokens: 2000 }, { event: 'e3', outlet: 'B', tokens: 1000 },
  ];
  const hits: EventOutletFrameHits[] = [
    { event: 'e1', outlet: 'A', frame: 'chaos', author: 2, quote: 0, paraphrase: 0 },
    { event: 'e1', outlet: 'B', frame: 'chaos', author: 1, quote: 0, paraphrase: 0 },
    { event: 'e2', outlet: 'A', frame: 'chaos', author: 0, quote: 1, paraphrase: 0 },
    { event: 'e2', outlet: 'C', frame: 'chaos', author: 1, quote: 0, paraphrase: 0 },
    { event: 'e3', outlet: 'A', frame: 'chaos', author: 0, quote: 0, paraphrase: 1 },
    { event: 'e3', outlet: 'B', frame: 'chaos', author: 2, quote: 0, paraphrase: 0 },
  ];
  const rows = outletContrasts(['chaos', 'humane'], tokens, hits);
  const row = (frame: string, voice: string, a: string, b: string) =>
    Object.fromEntries(CONTRAST_COLUMNS.map((c, i) => [c, rows.find((r) => r[0] === frame && r[1] === voice && r[2] === a && r[3] === b)![i]]));

  test('one row per frame × voice × pair, in frame, voice, outlet order', () => {
    expect(rows).toHaveLength(2 * 4 * 3);
    expect(rows.slice(0, 4).map((r) => r.slice(0, 4))).toEqual([
      ['chaos', 'all', 'A', 'B'], ['chaos', 'all', 'A', 'C'], ['chaos', 'all', 'B', 'C'], ['chaos', 'author', 'A', 'B'],
    ]);
  });
  test('A vs B, all voices: means 15 and 8.33333 over 3 events, exact sign-flip p = 6/8', () => {
    // d = (15, 20, −15), Σ = 20; the eight sums ±15 ±20 ±15 are 50, 20, 10, −20, 20, −10, −20, −50: six have |s| ≥ 20.
    const r = row('chaos', 'all', 'A', 'B');
    expect(r).toMatchObject({ events: 3, mean_a_per_10k: 15, mean_b_per_10k: 8.33333, diff_per_10k: 6.66667, p_value: 0.75, p_method: 'exact' });
    expect(r.ci_low as number).toBeLessThanOrEqual(6.66667);
    expect(r.ci_high as number).toBeGreaterThanOrEqual(6.66667);
    // a bootstrap mean of three differences lies between the smallest and the largest
    expect(r.ci_low as number).toBeGreaterThanOrEqual(-15);
    expect(r.ci_high as number).toBeLessThanOrEqual(20);
  });
  test('voices split the hits: A\'s author rates are 20, 0, 0', () => {
    expect(row('chaos', 'author', 'A', 'B')).toMatchObject({ mean_a_per_10k: 6.66667, mean_b_per_10k: 8.33333 });
    expect(row('chaos', 'paraphrase', 'A', 'B')).toMatchObject({ mean_a_per_10k: 1.66667, mean_b_per_10k: 0 });
  });
  test('fewer than 3 shared events: means, but no interval, p or q', () => {
    expect(row('chaos', 'all', 'A', 'C')).toMatchObject({ events: 2, mean_a_per_10k: 20, mean_b_per_10k: 5, ci_low: null, ci_high: null, p_value: null, q_value: null });
  });
  test('q-values: Benjamini–Hochberg over the rows with a p-value', () => {
    const ps = rows.map((r) => r[10]).filter((p): p is number => typeof p === 'number');
    const qs = rows.map((r) => r[11]).filter((q): q is number => typeof q === 'number');
    expect(qs).toHaveLength(ps.length);
    expect(ps.length).toBe(2 * 4); // A–B in every frame × voice
    expect(qs).toEqual(benjaminiHochberg(ps).map((q) => Number(q!.toPrecision(6))));
  });
  test('a pair\'s rows do not depend on the other outlets (seeds come from the row\'s own key)', () => {
    const withoutC = outletContrasts(['chaos', 'humane'], tokens.filter((t) => t.outlet !== 'C'), hits.filter((h) => h.outlet !== 'C'));
    const ab = (rs: typeof rows) => rs.filter((r) => r[2] === 'A' && r[3] === 'B').map((r) => r.slice(0, 11));
    // q-values differ (another family), everything else is the same
    expect(ab(withoutC)).toEqual(ab(rows));
  });
  test('the same rows whatever the input order', () => {
    expect(outletContrasts(['chaos', 'humane'], [...tokens].reverse(), [...hits].reverse())).toEqual(rows);
  });
});

test('frame_comparison: the exact test only where the smallest expected count is below 5', () => {
  expect(screenedExactTest('e', 'chaos', [10, 20], [100, 100], 15)).toBeNull();
  expect(screenedExactTest('e', 'chaos', [3, 1], [4, 4], 2)).toEqual({ p: fisherFreemanHalton([3, 1], [4, 4], 'k')!.p, method: 'exact' });
  expect(screenedExactTest('e', 'chaos', [3, 1], [4, 4], null)).toBeNull();
});
