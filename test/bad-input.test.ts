/**
 * Nothing lost, nothing injected: every kind of bad input under test/fixtures/bad/ is skipped with its code and
 * file:line, every good article is still analysed, and crafted formula text never reaches a spreadsheet as a formula.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { framelens } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-bad-'));
const csv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe('the bad-input corpus', () => {
  const out = join(dir, 'bad');
  let r: ReturnType<typeof framelens>;
  beforeAll(() => {
    r = framelens(['run', 'test/fixtures/bad', '--out', out, '--max-chars', '5000', '--workers', '2']);
  });

  test('the run completes (exit 0) and counts what it skipped; --strict makes it exit 1', () => {
    expect(r.status).toBe(0);
    const expected = csv('test/fixtures/bad-expected-errors.csv');
    expect(r.stderr).toContain(`${expected.length} rejected`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.counts.rejected).toBe(expected.length);
    expect(framelens(['run', 'test/fixtures/bad', '--out', join(dir, 'strict'), '--max-chars', '5000', '--strict', '--quiet']).status).toBe(1);
  });

  test('errors.csv lists each bad input with its code and file:line', () => {
    const got = csv(join(out, 'errors.csv'))
      .filter((e) => e.code.startsWith('E_'))
      .map((e) => `${e.input.replace('test/fixtures/bad/', '')}:${e.line}:${e.code}`);
    const expected = csv('test/fixtures/bad-expected-errors.csv').map((e) => `${e.file}:${e.line}:${e.code}`);
    expect([...got].sort()).toEqual([...expected].sort());
  });

  test('every good article is analysed, whatever its encoding or line ends', () => {
    const ids = csv(join(out, 'articles.csv')).map((a) => a.article_id).sort();
    expect(ids).toEqual(['bom-utf8.txt', 'c1', 'c4', 'crlf.txt', 'd1', 'j1', 'j5', 'u1', 'u3', 'unbalanced.txt', 'utf16.txt'].sort());
    const quotes = csv(join(out, 'quotes.csv'));
    expect(quotes.find((q) => q.article_id === 'bom-utf8.txt')?.speaker).toBe('Maria Lopez');
    expect(quotes.find((q) => q.article_id === 'crlf.txt')?.speaker).toBe('Peter Hall');
  });

  test('an unclosed quotation mark does not swallow the rest of the article', () => {
    const text = readFileSync('test/fixtures/bad/unbalanced.txt', 'utf8').split('\n\n').slice(1).join('\n\n');
    const quotes = csv(join(out, 'quotes.csv')).filter((q) => q.article_id === 'unbalanced.txt');
    for (const q of quotes) expect(q.text).not.toContain('outlet\'s own voice');
    const note = csv(join(out, 'errors.csv')).find((e) => e.code === 'W_UNBALANCED_QUOTES');
    expect(note).toMatchObject({ input: 'test/fixtures/bad/unbalanced.txt', line: '4', article_id: 'unbalanced.txt' });
    const hits = csv(join(out, 'frame_hits.csv')).filter((h) => h.article_id === 'unbalanced.txt' && h.frame === 'chaos');
    expect(hits.map((h) => h.voice)).toEqual(['author']);
    expect(text.length).toBeGreaterThan(0);
  });
});

test('pathological text (a 200 KB paragraph, thousands of quote marks, no punctuation) is analysed, spans stay inside', () => {
  const input = join(dir, 'patho');
  mkdirSync(input);
  const words = Array.from({ length: 40_000 }, (_, i) => ['border', 'chaos', 'said', 'he', 'the'][i % 5]).join(' ');
  writeFileSync(join(input, 'long-paragraph.txt'), `outlet: P\nevent: e\n\n${words.slice(0, 200_000)}`);
  writeFileSync(join(input, 'marks.txt'), `outlet: P\nevent: e\n\n${'“a” "b" ” “ " '.repeat(2000)} he said.`);
  writeFileSync(join(input, 'no-punct.txt'), `outlet: P\nevent: e\n\n${'and then the officials said that '.repeat(3000)}`);
  const out = join(dir, 'patho-out');
  const r = framelens(['run', input, '--out', out, '--quiet']);
  expect(r.status).toBe(0);
  const texts: Record<string, string> = {};
  for (const f of ['long-paragraph.txt', 'marks.txt', 'no-punct.txt']) texts[f] = readFileSync(join(input, f), 'utf8').split('\n\n').slice(1).join('\n\n');
  expect(csv(join(out, 'articles.csv'))).toHaveLength(3);
  for (const q of csv(join(out, 'quotes.csv'))) {
    expect(Number(q.end)).toBeLessThanOrEqual(texts[q.article_id].length);
    expect(texts[q.article_id].slice(Number(q.start), Number(q.end))).toBe(q.text.replace(/^'(?=[=+\-@\t\r])/, ''));
  }
});

test('formula-like titles, outlets, speakers and quotes are neutralised; numeric columns are not', () => {
  const input = join(dir, 'formula.jsonl');
  writeFileSync(
    input,
    JSON.stringify({ id: '=cmd|calc', outlet: '@SUM(1+1)', title: '+HYPERLINK("http://x")', event: '-e', text: '“=1+2 is chaos,” said Sen. Maria Lopez.' }) + '\n',
  );
  const out = join(dir, 'formula-out');
  expect(framelens(['run', input, '--out', out, '--quiet']).status).toBe(0);
  const articles = csv(join(out, 'articles.csv'));
  expect(articles[0]).toMatchObject({ article_id: "'=cmd|calc", outlet: "'@SUM(1+1)", title: "'+HYPERLINK(\"http://x\")", event: "'-e" });
  const quotes = csv(join(out, 'quotes.csv'));
  expect(quotes[0].text.startsWith("'=1+2")).toBe(true);
  for (const name of ['articles.csv', 'quotes.csv', 'frame_hits.csv', 'frames_by_outlet.csv', 'speakers_by_outlet.csv', 'errors.csv']) {
    for (const row of csv(join(out, name))) {
      for (const [col, v] of Object.entries(row)) {
        if (/^[=+@\t\r]/.test(v) || (/^-/.test(v) && !/^-\d/.test(v))) throw new Error(`${name}.${col} starts with a formula character: ${v}`);
      }
    }
  }
});

test('ids and metadata never become file paths: output stays under --out', () => {
  const input = join(dir, 'paths.jsonl');
  writeFileSync(input, JSON.stringify({ id: '../../escape', outlet: '../../../tmp/x', event: '/etc/passwd', text: 'Some text, he said.' }) + '\n');
  const out = join(dir, 'paths-out');
  const before = [...readdirSync(dir), 'paths-out'].sort();
  expect(framelens(['run', input, '--out', out, '--quiet']).status).toBe(0);
  expect(csv(join(out, 'articles.csv'))[0].article_id).toBe('../../escape');
  expect(readdirSync(dir).sort()).toEqual(before);
});
