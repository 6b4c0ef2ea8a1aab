/**
 * The README's examples run: the "Lexicons" section's quanteda and LIWC dictionaries are checked and used for
 * a run, and the summary line and the table rows quoted in the worked example are what `npm start` produces.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { framelens } from './helpers/cli.js';
import { packageFile } from '../src/paths.js';
import { acceptedNames } from '../src/corpus/columns.js';

const readme = readFileSync(packageFile('README.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'framelens-readme-'));

/** Code blocks of a README section, with their info string. */
function blocks(section: string): { lang: string; body: string }[] {
  const start = readme.indexOf(`## ${section}`);
  const end = readme.indexOf('\n## ', start + 3);
  const text = readme.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] }));
}

test('the quanteda and LIWC dictionaries in "Lexicons" load cleanly and run', () => {
  const bs = blocks('Lexicons');
  const yaml = bs.find((b) => b.lang === 'yaml')!;
  const dic = bs.find((b) => b.body.startsWith('%\n'))!;
  expect(yaml && dic).toBeTruthy();
  const q = join(dir, 'my_quanteda.yml');
  const l = join(dir, 'my_liwc.dic');
  writeFileSync(q, yaml.body);
  writeFileSync(l, dic.body);
  for (const f of [q, l]) {
    const r = framelens(['lexicon', 'check', f]);
    expect({ f, status: r.status }).toEqual({ f, status: 0 });
    expect(r.stdout).toMatch(/0 error\(s\)/);
  }
  const out = join(dir, 'out');
  const r = framelens(['run', 'corpora/', '--lexicon', q, '--lexicon', l, '--out', out, '--quiet']);
  expect(r.status).toBe(0);
  const frames = readFileSync(join(out, 'frames_by_outlet.csv'), 'utf8');
  expect(frames).toContain(',my_quanteda:politics.domestic,');
  expect(frames).toContain(',my_liwc:negemo,');
});

test('the worked example shows what npm start writes', () => {
  const out = join(dir, 'example');
  const r = framelens(['run', 'corpora/', '--out', out]);
  const summary = /```\n(framelens: 2 articles[^`]*)\n```/.exec(readme)![1];
  const noTimes = (text: string) => text.replace(/in [\d.]+ s\b/g, 'in … s');
  expect(noTimes(r.stderr.trim())).toBe(noTimes(summary.replace('output/', out)));
  const csvBlocks = blocks('Worked example').filter((b) => b.lang === 'csv');
  const frames = readFileSync(join(out, 'frames_by_outlet.csv'), 'utf8');
  for (const line of csvBlocks[0].body.trim().split('\n')) expect(frames).toContain(line);
});

test('the README stays a user guide: under 20 KB, every run option and every recognised column name in it', () => {
  expect(Buffer.byteLength(readme)).toBeLessThan(20_000);
  const help = framelens(['run', '--help']).stdout;
  for (const [, option] of help.matchAll(/^\s+(--[a-z-]+)/gm)) expect({ option, inReadme: readme.includes(`\`${option}`) }).toEqual({ option, inReadme: true });
  const names = acceptedNames();
  const start = readme.indexOf('## Your data');
  const table = readme.slice(start, readme.indexOf('\n## ', start + 3));
  for (const [field, list] of Object.entries(names)) {
    const row = table.split('\n').find((l) => l.startsWith(`| \`${field}\` |`));
    expect({ field, names: row?.split('|')[3].match(/`([^`]+)`/g)?.map((n) => n.slice(1, -1)) }).toEqual({ field, names: list });
  }
});

test('"Opening the CSVs": the SQL examples run on framelens.duckdb, the R regression on article_frames.csv', async () => {
  const out = join(dir, 'analysis');
  expect(framelens(['run', 'test/fixtures/events/articles.jsonl', '--out', out, '--quiet']).status).toBe(0);
  const section = blocks('Opening the CSVs (Excel, LibreOffice, R, pandas)');
  const queries = section.flatMap((b) => [...b.body.matchAll(/"(SELECT [^"]+)"/g)].map((m) => m[1]));
  expect(queries.length).toBe(2);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(join(out, 'framelens.duckdb'), { access_mode: 'READ_ONLY' });
  const con = await db.connect();
  for (const q of queries) expect((await con.runAndReadAll(q)).getRows().length).toBeGreaterThan(0);
  con.closeSync();
  db.closeSync();
  const r = section.find((b) => b.lang === 'r' && b.body.includes('article_frames.csv'))!;
  const rscript = spawnSync('Rscript', ['--version']);
  if (rscript.error) {
    console.warn('readme.test.ts: Rscript not installed (Debian r-base-core): the R regression example is not run');
    return;
  }
  const run = spawnSync('Rscript', ['-e', r.body.replaceAll('output/', `${out}/`)], { encoding: 'utf8' });
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Coefficients:/);
}, 120_000);

test('CITATION.cff and CHANGELOG.md name the version in package.json (what researchers cite)', () => {
  const version = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version as string;
  expect(readFileSync(packageFile('CITATION.cff'), 'utf8')).toMatch(new RegExp(`^version: "${version.replace(/\./g, '\\.')}"$`, 'm'));
  expect(readFileSync(packageFile('CHANGELOG.md'), 'utf8')).toContain(`\n## ${version}\n`);
});
