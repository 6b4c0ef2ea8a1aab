/**
 * Multiple-testing adjustment of p-values across a table: Benjamini & Hochberg (1995) step-up, the false discovery
 * rate. Pure. Same values as R's `p.adjust(p, method = "BH")` (test/statistics.test.ts checks it against R).
 */

/**
 * BH q-values, in the order given; nulls (rows with no test) stay null and are not counted in m.
 * q_(i) = min over j ≥ i of min(1, m / j × p_(j)), p sorted ascending (ties: any order gives the same q's).
 */
export function benjaminiHochberg(ps: readonly (number | null)[]): (number | null)[] {
  const idx: number[] = [];
  for (let i = 0; i < ps.length; i++) if (ps[i] !== null) idx.push(i);
  // Descending by p, then by position (a fixed order: the q's do not depend on it, the arithmetic order does not either).
  idx.sort((x, y) => (ps[y] as number) - (ps[x] as number) || x - y);
  const m = idx.length;
  const out: (number | null)[] = ps.map(() => null);
  let running = Infinity;
  for (let r = 0; r < m; r++) {
    const rank = m - r; // 1-based rank in ascending order
    const i = idx[r];
    running = Math.min(running, (m / rank) * (ps[i] as number));
    out[i] = Math.min(1, running);
  }
  return out;
}
