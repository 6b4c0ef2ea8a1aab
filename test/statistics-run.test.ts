/**
 * The statistics tables as `framelens run` and `merge` write them (the bundled corpus and the 30-article, 8-event
 * synthetic corpus of test/fixtures/events): columns in SPEC order, counts agreeing with frame_hits.csv, one outlet_contrasts row
 * recomputed by hand from frames_by_outlet.csv, the codebook describing every column, and the same bytes with 1 or 2
 * workers and through a 2-shard merge.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { framelens } from './helpers/cli.js';
import { writeSyntheticJsonl } from './helpers/corpus.js';
import { loadStoplist } from '../src/engine/statistics/distinctive.js';

/** The bundled seed articles (quotes and paraphrases) and the synthetic events corpus (outlets covering shared events). */
const INPUT = ['corpora/', 'test/fixtures/events/articles.jsonl'];
const NEW_TABLES = ['outlet_contrasts.csv', 'article_frames.csv', 'outlet_rates.csv', 'lexicon_fit.csv', 'distinctive_terms.csv', 'frame_comparison.csv', 'frames_by_outlet.csv', 'articles.csv'];
const dir = mkdtempSync(join(tmpdir(), 'framelens-stats-'));
const out = join(dir, 'w1');
type Row = Record<string, string>;
const raw = (d: string, name: string) => readFileSync(join(d, name), 'utf8');
const table = (name: string) => parse(raw(out, name), { columns: true }) as Row[];
const header = (name: string) => raw(out, name).split('\n')[0].split(',');
const run = (args: string[]) => {
  const r = framelens(args);
  if (r.status !== 0) throw new Error(r.stderr);
  return r;
};

let frames: string[];
let hits: Row[];
let stderr: string;

beforeAll(() => {
  stderr = run(['run', ...INPUT, '--out', out, '--workers', '1', '--quiet']).stderr;
  frames = [...new Set(table('frames_by_outlet.csv').map((f) => f.frame))];
  hits = table('frame_hits.csv');
});

test('columns in SPEC order (extra columns after them)', () => {
  expect(header('outlet_contrasts.csv')).toEqual([
    'frame', 'voice', 'outlet_a', 'outlet_b', 'events', 'mean_a_per_10k', 'mean_b_per_10k', 'diff_per_10k', 'ci_low', 'ci_high', 'p_value', 'q_value', 'p_method',
  ]);
  expect(header('article_frames.csv')).toEqual(['article_id', 'outlet', 'date', 'event', 'title', 'tokens', 'quotes', ...frames.flatMap((f) => [f, `${f}_author`, `${f}_quote`, `${f}_paraphrase`])]);
  expect(header('outlet_rates.csv')).toEqual(['outlet', 'frame', 'voice', 'articles', 'tokens', 'hits', 'per_10k_tokens', 'ci_low', 'ci_high']);
  expect(header('lexicon_fit.csv')).toEqual(['frame', 'hits', 'per_10k_tokens', 'top_term', 'top_term_share', 'events_with_hits', 'articles_with_hits', 'events_below_min_rate']);
  expect(header('distinctive_terms.csv')).toEqual(['event', 'outlet', 'term', 'count', 'count_elsewhere', 'log_odds', 'z', 'significant']);
  expect(header('articles.csv').slice(0, 15)).toEqual([
    'article_id', 'outlet', 'date', 'event', 'title', 'source', 'tokens', 'sentences', 'quotes', 'quoted_tokens',
    'frame_hits', 'frame_hits_author', 'frame_hits_quote', 'frame_hits_paraphrase', 'frame_hits_quoted',
  ]);
  expect(header('frames_by_outlet.csv')).toEqual([
    'event', 'outlet', 'frame', 'articles', 'articles_with_frame', 'hits', 'hits_author', 'hits_quote', 'hits_paraphrase', 'hits_quoted', 'tokens',
    'per_10k_tokens', 'per_10k_author', 'per_10k_quote', 'per_10k_paraphrase', 'per_10k_quoted', 'hits_negated',
  ]);
  expect(header('frame_comparison.csv').slice(-2)).toEqual(['p_exact', 'p_exact_method']);
});

test('counts agree with frame_hits.csv in article_frames, outlet_rates, lexicon_fit, articles and frames_by_outlet', () => {
  const articleFrames = table('article_frames.csv');
  expect(articleFrames.map((a) => a.article_id)).toEqual(table('articles.csv').map((a) => a.article_id));
  expect(articleFrames).toHaveLength(32);
  const sum = (rows: Row[], col: string) => rows.reduce((s, r) => s + Number(r[col]), 0);
  const byOutlet = table('frames_by_outlet.csv');
  const rates = table('outlet_rates.csv');
  for (const f of frames) {
    const n = hits.filter((h) => h.frame === f).length;
    expect(sum(articleFrames, f)).toBe(n);
    expect(Number(table('lexicon_fit.csv').find((r) => r.frame === f)!.hits)).toBe(n);
    expect(sum(rates.filter((r) => r.frame === f && r.voice === 'all'), 'hits')).toBe(n);
    for (const v of ['author', 'quote', 'paraphrase']) {
      const nv = hits.filter((h) => h.frame === f && h.voice === v).length;
      expect(sum(articleFrames, `${f}_${v}`)).toBe(nv);
      expect(sum(rates.filter((r) => r.frame === f && r.voice === v), 'hits')).toBe(nv);
      expect(sum(byOutlet.filter((r) => r.frame === f), `hits_${v}`)).toBe(nv);
    }
  }
  for (const a of table('articles.csv')) {
    const mine = hits.filter((h) => h.article_id === a.article_id);
    for (const v of ['author', 'quote', 'paraphrase']) expect(Number(a[`frame_hits_${v}`])).toBe(mine.filter((h) => h.voice === v).length);
    expect(Number(a.frame_hits_quoted)).toBe(Number(a.frame_hits_quote) + Number(a.frame_hits_paraphrase));
  }
  expect(hits.some((h) => h.voice === 'paraphrase')).toBe(true);
  expect(hits.some((h) => h.voice === 'quote')).toBe(true);
});

test('an outlet_contrasts row recomputed by hand: mean per-event rates over the events both outlets covered', () => {
  const byOutlet = table('frames_by_outlet.csv');
  const row = table('outlet_contrasts.csv').find((r) => r.voice === 'all' && Number(r.events) >= 3 && Number(r.diff_per_10k) !== 0)!;
  expect(row).toBeDefined();
  const rate = (outlet: string, event: string) => {
    const r = byOutlet.find((x) => x.outlet === outlet && x.event === event && x.frame === row.frame);
    return r && Number(r.tokens) > 0 ? (Number(r.hits) / Number(r.tokens)) * 10_000 : null;
  };
  const events = [...new Set(byOutlet.map((r) => r.event))].filter((e) => rate(row.outlet_a, e) !== null && rate(row.outlet_b, e) !== null);
  expect(Number(row.events)).toBe(events.length);
  const mean = (o: string) => events.reduce((s, e) => s + rate(o, e)!, 0) / events.length;
  expect(Number(row.mean_a_per_10k)).toBeCloseTo(mean(row.outlet_a), 3);
  expect(Number(row.mean_b_per_10k)).toBeCloseTo(mean(row.outlet_b), 3);
  expect(Number(row.diff_per_10k)).toBeCloseTo(mean(row.outlet_a) - mean(row.outlet_b), 3);
  expect(Number(row.ci_low)).toBeLessThanOrEqual(Number(row.diff_per_10k));
  expect(Number(row.ci_high)).toBeGreaterThanOrEqual(Number(row.diff_per_10k));
});

test('distinctive_terms lists over-represented terms only, flagged significant at |z| >= 1.96', () => {
  // The combined run's events have no over-represented term of 3 uses or more; the bundled corpus alone has some.
  expect(table('distinctive_terms.csv')).toEqual([]);
  const bundled = join(dir, 'bundled');
  run(['run', 'corpora/', '--out', bundled, '--quiet']);
  const rows = parse(raw(bundled, 'distinctive_terms.csv'), { columns: true }) as Row[];
  expect(rows.length).toBeGreaterThan(10);
  // Two seed articles: no term reaches |z| 1.96 (the report says nothing stands out); no stoplisted word is listed.
  expect(rows.filter((r) => r.significant === 'true')).toEqual([]);
  const stop = loadStoplist();
  expect(rows.filter((r) => stop.has(r.term))).toEqual([]);
  for (const r of rows) {
    expect(Number(r.z)).toBeGreaterThan(0);
    expect(r.significant).toBe(Number(r.z) >= 1.96 ? 'true' : 'false');
  }
});

test('lexicon_fit\'s warnings are on stderr even under --quiet: one per frame of 20 hits or more whose top term has over half', () => {
  // This test's corpus: the immigration lexicon hardly matches the synthetic events (all frames' hits per event,
  // from frames_by_outlet.csv, under 1 per 10,000 tokens in most events); no frame has 20 hits.
  const perEvent = new Map<string, [number, number]>();
  for (const r of table('frames_by_outlet.csv')) {
    const [h, t] = perEvent.get(r.event) ?? [0, 0];
    perEvent.set(r.event, [h + Number(r.hits), t + (r.frame === frames[0] ? Number(r.tokens) : 0)]);
  }
  const low = [...perEvent.values()].filter(([h, t]) => (h / t) * 10_000 < 1).length;
  expect(low * 2).toBeGreaterThan(perEvent.size);
  expect(stderr).toBe(`framelens: warning: lexicon: all frames together match less than 1 per 10,000 tokens in ${low} of ${perEvent.size} events: the lexicon hardly matches this corpus (lexicon_fit.csv)\n`);
  // The synthetic corpus (few words, repeated): frames made of one term.
  const input = join(dir, 'synthetic.jsonl');
  writeSyntheticJsonl(input, 40);
  const synthetic = join(dir, 'synthetic');
  const r = run(['run', input, '--out', synthetic, '--quiet']);
  const expected = (parse(raw(synthetic, 'lexicon_fit.csv'), { columns: true }) as Row[])
    .filter((f) => Number(f.hits) >= 20 && Number(f.top_term_share) > 0.5)
    .map((f) => `framelens: warning: lexicon: frame "${f.frame}": the term "${f.top_term}" makes ${Math.round(Number(f.top_term_share) * 100)}% of its ${f.hits} hits (lexicon_fit.csv)`);
  expect(expected.length).toBeGreaterThan(2);
  expect(r.stderr.trimEnd().split('\n')).toEqual(expected);
});

test('the codebook describes every column of the new tables', () => {
  const codebook = raw(out, 'codebook.md');
  for (const name of ['outlet_contrasts.csv', 'article_frames.csv', 'outlet_rates.csv', 'lexicon_fit.csv']) {
    const section = codebook.split(`## ${name}`)[1].split('\n## ')[0];
    for (const c of header(name)) expect(section).toContain(`| \`${c}\` |`);
  }
  expect(codebook).toContain('| `p_exact` |');
  expect(codebook).toContain('| `significant` |');
});

test('the same bytes with 2 workers and through a 2-shard merge', () => {
  const w2 = join(dir, 'w2');
  run(['run', ...INPUT, '--out', w2, '--workers', '2', '--quiet']);
  const shards = [0, 1].map((k) => {
    const s = join(dir, `shard${k}`);
    run(['run', ...INPUT, '--out', s, '--shard', `${k}/2`, '--quiet']);
    return s;
  });
  const merged = join(dir, 'merged');
  run(['merge', shards[1], shards[0], '--out', merged, '--quiet']);
  for (const name of NEW_TABLES) {
    expect({ name, bytes: raw(w2, name) }).toEqual({ name, bytes: raw(out, name) });
    expect({ name, bytes: raw(merged, name) }).toEqual({ name, bytes: raw(out, name) });
  }
});
