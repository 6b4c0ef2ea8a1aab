/**
 * The reduce (src/engine/reduce.ts): the tables written to a staging folder are the rows the engine computes, as
 * csv.ts renders them (the per-article tables are rendered in SQL: the same bytes, Excel mode too, for every kind of
 * cell); the report is handed only the rows it charts; the charted events are chosen from sizes given in parts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tables } from '../src/engine/tables.js';
import { Staging } from '../src/export/atomic.js';
import { toCsv, type Cell } from '../src/export/csv.js';
import { ARTICLE_COLUMNS, HIT_COLUMNS, QUOTE_COLUMNS } from '../src/export/columns.js';
import { renderPage, renderSection, type ReportMeta } from '../src/export/report.js';
import { ChartedEvents, chartedEvents, REPORT_MAX_EVENTS, REPORT_TOP_SPEAKERS, REPORT_TOP_TERMS, reportRows, type EventSize } from '../src/export/report-data.js';
import { writeTables, type SeqProblem } from '../src/engine/reduce.js';
import type { AnalyzedArticle, FrameHitRecord, QuoteRecord } from '../src/types.js';
import { seededRandom } from './helpers/random.js';
import { engineTables, withRecords } from './helpers/engine.js';

const FRAMES = ['chaos', 'humane'];

/**
 * The page as drawn from tables alone: the charted events and their sizes read off frames_by_outlet (one row per
 * frame of each event × outlet), `events` the corpus's event count when the tables hold only some events.
 */
async function pageOf(tables: Tables, meta: ReportMeta, events?: number): Promise<string> {
  const frames = tables.frames_by_outlet.rows;
  const size = new Map<string, { event: string; outlets: number; articles: number }>();
  for (const r of frames) {
    if (r[2] !== frames[0][2]) continue;
    const e = String(r[0]);
    if (!size.has(e)) size.set(e, { event: e, outlets: 0, articles: 0 });
    size.get(e)!.outlets++;
    size.get(e)!.articles += Number(r[3]);
  }
  const sections = [];
  for (const e of chartedEvents([...size.values()])) sections.push(await renderSection(e, tables));
  return renderPage(sections, meta, events ?? size.size);
}

/** The charted events' rows as handed over one event at a time, joined into one set of tables (events in table order). */
function joined(sections: Map<string, Tables>): Tables {
  const events = [...sections.keys()].sort();
  const names = Object.keys(sections.get(events[0])!) as (keyof Tables)[];
  return Object.fromEntries(names.map((name) => [name, { columns: sections.get(events[0])![name].columns, rows: events.flatMap((e) => sections.get(e)![name].rows) }])) as unknown as Tables;
}
const OUTLETS = ['Alpha', 'Beta', 'Gamma'];
const WORDS = 'border arrests families court judge ruling wall crisis asylum migrants policy raid'.split(' ');

function quote(id: string, speaker: string, text: string): QuoteRecord {
  return { id, kind: 'direct', start: 0, end: text.length, tokens: text.split(' ').length, cue: 'said', cueStart: null, cueEnd: null, speaker, speakerMention: speaker, speakerStart: null, speakerEnd: null, speakerRole: '', speakerType: 'person', gaps: [], text };
}
function hit(frame: string, voice: 'author' | 'quote', quoteId = ''): FrameHitRecord {
  return { frame, term: frame, start: 0, end: 1, voice, speaker: '', quoteId, negated: false, sentence: 0, match: frame, leftContext: '', rightContext: '' };
}
function record(i: number, events = 7): AnalyzedArticle {
  const terms: [string, number][] = WORDS.filter((_, k) => (i + k) % 3 !== 0).map((w, k) => [w, ((i * 7 + k) % 5) + 1]);
  const quotes = [quote('q1', i % 2 ? 'Tom Homan' : 'Rivlin', `We set a goal of ${3000 + (i % 3)} arrests a day at the border`)];
  return {
    // Every fifth event is carried by one outlet only (never charted while others compare outlets).
    id: `a${i}`, seq: i, outlet: OUTLETS[(i % events) % 5 === 0 ? 0 : i % 3], date: `2025-01-${String(10 + (i % 9)).padStart(2, '0')}`, event: `event “${i % events}”, é`, title: '', url: '', source: '', key: '',
    chars: 0, tokens: 500 + i, sentences: 10, quotes, quotedTokens: quotes[0].tokens, hits: [hit(FRAMES[i % 2], 'author'), hit('chaos', 'quote', 'q1')], terms, notes: [],
  };
}

test('the report is handed only the rows it charts, and draws the same page from them as from the whole tables', async () => {
  // Three events whose outlets quote more speakers (and UNKNOWN) than are charted and use more distinctive terms.
  const vocabulary = 'border arrests families court judge ruling wall crisis asylum migrants policy raid senate house vote budget governor mayor police union strike school teacher hospital nurse fire storm flood drought harvest'.split(' ');
  const records: AnalyzedArticle[] = Array.from({ length: 270 }, (_, i) => {
    const r = record(i, 3);
    const outlet = Math.floor(i / 3) % 3; // every event has all three outlets
    r.outlet = OUTLETS[outlet];
    r.terms = vocabulary.filter((_, k) => (k + outlet) % 3 !== 0 || (k + i) % 4 === 0).map((w, k) => [w, ((i + k * outlet) % 4) + 1]);
    r.quotes = [0, 1, 2].map((k) => quote(`q${k}`, (i + k) % 7 === 0 ? 'UNKNOWN' : `Speaker ${(i * 3 + k) % 14}`, `We said ${k} things about ${vocabulary[(i + k) % 30]} and the ${vocabulary[(i * 7) % 30]} today`));
    return r;
  });
  const whole = await withRecords(records, (db) => engineTables(db, FRAMES, 'metadata'));
  const sizes: EventSize[] = whole.events.rows.map((r) => ({ event: String(r[0]), articles: Number(r[4]), outlets: Number(r[5]) }));
  const done = { charted: chartedEvents(sizes), eventCount: sizes.length };
  // Each charted event's rows as the reduce hands them to the report.
  const sections = new Map<string, Tables>(
    done.charted.map((e) => [e, Object.fromEntries((['frames_by_outlet', 'frame_comparison', 'speakers_by_outlet', 'distinctive_terms', 'shared_quotes'] as const).map((name) => [name, { columns: whole[name].columns, rows: reportRows(name, whole[name].rows.filter((r) => r[0] === e)) }])) as unknown as Tables]),
  );
  {
    const charted = joined(sections);
    const perOutlet = (rows: unknown[][]) => {
      const n = new Map<string, number>();
      for (const r of rows) n.set(`${r[0]}/${r[1]}`, (n.get(`${r[0]}/${r[1]}`) ?? 0) + 1);
      return Math.max(...n.values());
    };
    expect(perOutlet(whole.speakers_by_outlet.rows)).toBeGreaterThan(REPORT_TOP_SPEAKERS);
    expect(perOutlet(charted.speakers_by_outlet.rows)).toBe(REPORT_TOP_SPEAKERS);
    expect(whole.speakers_by_outlet.rows.some((r) => r[2] === 'UNKNOWN')).toBe(true);
    expect(charted.speakers_by_outlet.rows.some((r) => r[2] === 'UNKNOWN')).toBe(false);
    expect(perOutlet(whole.distinctive_terms.rows)).toBeGreaterThan(REPORT_TOP_TERMS);
    expect(perOutlet(charted.distinctive_terms.rows)).toBe(REPORT_TOP_TERMS);
    expect(whole.shared_quotes.rows.length).toBeGreaterThan(0);
    expect(charted.shared_quotes.rows).toEqual([]);
    const meta = { title: 't', generated: '270 articles', version: 'test' };
    const page = await pageOf(whole, meta);
    expect(await pageOf(charted, meta, 3)).toBe(page);
    // As a run builds it: one section per event from the rows handed over for it, put together in the report's order.
    const built = [];
    for (const e of done.charted) built.push(await renderSection(e, sections.get(e)!));
    expect(renderPage(built, meta, done.eventCount)).toBe(page);
  }
});

test('the charted events found a part at a time are those of all events at once', () => {
  // Random event sizes shared out into parts and given to ChartedEvents a part at a time (as the reduce does, a
  // chunk of events.csv's rows at a time), against the rule written out over every event: those that compare outlets (else all), the most articles
  // first, then by name, the first REPORT_MAX_EVENTS.
  const random = seededRandom(7);
  for (let round = 0; round < 200; round++) {
    const n = 1 + random(60);
    const multiShare = random(3); // 0: no event compares outlets (the largest of all are charted)
    const sizes: EventSize[] = Array.from({ length: n }, (_, i) => ({ event: `e${random(1000)}-${i}`, articles: 1 + random(6), outlets: random(3) < multiShare ? 2 + random(3) : 1 }));
    const buckets = new Map<number, EventSize[]>();
    for (const s of sizes) {
      const b = random(5);
      if (!buckets.has(b)) buckets.set(b, []);
      buckets.get(b)!.push(s);
    }
    const charted = new ChartedEvents();
    for (const part of buckets.values()) charted.add(part);
    const compared = sizes.filter((s) => s.outlets >= 2);
    const rule = (compared.length ? compared : sizes)
      .sort((a, b) => b.articles - a.articles || (a.event < b.event ? -1 : 1))
      .slice(0, REPORT_MAX_EVENTS)
      .map((s) => s.event);
    expect(charted.events()).toEqual(rule);
    expect(chartedEvents([...sizes].sort((a, b) => (a.event < b.event ? -1 : 1)))).toEqual(rule);
  }
});

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
    const counts = await withRecords(records, (db) => writeTables(db, problems, { events: 'metadata', excel, frames: ['chaos'], version: 'test' }, staging), 3);
    expect(counts).toMatchObject({ articles: records.length, quotes: 2 * records.length, frameHits: records.length, rejected: 1, eventMode: 'metadata' });
    const csv = { excel };
    const articles: Cell[][] = records.map((r) => [r.id, r.outlet, r.date, r.event, r.title, r.source, r.tokens, r.sentences, r.quotes.length, r.quotedTokens, 1, 0, 1, 0, 1, r.url, r.chars]);
    const quotes: Cell[][] = records.flatMap((r) => r.quotes.map((q) => [
      r.id, r.outlet, r.event, q.id, q.kind, q.speaker, q.speakerMention, q.speakerStart, q.speakerEnd, q.speakerRole, q.speakerType, q.cue, q.text, q.start, q.end, q.tokens,
      q.cueStart, q.cueEnd, q.gaps.map(([a, b]) => `${a}..${b}`).join(';'),
    ]));
    const hits: Cell[][] = records.flatMap((r) => r.hits.map((h) => [
      r.id, r.outlet, r.event, h.frame, h.term, h.match, h.voice, h.speaker, h.quoteId, h.negated, h.sentence, h.start, h.end, h.leftContext, h.rightContext,
    ]));
    expect(readFileSync(staging.path('articles.csv'), 'utf8')).toBe(toCsv(ARTICLE_COLUMNS, articles, csv));
    expect(readFileSync(staging.path('quotes.csv'), 'utf8')).toBe(toCsv(QUOTE_COLUMNS, quotes, csv));
    expect(readFileSync(staging.path('frame_hits.csv'), 'utf8')).toBe(toCsv(HIT_COLUMNS, hits, csv));
    expect(readFileSync(staging.path('errors.csv'), 'utf8')).toBe(toCsv(['input', 'line', 'article_id', 'code', 'message'], [['=bad.jsonl', 3, '', 'E_BAD_JSON', 'bad, "line"']], csv));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 60_000);
