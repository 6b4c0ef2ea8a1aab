import fc from 'fast-check';
import { readText, type NlpDoc } from '../src/nlp/index.js';
import { articleTerms, normaliseTerm, STOPWORDS } from '../src/analysis/terms.js';

/** The plain definition normaliseTerm is a faster form of (regexes on every token). */
function referenceTerm(lower: string): string | null {
  const w = lower.replace(/’/g, "'");
  if (w.length < 2 || !/^[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]$/u.test(w)) return null;
  if (w.startsWith("'") || w === "n't") return null;
  const base = w.endsWith("'s") ? w.slice(0, -2) : w;
  return base.length < 2 || STOPWORDS.has(base) ? null : base;
}

/** The plain definition articleTerms is a faster form of: a term per word token, counted, sorted by `<`. */
function reference(doc: NlpDoc): [string, number][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < doc.lower.length; i++) {
    if (['PUNCT', 'SPACE', 'SYM', 'NUM'].includes(doc.pos[i])) continue;
    const t = referenceTerm(doc.lower[i]);
    if (t !== null) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

describe('articleTerms', () => {
  const text =
    "Trump's trump TRUMP said résumé resume Résumés rest rests restore zebra Zebras Ärger ab abc abd ab-c don’t " +
    "Trump’s well-known immigrants immigrant immigration 2019 $ # … Éclair eclair ﬁne fine über uber";

  test('counts lowercase word forms, possessives with their word, sorted by UTF-16 code units', () => {
    const got = articleTerms(readText(text));
    expect(got).toEqual(reference(readText(text)));
    expect(got.find(([t]) => t === 'trump')).toEqual(['trump', 4]);
    expect(got.map(([t]) => t)).toEqual([...got.map(([t]) => t)].sort());
  });

  test('counts start again for every article, whatever came before', () => {
    const a = readText(text);
    const b = readText('Zebra zebra rest. Immigration immigration immigration.');
    const first = articleTerms(a);
    expect(articleTerms(b)).toEqual([['immigration', 3], ['rest', 1], ['zebra', 2]]);
    expect(articleTerms(a)).toEqual(first);
    expect(articleTerms(readText(''))).toEqual([]);
  });

  test('normaliseTerm agrees with the plain definition on random strings (property)', () => {
    const chars = ['a', 'b', 'Z', 's', 'n', 't', "'", '’', '-', '1', '.', ' ', 'é', '\u0301', 'ß', 'Ω', '_'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 7 }), (cs) => {
        expect(normaliseTerm(cs.join(''))).toBe(referenceTerm(cs.join('')));
      }),
      { numRuns: 5000 },
    );
    for (const w of ['the', "trump's", "n't", "'s", 'ab', 'a', 'a-b', 'a-', "o'neill", 'x’s', 'é’s', 'naïve', 'e\u0301']) {
      expect(normaliseTerm(w)).toBe(referenceTerm(w));
    }
  });

  test('agrees with the plain definition on random text (property)', () => {
    const words = ['Trump', "Trump's", 'trump’s', 'said', 'rest', 'résumé', 'Résumé', 'ab', 'a', 'abc', 'Ab-c', 'don’t',
      'n’t', "'s", 'über', 'Zebra', 'zz', 'z', '42', ',', '.', '-', '“', '”', '\n\n', 'éa', 'ea', 'e', 'ßa', 'Ωmega'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (ws) => {
        const doc = readText(ws.join(' '));
        expect(articleTerms(doc)).toEqual(reference(doc));
        // A hand-built document has no word ids: the string path must count the same.
        expect(articleTerms({ ...doc, lowerId: undefined })).toEqual(reference(doc));
      }),
      { numRuns: 200 },
    );
  });
});
