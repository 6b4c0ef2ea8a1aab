/** A seeded generator for property tests: random(n) gives 0 … n − 1, the same sequence for the same seed. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((s / 2 ** 31) * n); // the high bits (the low bits of this generator cycle quickly)
  };
}
