/**
 * The same input gives the same bytes: whatever --workers, whatever the order of inputs on the command line, across
 * repeated runs, through --resume, and through --shard K/N + merge. Only manifest.json may differ.
 */
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { besidesLexiconWarnings, framelens, outputFiles } from './helpers/cli.js';
import { writeSyntheticJsonl } from './helpers/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-det-'));
const a = join(dir, 'a.jsonl');
const b = join(dir, 'b');
writeSyntheticJsonl(a, 40, ['{"broken json', '{"id":"art-0003","text":"duplicate id"}']);
import { mkdirSync } from 'node:fs';
mkdirSync(b);
writeFileSync(join(b, 'x.txt'), 'outlet: Daily Planet\nevent: quotas\n\n“It is chaos,” Sen. Maria Lopez said. She called it cruel.\n');
writeFileSync(join(b, 'y.txt'), 'outlet: Border Wire\nevent: raids\n\nThe humane plan, Gov. Peter Hall said, is working.\n');

function runTo(name: string, args: string[]): Record<string, string> {
  const out = join(dir, name);
  const r = framelens(['run', ...args, '--out', out, '--quiet']);
  expect(besidesLexiconWarnings(r.stderr)).toBe('');
  expect(r.status).toBe(0);
  return outputFiles(out);
}

const reference = runTo('ref', [a, b, '--workers', '1']);

test('the reference run analysed the articles and listed the two bad lines', () => {
  expect(reference['articles.csv'].split('\n').length - 2).toBe(42);
  expect(reference['errors.csv']).toMatch(/E_JSON/);
  expect(reference['errors.csv']).toMatch(/E_DUPLICATE_ID/);
});

test('--workers 2 and 3 give identical bytes', () => {
  expect(runTo('w2', [a, b, '--workers', '2'])).toEqual(reference);
  expect(runTo('w3', [a, b, '--workers', '3', '--batch-size', '3'])).toEqual(reference);
});

test('inputs in another order on the command line give identical bytes', () => {
  expect(runTo('order', [b, a, '--workers', '2'])).toEqual(reference);
});

test('--resume over a finished run reuses every article and changes nothing', () => {
  const out = join(dir, 'resume');
  framelens(['run', a, b, '--out', out, '--quiet', '--workers', '2']);
  const r = framelens(['run', a, b, '--out', out, '--resume', '--workers', '2']);
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/\(0 analysed, 42 reused\)/);
  expect(outputFiles(out)).toEqual(reference);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  expect(manifest.counts.reused).toBe(42);
});

test('--shard K/N runs merged give the single run\'s bytes', () => {
  const shards = [0, 1, 2].map((k) => {
    const out = join(dir, `shard${k}`);
    const r = framelens(['run', a, b, '--out', out, '--shard', `${k}/3`, '--quiet']);
    expect(r.status).toBe(0);
    return out;
  });
  const counts = shards.map((s) => readFileSync(join(s, 'articles.csv'), 'utf8').split('\n').length - 2);
  expect(counts.reduce((x, y) => x + y, 0)).toBe(42);
  expect(Math.min(...counts)).toBeGreaterThan(0);
  const merged = join(dir, 'merged');
  const r = framelens(['merge', shards[2], shards[0], shards[1], '--out', merged, '--quiet']);
  expect(besidesLexiconWarnings(r.stderr)).toBe('');
  expect(r.status).toBe(0);
  expect(outputFiles(merged)).toEqual(reference);
});

test('merge refuses an incomplete set of shards', () => {
  const r = framelens(['merge', join(dir, 'shard0'), join(dir, 'shard1'), '--out', join(dir, 'bad-merge')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/expected shards 0..2 of 3 exactly once/);
});

test('merge refuses shards written by another version (their records differ)', () => {
  const old = [0, 1, 2].map((k) => {
    const copy = join(dir, `old-shard${k}`);
    cpSync(join(dir, `shard${k}`), copy, { recursive: true });
    const m = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...m, version: '0.0.1' }));
    return copy;
  });
  const r = framelens(['merge', ...old, '--out', join(dir, 'old-merge')]);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/written by framelens 0\.0\.1, this is \d+\.\d+\.\d+: merge shards with the version that wrote them/);
});

test('the default event mode gives --events auto\'s bytes when only some articles have an event', () => {
  // Without --events, articles with an event keep it only if every article has one; otherwise the whole corpus is
  // grouped as with --events auto (manifest.json says which mode ran).
  const mixed = join(dir, 'mixed.jsonl');
  const lines = readFileSync(a, 'utf8').split('\n').filter((l) => l.startsWith('{"id"') && l.includes('"text"'));
  // Some dates in other forms, normalised to YYYY-MM-DD before the grouping names events by them.
  const odd = ['Mon, 27 Jan 2025 09:00:00 +0000', 'January 28, 2025 Tuesday'];
  const mixedLines = lines.map((l, i) => JSON.stringify({ ...JSON.parse(l), ...(i >= 10 ? { event: '' } : {}), ...(i % 9 === 4 ? { date: odd[i % 2] } : {}) }));
  writeFileSync(mixed, mixedLines.join('\n') + '\n');
  const byDefault = runTo('mixed-default', [mixed, '--workers', '2']);
  const reDated = JSON.parse(mixedLines[13]) as { id: string; outlet: string };
  expect(byDefault['articles.csv']).toContain(`\n${reDated.id},${reDated.outlet},2025-01-28,`);
  expect(byDefault['articles.csv'] + byDefault['events.csv']).not.toMatch(/Jan 2025|January/);
  expect(byDefault).toEqual(runTo('mixed-auto', [mixed, '--events', 'auto', '--workers', '1']));
  expect(JSON.parse(readFileSync(join(dir, 'mixed-default', 'manifest.json'), 'utf8')).counts.eventMode).toBe('auto');
  // Merged shards group after the merge (the grouping's first pass reads the merged records): the same bytes.
  const shards = [0, 1].map((k) => {
    const out = join(dir, `mixed-shard${k}`);
    expect(framelens(['run', mixed, '--out', out, '--shard', `${k}/2`, '--quiet']).status).toBe(0);
    return out;
  });
  const merged = join(dir, 'mixed-merged');
  expect(framelens(['merge', ...shards, '--out', merged, '--quiet']).status).toBe(0);
  expect(outputFiles(merged)).toEqual(byDefault);
});
