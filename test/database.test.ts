/**
 * framelens.duckdb: every run leaves the records (schema `records`) and every table in one DuckDB file that R, Python
 * or the DuckDB CLI can query; its tables hold the rows of the CSVs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { framelens } from './helpers/cli.js';

const out = join(mkdtempSync(join(tmpdir(), 'framelens-db-')), 'out');
const csv = (name: string) => parse(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];

beforeAll(() => {
  expect(framelens(['run', 'corpora/', 'test/fixtures/events/articles.jsonl', '--out', out, '--quiet', '--workers', '2']).status).toBe(0);
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(join(out, 'framelens.duckdb'), { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  try {
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

test('the database holds the records and every table, with the CSVs\' rows', async () => {
  const tables = (await query(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables ORDER BY 1`)).map((r) => r.t);
  for (const t of ['main.articles', 'main.quotes', 'main.frame_hits', 'main.speakers', 'main.events', 'main.article_events', 'main.frames_by_outlet', 'main.frame_comparison',
    'main.speakers_by_outlet', 'main.distinctive_terms', 'main.shared_quotes', 'main.errors', 'main.outlet_contrasts', 'main.article_frames', 'main.outlet_rates', 'main.lexicon_fit', 'records.articles', 'records.quotes', 'records.hits', 'records.terms', 'records.notes']) {
    expect(tables).toContain(t);
  }
  for (const name of ['articles', 'quotes', 'frame_hits', 'events', 'frames_by_outlet', 'frame_comparison', 'speakers_by_outlet', 'distinctive_terms', 'shared_quotes',
    'outlet_contrasts', 'article_frames', 'outlet_rates', 'lexicon_fit']) {
    const [{ n }] = await query(`SELECT count(*)::INTEGER AS n FROM main.${name}`);
    expect({ name, n }).toEqual({ name, n: csv(`${name}.csv`).length });
  }
  // Columns as in the CSV, in its order.
  const cols = (await query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'quotes' ORDER BY ordinal_position`)).map((r) => r.column_name);
  expect(cols).toEqual(Object.keys(csv('quotes.csv')[0]));
});

test('a researcher\'s query: frame hits by outlet and voice from the per-article table equal frames_by_outlet', async () => {
  const bySql = await query(`
    SELECT event, outlet, frame, count(*) FILTER (WHERE voice = 'author')::INTEGER AS author, count(*)::INTEGER AS hits
    FROM frame_hits GROUP BY ALL ORDER BY ALL`);
  const fromCsv = csv('frames_by_outlet.csv')
    .filter((r) => Number(r.hits) > 0)
    .map((r) => ({ event: r.event, outlet: r.outlet, frame: r.frame, author: Number(r.hits_author), hits: Number(r.hits) }))
    .sort((a, b) => (JSON.stringify([a.event, a.outlet, a.frame]) < JSON.stringify([b.event, b.outlet, b.frame]) ? -1 : 1));
  expect(bySql.length).toBeGreaterThan(5);
  expect(new Set(bySql.map((r) => JSON.stringify(r)))).toEqual(new Set(fromCsv.map((r) => JSON.stringify(r))));
  // Speakers: one row per named speaker across the corpus.
  const speakers = await query('SELECT speaker, quotes FROM speakers ORDER BY quotes DESC, speaker LIMIT 3');
  expect(speakers.length).toBeGreaterThan(0);
  const named = csv('quotes.csv').filter((q) => q.speaker === speakers[0].speaker).length;
  expect(speakers[0].quotes).toBe(named);
});
