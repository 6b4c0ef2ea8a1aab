/** The comparison tables (computed by the engine, src/engine/) from hand-built per-article records: arithmetic, zero rows, voices, speakers, shared quotes, order. */
import fc from 'fast-check';
import type { Tables } from '../src/engine/tables.js';
import { addOccurrence, clusterQuotes, SHARED_CONTAINMENT, SHARED_PHRASES, type QuoteGroup } from '../src/engine/shared-quotes.js';
import { contentWords, quoteKey } from '../src/analysis/share-key.js';
import { engineTables, withRecords } from './helpers/engine.js';
import type { AnalyzedArticle, FrameHitRecord, QuoteRecord } from '../src/types.js';

function quote(id: string, speaker: string, text: string, tokens: number, kind: QuoteRecord['kind'] = 'direct'): QuoteRecord {
  return { id, kind, start: 0, end: text.length, tokens, cue: 'said', cueStart: null, cueEnd: null, speaker, speakerMention: speaker, speakerStart: null, speakerEnd: null, speakerRole: speaker === 'Tom Homan' ? 'border czar' : '', speakerType: 'person', gaps: [], text };
}
function hit(frame: string, voice: 'author' | 'quote', quoteId = '', speaker = ''): FrameHitRecord {
  return { frame, term: frame, start: 0, end: 1, voice, speaker, quoteId, negated: false, sentence: 0, match: frame, leftContext: '', rightContext: '' };
}
function article(id: string, outlet: string, tokens: number, quotes: QuoteRecord[], hits: FrameHitRecord[], terms: [string, number][] = []): AnalyzedArticle {
  return { id, seq: 0, outlet, date: '2025-01-27', event: 'e', title: '', url: '', source: '', key: '', chars: 0, tokens, sentences: 1, quotes, quotedTokens: quotes.reduce((s, q) => s + q.tokens, 0), hits, terms, notes: [] };
}

const A1 = article('a1', 'Alpha', 1000, [quote('q1', 'Tom Homan', 'We set a goal of a minimum of 3,000 arrests a day', 11)], [hit('chaos', 'author'), hit('chaos', 'quote', 'q1', 'Tom Homan'), hit('humane', 'quote', 'q1', 'Tom Homan')], [['arrests', 5], ['border', 2], ['chaos', 4]]);
const A2 = article('a2', 'Alpha', 1000, [], [hit('chaos', 'author')], [['arrests', 1], ['chaos', 3]]);
const B1 = article('b1', 'Beta', 2000, [quote('q1', 'Tom Homan', 'minimum 3,000 arrests a day', 5), quote('q2', 'Rivlin', 'Cruelty is the point', 4)], [hit('cruelty', 'quote', 'q2', 'Rivlin')], [['arrests', 2], ['families', 6], ['cruelty', 3]]);

/** The tables of `records` (numbered in the order given), all of event `e`. */
async function tables(records: AnalyzedArticle[]): Promise<Tables> {
  return withRecords(records.map((r, seq) => ({ ...r, seq })), (db) => engineTables(db, ['chaos', 'humane', 'cruelty'], 'metadata'));
}
const rows = (t: { columns: string[]; rows: unknown[][] }) => t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
let t: Tables;
beforeAll(async () => {
  t = await tables([A1, A2, B1]);
});

test('frames_by_outlet: every frame for every outlet (zeros too), author/quoted split, rates per 10k tokens', () => {
  const fb = rows(t.frames_by_outlet);
  expect(fb).toHaveLength(6);
  expect(fb[0]).toMatchObject({ outlet: 'Alpha', frame: 'chaos', articles: 2, articles_with_frame: 2, hits: 3, hits_author: 2, hits_quoted: 1, tokens: 2000, per_10k_tokens: 15, per_10k_author: 10, per_10k_quoted: 5 });
  expect(fb.find((r) => r.outlet === 'Beta' && r.frame === 'chaos')).toMatchObject({ hits: 0, per_10k_tokens: 0, articles_with_frame: 0 });
  expect(fb.find((r) => r.outlet === 'Beta' && r.frame === 'cruelty')).toMatchObject({ hits: 1, hits_quoted: 1, per_10k_tokens: 5 });
});

test('frame_comparison: one rate column per outlet, then the homogeneity test', () => {
  expect(t.frame_comparison.columns.slice(0, 6)).toEqual(['event', 'frame', 'alpha_per_10k', 'beta_per_10k', 'chi2', 'p_value']);
  const chaos = rows(t.frame_comparison).find((r) => r.frame === 'chaos')!;
  // Alpha 3 of 2000 tokens, Beta 0 of 2000: expected 1.5 hits each; chi2 = 2 * (1.5²/1.5 + 1.5²/1998.5) = 3.002252
  expect(chaos).toMatchObject({ alpha_per_10k: 15, beta_per_10k: 0, df: 1 });
  expect(chaos.chi2 as number).toBeCloseTo(3.00225, 4);
});

test('speakers_by_outlet: quotes, quoted tokens, share of the outlet\'s quoted tokens, frames in quotes', () => {
  const sp = rows(t.speakers_by_outlet);
  expect(sp.find((r) => r.outlet === 'Alpha')).toMatchObject({ speaker: 'Tom Homan', speaker_role: 'border czar', quotes: 1, quoted_tokens: 11, share_of_quoted_tokens: 1, frames_in_quotes: 'chaos:1; humane:1' });
  expect(sp.find((r) => r.outlet === 'Beta' && r.speaker === 'Rivlin')).toMatchObject({ quoted_tokens: 4, share_of_quoted_tokens: 0.444444, frames_in_quotes: 'cruelty:1' });
});

test('speakers_by_outlet: the most frequent role of a speaker, ties to the first in code-point order', async () => {
  const said = (id: string, role: string, type: QuoteRecord['speakerType']): QuoteRecord => ({ ...quote(id, 'Ana Ruiz', 'words', 1), speakerRole: role, speakerType: type });
  const sp = rows((await tables([
    // Alpha: "senator" twice, "chair" once; Beta: one each (a tie: "chair" < "senator").
    article('r1', 'Alpha', 100, [said('q1', 'senator', 'person'), said('q2', 'chair', 'person'), said('q3', 'senator', 'person')], []),
    article('r2', 'Beta', 100, [said('q1', 'senator', 'person'), said('q2', 'chair', 'person')], []),
  ])).speakers_by_outlet);
  expect(sp.map((r) => [r.outlet, r.speaker, r.speaker_role, r.speaker_type, r.quotes])).toEqual([
    ['Alpha', 'Ana Ruiz', 'senator', 'person', 3],
    ['Beta', 'Ana Ruiz', 'chair', 'person', 2],
  ]);
});

test('shared_quotes: the same quotation in two outlets despite wording variants', () => {
  const sq = rows(t.shared_quotes);
  expect(sq).toHaveLength(1);
  expect(sq[0]).toMatchObject({ speaker: 'Tom Homan', outlets: 'Alpha; Beta', articles: 2, variants: 2 });
});

test('shared_quotes: a quotation joined across different attributions is matched on its pieces', async () => {
  // Alpha: “Working families deserve better schools,” said Ana Ruiz, speaking to reporters outside the state capitol
  // building, “and safer streets.” Beta carries the same words with another attribution. Read whole, the shorter
  // (Beta: 7 content words + 5 of its attribution) has 7 of 12 words in Alpha's (58% < SHARED_CONTAINMENT).
  const split = (id: string, outlet: string, text: string, gap: string): AnalyzedArticle => {
    const q = quote('q1', 'Ana Ruiz', text, 6);
    q.gaps = [[text.indexOf(gap), text.indexOf(gap) + gap.length]];
    return article(id, outlet, 500, [q], []);
  };
  const a = split('s1', 'Alpha', 'Working families deserve better schools,” said Ana Ruiz, speaking to reporters outside the state capitol building, “and safer streets.', ',” said Ana Ruiz, speaking to reporters outside the state capitol building, “');
  const b = split('s2', 'Beta', 'Working families deserve better schools,” the governor told a cheering crowd in Springfield. “And safer streets.', ',” the governor told a cheering crowd in Springfield. “');
  const sq = rows((await tables([a, b])).shared_quotes);
  expect(sq).toHaveLength(1);
  expect(sq[0]).toMatchObject({ speaker: 'Ana Ruiz', outlets: 'Alpha; Beta', articles: 2, variants: 2 });
  expect(sq[0].variant_texts).toBe('Working families deserve better schools … And safer streets. | Working families deserve better schools … and safer streets.');
  // Read whole (the attribution as the speaker's words) they would not match.
  expect(rows((await tables([{ ...a, quotes: [{ ...a.quotes[0], gaps: [] }] }, { ...b, quotes: [{ ...b.quotes[0], gaps: [] }] }])).shared_quotes)).toEqual([]);
});

test('content words keep letters of every script: "José Núñez" is two words, not "jos", "n", "ez"', () => {
  expect(contentWords('José Núñez said')).toEqual(['josé', 'núñez']);
  expect(contentWords('Ångström, Øresund and Łódź; Владимир Путин; 東京')).toEqual(['ångström', 'øresund', 'łódź', 'владимир', 'путин', '東京']);
  // A decomposed accent (e + combining acute) stays inside its word.
  expect(contentWords('Jose\u0301 Nun\u0303ez')).toEqual(['jose\u0301', 'nun\u0303ez']);
  // Apostrophes (curly ones too), hyphens and slashes stay inside words, as before.
  expect(contentWords('O’Rourke’s anti-war 9/11 remarks')).toEqual(["o'rourke's", 'anti-war', '9/11', 'remarks']);
});

test('shared_quotes: titles of shows and works are not shared quotations; dashes are not content words', async () => {
  const show = (id: string, outlet: string) => article(id, outlet, 300, [quote('q1', 'Ana Ruiz', 'The Late Show With Stephen Colbert', 6, 'partial')], []);
  expect(rows((await tables([show('t1', 'Alpha'), show('t2', 'Beta')])).shared_quotes)).toEqual([]);
  expect(contentWords('What difference - at this point, what difference does it make?')).toEqual(['difference', 'point', 'difference', 'make']);
  const said = (id: string, outlet: string, text: string) => article(id, outlet, 300, [quote('q1', 'Hillary Clinton', text, 8)], []);
  const sq = rows((await tables([said('d1', 'Alpha', 'What difference - at this point, what difference does it make?'), said('d2', 'Beta', 'What difference at this point does it make?')])).shared_quotes);
  expect(sq).toEqual([expect.objectContaining({ outlets: 'Alpha; Beta', variants: 2 })]);
});

test('shared_quotes: a three-word fragment is the same quotation only when its words run in order in the longer one', async () => {
  const said = (id: string, outlet: string, speaker: string, text: string) => article(id, outlet, 300, [quote('q1', speaker, text, 8)], []);
  // "standing", "ana", "ruiz" are all in the longer quote, and so is the pair "ana ruiz" — but not "standing ana".
  const apart = await tables([
    said('f1', 'Alpha', 'Tom Lee', 'She is standing with Ana Ruiz'),
    said('f2', 'Beta', 'Dan Ford', 'Senator Lee is standing tall despite losing the county primary to Ana Ruiz'),
  ]);
  expect(rows(apart.shared_quotes)).toEqual([]);
  // The fragment as it runs in the longer one ("standing tall despite") is the same quotation.
  const inside = await tables([
    said('f1', 'Alpha', 'Dan Ford', 'He is standing tall, despite it all'),
    said('f2', 'Beta', 'Dan Ford', 'Senator Lee is standing tall despite losing the county primary to Ana Ruiz'),
  ]);
  expect(rows(inside.shared_quotes)).toEqual([expect.objectContaining({ outlets: 'Alpha; Beta', variants: 2 })]);
});

test('distinctive_terms: an outlet\'s own words have positive z; counts and counts elsewhere are right', () => {
  const dt = rows(t.distinctive_terms);
  const chaos = dt.find((r) => r.outlet === 'Alpha' && r.term === 'chaos')!;
  expect(chaos).toMatchObject({ count: 7, count_elsewhere: 0 });
  expect(chaos.z as number).toBeGreaterThan(0);
  expect(dt.find((r) => r.outlet === 'Beta' && r.term === 'families')).toMatchObject({ count: 6, count_elsewhere: 0 });
  expect(dt.some((r) => r.term === 'alpha' || r.term === 'beta')).toBe(false);
});

test('the tables do not depend on the order records are added in', async () => {
  const json = (x: Tables) => JSON.stringify(x);
  expect(json(await tables([B1, A2, A1]))).toBe(json(t));
  expect(json(await tables([A2, B1, A1]))).toBe(json(t));
});

describe('shared-quote clustering', () => {
  /**
   * The rule written out plainly: longest first, each quote joins the earliest cluster whose head holds enough of its
   * words and enough of its pairs of consecutive words.
   */
  function reference(groups: QuoteGroup[]): string[][] {
    const usable = [...groups].sort((a, b) => b.words.length - a.words.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const pairsOf = (words: string[]) => new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
    // A head's pairs: each word with the next and with the one after.
    const headPairsOf = (words: string[]) => new Set([...pairsOf(words), ...words.slice(2).map((w, i) => `${words[i]} ${w}`)]);
    const clusters: { head: Set<string>; headPairs: Set<string>; keys: string[] }[] = [];
    for (const q of usable) {
      const words = new Set(q.words);
      const pairs = pairsOf(q.words);
      const c = clusters.find(
        (k) => [...words].filter((w) => k.head.has(w)).length / words.size >= SHARED_CONTAINMENT && [...pairs].filter((p) => k.headPairs.has(p)).length >= Math.max(SHARED_PHRASES * pairs.size, Math.min(pairs.size, 2)),
      );
      if (c) c.keys.push(q.key);
      else clusters.push({ head: words, headPairs: headPairsOf(q.words), keys: [q.key] });
    }
    return clusters.map((c) => c.keys);
  }

  test('looking clusters up by a few rare words finds what checking every cluster finds', () => {
    const vocabulary = 'border wall arrests goal minimum families court judge crisis asylum'.split(' ');
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 3, maxLength: 9 }), { minLength: 1, maxLength: 25, size: 'max' }), (quotes) => {
        const groups = new Map<string, QuoteGroup>();
        // Outlets alternate so that every cluster of two or more quotes is shared; texts are the keys.
        quotes.forEach((words, i) => {
          const key = quoteKey(words.join(' '));
          if (key !== null) addOccurrence(groups, key, words.join(' '), 'UNKNOWN', i % 2 ? 'A' : 'B', `a${i}`);
        });
        const expected = reference([...groups.values()])
          .filter((keys) => new Set(keys.flatMap((k) => [...groups.get(k)!.outlets])).size >= 2)
          .map((keys) => keys.flatMap((k) => [...groups.get(k)!.texts]).sort());
        const got = clusterQuotes(groups.values()).map((q) => q.variants);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
