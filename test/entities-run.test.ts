/**
 * Speakers merged across the corpus by `framelens run` and `framelens merge` (src/engine/entities.ts): one speaker_id
 * and canonical name per person in quotes.csv, speakers_by_outlet.csv and entities.csv; `--aliases FILE` forcing a
 * merge; a broken alias file stopping the run before anything is written; the same bytes whatever the worker count
 * and after a shard merge. The corpus is made up here: seven one-quote articles in two outlets.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { framelens, outputFiles } from './helpers/cli.js';

const ARTICLES: [string, string, string][] = [
  ['a1', 'Outlet X', '"We will build the wall and it will be beautiful," Donald Trump said on Monday at a rally in Ohio.'],
  ['a2', 'Outlet Y', '"Jobs are coming back to this country very fast," Donald Trump said in a speech on Tuesday.'],
  ['a3', 'Outlet X', '"The economy is stronger than it has ever been," Donald J. Trump said in a statement.'],
  ['a4', 'Outlet Y', '"Nobody knew health care could be so complicated," Trump said on Wednesday.'],
  ['a5', 'Outlet X', '"I never had any interest in running again," Bill Clinton said at the library.'],
  ['a6', 'Outlet Y', '"I am ready to lead this country on day one," Hillary Clinton said at the debate.'],
  ['a7', 'Outlet X', '"We need a plan for the border that works," Clinton said on Thursday.'],
];

const dir = mkdtempSync(join(tmpdir(), 'framelens-entities-run-'));
const corpus = join(dir, 'corpus.jsonl');
writeFileSync(corpus, ARTICLES.map(([id, outlet, text], i) => JSON.stringify({ id, outlet, date: `2016-10-0${i + 1}`, event: 'campaign', text })).join('\n') + '\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = (out: string, name: string) => parse(readFileSync(join(out, name), 'utf8'), { columns: true }) as Record<string, string>[];

function run(name: string, extra: string[] = []): string {
  const out = join(dir, name);
  const r = framelens(['run', corpus, '--out', out, '--quiet', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return out;
}

let plain: string;
beforeAll(() => {
  plain = run('plain', ['--workers', '1']);
});

test('"Donald Trump", "Donald J. Trump" and "Trump" are one speaker_id in quotes.csv, speakers_by_outlet.csv and entities.csv', () => {
  const quotes = table(plain, 'quotes.csv');
  const trump = quotes.filter((q) => ['a1', 'a2', 'a3', 'a4'].includes(q.article_id));
  expect(trump).toHaveLength(4);
  expect(new Set(trump.map((q) => q.speaker))).toEqual(new Set(['Donald Trump']));
  const ids = new Set(trump.map((q) => q.speaker_id));
  expect(ids.size).toBe(1);
  const [id] = ids;
  expect(id).toMatch(/^s_[0-9a-f]{10}$/);
  // The written forms survive in speaker_mention and in entities.csv's variants.
  expect(trump.map((q) => q.speaker_mention)).toEqual(['Donald Trump', 'Donald Trump', 'Donald J. Trump', 'Trump']);

  const entities = table(plain, 'entities.csv');
  expect(Object.keys(entities[0])).toEqual(['speaker_id', 'speaker', 'speaker_type', 'variants', 'quotes', 'articles', 'outlets']);
  expect(entities[0]).toEqual({ speaker_id: id, speaker: 'Donald Trump', speaker_type: 'person', variants: 'Donald Trump (2); Donald J. Trump (1); Trump (1)', quotes: '4', articles: '4', outlets: '2' });

  const speakers = table(plain, 'speakers_by_outlet.csv');
  const trumpRows = speakers.filter((s) => s.speaker_id === id);
  expect(trumpRows.map((s) => [s.outlet, s.speaker, s.quotes])).toEqual([['Outlet X', 'Donald Trump', '2'], ['Outlet Y', 'Donald Trump', '2']]);
  expect(speakers.some((s) => /Trump/.test(s.speaker) && s.speaker !== 'Donald Trump')).toBe(false);
});

test('Bill and Hillary Clinton stay apart, and "Clinton" alone joins neither', () => {
  const quotes = table(plain, 'quotes.csv');
  const of = (id: string) => quotes.find((q) => q.article_id === id)!;
  expect([of('a5').speaker, of('a6').speaker, of('a7').speaker]).toEqual(['Bill Clinton', 'Hillary Clinton', 'Clinton']);
  expect(new Set([of('a5').speaker_id, of('a6').speaker_id, of('a7').speaker_id]).size).toBe(3);
  expect(table(plain, 'entities.csv').map((e) => e.speaker).sort()).toEqual(['Bill Clinton', 'Clinton', 'Donald Trump', 'Hillary Clinton']);
});

test('an alias file forces a merge: "Clinton" becomes Hillary Clinton everywhere', () => {
  const aliases = join(dir, 'aliases.csv');
  writeFileSync(aliases, 'alias,speaker\nClinton,Hillary Clinton\n');
  const out = run('aliased', ['--aliases', aliases]);
  const quotes = table(out, 'quotes.csv');
  const of = (id: string) => quotes.find((q) => q.article_id === id)!;
  expect(of('a7').speaker).toBe('Hillary Clinton');
  expect(of('a7').speaker_id).toBe(of('a6').speaker_id);
  expect(of('a5').speaker_id).not.toBe(of('a6').speaker_id);
  const hillary = table(out, 'entities.csv').find((e) => e.speaker === 'Hillary Clinton')!;
  expect(hillary).toMatchObject({ variants: 'Clinton (1); Hillary Clinton (1)', quotes: '2', articles: '2', outlets: '2' });
  expect(table(out, 'entities.csv').some((e) => e.speaker === 'Clinton')).toBe(false);
  const speakers = table(out, 'speakers_by_outlet.csv').filter((s) => s.speaker === 'Hillary Clinton');
  expect(speakers.map((s) => [s.outlet, s.quotes])).toEqual([['Outlet X', '1'], ['Outlet Y', '1']]);
  // The alias file is part of the settings recorded.
  const recorded = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).settings;
  expect(recorded.aliases).toBe(aliases);
  expect(recorded.aliases_sha256).toBe(createHash('sha256').update(readFileSync(aliases)).digest('hex'));
  // Without the file the tables are those of the plain run.
  expect(readFileSync(join(plain, 'entities.csv'), 'utf8')).not.toBe(readFileSync(join(out, 'entities.csv'), 'utf8'));
});

test('a broken alias file is a usage error (exit 2) naming file:line, and nothing is written', () => {
  const aliases = join(dir, 'broken.csv');
  writeFileSync(aliases, 'alias,speaker\nTrump,Donald Trump\nClinton,Hillary Clinton,extra\n');
  const out = join(dir, 'broken-out');
  const r = framelens(['run', corpus, '--out', out, '--aliases', aliases]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`${aliases}:3`);
  expect(existsSync(out)).toBe(false);
  const missing = framelens(['run', corpus, '--out', out, '--aliases', join(dir, 'no-such.csv')]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('no-such.csv:1');
  expect(existsSync(out)).toBe(false);
});

test('1 and 2 workers, and a merge of 2 shards, write the same bytes', () => {
  const reference = outputFiles(plain);
  expect(reference['entities.csv']).toBeDefined();
  expect(outputFiles(run('two', ['--workers', '2']))).toEqual(reference);
  const shards = [0, 1].map((k) => run(`shard${k}`, ['--shard', `${k}/2`]));
  // Each shard alone sees part of the corpus: its entities are not the corpus's.
  expect(shards.map((s) => readFileSync(join(s, 'entities.csv'), 'utf8'))).not.toContain(reference['entities.csv']);
  const merged = join(dir, 'merged');
  const r = framelens(['merge', shards[1], shards[0], '--out', merged, '--quiet']);
  expect(r.status).toBe(0);
  expect(outputFiles(merged)).toEqual(reference);
});

test('merge --aliases applies the alias file to the speakers of all shards', () => {
  const aliases = join(dir, 'aliases.csv');
  const merged = join(dir, 'merged-aliased');
  const r = framelens(['merge', join(dir, 'shard0'), join(dir, 'shard1'), '--out', merged, '--quiet', '--aliases', aliases]);
  expect(r.status).toBe(0);
  expect(outputFiles(merged)).toEqual(outputFiles(join(dir, 'aliased')));
});
