/**
 * Statistics for comparing outlets, pure and checked against hand-computed values in test/stats.test.ts.
 * Natural logarithms throughout.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';

/** Upper-tail p-value of a chi-square statistic with `df` degrees of freedom (1 − CDF, from @stdlib's chi-square CDF). */
export function chiSquareP(stat: number, df: number): number {
  if (df <= 0) return 1;
  if (stat <= 0) return 1;
  return Math.min(1, Math.max(0, 1 - chisquareCdf(stat, df)));
}


export interface HomogeneityTest {
  chi2: number;
  g2: number;
  df: number;
  p: number;
  pG2: number;
  /** Smallest expected cell count: below 5 the chi-square approximation is unreliable. */
  minExpected: number;
}

/**
 * Test of homogeneity for a k × 2 table: group i has `hits[i]` of `totals[i]` tokens. Pearson's chi-square (no
 * continuity correction) and the likelihood-ratio G², both with df = k − 1. Groups with no tokens are left out.
 * Returns null when fewer than two groups have tokens or the frame never (or always) occurs.
 */
export function homogeneity(hits: number[], totals: number[]): HomogeneityTest | null {
  const rows: [number, number][] = [];
  for (let i = 0; i < hits.length; i++) if (totals[i] > 0) rows.push([hits[i], totals[i] - hits[i]]);
  if (rows.length < 2) return null;
  const n = rows.reduce((s, r) => s + r[0] + r[1], 0);
  const col = [rows.reduce((s, r) => s + r[0], 0), rows.reduce((s, r) => s + r[1], 0)];
  if (col[0] === 0 || col[1] === 0) return null;
  let chi2 = 0;
  let g2 = 0;
  let minExpected = Infinity;
  for (const r of rows) {
    const rowTotal = r[0] + r[1];
    for (let j = 0; j < 2; j++) {
      const e = (rowTotal * col[j]) / n;
      minExpected = Math.min(minExpected, e);
      chi2 += (r[j] - e) ** 2 / e;
      if (r[j] > 0) g2 += 2 * r[j] * Math.log(r[j] / e);
    }
  }
  const df = rows.length - 1;
  return { chi2, g2, df, p: chiSquareP(chi2, df), pG2: chiSquareP(g2, df), minExpected };
}

/** Holm–Bonferroni adjusted p-values (same order as given; nulls stay null). */
export function holm(ps: (number | null)[]): (number | null)[] {
  const idx = ps.map((p, i) => [p, i] as const).filter((x): x is readonly [number, number] => x[0] !== null);
  idx.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = 0;
  idx.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

export interface LogOdds {
  logOdds: number;
  variance: number;
  z: number;
}

/**
 * Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 16–18: log-odds ratio of a word in group i vs group j with an
 * informative Dirichlet prior. y = the word's count, n = all words of the group, alpha = the word's prior count,
 * alpha0 = the sum of prior counts.
 *   δ = ln((y_i + α)/(n_i + α0 − y_i − α)) − ln((y_j + α)/(n_j + α0 − y_j − α)),  σ² ≈ 1/(y_i + α) + 1/(y_j + α),
 *   z = δ / σ.
 */
export function logOddsDirichlet(yi: number, ni: number, yj: number, nj: number, alpha: number, alpha0: number): LogOdds {
  const logOdds = Math.log((yi + alpha) / (ni + alpha0 - yi - alpha)) - Math.log((yj + alpha) / (nj + alpha0 - yj - alpha));
  const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
  return { logOdds, variance, z: logOdds / Math.sqrt(variance) };
}

/** Round to `digits` significant digits, deterministically (CSV cells stay short and stable). */
export function sig(x: number, digits = 6): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}
