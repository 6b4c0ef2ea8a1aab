/**
 * Terms numbered, with each term's document frequency (the auto grouping's IDF, grouping.ts): the grouping works on
 * the numbers, quicker to hash and compare than the words. No output depends on the numbers: ties are always broken by
 * the words.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Documents having each term, by number. */
  readonly df: number[] = [];
  /** Documents. */
  n = 0;

  /** A term of the corpus and its document frequency (each term once); returns its number. */
  define(word: string, df: number): number {
    const id = this.words.length;
    this.ids.set(word, id);
    this.words.push(word);
    this.df.push(df);
    return id;
  }

  /** Count one document's terms; returns them as [number, count, number, count, …]. */
  add(terms: [string, number][]): number[] {
    this.n++;
    const out = new Array<number>(terms.length * 2);
    for (let k = 0; k < terms.length; k++) {
      const [t, c] = terms[k];
      let id = this.ids.get(t);
      if (id === undefined) id = this.define(t, 0);
      this.df[id]++;
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
