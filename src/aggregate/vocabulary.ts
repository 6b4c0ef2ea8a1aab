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
