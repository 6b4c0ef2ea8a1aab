/**
 * Terms numbered in order of first sight, with what the corpus-wide statistics need of each: its document frequency
 * (the auto grouping's IDF, events.ts) and its total count (the log-odds prior of distinctive_terms, tables.ts). The
 * comparison tables and the grouping work on the numbers: quicker to hash, compare, store and read back from a spill
 * file than the words. Numbers follow the order records are added in (seq order in the pipeline, whatever the worker
 * count); no output depends on them, since ties are always broken by the words.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Documents having each term, by number. */
  readonly df: number[] = [];
  /** Each term's summed count, by number, and the sum of all counts. */
  readonly counts: number[] = [];
  total = 0;
  /** Documents added. */
  n = 0;

  /** Count one document's terms; returns them as [number, count, number, count, …]. */
  add(terms: [string, number][]): number[] {
    this.n++;
    const out = new Array<number>(terms.length * 2);
    for (let k = 0; k < terms.length; k++) {
      const [t, c] = terms[k];
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.words.length;
        this.ids.set(t, id);
        this.words.push(t);
        this.df.push(0);
        this.counts.push(0);
      }
      this.df[id]++;
      this.counts[id] += c;
      this.total += c;
      out[2 * k] = id;
      out[2 * k + 1] = c;
    }
    return out;
  }

  /** The number of a word, if it is a term of the corpus. */
  numberOf(word: string): number | undefined {
    return this.ids.get(word);
  }
}

/**
 * Counts by term number: an open-addressing hash table (linear probing) in typed arrays. Speed: summing each article's
 * terms into its event × outlet's counts was the largest part of the reduce's summing as a Map<number, number>.
 * `forEach` visits terms in an order fixed by the terms added (no output depends on it: ties are broken by the words).
 */
export class TermCounts {
  private keys: Int32Array;
  private values: Float64Array;
  /** Distinct terms counted. */
  size = 0;

  /** Slots double when half are taken (a power of two, for the mask in `slot`). */
  private static readonly FIRST_SLOTS = 32;

  constructor() {
    this.keys = new Int32Array(TermCounts.FIRST_SLOTS).fill(-1);
    this.values = new Float64Array(TermCounts.FIRST_SLOTS);
  }

  private slot(term: number): number {
    const mask = this.keys.length - 1;
    let i = Math.imul(term, 0x9e3779b1) & mask;
    while (this.keys[i] !== term && this.keys[i] !== -1) i = (i + 1) & mask;
    return i;
  }

  add(term: number, by: number): void {
    const i = this.slot(term);
    if (this.keys[i] === term) {
      this.values[i] += by;
      return;
    }
    this.keys[i] = term;
    this.values[i] = by;
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  /** The count of `term`, 0 if never added. */
  get(term: number): number {
    const i = this.slot(term);
    return this.keys[i] === term ? this.values[i] : 0;
  }

  forEach(f: (term: number, count: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== -1) f(this.keys[i], this.values[i]);
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Float64Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.values[j] = values[i];
    }
  }
}
