/**
 * A small seeded pseudo-random generator for the resampling statistics (bootstrap, permutation, Monte Carlo exact
 * tests): xoshiro128** (Blackman & Vigna 2018), seeded from a string by the cyrb128 hash. Each table row seeds its own
 * generator from its key (e.g. frame, voice and outlet pair), so a row's numbers depend on that row's data and key
 * alone: not on the order rows are computed in, nor on the worker count. Pure; no global state.
 */

/** Four 32-bit words from a string (cyrb128: a fast, well-mixed non-cryptographic hash). Never all zero. */
export function seedFromKey(key: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  const s: [number, number, number, number] = [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return s;
}

const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/** xoshiro128**: 32-bit outputs, period 2^128 − 1. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = seed;
  }

  /** The next 32 random bits, as an unsigned integer. */
  next32(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.next32() >>> 5; // 27 bits
    const lo = this.next32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /**
   * A uniform integer in 0 … n − 1 (1 ≤ n ≤ 2^32), without modulo bias: x (32 random bits) is drawn again while it lies
   * at or above 2^32 − (2^32 mod n), in the last, incomplete run of n values below 2^32, which is when
   * (⌊x / n⌋ + 1) n > 2^32; else x mod n. One division per draw (the bound's own division was a second one, and the
   * Monte Carlo tests draw with a different n each time). ⌊x / n⌋ without the floating-point remainder (slow in V8 for
   * numbers beyond 32-bit integers) is exact: x / n, when not whole, is at least 1/x ≥ 2^-32 of its size away from the
   * next whole number, far more than a double's rounding (2^-53).
   */
  int(n: number): number {
    if (n <= 1) return 0;
    for (;;) {
      const x = this.next32();
      const q = Math.floor(x / n);
      if ((q + 1) * n <= 4294967296) return x - q * n;
    }
  }
}

/**
 * `draws` tokens drawn without replacement from rows of `sizes[i]` tokens (`total` in all), each pick uniform over the
 * tokens left: the number drawn from each row, into `counts` (`left` is scratch space of the same length). Each pick is
 * `rng.int(tokens left)`, crediting the row its value falls in, in row order.
 */
export function drawWithoutReplacement(rng: Rng, sizes: ArrayLike<number>, total: number, draws: number, counts: Int32Array, left: Float64Array): void {
  const k = counts.length;
  for (let i = 0; i < k; i++) {
    left[i] = sizes[i];
    counts[i] = 0;
  }
  let remaining = total;
  for (let s = 0; s < draws; s++) {
    let u = rng.int(remaining);
    let i = 0;
    while (u >= left[i]) u -= left[i++];
    left[i]--;
    counts[i]++;
    remaining--;
  }
}

/** A generator seeded from `key` (the row's key plus what the numbers are for, e.g. `bootstrap`). */
export function rngFor(key: string): Rng {
  return new Rng(seedFromKey(key));
}

/** The separator of key parts: a character no frame, outlet or event name contains. */
export const KEY_SEP = '\u0000';
