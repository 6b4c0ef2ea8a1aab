/**
 * --excel output opened as a spreadsheet would open it: LibreOffice Calc (headless) imports frames_by_outlet.csv and
 * quotes.csv as UTF-8, saves them as .xlsx, and exports them again; the columns, the characters (curly quotes,
 * accents) and the neutralised formula cells survive. Runs when LibreOffice (`soffice`) is installed
 * (Debian: libreoffice-calc-nogui); skipped, saying so, otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { framelens } from './helpers/cli.js';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!soffice) console.warn('excel.test.ts: LibreOffice (soffice) not installed: the spreadsheet round-trip test is skipped');

function roundTrip(csvPath: string, dir: string): string[][] {
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  const run = (args: string[]) => {
    const r = spawnSync(soffice, [profile, '--headless', ...args], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  };
  run(['--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', join(dir, 'xlsx'), csvPath]);
  const name = csvPath.split('/').pop()!.replace(/\.csv$/, '');
  run(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true', '--outdir', join(dir, 'back'), join(dir, 'xlsx', `${name}.xlsx`)]);
  return parse(readFileSync(join(dir, 'back', `${name}.csv`), 'utf8'), { bom: true });
}

function same(original: string[][], calc: string[][]): void {
  expect(calc[0]).toEqual(original[0]);
  expect(calc.length).toBe(original.length);
  original.forEach((row, i) =>
    row.forEach((cell, j) => {
      const numeric = cell !== '' && !Number.isNaN(Number(cell));
      if (numeric) expect(Number(calc[i][j])).toBeCloseTo(Number(cell), 6);
      else expect({ at: `${i}:${original[0][j]}`, cell: calc[i][j] }).toEqual({ at: `${i}:${original[0][j]}`, cell });
    }),
  );
}

(soffice ? test : test.skip)('frames_by_outlet.csv and quotes.csv open in a spreadsheet with the right columns and characters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-excel-'));
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, JSON.stringify({ id: '=cmd', outlet: 'Le Café Wire', event: 'e', title: '@SUM(1)', text: '“Cruelty is the point,” said José Núñez, the spokesman for América’s Voice. The crackdown caused chaos.' }) + '\n');
  const out = join(dir, 'out');
  expect(framelens(['run', 'corpora/', input, '--out', out, '--excel', '--quiet']).status).toBe(0);
  for (const name of ['frames_by_outlet.csv', 'quotes.csv']) {
    const original = parse(readFileSync(join(out, name), 'utf8'), { bom: true }) as string[][];
    same(original, roundTrip(join(out, name), dir));
  }
  const quotes = parse(readFileSync(join(dir, 'back', 'quotes.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  const q = quotes.find((r) => r.article_id === "'=cmd")!;
  expect(q).toMatchObject({ speaker: 'José Núñez', speaker_role: 'spokesman for América’s Voice', text: 'Cruelty is the point' });
  expect(quotes.some((r) => r.speaker_role === 'spokesman for America’s Voice')).toBe(true);
}, 300_000);
