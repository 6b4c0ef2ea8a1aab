import { parse } from 'csv-parse/sync';
import { neutralise, toCsv, formatNumber } from '../src/export/csv.js';

describe('CSV writing', () => {
  test('formula-like text cells get an apostrophe; numbers never do', () => {
    expect(neutralise('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    for (const s of ['+1', '-cmd', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('plain')).toBe('plain');
    const csv = toCsv(['a', 'z'], [['=1+1', -2.1]], { excel: false });
    expect(csv).toBe(`a,z\n'=1+1,-2.1\n`);
  });

  test('RFC 4180 quoting round-trips commas, quotes, newlines and curly quotes', () => {
    const rows = [['say "hi", ok', 'line1\nline2', '“curly” é']];
    const csv = toCsv(['a', 'b', 'c'], rows, { excel: false });
    expect(parse(csv)).toEqual([['a', 'b', 'c'], ...rows]);
  });

  test('a bare line feed or carriage return inside a cell is quoted in both modes (with --excel it once was not)', () => {
    const rows = [['line1\nline2', 'cr\rinside', 'crlf\r\nboth']];
    for (const excel of [false, true]) {
      const csv = toCsv(['a', 'b', 'c'], rows, { excel });
      expect(parse(csv, { bom: true })).toEqual([['a', 'b', 'c'], ...rows]);
      expect(csv).toContain('"line1\nline2"');
      expect(csv).toContain('"cr\rinside"');
    }
  });

  test('--excel: BOM and CRLF', () => {
    const csv = toCsv(['a'], [['x']], { excel: true });
    expect(csv).toBe('\uFEFFa\r\nx\r\n');
  });

  test('null/undefined are empty cells, booleans true/false, numbers without exponents', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, true, 1e21 / 1e21 / 8]], { excel: false })).toBe('a,b,c\n,true,0.125\n');
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(123456789012345680000)).toBe('123456789012345680000');
  });
});
