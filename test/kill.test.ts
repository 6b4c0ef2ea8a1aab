/**
 * A run killed by SIGKILL at any moment leaves the previous complete tables (or none), never a torn file, and
 * `--resume` afterwards ends byte-identical to a clean run. Uses a real child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, framelens, outputFiles } from './helpers/cli.js';
import { writeSyntheticJsonl } from './helpers/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-kill-'));
const input = join(dir, 'big.jsonl');
// About 4.3 KB of part files an article: the kills below (at 100-300 KB) come a tenth to a fifth of the way through.
const ARTICLES = 400;
writeSyntheticJsonl(input, ARTICLES);
const clean = join(dir, 'clean');
let reference: Record<string, string>;

beforeAll(() => {
  expect(framelens(['run', input, '--out', clean, '--quiet', '--workers', '2']).status).toBe(0);
  reference = outputFiles(clean);
});

/** Bytes of the newest part-file folder of `out` (the records of the run under way). */
function partBytes(out: string): number {
  const root = join(out, '.framelens-parts');
  if (!existsSync(root)) return 0;
  const runs = readdirSync(root).map(Number).sort((a, b) => b - a);
  if (!runs.length) return 0;
  const folder = join(root, String(runs[0]));
  return readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0);
}

/** Start a run and SIGKILL it once its part files have grown past `bytes`. */
function killMidRun(out: string, bytes: number, extra: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'run', input, '--out', out, '--quiet', '--workers', '1', '--batch-size', '4', ...extra], { stdio: 'ignore' });
    const timer = setInterval(() => {
      if (partBytes(out) > bytes) {
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`run ended before it could be killed (code ${code}); make the corpus bigger`));
    });
  });
}

/** Every table present in `out` is complete: it is byte-equal to the same table of `expected`. */
function noTornFiles(out: string, expected: Record<string, string> | null): void {
  const files = outputFiles(out);
  if (!expected) {
    expect(Object.keys(files)).toEqual([]);
    return;
  }
  for (const [name, content] of Object.entries(files)) expect({ name, same: content === expected[name] }).toEqual({ name, same: true });
}

/** Same files, same bytes — compared file by file so a failure names the file instead of printing megabytes. */
function sameOutputs(actual: Record<string, string>, expected: Record<string, string>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const name of Object.keys(expected)) expect({ name, same: actual[name] === expected[name] }).toEqual({ name, same: true });
}

test('killed first run: no tables at all; --resume completes byte-identical and reuses the finished part', async () => {
  const out = join(dir, 'k1');
  await killMidRun(out, 200_000);
  noTornFiles(out, null);
  const r = framelens(['run', input, '--out', out, '--resume', '--workers', '2']);
  expect(r.status).toBe(0);
  const reused = Number(/(\d+) reused/.exec(r.stderr)?.[1]);
  expect(reused).toBeGreaterThan(0);
  expect(reused).toBeLessThan(ARTICLES);
  sameOutputs(outputFiles(out), reference);
});

test('killed re-run over finished tables: the previous tables stay whole; killed twice then resumed is still identical', async () => {
  const out = join(dir, 'k2');
  // The reference for the re-run's settings (a different --max-chars changes every article's resume key).
  const clean2 = join(dir, 'clean2');
  expect(framelens(['run', input, '--out', clean2, '--quiet', '--max-chars', '999999']).status).toBe(0);
  const reference2 = outputFiles(clean2);
  expect(framelens(['run', input, '--out', out, '--quiet']).status).toBe(0);
  await killMidRun(out, 100_000, ['--max-chars', '999999']); // other settings: nothing reusable, a real re-analysis
  noTornFiles(out, reference);
  await killMidRun(out, 300_000, ['--resume', '--max-chars', '999999']);
  noTornFiles(out, reference);
  const r = framelens(['run', input, '--out', out, '--resume', '--max-chars', '999999', '--workers', '2']);
  expect(r.status).toBe(0);
  expect(Number(/(\d+) reused/.exec(r.stderr)?.[1])).toBeGreaterThan(0);
  sameOutputs(outputFiles(out), reference2);
  expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).settings.maxChars).toBe(999999);
});
