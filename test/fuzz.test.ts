/**
 * Property test: random and mutated articles through the whole per-article analysis. No exception escapes, every span
 * lies inside the text and slices back to the written text, quotes do not overlap, hits agree with their quote.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/analysis/analyze.js';
import { loadLexicons } from '../src/framing/lexicon.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import { packageFile } from '../src/paths.js';
import { isParaphrase, isScareQuote } from '../src/framing/match.js';
import type { Article } from '../src/types.js';

const analyzer = createAnalyzer({
  version: 'test',
  quotes: loadQuoteSettings(),
  lexicons: loadLexicons([packageFile('pipeline/lexicons/immigration.yml')]),
  settingsKey: 'test',
});

const seedText = readFileSync(packageFile('corpora/seeds/003_5d1bce360c1d6d3b.txt'), 'utf8');

function article(text: string): Article {
  return { id: 'x', seq: 0, outlet: 'o', date: '', event: '', title: '', url: '', text, source: { input: 'fuzz', line: 1 }, extra: {} };
}

function checkInvariants(text: string): void {
  const rec = analyzer.analyze(article(text));
  for (const [i, q] of rec.quotes.entries()) {
    // In text order; two quotes either do not overlap or one lies wholly inside the other (nesting), never cross.
    for (const o of rec.quotes.slice(0, i)) {
      expect(o.start).toBeLessThanOrEqual(q.start);
      const crossing = q.start < o.end && q.end > o.end;
      expect(crossing).toBe(false);
    }
    expect(q.start).toBeGreaterThanOrEqual(0);
    expect(q.end).toBeLessThanOrEqual(text.length);
    expect(q.start).toBeLessThanOrEqual(q.end);
    expect(text.slice(q.start, q.end)).toBe(q.text);
    if (q.speakerStart !== null) {
      expect(q.speakerStart).toBeGreaterThanOrEqual(0);
      expect(q.speakerEnd!).toBeLessThanOrEqual(text.length);
      expect(text.slice(q.speakerStart, q.speakerEnd!)).toBe(q.speakerMention);
    }
  }
  for (const h of rec.hits) {
    expect(h.start).toBeGreaterThanOrEqual(0);
    expect(h.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(h.start, h.end)).toBe(h.match);
    if (h.voice === 'quote' || h.voice === 'paraphrase') {
      const q = rec.quotes.find((x) => x.id === h.quoteId)!;
      expect(q).toBeDefined();
      expect(h.voice === 'paraphrase').toBe(isParaphrase(q));
      // the innermost quote containing the hit, scare quotes aside
      for (const o of rec.quotes) if (o !== q && !isScareQuote(o) && h.start >= o.start && h.end <= o.end) expect(o.end - o.start).toBeGreaterThanOrEqual(q.end - q.start);
      expect(h.start >= q.start && h.end <= q.end).toBe(true);
    } else if (h.quoteId !== '') {
      // the author's voice inside a scare quote, which keeps its id
      const q = rec.quotes.find((x) => x.id === h.quoteId)!;
      expect(isScareQuote(q)).toBe(true);
      expect(h.start >= q.start && h.end <= q.end).toBe(true);
    }
  }
}

const pieces = ['“', '”', '"', "'", '’', ' said ', ' he said', ', according to ', ':\n\n', '\n\n', 'Sen. ', 'Tom Homan', 'chaos', 'humane', ' cruelty ', 'illegal aliens', '.', ',', ' ', 'told CNN', '\u0000', '\uD800', '🙂', 'é'];

test('random texts built from quote marks, cues, names and lexicon terms', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 80 }), (parts) => {
      checkInvariants(parts.join(''));
    }),
    { numRuns: 300, seed: 20261122 },
  );
});

test('mutated real article: deletions, insertions of quote marks, swaps', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(seedText.length), fc.nat(40), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 12 }),
      (edits) => {
        let t = seedText;
        for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(Math.min(t.length, at + del));
        checkInvariants(t);
      },
    ),
    { numRuns: 60, seed: 7 },
  );
});

test('arbitrary unicode strings', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => checkInvariants(s)), { numRuns: 200, seed: 3 });
});
