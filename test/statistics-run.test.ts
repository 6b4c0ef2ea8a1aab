/**
 * The statistics tables over a real run (the 30-article, 8-event synthetic corpus of test/fixtures/events): the input
 * rows made from articles.jsonl, every table built twice (the same rows), and the tables' counts agreeing with
 * frame_hits.csv and with each other.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { framelens } from './helpers/cli.js';
import { statisticsInputs, type StatisticsRecord } from '../src/engine/statistics/inputs.js';
import { statisticsTables } from '../src/engine/statistics/index.js';
import { loadStoplist } from '../src/engine/statistics/distinctive.js';

const out = mkdtempSync(join(tmpdir(), 'framelens-stats-'));
const table = (name: string) => parse(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];
let build: () => ReturnType<typeof statisticsTables>;
let frames: string[];
let hitsCsv: Record<string, string>[];

beforeAll(() => {
  const r = framelens(['run', 'test/fixtures/events/articles.jsonl', '--out', out, '--workers', '1', '--quiet']);
  if (r.status !== 0) throw new Error(r.stderr);
  const eventOf = new Map(table('articles.csv').map((a) => [a.article_id, a.event]));
  frames = [...new Set(table('frames_by_outlet.csv').map((f) => f.frame))];
  hitsCsv = table('frame_hits.csv');
  const records = readFileSync(join(out, 'articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as StatisticsRecord);
  const stop = loadStoplist();
  build = () => statisticsTables(frames, statisticsInputs(records.map((record) => ({ record, event: eventOf.get(record.id)! }))), stop);
});

test('the same tables built twice', () => {
  expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
});

test('counts agree with frame_hits.csv across article_frames, outlet_rates and lexicon_fit', () => {
  const t = build();
  expect(t.article_frames.rows).toHaveLength(30);
  for (const f of frames) {
    const n = hitsCsv.filter((h) => h.frame === f).length;
    const col = t.article_frames.columns.indexOf(f);
    expect(t.article_frames.rows.reduce((s, r) => s + (r[col] as number), 0)).toBe(n);
    for (const v of ['author', 'quote', 'paraphrase']) {
      const cv = t.article_frames.columns.indexOf(`${f}_${v}`);
      const nv = hitsCsv.filter((h) => h.frame === f && h.voice === v).length;
      expect(t.article_frames.rows.reduce((s, r) => s + (r[cv] as number), 0)).toBe(nv);
      expect(t.outlet_rates.rows.filter((r) => r[1] === f && r[2] === v).reduce((s, r) => s + (r[5] as number), 0)).toBe(nv);
    }
    expect(t.lexicon_fit.rows.find((r) => r[0] === f)![1]).toBe(n);
  }
});

test('outlet_contrasts: every frame × voice × pair of the 4 outlets, over the events both covered, with exact p-values', () => {
  const t = build();
  expect(t.outlet_contrasts.rows).toHaveLength(frames.length * 4 * 6);
  const covered = new Map<string, Set<string>>();
  for (const a of table('articles.csv')) {
    if (!covered.has(a.outlet)) covered.set(a.outlet, new Set());
    covered.get(a.outlet)!.add(a.event);
  }
  for (const r of t.outlet_contrasts.rows) {
    const shared = [...covered.get(r[2] as string)!].filter((e) => covered.get(r[3] as string)!.has(e)).length;
    expect(r[4]).toBe(shared);
    expect(shared).toBeGreaterThanOrEqual(3);
    expect(r[12]).toBe('exact');
    // p over 2^n sign patterns, n ≤ 8: a multiple of 1 / 256 (written to 6 significant digits)
    expect(Math.round((r[10] as number) * 256) / 256).toBeCloseTo(r[10] as number, 6);
    expect(r[8] as number).toBeLessThanOrEqual(r[9] as number);
  }
});
