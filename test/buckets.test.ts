/** The bucketed reduce writes exactly the tables of one in-memory Aggregator over the whole corpus, and cleans up. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Aggregator, type Tables } from '../src/aggregate/tables.js';
import { BucketedTables, bucketOf, BUCKETS } from '../src/pipeline/buckets.js';
import { Staging } from '../src/export/atomic.js';
import { toCsv } from '../src/export/csv.js';
import { renderPage, renderSection, type ReportMeta } from '../src/export/report.js';
import { ChartedEvents, chartedEvents, REPORT_MAX_EVENTS, REPORT_TOP_SPEAKERS, REPORT_TOP_TERMS, reportRows, type EventSize } from '../src/export/report-data.js';
import { EventSummaries } from '../src/aggregate/events.js';
import type { AnalyzedArticle, FrameHitRecord, QuoteRecord } from '../src/types.js';
import { seededRandom } from './helpers/random.js';

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

test.each([
  ['buckets reduced whole', 60, 7, undefined],
  ['large buckets reduced in parts (every spill file above 300 bytes)', 600, 149, 300],
  ['many events (1,109), each with its rows\' byte ranges', 2300, 1109, undefined],
  ['one article per event: no event compares outlets, so the largest of all are charted', 40, 40, undefined],
])('bucketed tables equal the whole-corpus tables, byte for byte; the spill folder is removed: %s', async (_, n, events, splitBytes) => {
  const records = Array.from({ length: n }, (_, i) => record(i, events));
  expect(new Set(records.map((r) => bucketOf(r.event))).size).toBeGreaterThan(1);
  expect(bucketOf('event 1')).toBeLessThan(BUCKETS);
  // events.csv and the charted events as one EventSummaries of the whole corpus gives them.
  const summaries = new EventSummaries();
  for (const r of records) summaries.add(r.event, r.outlet, r.date);

  const agg = new Aggregator(FRAMES);
  for (const r of records) agg.add(r, r.event);
  const whole = agg.tables();
  // Quotes are shared, and terms set outlets apart, only within events of several outlets.
  expect(whole.shared_quotes.rows.length > 0).toBe(n > events);
  expect(whole.distinctive_terms.rows.length > 0).toBe(n > events);

  const out = mkdtempSync(join(tmpdir(), 'framelens-buckets-'));
  try {
    const staging = new Staging(out);
    const bucketed = new BucketedTables(FRAMES, staging.dir, 1, splitBytes);
    for (const r of records) bucketed.add(r, r.event);
    const sections = new Map<string, Tables>();
    const done = await bucketed.finish(staging, { excel: false }, (e, t) => {
      expect(sections.has(e)).toBe(false);
      sections.set(e, t);
    });
    const { columns } = done;
    expect(done.eventCount).toBe(events);
    expect(readFileSync(staging.path('events.csv'), 'utf8')).toBe(toCsv(EventSummaries.COLUMNS, [...summaries.rows()], { excel: false }));
    expect(done.charted).toEqual(chartedEvents(summaries.sizes()));
    expect(new Set(done.charted)).toEqual(new Set(sections.keys()));
    const charted = joined(sections);
    for (const [name, t] of Object.entries(whole) as [keyof Tables, Tables[keyof Tables]][]) {
      expect(readFileSync(staging.path(`${name}.csv`), 'utf8')).toBe(toCsv(t.columns, t.rows, { excel: false }));
      expect(columns[name]).toEqual(t.columns);
      // The report's rows are the rows it reads of the whole table's charted events.
      const chartedEvents = new Set(charted.frames_by_outlet.rows.map((r) => r[0]));
      expect(chartedEvents).toEqual(new Set(done.charted));
      expect(charted[name].rows).toEqual(reportRows(name, t.rows.filter((r) => chartedEvents.has(r[0]))));
    }
    expect(readdirSync(staging.dir).filter((f) => f.startsWith('buckets-'))).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

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
  const agg = new Aggregator(FRAMES);
  for (const r of records) agg.add(r, r.event);
  const whole = agg.tables();
  const out = mkdtempSync(join(tmpdir(), 'framelens-buckets-'));
  try {
    const staging = new Staging(out);
    const bucketed = new BucketedTables(FRAMES, staging.dir, 1);
    for (const r of records) bucketed.add(r, r.event);
    const sections = new Map<string, Tables>();
    const done = await bucketed.finish(staging, { excel: false }, (e, t) => sections.set(e, t));
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
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the charted events found one bucket at a time are those of all events at once', () => {
  // Random event sizes shared out into buckets and given to ChartedEvents a bucket at a time (as BucketedTables.finish
  // does), against the rule written out over every event: those that compare outlets (else all), the most articles
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
