/**
 * The reduce (src/engine/reduce.ts): the tables written to a staging folder are the rows the engine computes, as
 * csv.ts renders them (the per-article tables are rendered in SQL: the same bytes, Excel mode too, for every kind of
 * cell).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Staging } from '../src/export/atomic.js';
import { toCsv, type Cell } from '../src/export/csv.js';
import { ARTICLE_COLUMNS, HIT_COLUMNS, QUOTE_COLUMNS } from '../src/export/columns.js';
import { writeTables, type SeqProblem } from '../src/engine/reduce.js';
import { loadEntitySettings } from '../src/entities/settings.js';
import { resolveEntities } from '../src/entities/resolve.js';
import type { AnalyzedArticle, FrameHitRecord, QuoteRecord } from '../src/types.js';
import { withRecords } from './helpers/engine.js';

/** Cells a spreadsheet would read as formulas, quotes, commas, line breaks, non-ASCII, empty and null values. */
const TRICKY = ['=SUM(A1)', '+1 555', '-dash', '@handle', '\tTab', '\rCR', 'say "hi", then', 'two\nlines', 'crlf\r\nend', 'é “curly” 😀', '', 'plain', "'quoted'", ',lead', 'x"'];

function trickyRecord(i: number): AnalyzedArticle {
  const t = (k: number) => TRICKY[(i + k) % TRICKY.length];
  const quotes: QuoteRecord[] = [0, 1].map((k) => ({
    id: `q${k + 1}`, kind: 'direct', start: 3 + k, end: 9 + k, tokens: 2, cue: t(k), cueStart: k ? null : 1, cueEnd: k ? null : 2, speaker: t(k + 1),
    speakerMention: t(k + 2), speakerStart: k ? 0 : null, speakerEnd: null, speakerRole: t(k + 3), speakerType: 'person', gaps: k ? [[4, 5], [6, 7]] : [], text: t(k + 4),
  }));
  const hits: FrameHitRecord[] = [{ frame: 'chaos', term: t(5), start: 0, end: 1, voice: 'quote', speaker: t(6), quoteId: 'q1', negated: i % 2 === 0, sentence: i, match: t(7), leftContext: t(8), rightContext: t(9) }];
  return {
    id: `${t(10)}-${i}`, seq: i, outlet: t(11), date: '2025-01-02', event: t(12) || 'e', title: t(13), url: t(14), source: `in.jsonl:${i + 1}`, key: '',
    chars: 100 + i, tokens: 50, sentences: 3, quotes, quotedTokens: 4, hits, terms: [['word', 2]], notes: [],
  };
}

test.each([false, true])('per-article tables rendered in SQL are the bytes csv.ts writes (excel %s)', async (excel) => {
  const records = Array.from({ length: TRICKY.length * 2 }, (_, i) => trickyRecord(i));
  const out = mkdtempSync(join(tmpdir(), 'framelens-reduce-'));
  try {
    const staging = new Staging(out);
    const problems: SeqProblem[] = [{ seq: 99, input: '=bad.jsonl', line: 3, articleId: '', code: 'E_BAD_JSON', message: 'bad, "line"' }];
    const entities = loadEntitySettings();
    const counts = await withRecords(records, (db) => writeTables(db, problems, { events: 'metadata', excel, frames: ['chaos'], version: 'test', entities, threads: 2 }, staging), 3);
    expect(counts).toMatchObject({ articles: records.length, quotes: 2 * records.length, frameHits: records.length, rejected: 1, eventMode: 'metadata' });
    const csv = { excel };
    const articles: Cell[][] = records.map((r) => [r.id, r.outlet, r.date, r.event, r.title, r.source, r.tokens, r.sentences, r.quotes.length, r.quotedTokens, 1, 0, 1, 0, 1, r.url, r.chars]);
    // Speakers merged across the corpus (src/entities/, tested in entities.test.ts): the canonical name and speaker_id.
    const rows = records.flatMap((r) => r.quotes.map((q) => ({ event: '', speaker: q.speaker, speakerType: q.speakerType, quotes: 1, articles: [r.id], outlets: [r.outlet] })));
    const resolved = resolveEntities(rows, entities);
    const named = (speaker: string): [string, string] => {
      const a = resolved.lookup('', speaker, 'person')!;
      return a.speakerId ? [a.canonical, a.speakerId] : [speaker, ''];
    };
    const quotes: Cell[][] = records.flatMap((r) => r.quotes.map((q) => [
      r.id, r.outlet, r.event, q.id, q.kind, ...named(q.speaker), q.speakerMention, q.speakerStart, q.speakerEnd, q.speakerRole, q.speakerType, q.cue, q.text, q.start, q.end, q.tokens,
      q.cueStart, q.cueEnd, q.gaps.map(([a, b]) => `${a}..${b}`).join(';'),
    ]));
    const hits: Cell[][] = records.flatMap((r) => r.hits.map((h) => [
      r.id, r.outlet, r.event, h.frame, h.term, h.match, h.voice, ...named(h.speaker), h.quoteId, h.negated, h.sentence, h.start, h.end, h.leftContext, h.rightContext,
    ]));
    expect(readFileSync(staging.path('articles.csv'), 'utf8')).toBe(toCsv(ARTICLE_COLUMNS, articles, csv));
    expect(readFileSync(staging.path('quotes.csv'), 'utf8')).toBe(toCsv(QUOTE_COLUMNS, quotes, csv));
    expect(readFileSync(staging.path('frame_hits.csv'), 'utf8')).toBe(toCsv(HIT_COLUMNS, hits, csv));
    expect(readFileSync(staging.path('errors.csv'), 'utf8')).toBe(toCsv(['input', 'line', 'article_id', 'code', 'message'], [['=bad.jsonl', 3, '', 'E_BAD_JSON', 'bad, "line"']], csv));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);

test('the statistics computed by statistics workers and by the main thread give the same bytes', async () => {
  // Many articles of a few outlets and events, so that the resampling tables have rows.
  const records = Array.from({ length: 60 }, (_, i) => {
    const r = trickyRecord(i);
    return { ...r, outlet: ['Alpha', 'Beta', 'Gamma'][i % 3], event: `e${i % 4}`, tokens: 200 + 37 * (i % 7), hits: r.hits.slice(0, i % 3) };
  });
  const entities = loadEntitySettings();
  const written = async (threads: number) => {
    const out = mkdtempSync(join(tmpdir(), 'framelens-reduce-'));
    try {
      const staging = new Staging(out);
      await withRecords(records, (db) => writeTables(db, [], { events: 'metadata', excel: false, frames: ['chaos'], version: 'test', entities, threads, statisticsWorkersFrom: 0 }, staging));
      return Object.fromEntries(readdirSync(staging.dir).sort().map((f) => [f, readFileSync(join(staging.dir, f), 'utf8')]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  const inline = await written(1);
  expect(inline['outlet_rates.csv'].split('\n').length).toBeGreaterThan(3);
  expect(inline['outlet_contrasts.csv'].split('\n').length).toBeGreaterThan(3);
  expect(await written(2)).toEqual(inline);
}, 60_000);
