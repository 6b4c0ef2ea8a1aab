import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, parseTxtHeader, readCorpus, type ReadItem } from '../src/corpus/read.js';
import { maskBoilerplate } from '../src/corpus/clean.js';
import { decodeBytes } from '../src/corpus/decode.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'framelens-corpus-'));
}

async function readAll(paths: string[]): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const it of readCorpus(expandInputs(paths), { maxChars: 1000 })) out.push(it);
  return out;
}

describe('.txt articles', () => {
  test('header block gives metadata; offsets index the text after it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'id: A1\noutlet: Fox News\ndate: 2025-01-27\nevent: quotas\ncolour: blue\n\nBody “quoted” text.\n');
    const [item] = await readAll([dir]);
    const a = item.article!;
    expect(a).toMatchObject({ id: 'A1', outlet: 'Fox News', date: '2025-01-27', event: 'quotas', extra: { colour: 'blue' } });
    expect(a.text).toBe('Body “quoted” text.\n');
    expect(a.source).toEqual({ input: `${dir}/a.txt`, line: 7 });
  });

  test('without a header, metadata comes from corpus.csv in the same folder, and the id is the relative path', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), 'WASHINGTON: the text starts with a dateline, not a header.');
    writeFileSync(join(dir, 'sub', 'corpus.csv'), 'file,outlet,date,title,url,event\nb.txt,NYT,2016-10-01,"A, title",http://x,e1\n');
    const items = await readAll([dir]);
    expect(items).toHaveLength(1); // corpus.csv is metadata, not articles
    expect(items[0].article).toMatchObject({ id: 'sub/b.txt', outlet: 'NYT', title: 'A, title', event: 'e1', url: 'http://x' });
    expect(items[0].article!.text.startsWith('WASHINGTON:')).toBe(true);
  });

  test('no header and no manifest: outlet is unknown', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.txt'), 'Just text.');
    expect((await readAll([dir]))[0].article!.outlet).toBe('unknown');
  });

  test('header with no body and empty files are rejected with E_EMPTY and file:line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), 'id: X\noutlet: Y\n\n');
    writeFileSync(join(dir, 'b.txt'), '   \n');
    const items = await readAll([dir]);
    expect(items.map((i) => i.problem?.code)).toEqual(['E_EMPTY', 'E_EMPTY']);
    expect(items[0].problem).toMatchObject({ input: `${dir}/a.txt`, line: 4, articleId: 'X' });
  });

  test('parseTxtHeader needs a known key and lowercase keys', () => {
    expect(parseTxtHeader('WASHINGTON: x\n\nbody')).toBeNull();
    expect(parseTxtHeader('note: x\n\nbody')).toBeNull();
    expect(parseTxtHeader('title: T\r\n\r\nbody')).toMatchObject({ fields: { title: 'T' }, bodyStart: 12 });
  });
});

describe('.jsonl and .csv articles', () => {
  test('jsonl: ids default to path#line, bad lines are coded and the good ones still read', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'x.jsonl'),
      ['{"text":"one","publisher":"p"}', '{bad json', '', '{"id":"k","text":"two"}', '{"title":"no text"}', '{"id":"k","text":"dup"}'].join('\n'),
    );
    const items = await readAll([join(dir, 'x.jsonl')]);
    expect(items.map((i) => i.article?.id ?? i.problem?.code)).toEqual(['x.jsonl#1', 'E_JSON', 'k', 'E_NO_TEXT', 'E_DUPLICATE_ID']);
    expect(items[0].article!.outlet).toBe('p');
    expect(items[1].problem!.line).toBe(2);
    expect(items[3].problem!.line).toBe(5);
    // seq numbers follow input order across articles and problems
    expect(items.map((i) => (i.article ? i.article.seq : i.seq))).toEqual([0, 1, 2, 3, 4]);
  });

  test('csv: a header row with the same names; a row with the wrong field count is rejected', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'y.csv'), 'id,outlet,text\na,O,"multi\nline"\nb,O\nc,O,fine\n');
    const items = await readAll([join(dir, 'y.csv')]);
    expect(items.map((i) => i.article?.id ?? i.problem?.code)).toEqual(['a', 'E_CSV', 'c']);
    expect(items[0].article!.text).toBe('multi\nline');
    expect(items[1].problem!.line).toBe(4);
  });

  test('an over-long article is rejected with E_TOO_LONG', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'z.jsonl'), JSON.stringify({ text: 'x'.repeat(1001) }) + '\n');
    expect((await readAll([dir]))[0].problem!.code).toBe('E_TOO_LONG');
  });

  test('unsupported files are reported, hidden files ignored', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.md'), '# hi');
    writeFileSync(join(dir, '.DS_Store'), 'x');
    const items = await readAll([dir]);
    expect(items).toHaveLength(1);
    expect(items[0].problem).toMatchObject({ code: 'E_UNSUPPORTED', line: 0 });
  });
});

describe('canonical order', () => {
  test('files are sorted by path whatever the order of the arguments', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.txt'), 'b');
    writeFileSync(join(dir, 'a.txt'), 'a');
    const one = expandInputs([join(dir, 'b.txt'), join(dir, 'a.txt')]).map((f) => f.path);
    const two = expandInputs([join(dir, 'a.txt'), join(dir, 'b.txt'), dir]).map((f) => f.path);
    expect(one).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt')]);
    expect(two).toEqual(one);
  });

  test('a missing input path is a usage error', () => {
    expect(() => expandInputs(['/no/such/path'])).toThrow(/does not exist/);
  });
});

describe('decoding', () => {
  test('BOMs are removed, UTF-16 decoded, invalid UTF-8 and NUL bytes rejected with a line', () => {
    expect(decodeBytes(Buffer.from('\uFEFFhé', 'utf8'))).toEqual({ ok: true, text: 'hé' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hé', 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ ok: true, text: 'hé' });
    const bad = decodeBytes(Buffer.from([0x61, 0x0a, 0x62, 0xff, 0x63]));
    expect(bad).toMatchObject({ ok: false, code: 'E_UTF8', line: 2 });
    expect(decodeBytes(Buffer.from([0x61, 0x00, 0x62]))).toMatchObject({ ok: false, code: 'E_BINARY' });
  });
});

describe('boilerplate masking keeps offsets', () => {
  test('inline date marker, RELATED lines and trailing MORE STORIES are blanked, length unchanged', () => {
    const text = ' date 2025-01-27 President said.\n\nRELATED: A link\n\nLast sentence.MORE STORIES';
    const c = maskBoilerplate(text);
    expect(c.masked).toHaveLength(text.length);
    expect(c.date).toBe('2025-01-27');
    expect(c.masked.trim().startsWith('President said.')).toBe(true);
    expect(c.masked).not.toContain('RELATED');
    expect(c.masked).not.toContain('MORE STORIES');
    expect(c.masked).toContain('Last sentence.');
  });

  test('text without boilerplate is unchanged', () => {
    const text = 'Nothing to remove here. More stories are told.';
    expect(maskBoilerplate(text)).toEqual({ masked: text, date: '' });
  });
});
