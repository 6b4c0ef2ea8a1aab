/** CSV records after a stray quotation mark: the bad record alone is rejected, at the line it starts on. */
import { parseCsvRows } from '../src/corpus/csv-rows.js';

const summary = (text: string) => parseCsvRows(text).map((e) => (e.record ? `${e.line}:${e.record.id}` : `${e.line}:${e.code}`));

test('well-formed rows, quoted fields across lines and a BOM parse as before', () => {
  expect(summary('\uFEFFid,text\na,"one\ntwo"\nb,three\n\nc,"four, ""quoted"""\n')).toEqual(['2:a', '4:b', '6:c']);
  expect(parseCsvRows('id,text\na,"one\ntwo"\n')[0].record).toEqual({ id: 'a', text: 'one\ntwo' });
  expect(summary('')).toEqual([]);
  expect(summary('id,text\n')).toEqual([]);
});

test('a quote in the middle of a field, a quote after a closed field, an unclosed quote: only that row is lost', () => {
  expect(summary('id,text\na,He said "hi\nb,fine\nc,fine\n')).toEqual(['2:E_CSV', '3:b', '4:c']);
  expect(summary('id,text\na,"He said" hi\nb,fine\nc,fine\n')).toEqual(['2:E_CSV', '3:b', '4:c']);
  expect(summary('id,text\nz,ok\na,"never closed\nb,fine\nc,fine\n')).toEqual(['2:z', '3:E_CSV', '4:b', '5:c']);
  expect(summary('id,text\na,"x" y\nb,"p" q\nc,fine\n')).toEqual(['2:E_CSV', '3:E_CSV', '4:c']);
});

test('a row with the wrong number of fields is reported where it is, without a restart', () => {
  expect(summary('id,text\na,one,extra\nb,fine\n')).toEqual(['2:E_CSV', '3:b']);
});
