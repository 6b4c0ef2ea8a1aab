/**
 * Researchers' export layouts read without options: one tiny made-up corpus per layout in test/fixtures/exports
 * (Media Cloud, Nexis Uni, common column names, .jsonl keys, no outlet column, names needing --columns, dates, mixed
 * line endings, UTF-16 JSON lines), read through the corpus reader and, for what the user sees, through the CLI.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, readCorpus, type ReadItem } from '../src/corpus/read.js';
import { IntakeReport, parseColumnsOption, resolveColumns, type ColumnOverrides } from '../src/corpus/columns.js';
import { normaliseDate, type DateOrder } from '../src/corpus/dates.js';
import { framelens, outputFiles } from './helpers/cli.js';
import { packageFile } from '../src/paths.js';

const fixture = (name: string) => packageFile(join('test/fixtures/exports', name));

async function read(name: string, opts: { columns?: ColumnOverrides; dateOrder?: DateOrder } = {}) {
  const intake = new IntakeReport();
  const items: ReadItem[] = [];
  for await (const it of readCorpus(expandInputs([fixture(name)]), { maxChars: 100_000, intake, ...opts })) items.push(it);
  return { articles: items.flatMap((i) => (i.article ? [i.article] : [])), problems: items.flatMap((i) => (i.problem ? [i.problem] : [])), intake };
}

const pick = (a: { id: string; outlet: string; date: string; title: string }) => [a.id, a.outlet, a.date, a.title];

describe('export layouts recognised without options', () => {
  test('Media Cloud: stories_id, media_name, publish_date (a date-time), title, url, text', async () => {
    const { articles, problems, intake } = await read('mediacloud.csv');
    expect(problems).toEqual([]);
    expect(articles.map(pick)).toEqual([
      ['1001', 'Coastal Ledger', '2031-03-04', 'Harbour town opens new ferry terminal'],
      ['1002', 'Harbour Herald', '2031-03-04', 'Ferry terminal opens after delays'],
    ]);
    expect(articles[0].url).toBe('https://example.org/a/1001');
    expect(articles[0].extra).toEqual({ media_url: 'example.org', language: 'en' });
    expect(intake.columns()[0].fields).toBe('text=text, id=stories_id, outlet=media_name, date=publish_date, title=title, url=url');
  });

  test('Nexis Uni: Title, Source, Date ("July 2, 2010 Friday"), Byline, Body', async () => {
    const { articles, problems, intake } = await read('nexis.csv');
    expect(problems).toEqual([]);
    expect(articles.map(pick)).toEqual([
      ['nexis.csv#2', 'The Valley Courier', '2010-07-02', 'Inland rail link approved'],
      ['nexis.csv#3', 'Northern Post', '2010-07-02', 'Rail vote divides council'],
    ]);
    expect(articles[0].text.startsWith('The council approved')).toBe(true);
    expect(articles[0].extra.Byline).toBe('Ana Ruiz');
    expect(intake.columns()[0].fields).toBe('text=Body, outlet=Source, date=Date, title=Title');
  });

  test('common names: headline, source, published ("2 July 2010", "Jul 2, 2010"), body', async () => {
    const { articles, problems } = await read('source-column.csv');
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.outlet, a.date, a.title])).toEqual([
      ['Riverside Daily', '2010-07-02', 'Library extends opening hours'],
      ['Township Times', '2010-07-02', 'Library to open Sundays'],
    ]);
  });

  test('.jsonl keys too: publication, pub_date (RFC 2822, ISO with a zone), headline, content', async () => {
    const { articles, problems } = await read('publication.jsonl');
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.outlet, a.date, a.title])).toEqual([
      ['Upland Gazette', '2010-07-02', 'Bridge closes for repairs'],
      // the calendar date as written in its own zone, not converted to UTC (which would be July 3)
      ['Lowland Times', '2010-07-02', 'Bridge repairs begin'],
    ]);
  });
});

describe('what cannot be read is said', () => {
  test('no outlet column: a W_NO_OUTLET row naming the columns seen and the names accepted; the articles are kept', async () => {
    const { articles, problems, intake } = await read('no-outlet.csv');
    expect(articles.map((a) => a.outlet)).toEqual(['unknown', 'unknown']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'W_NO_OUTLET', line: 1 });
    expect(problems[0].message).toContain('columns seen: "id", "date", "title", "text"');
    expect(problems[0].message).toMatch(/names accepted: outlet, publisher, media_name, source, publication/);
    expect(intake.noOutlet).toEqual([expect.stringContaining('no-outlet.csv')]);
  });

  test('no text column: E_NO_TEXT lists the columns seen; --columns names them', async () => {
    const none = await read('custom-columns.csv');
    expect(none.articles).toEqual([]);
    expect(none.problems[0].code).toBe('E_NO_TEXT');
    expect(none.problems[0].message).toContain('columns seen: "doc", "paper", "day", "story"');
    const columns = parseColumnsOption('text=story,outlet=PAPER,date=day,id=doc');
    const { articles, problems } = await read('custom-columns.csv', { columns });
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.outlet, a.date])).toEqual([
      ['c1', 'Hill Chronicle', '2031-06-01'],
      ['c2', 'Plain Observer', '2031-06-01'],
    ]);
  });

  test('dates: an ambiguous numeric date is reported unless --date-order says; unreadable dates reported per row, articles kept', async () => {
    const { articles, problems } = await read('dates.csv');
    expect(articles.map((a) => [a.id, a.date])).toEqual([['d1', ''], ['d2', '2031-04-25'], ['d3', ''], ['d4', '']]);
    expect(problems.map((p) => [p.code, p.line, p.articleId])).toEqual([
      ['W_DATE_AMBIGUOUS', 2, 'd1'],
      ['W_DATE', 4, 'd3'],
      ['W_DATE', 5, 'd4'],
    ]);
    const dmy = await read('dates.csv', { dateOrder: 'dmy' });
    expect(dmy.articles.map((a) => a.date)).toEqual(['2031-04-03', '2031-04-25', '', '']);
    const mdy = await read('dates.csv', { dateOrder: 'mdy' });
    expect(mdy.articles.map((a) => a.date)).toEqual(['2031-03-04', '', '', '']);
    expect(mdy.problems.map((p) => p.articleId)).toEqual(['d2', 'd3', 'd4']);
  });
});

describe('encodings and line endings', () => {
  test('a CSV whose header ends in LF and rows in CRLF is read, no CR left in the values', async () => {
    const { articles, problems } = await read('mixed-eol.csv');
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.date, a.text])).toEqual([
      ['m1', '2031-07-01', 'First row, "quoted", ends in CRLF.'],
      ['m2', '2031-07-02', 'Second row also ends in CRLF.'],
    ]);
  });

  test('UTF-16 JSON lines with a BOM are decoded, lines numbered as in the file', async () => {
    const { articles, problems } = await read('utf16.jsonl');
    expect(problems).toEqual([]);
    expect(articles.map((a) => [a.id, a.source.line])).toEqual([['u1', 1], ['u2', 2]]);
    expect(articles[0].text).toContain('\u201cCurly quotes survive,\u201d');
  });
});

describe('date formats', () => {
  test.each([
    ['2010-07-02', '2010-07-02'],
    ['2010-07-02 00:00:00', '2010-07-02'],
    ['2010-07-02T14:05:00Z', '2010-07-02'],
    ['2010-07-02T14:05:00.123+02:00', '2010-07-02'],
    ['2010/7/2', '2010-07-02'],
    ['Fri, 02 Jul 2010 14:00:00 +0000', '2010-07-02'],
    ['Fri, 2 Jul 2010 14:00:00 GMT', '2010-07-02'],
    ['July 2, 2010', '2010-07-02'],
    ['July 2, 2010 Friday', '2010-07-02'],
    ['July 2, 2010 Friday 5:30 PM EST', '2010-07-02'],
    ['Friday, July 2, 2010', '2010-07-02'],
    ['2 July 2010', '2010-07-02'],
    ['2nd July, 2010', '2010-07-02'],
    ['Jul 2, 2010', '2010-07-02'],
    ['Sept. 30, 2010', '2010-09-30'],
    ['29 February 2012', '2012-02-29'],
    ['  ', ''],
  ])('%j → %j', (raw, want) => {
    expect(normaliseDate(raw)).toEqual({ ok: true, date: want });
  });

  test.each(['29 February 2011', 'yesterday', '2010-13-01', '07/02/10', 'July 2010', '2010'])('%j is reported', (raw) => {
    expect(normaliseDate(raw)).toMatchObject({ ok: false, code: 'W_DATE' });
  });

  test('numeric dates: same reading either way is fine, a swap is ambiguous, a day over 12 decides', () => {
    expect(normaliseDate('05/05/2010')).toEqual({ ok: true, date: '2010-05-05' });
    expect(normaliseDate('02/07/2010')).toMatchObject({ ok: false, code: 'W_DATE_AMBIGUOUS' });
    expect(normaliseDate('02/07/2010', 'dmy')).toEqual({ ok: true, date: '2010-07-02' });
    expect(normaliseDate('02/07/2010', 'mdy')).toEqual({ ok: true, date: '2010-02-07' });
    expect(normaliseDate('7/22/2010')).toEqual({ ok: true, date: '2010-07-22' });
    expect(normaliseDate('22.07.2010')).toEqual({ ok: true, date: '2010-07-22' });
  });
});

describe('column names', () => {
  test('case, spaces and dashes do not matter; the first listed name present wins; overrides win', () => {
    expect(resolveColumns(['Publish Date', 'BODY', 'Media-Name'])).toEqual({ date: 'Publish Date', text: 'BODY', outlet: 'Media-Name' });
    expect(resolveColumns(['source', 'outlet', 'text'])).toMatchObject({ outlet: 'outlet' });
    expect(resolveColumns(['source', 'outlet', 'text'], { outlet: 'source' })).toMatchObject({ outlet: 'source' });
  });

  test('--columns rejects what it cannot read', () => {
    expect(() => parseColumnsOption('body')).toThrow(/field=column/);
    expect(() => parseColumnsOption('author=byline')).toThrow(/fields among text, id, outlet/);
  });
});

describe('the CLI says what it read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-intake-'));

  test('Nexis Uni CSV: the summary and manifest.json name the column behind each field', () => {
    const out = join(dir, 'nexis');
    const r = framelens(['run', fixture('nexis.csv'), '--out', out, '--workers', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('framelens: columns read: text=Body, outlet=Source, date=Date, title=Title');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.intake.columns).toEqual([{ fields: 'text=Body, outlet=Source, date=Date, title=Title', files: [fixture('nexis.csv')] }]);
    const articles = readFileSync(join(out, 'articles.csv'), 'utf8');
    expect(articles).toContain('nexis.csv#2,The Valley Courier,2010-07-02,');
  });

  test('no outlet column: a warning on stderr, a row in errors.csv, exit 1 under --strict', () => {
    const out = join(dir, 'no-outlet');
    const r = framelens(['run', fixture('no-outlet.csv'), '--out', out, '--workers', '1', '--strict', '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/warning W_NO_OUTLET: .*no-outlet\.csv has no outlet column/);
    expect(readFileSync(join(out, 'errors.csv'), 'utf8')).toMatch(/no-outlet\.csv,1,,W_NO_OUTLET,"no outlet column .*columns seen: ""id"", ""date"", ""title"", ""text""/);
    const ok = framelens(['run', fixture('no-outlet.csv'), '--out', join(dir, 'no-outlet-2'), '--workers', '1', '--quiet', '--columns', 'outlet=title', '--strict']);
    expect(ok.status).toBe(0);
  });

  test('the notes (W_NO_OUTLET, W_DATE) land in the same errors.csv rows whether run whole or as merged shards', () => {
    const inputs = [fixture('dates.csv'), fixture('no-outlet.csv')];
    const whole = join(dir, 'whole');
    expect(framelens(['run', ...inputs, '--out', whole, '--workers', '1', '--quiet']).status).toBe(0);
    const shards = [0, 1].map((k) => join(dir, `shard${k}`));
    shards.forEach((out, k) => expect(framelens(['run', ...inputs, '--out', out, '--shard', `${k}/2`, '--workers', '1', '--quiet']).status).toBe(0));
    const merged = join(dir, 'merged');
    expect(framelens(['merge', ...shards, '--out', merged, '--quiet']).status).toBe(0);
    const errors = outputFiles(whole)['errors.csv'];
    expect(errors.match(/,W_[A-Z_]+,/g)).toEqual([',W_DATE_AMBIGUOUS,', ',W_DATE,', ',W_DATE,', ',W_NO_OUTLET,']);
    expect(outputFiles(merged)).toEqual(outputFiles(whole));
  });

  test('bad --columns and --date-order values are usage errors (exit 2)', () => {
    expect(framelens(['run', fixture('dates.csv'), '--out', join(dir, 'x'), '--columns', 'nonsense']).status).toBe(2);
    const r = framelens(['run', fixture('dates.csv'), '--out', join(dir, 'x'), '--date-order', 'ymd']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--date-order');
  });
});
