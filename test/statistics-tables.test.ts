/** The statistics tables' builders: article_frames (streamed from records), outlet_rates, lexicon_fit — hand-worked inputs. */
import { articleFramesColumns, outletRateRows, outletRates, OUTLET_RATE_COLUMNS, type ArticleFrameHits, type ArticleRow } from '../src/engine/statistics/article-frames.js';
import { lexiconFit, LEXICON_FIT_COLUMNS } from '../src/engine/statistics/lexicon-fit.js';
import { articleFramesTable, eventOutletTerms, outletSamplesFromDb, statisticsInputsFromDb, termPrior } from '../src/engine/statistics-run.js';
import { assignEvents } from '../src/engine/events.js';
import { prepareAggregates } from '../src/engine/tables.js';
import type { AnalyzedArticle, FrameHitRecord, QuoteRecord } from '../src/types.js';
import { eventRecord, withRecords } from './helpers/engine.js';

const articles: ArticleRow[] = [
  { article_id: 'a1', outlet: 'Fox', date: '2024-01-02', event: 'e1', title: 'T1', tokens: 1000, quotes: 3 },
  { article_id: 'a2', outlet: 'CNN', date: '2024-01-02', event: 'e1', title: 'T2', tokens: 500, quotes: 1 },
  { article_id: 'a3', outlet: 'Fox', date: '2024-01-05', event: 'e2', title: 'T3', tokens: 3000, quotes: 0 },
];
const hits: ArticleFrameHits[] = [
  { article_id: 'a1', frame: 'chaos', author: 2, quote: 1, paraphrase: 0 },
  { article_id: 'a3', frame: 'chaos', author: 0, quote: 0, paraphrase: 1 },
  { article_id: 'a3', frame: 'humane', author: 1, quote: 0, paraphrase: 0 },
];

test('article_frames: one row per article in input order, every frame × voice written, zeros included (streamed from the record tables); outlet_rates from the record tables as from the rows', async () => {
  expect(articleFramesColumns(['chaos', 'humane'])).toEqual([
    'article_id', 'outlet', 'date', 'event', 'title', 'tokens', 'quotes',
    'chaos', 'chaos_author', 'chaos_quote', 'chaos_paraphrase', 'humane', 'humane_author', 'humane_quote', 'humane_paraphrase',
  ]);
  const hit = (frame: string, voice: 'author' | 'quote' | 'paraphrase'): FrameHitRecord =>
    ({ frame, term: frame, start: 0, end: 1, voice, speaker: '', quoteId: '', negated: false, sentence: 0, match: frame, leftContext: '', rightContext: '' });
  const quote = { id: 'q', kind: 'direct', start: 0, end: 1, tokens: 1, cue: '', cueStart: null, cueEnd: null, speaker: 'UNKNOWN', speakerMention: '', speakerStart: null, speakerEnd: null, speakerRole: '', speakerType: 'unknown', gaps: [], text: 'x' } as QuoteRecord;
  const rec = (a: ArticleRow, seq: number, hits: FrameHitRecord[]): AnalyzedArticle => ({
    ...eventRecord({ id: a.article_id, seq, outlet: a.outlet, date: a.date, title: a.title, event: a.event, terms: [] }),
    tokens: a.tokens, hits, quotes: Array.from({ length: a.quotes }, () => quote),
  });
  // Input order a3, a1, a2 (rows follow it, not the ids); a2 has no hits, a1 two hits of one voice.
  const records = [
    rec(articles[2], 0, [hit('chaos', 'paraphrase'), hit('humane', 'author')]),
    rec(articles[0], 1, [hit('chaos', 'author'), hit('chaos', 'quote'), hit('chaos', 'author')]),
    rec(articles[1], 2, []),
  ];
  const { rows, rates } = await withRecords(records, async (db) => {
    await assignEvents(db, 'metadata');
    await prepareAggregates(db, ['chaos', 'humane']);
    const out: unknown[][] = [];
    await articleFramesTable(db, ['chaos', 'humane'], (row) => out.push(row));
    const samples = await outletSamplesFromDb(db, ['chaos', 'humane']);
    return { rows: out, rates: samples.flatMap((sample) => outletRateRows(['chaos', 'humane'], sample)) };
  }, 2);
  expect(rates).toEqual(outletRates(['chaos', 'humane'], articles, hits));
  expect(rates.map((r) => `${r[0]}/${r[1]}/${r[2]}:${r[5]}`).filter((r) => !r.endsWith(':0'))).toEqual([
    'Fox/chaos/all:4', 'Fox/chaos/author:2', 'Fox/chaos/quote:1', 'Fox/chaos/paraphrase:1', 'Fox/humane/all:1', 'Fox/humane/author:1',
  ]);
  expect(rows).toEqual([
    ['a3', 'Fox', '2024-01-05', 'e2', 'T3', 3000, 0, 1, 0, 0, 1, 1, 1, 0, 0],
    ['a1', 'Fox', '2024-01-02', 'e1', 'T1', 1000, 3, 3, 2, 1, 0, 0, 0, 0, 0],
    ['a2', 'CNN', '2024-01-02', 'e1', 'T2', 500, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  ]);
});

test('outlet_rates: pooled rate over the outlet\'s articles with a bootstrap interval over articles', () => {
  const rows = outletRates(['chaos'], articles, hits);
  const get = (outlet: string, voice: string) => Object.fromEntries(OUTLET_RATE_COLUMNS.map((c, i) => [c, rows.find((r) => r[0] === outlet && r[2] === voice)![i]]));
  expect(rows.map((r) => `${r[0]}/${r[2]}`)).toEqual(['CNN/all', 'CNN/author', 'CNN/quote', 'CNN/paraphrase', 'Fox/all', 'Fox/author', 'Fox/quote', 'Fox/paraphrase']);
  // Fox: 4 chaos hits in 4000 tokens = 10 per 10k; resampling two articles gives 3/1000 → 30, 1/3000 → 3.33333, or
  // both (4/4000 → 10): the interval lies within [3.33333, 30].
  const fox = get('Fox', 'all');
  expect(fox).toMatchObject({ articles: 2, tokens: 4000, hits: 4, per_10k_tokens: 10 });
  expect(fox.ci_low).toBeCloseTo(3.33333, 4);
  expect(fox.ci_high).toBeCloseTo(30, 10);
  expect(get('Fox', 'paraphrase')).toMatchObject({ hits: 1, per_10k_tokens: 2.5 });
  expect(get('CNN', 'all')).toMatchObject({ articles: 1, hits: 0, per_10k_tokens: 0, ci_low: 0, ci_high: 0 });
  expect(outletRates(['chaos'], [...articles].reverse(), [...hits].reverse())).toEqual(rows);
  // An article without tokens counts among the outlet's articles and is never drawn: the rest of the rows is unchanged.
  const empty: ArticleRow = { article_id: 'a0', outlet: 'Fox', date: '2024-01-06', event: 'e2', title: 'T0', tokens: 0, quotes: 0 };
  expect(outletRates(['chaos'], [...articles, empty], hits)).toEqual(rows.map((r) => (r[0] === 'Fox' ? [r[0], r[1], r[2], 3, ...r.slice(4)] : r)));
});

describe('lexicon_fit', () => {
  const events = [{ event: 'e1', tokens: 20_000 }, { event: 'e2', tokens: 10_000 }, { event: 'e3', tokens: 10_000 }];
  const eventHits = [
    { event: 'e1', frame: 'chaos', hits: 6, articles_with_hits: 2 },
    { event: 'e2', frame: 'chaos', hits: 2, articles_with_hits: 1 },
    { event: 'e1', frame: 'humane', hits: 1, articles_with_hits: 1 },
  ];
  const termHits = [
    { frame: 'chaos', term: 'chaos', hits: 5 }, { frame: 'chaos', term: 'disorder', hits: 3 },
    { frame: 'humane', term: 'humane', hits: 1 },
  ];
  test('per frame: hits, rate over all tokens, top term and its share, events and articles with hits', () => {
    const { rows } = lexiconFit(['chaos', 'humane', 'cruelty'], events, eventHits, termHits);
    expect(LEXICON_FIT_COLUMNS).toEqual(['frame', 'hits', 'per_10k_tokens', 'top_term', 'top_term_share', 'events_with_hits', 'articles_with_hits', 'events_below_min_rate']);
    // chaos: 8 hits / 40,000 tokens × 10,000 = 2; "chaos" 5 of 8 = 0.625; per-event rates 3, 2, 0 → one event below 1
    // humane: 1 / 40,000 × 10,000 = 0.25; rates 0.5, 0, 0 → three below
    expect(rows).toEqual([
      ['chaos', 8, 2, 'chaos', 0.625, 2, 3, 1],
      ['humane', 1, 0.25, 'humane', 1, 1, 1, 3],
      ['cruelty', 0, 0, null, null, 0, 0, 3],
    ]);
  });
  test('warnings: a term over half a frame\'s hits; the lexicon below 1 per 10k in most events', () => {
    // all frames per event: e1 7 / 20,000 → 3.5; e2 2 / 10,000 → 2; e3 0 → one event of three below: no lexicon warning
    // the term warning needs TOP_TERM_WARN_MIN_HITS (20) hits by default: none of these frames has that many
    expect(lexiconFit(['chaos', 'humane', 'cruelty'], events, eventHits, termHits).warnings).toEqual([]);
    const { warnings } = lexiconFit(['chaos', 'humane', 'cruelty'], events, eventHits, termHits, 1);
    expect(warnings).toEqual([
      'lexicon: frame "chaos": the term "chaos" makes 63% of its 8 hits',
      'lexicon: frame "humane": the term "humane" makes 100% of its 1 hits',
    ]);
    // with ten times the tokens, e1 0.35, e2 0.2, e3 0: all three below
    const big = events.map((e) => ({ ...e, tokens: e.tokens * 10 }));
    expect(lexiconFit(['chaos'], big, eventHits, [{ frame: 'chaos', term: 'chaos', hits: 4 }, { frame: 'chaos', term: 'mess', hits: 4 }]).warnings).toEqual([
      'lexicon: all frames together match less than 1 per 10,000 tokens in 3 of 3 events: the lexicon hardly matches this corpus',
    ]);
  });
});

test('statisticsInputsFromDb: the builders\' input rows summed from the record tables', async () => {
  const hit = (frame: string, voice: 'author' | 'quote' | 'paraphrase', term: string): FrameHitRecord =>
    ({ frame, term, start: 0, end: 1, voice, speaker: '', quoteId: '', negated: false, sentence: 0, match: term, leftContext: '', rightContext: '' });
  const rec = (id: string, seq: number, outlet: string, tokens: number, hits: FrameHitRecord[], terms: [string, number][]): AnalyzedArticle =>
    ({ ...eventRecord({ id, seq, outlet, date: '2024-01-02', title: id, event: 'e', terms }), tokens, hits, quotes: [quote(), quote()] });
  const quote = () => ({ id: 'q', kind: 'direct', start: 0, end: 1, tokens: 1, cue: '', cueStart: null, cueEnd: null, speaker: 'UNKNOWN', speakerMention: '', speakerStart: null, speakerEnd: null, speakerRole: '', speakerType: 'unknown', gaps: [], text: 'x' }) as QuoteRecord;
  const records = [
    rec('a1', 0, 'Fox', 100, [hit('chaos', 'author', 'chaos'), hit('chaos', 'paraphrase', 'mayhem')], [['border', 2]]),
    rec('a2', 1, 'Fox', 50, [hit('chaos', 'quote', 'chaos')], [['border', 1], ['wall', 3]]),
  ];
  const inp = await withRecords(records, async (db) => {
    await assignEvents(db, 'metadata');
    await prepareAggregates(db, ['chaos']);
    const terms: unknown[] = [];
    for await (const [, rows] of eventOutletTerms(db)) terms.push(...rows);
    return { ...(await statisticsInputsFromDb(db)), eventOutletTerms: terms, ...(await termPrior(db)), samples: await outletSamplesFromDb(db, ['chaos']) };
  });
  // outlet_rates' input: a1 (chaos: author 1, paraphrase 1) and a2 (chaos: quote 1); cells all, author, quote, paraphrase.
  expect(inp.samples.map((o) => ({ ...o, tokens: [...o.tokens], offsets: [...o.offsets], cellOf: [...o.cellOf], countOf: [...o.countOf] }))).toEqual([
    { outlet: 'Fox', articles: 2, tokens: [100, 50], offsets: [0, 3, 5], cellOf: [0, 1, 3, 0, 2], countOf: [2, 1, 1, 1, 1] },
  ]);
  expect(inp.eventOutletTokens).toEqual([{ event: 'e', outlet: 'Fox', tokens: 150 }]);
  expect(inp.eventOutletFrameHits).toEqual([{ event: 'e', outlet: 'Fox', frame: 'chaos', author: 1, quote: 1, paraphrase: 1 }]);
  expect(inp.eventFrameHits).toEqual([{ event: 'e', frame: 'chaos', hits: 3, articles_with_hits: 2 }]);
  expect(inp.frameTermHits).toEqual([{ frame: 'chaos', term: 'chaos', hits: 2 }, { frame: 'chaos', term: 'mayhem', hits: 1 }]);
  expect(inp.eventOutletTerms).toEqual([{ event: 'e', outlet: 'Fox', term: 'border', count: 3 }, { event: 'e', outlet: 'Fox', term: 'wall', count: 3 }]);
  expect([...inp.prior]).toEqual([['border', 3], ['wall', 3]]);
  expect(inp.alpha0).toBe(6);
});
