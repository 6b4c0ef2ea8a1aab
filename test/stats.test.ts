/** Statistics against values computed by hand (arithmetic in the comments). Natural logarithms throughout. */
import { chiSquareP, holm, homogeneity, logOddsDirichlet, sig } from '../src/engine/stats.js';

describe('chi-square p-values', () => {
  test('known quantiles: 3.841 (df 1), 5.991 (df 2), 7.815 (df 3) are the 5% critical values', () => {
    expect(chiSquareP(3.841459, 1)).toBeCloseTo(0.05, 5);
    expect(chiSquareP(5.991465, 2)).toBeCloseTo(0.05, 5);
    expect(chiSquareP(7.814728, 3)).toBeCloseTo(0.05, 5);
    expect(chiSquareP(6.634897, 1)).toBeCloseTo(0.01, 5);
  });
  test('df 2 has the closed form exp(-x/2)', () => {
    for (const x of [0.5, 2, 10, 40]) expect(chiSquareP(x, 2)).toBeCloseTo(Math.exp(-x / 2), 12);
  });
  test('p(0) = 1 and p decreases with the statistic', () => {
    expect(chiSquareP(0, 3)).toBe(1);
    expect(chiSquareP(2, 3)).toBeGreaterThan(chiSquareP(4, 3));
  });
});

describe('homogeneity test for a k x 2 table (hits vs other tokens per outlet)', () => {
  test('2 x 2: outlet A 10 hits in 100 tokens, outlet B 20 in 100', () => {
    // Table [[10, 90], [20, 80]]; column totals 30 and 170; n = 200; expected = 15, 85 in each row.
    // chi2 = 2 * (5^2/15 + 5^2/85) = 2 * (1.666667 + 0.294118) = 3.921569
    // G2 = 2 * (10 ln(10/15) + 90 ln(90/85) + 20 ln(20/15) + 80 ln(80/85))
    //    = 2 * (-4.054651 + 5.144257 + 5.753641 - 4.849970) = 3.986556
    const t = homogeneity([10, 20], [100, 100])!;
    expect(t.chi2).toBeCloseTo(3.921569, 5);
    expect(t.g2).toBeCloseTo(3.986556, 5);
    expect(t.df).toBe(1);
    expect(t.minExpected).toBeCloseTo(15, 10);
    expect(t.p).toBeCloseTo(0.04767, 4); // just under the 3.841 critical value's 5%
  });
  test('3 x 2: hits 5/50, 10/50, 15/50', () => {
    // column totals 30 and 120 of n = 150; expected hits 10 per row, expected others 40 per row.
    // chi2 = (25/10 + 25/40) + 0 + (25/10 + 25/40) = 6.25
    // G2 = 2 * (5 ln .5 + 45 ln 1.125 + 10 ln 1 + 40 ln 1 + 15 ln 1.5 + 35 ln .875)
    //    = 2 * (-3.465736 + 5.300237 + 0 + 0 + 6.081977 - 4.673599) = 6.485757
    const t = homogeneity([5, 10, 15], [50, 50, 50])!;
    expect(t.chi2).toBeCloseTo(6.25, 10);
    expect(t.g2).toBeCloseTo(6.485757, 5);
    expect(t.df).toBe(2);
    expect(t.p).toBeCloseTo(Math.exp(-6.25 / 2), 10);
  });
  test('no test when fewer than two outlets have tokens, or the frame never occurs', () => {
    expect(homogeneity([3], [100])).toBeNull();
    expect(homogeneity([0, 0], [100, 200])).toBeNull();
    expect(homogeneity([2, 3], [0, 100])).toBeNull();
  });
});

test('Holm adjustment: sorted p times (m - rank), made monotone, nulls kept', () => {
  // p = .01, .04, .03 → sorted .01 (x3 = .03), .03 (x2 = .06), .04 (x1 = .04 → max(.06, .04) = .06)
  const adj = holm([0.01, 0.04, null, 0.03]);
  expect(adj[0]).toBeCloseTo(0.03, 12);
  expect(adj[1]).toBeCloseTo(0.06, 12);
  expect(adj[2]).toBeNull();
  expect(adj[3]).toBeCloseTo(0.06, 12);
  // .8 x 2 = 1.6 → capped at 1; .9 x 1 = .9 → monotone: max(1, .9) = 1
  expect(holm([0.9, 0.8])).toEqual([1, 1]);
});

test('Monroe et al. log-odds with an informative Dirichlet prior', () => {
  // Word w: outlet i uses it 10 times in 1000 words, the others 5 times in 2000 words; prior count α_w = 3 of α0 = 300.
  // δ = ln((10+3)/(1000+300-10-3)) - ln((5+3)/(2000+300-5-3)) = ln(13/1287) - ln(8/2292)
  //   = -4.595120 - (-5.657739) = 1.062619;  σ² = 1/13 + 1/8 = 0.201923;  z = 1.062619 / 0.449359 = 2.364746
  const r = logOddsDirichlet(10, 1000, 5, 2000, 3, 300);
  expect(r.logOdds).toBeCloseTo(1.062619, 5);
  expect(r.variance).toBeCloseTo(0.201923, 6);
  expect(r.z).toBeCloseTo(2.364746, 5);
  // Symmetry: swapping the groups flips the sign.
  expect(logOddsDirichlet(5, 2000, 10, 1000, 3, 300).z).toBeCloseTo(-r.z, 10);
});

test('sig rounds to significant digits deterministically', () => {
  expect(sig(55.741360089186)).toBe(55.7414);
  expect(sig(0.000123456789)).toBe(0.000123457);
  expect(sig(0)).toBe(0);
});
