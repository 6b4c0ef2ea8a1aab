/**
 * The red-team cases on the output folder and the input walk: one test per case, each failing on a framelens without
 * the guard it names. Real child processes, real links, real permissions (as root, another user through setpriv)
 * and real full or read-only file systems (small tmpfs mounts, skipped with a message where mounting is not allowed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CLI, framelens, outputFiles } from './helpers/cli.js';
import { writeSyntheticJsonl } from './helpers/corpus.js';
import { maxWorkers } from '../src/runtime/limits.js';
import { normaliseRunOptions } from '../src/commands/run-options.js';
import { packageFile } from '../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-rel-'));
chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
const csv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const ids = (out: string) => csv(join(out, 'articles.csv')).map((a) => a.article_id);
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);
/** Every entry of a folder, recursively, hidden ones included (to find debris). */
const allEntries = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [e.name + '/', ...allEntries(join(d, e.name)).map((x) => `${e.name}/${x}`)] : [e.name]));
/** Files of a folder with their bytes, manifest.json included. */
const withManifest = (d: string) => ({ ...outputFiles(d), manifest: readFileSync(join(d, 'manifest.json'), 'utf8') });

/** The bundled corpus copied somewhere the test may add links and folders. */
function corpusCopy(name: string): string {
  const d = join(dir, name);
  cpSync(packageFile('corpora'), d, { recursive: true });
  return d;
}

describe('case 1: one run at a time per --out', () => {
  const input = join(dir, 'big.jsonl');
  writeSyntheticJsonl(input, 600);

  test('a second run into a busy --out exits 2 naming the run that holds it; the first finishes whole', async () => {
    const reference = join(dir, 'lock-ref');
    expect(framelens(['run', input, '--out', reference, '--quiet', '--workers', '1']).status).toBe(0);
    const out = join(dir, 'lock-busy');
    const a = spawn(process.execPath, [CLI, 'run', input, '--out', out, '--quiet', '--workers', '1', '--batch-size', '4'], { stdio: 'ignore' });
    const aExit = new Promise<number | null>((resolve) => a.on('exit', (code) => resolve(code)));
    const lock = join(out, '.framelens-lock');
    for (let i = 0; i < 400 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(lock)).toBe(true);
    // A's own work files (its staging folder and its part files, which grow while it runs) are left out.
    const mineA = (e: string) => e.startsWith('.framelens-tmp') || e === '.framelens-parts/' || e.startsWith('.framelens-parts/0/');
    const before = allEntries(out).filter((e) => !mineA(e));
    const b = framelens(['run', packageFile('corpora'), '--out', out, '--quiet']);
    const after = allEntries(out).filter((e) => !mineA(e));
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/E_OUT_LOCKED/);
    expect(b.stderr).toContain(`pid ${a.pid}`);
    noStack(b.stderr);
    expect(after).toEqual(before); // B wrote nothing beside A's work files
    expect(await aExit).toBe(0);
    expect(outputFiles(out)).toEqual(outputFiles(reference));
    expect(existsSync(lock)).toBe(false);
  });

  test('a stale lock (its process is gone) is taken over; a lock from another host is respected', () => {
    const out = join(dir, 'lock-stale');
    mkdirSync(out);
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(join(out, '.framelens-lock'), JSON.stringify({ pid: dead, host: hostname(), started: '2020-01-01T00:00:00.000Z', command: ['run'] }));
    const r = framelens(['run', packageFile('corpora'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/took over the lock/);
    expect(ids(out)).toHaveLength(2);
    expect(existsSync(join(out, '.framelens-lock'))).toBe(false);

    writeFileSync(join(out, '.framelens-lock'), JSON.stringify({ pid: 1, host: 'elsewhere.example', started: '2020-01-01T00:00:00.000Z', command: ['run', 'x'] }));
    const other = framelens(['run', packageFile('corpora'), '--out', out, '--quiet']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/elsewhere\.example.*delete .*\.framelens-lock/s);
  });
});

test('case 2: an --out inside the input folder is never read back; other framelens output folders are listed and skipped', () => {
  const root = join(dir, 'inside');
  mkdirSync(root);
  cpSync(packageFile('corpora'), join(root, 'corpora'), { recursive: true });
  const counts: number[] = [];
  const tables: Record<string, string>[] = [];
  // The second run finds the first's tables inside its input folder.
  for (let i = 0; i < 2; i++) {
    const r = framelens(['run', '.', '--out', 'results', '--quiet'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    counts.push(ids(join(root, 'results')).length);
    tables.push(outputFiles(join(root, 'results')));
  }
  expect(counts).toEqual([2, 2]);
  expect(tables[1]).toEqual(tables[0]);
  // An older output folder in the input (written with another --out) is a framelens output: listed, not read.
  const r = framelens(['run', '.', '--out', 'results2', '--quiet'], { cwd: root });
  expect(r.status).toBe(0);
  expect(ids(join(root, 'results2'))).toHaveLength(2);
  const errors = csv(join(root, 'results2', 'errors.csv'));
  expect(errors.map((e) => `${e.input}:${e.code}`)).toEqual(['results:E_OWN_OUTPUT']);
});

test('case 3: a run with nothing to analyse exits 1 and keeps the previous tables (a .json typo, an empty folder)', () => {
  const out = join(dir, 'nothing');
  expect(framelens(['run', packageFile('corpora'), '--out', out, '--quiet']).status).toBe(0);
  const before = withManifest(out);
  const typo = join(dir, 'corpus.json');
  writeFileSync(typo, '{"text":"A fine article, she said."}\n');
  const empty = join(dir, 'empty-folder');
  mkdirSync(empty);
  for (const [input, re] of [
    [typo, /corpus\.json: E_UNSUPPORTED/],
    [empty, /no \.txt, \.jsonl or \.csv file was found/],
  ] as [string, RegExp][]) {
    const r = framelens(['run', input, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error E_NOTHING: nothing to analyse/);
    expect(r.stderr).toMatch(re);
    expect(r.stderr).toMatch(/previous tables .* are kept/);
    noStack(r.stderr);
    expect(withManifest(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]); // no lock, staging or partial file left
  }
});

test('case 4: a link loop and a broken link are listed in errors.csv; a link to a folder already read counts once', () => {
  const input = corpusCopy('links');
  const plain = join(dir, 'links-plain');
  expect(framelens(['run', input, '--out', plain, '--quiet']).status).toBe(0);
  symlinkSync('..', join(input, 'seeds', 'up'));
  symlinkSync('nowhere.txt', join(input, 'seeds', 'broken.txt'));
  symlinkSync('seeds', join(input, 'again')); // sorts before seeds/: the real folder still gives the ids
  symlinkSync(join(input, 'seeds', 'corpus.csv'), join(input, 'manifest-link.csv'));
  const out = join(dir, 'links-out');
  const r = framelens(['run', input, '--out', out, '--quiet']);
  expect(r.status).toBe(0);
  noStack(r.stderr);
  expect(ids(out)).toEqual(ids(plain));
  expect(ids(out).every((id) => id.startsWith('seeds/'))).toBe(true);
  const errors = csv(join(out, 'errors.csv')).map((e) => `${e.input.slice(input.length + 1)}:${e.code}`);
  expect(errors).toContain('seeds/up:E_LINK_LOOP');
  expect(errors).toContain('seeds/broken.txt:E_LINK_BROKEN');
  // A link to a file already read (corpus.csv through another name) is read once: at its own path, not as a table.
  expect(errors.filter((e) => e.startsWith('manifest-link'))).toEqual([]);
  // Each table is the same as without the links except errors.csv.
  const a = outputFiles(out);
  const b = outputFiles(plain);
  for (const name of Object.keys(b)) if (name !== 'errors.csv' && name !== 'report.html') expect({ name, same: a[name] === b[name] }).toEqual({ name, same: true });
});

test('case 5: --workers above 4 × the cores is a usage error (exit 2, nothing written)', () => {
  const out = join(dir, 'workers');
  const r = framelens(['run', packageFile('corpora'), '--out', out, '--workers', '1000']);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`--workers.*from 1 to ${maxWorkers()}`));
  expect(existsSync(out)).toBe(false);
  expect(() => normaliseRunOptions({ inputs: ['x'], workers: String(maxWorkers() + 1) })).toThrow(/--workers/);
  expect(normaliseRunOptions({ inputs: ['x'], workers: String(maxWorkers()) }).workers).toBe(maxWorkers());
});

describe('case 6: unreadable input is listed and skipped', () => {
  const root = process.getuid?.() === 0;
  const setpriv = spawnSync('setpriv', ['--version']).status === 0;
  const canTest = !root || setpriv;
  if (!canTest) console.warn('case 6 skipped: running as root without setpriv, so permissions cannot be made to fail reads');
  (canTest ? test : test.skip)('an unreadable subfolder and an unreadable corpus.csv are listed in errors.csv; the rest is analysed', () => {
    const input = corpusCopy('unreadable');
    mkdirSync(join(input, 'locked'));
    writeFileSync(join(input, 'locked', 'hidden.txt'), 'outlet: X\n\nNever read, he said.\n');
    chmodSync(join(input, 'locked'), 0o000);
    chmodSync(join(input, 'seeds', 'corpus.csv'), 0o000);
    const outParent = join(dir, 'unreadable-out');
    mkdirSync(outParent);
    chmodSync(outParent, 0o777);
    const out = join(outParent, 'o');
    // As root every read succeeds: run the CLI as the unprivileged user nobody instead.
    const args = [CLI, 'run', input, '--out', out, '--quiet'];
    const r = root
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { encoding: 'utf8', cwd: packageFile('.') })
      : spawnSync(process.execPath, args, { encoding: 'utf8', cwd: packageFile('.') });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const errors = csv(join(out, 'errors.csv')).map((e) => `${e.input.slice(input.length + 1)}:${e.code}`);
    expect(errors).toEqual(expect.arrayContaining(['locked:E_READ', 'seeds/corpus.csv:E_READ']));
    expect(ids(out)).toHaveLength(2); // the seeds are analysed, without their corpus.csv metadata
    expect(csv(join(out, 'articles.csv')).map((a) => a.outlet)).toEqual(['unknown', 'unknown']);
  });
});

test('case 7: overlapping input arguments are read once, with the same ids and tables whatever their order', () => {
  const corpora = packageFile('corpora');
  const seeds = join(corpora, 'seeds');
  const runs = [[corpora, seeds], [seeds, corpora], [corpora]].map((inputs, i) => {
    const out = join(dir, `overlap-${i}`);
    expect(framelens(['run', ...inputs, '--out', out, '--quiet']).status).toBe(0);
    return outputFiles(out);
  });
  expect(ids(join(dir, 'overlap-0')).every((id) => id.startsWith('seeds/'))).toBe(true);
  for (const name of Object.keys(runs[0])) {
    expect({ name, same: runs[1][name] === runs[0][name] }).toEqual({ name, same: true });
    expect({ name, same: runs[2][name] === runs[0][name] }).toEqual({ name, same: true });
  }
});

test('case 8: a kill between the final renames leaves no manifest (the folder says it is incomplete); the next run into it finishes that commit first', () => {
  const corpora = packageFile('corpora');
  const newRef = join(dir, 'commit-new');
  expect(framelens(['run', corpora, '--out', newRef, '--quiet', '--events', 'none']).status).toBe(0);
  const out = join(dir, 'commit');
  expect(framelens(['run', corpora, '--out', out, '--quiet', '--events', 'metadata']).status).toBe(0);
  const old = outputFiles(out);
  const killed = spawnSync(process.execPath, [CLI, 'run', corpora, '--out', out, '--quiet', '--events', 'none'], {
    env: { ...process.env, FRAMELENS_TEST_KILL_AFTER_RENAMES: '4' },
  });
  expect(killed.signal).toBe('SIGKILL');
  // Killed mid-commit: some tables are new, some old, and there is no manifest.json to vouch for them.
  expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  const mid = outputFiles(out);
  const fresh = outputFiles(newRef);
  const differing = Object.keys(old).filter((n) => old[n] !== fresh[n]);
  expect(differing.filter((n) => mid[n] === fresh[n]).length).toBeGreaterThan(0);
  expect(differing.filter((n) => mid[n] === old[n]).length).toBeGreaterThan(0);
  // Any next run into the folder (here one that finds nothing to analyse and keeps the tables) completes the commit.
  const typo = join(dir, 'typo.json');
  writeFileSync(typo, '{}\n');
  const next = framelens(['run', typo, '--out', out, '--quiet']);
  expect(next.status).toBe(1);
  expect(withManifest(out).manifest).toMatch(/"events": "none"/);
  const now = outputFiles(out);
  const expected = outputFiles(newRef);
  for (const name of Object.keys(expected)) expect({ name, same: now[name] === expected[name] }).toEqual({ name, same: true });
  expect(Object.keys(now).sort()).toEqual(Object.keys(expected).sort());
});

describe('case 9: file-system errors are coded messages with the path, no stack trace, no debris', () => {
  const corpora = packageFile('corpora');
  const mounts: string[] = [];
  /** A small tmpfs at `at`, or null (with a message) where mounting is not permitted. */
  function tmpfs(at: string, options: string): string | null {
    mkdirSync(at, { recursive: true });
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.warn(`case 9: cannot mount a tmpfs (${(r.stderr || r.error?.message || '').trim()}); skipping this check`);
      return null;
    }
    mounts.push(at);
    return at;
  }
  afterAll(() => {
    for (const m of mounts) spawnSync('umount', [m]);
  });

  test('--out that is a file: exit 2, E_OUT_UNUSABLE naming it', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const out of [file, join(file, 'sub')]) {
      const r = framelens(['run', corpora, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/E_OUT_UNUSABLE.*a-file.* is a file, not a folder/);
      noStack(r.stderr);
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  test('--out on a read-only file system: exit 2, E_OUT_UNUSABLE saying read-only', () => {
    const ro = tmpfs(join(dir, 'ro'), 'ro,size=64k');
    if (!ro) return;
    const r = framelens(['run', corpora, '--out', join(ro, 'out', 'deeper')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/E_OUT_UNUSABLE.*read-only file system/);
    noStack(r.stderr);
  });

  test('--out where the user may not write: exit 2, E_OUT_UNUSABLE saying permission denied', () => {
    const root = process.getuid?.() === 0;
    if (root && spawnSync('setpriv', ['--version']).status !== 0) {
      console.warn('case 9: running as root without setpriv, so a permission cannot be denied; skipping this check');
      return;
    }
    const parent = join(dir, 'not-mine');
    mkdirSync(parent);
    chmodSync(parent, 0o555);
    const args = [CLI, 'run', corpora, '--out', join(parent, 'out')];
    // As root nothing is denied: run the CLI as the unprivileged user nobody instead.
    const r = root
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { encoding: 'utf8', cwd: packageFile('.') })
      : spawnSync(process.execPath, args, { encoding: 'utf8', cwd: packageFile('.') });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/E_OUT_UNUSABLE.*permission denied for .*not-mine/);
    noStack(r.stderr);
    expect(readdirSync(parent)).toEqual([]);
  });

  test('a full disk: exit 3, E_WRITE naming the folder and what to do; previous tables kept, no temporary files', () => {
    // Room for the bundled corpus's outputs (framelens.duckdb is about 5 MB), not for 1,500 articles'.
    const full = tmpfs(join(dir, 'full'), 'size=16m');
    if (!full) return;
    const out = join(full, 'out');
    expect(framelens(['run', corpora, '--out', out, '--quiet']).status).toBe(0);
    const before = withManifest(out);
    const big = join(dir, 'full-input.jsonl');
    writeSyntheticJsonl(big, 1500);
    const r = framelens(['run', big, '--out', out, '--quiet', '--workers', '1']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/E_WRITE: no space left on the device holding .*full.*free some space/);
    noStack(r.stderr);
    expect(withManifest(out)).toEqual(before);
    expect(allEntries(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('case 10: smaller input and output holes', () => {
  test('a CSV row with a stray quotation mark is rejected alone; the rows after it are read', () => {
    const input = join(dir, 'stray.csv');
    writeFileSync(input, 'id,outlet,text\nr1,A,"He said" it was chaos\nr2,A,A valid row about the border.\nr3,A,Another valid row.\n');
    const out = join(dir, 'stray-out');
    expect(framelens(['run', input, '--out', out, '--quiet']).status).toBe(0);
    expect(ids(out)).toEqual(['r2', 'r3']);
    expect(csv(join(out, 'errors.csv')).map((e) => `${e.line}:${e.code}`)).toEqual(['2:E_CSV']);
  });

  test('an object or list as id or outlet is rejected (E_FIELD_TYPE), never written as [object Object]', () => {
    const input = join(dir, 'objects.jsonl');
    writeFileSync(
      input,
      [{ id: { a: 1 }, text: 'One, she said.' }, { id: 'ok', outlet: ['A', 'B'], text: 'Two, he said.' }, { id: 'fine', text: 'Three, they said.' }].map((o) => JSON.stringify(o)).join('\n') + '\n',
    );
    const out = join(dir, 'objects-out');
    expect(framelens(['run', input, '--out', out, '--quiet']).status).toBe(0);
    expect(ids(out)).toEqual(['fine']);
    expect(csv(join(out, 'errors.csv')).map((e) => `${e.line}:${e.code}`)).toEqual(['1:E_FIELD_TYPE', '2:E_FIELD_TYPE']);
    expect(readFileSync(join(out, 'articles.csv'), 'utf8')).not.toContain('[object Object]');
  });

  test('cells starting with a fullwidth ＝ ＋ － ＠ or a zero-width character are neutralised', () => {
    const input = join(dir, 'fullwidth.jsonl');
    const starts = ['＝1+2', '＠SUM(A1)', '＋1', '－1', '\u200B=1+2', '\u200D@x'];
    writeFileSync(input, starts.map((s, i) => JSON.stringify({ id: `a${i}`, outlet: s, title: s, text: `“${s} is chaos,” said Sen. Maria Lopez.` })).join('\n') + '\n');
    const out = join(dir, 'fullwidth-out');
    expect(framelens(['run', input, '--out', out, '--quiet']).status).toBe(0);
    const rows = csv(join(out, 'articles.csv'));
    expect(rows.map((r) => r.outlet)).toEqual(starts.map((s) => `'${s}`));
    expect(rows.map((r) => r.title)).toEqual(starts.map((s) => `'${s}`));
  });
});

test('every exit code is documented: in --help and in docs/exit-codes.md', () => {
  const help = framelens(['--help']).stdout;
  const doc = readFileSync(packageFile('docs/exit-codes.md'), 'utf8');
  for (const code of [0, 1, 2, 3, 4]) {
    expect(help).toMatch(new RegExp(`(?:^|[:;] )${code} [a-z-]`, 'm'));
    expect(doc).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  }
});

test('the table engine out of its memory limit: exit 3, E_ENGINE_MEMORY with what to do; the analysed articles kept, and --resume finishes with the tables of a clean run', () => {
  const inputs = [packageFile('corpora'), packageFile('test/fixtures/events/articles.jsonl')];
  const reference = join(dir, 'engine-memory-ref');
  expect(framelens(['run', ...inputs, '--out', reference, '--quiet']).status).toBe(0);
  const out = join(dir, 'engine-memory');
  const failed = spawnSync(process.execPath, [CLI, 'run', ...inputs, '--out', out, '--quiet'], {
    encoding: 'utf8',
    cwd: packageFile('.'),
    env: { ...process.env, FRAMELENS_ENGINE_MEMORY: '2MB' },
  });
  expect(failed.status).toBe(3);
  expect(failed.stderr).toMatch(/error E_ENGINE_MEMORY: .*memory limit \(2MB\): set FRAMELENS_ENGINE_MEMORY higher/);
  expect(failed.stderr).toMatch(/note: the 32 articles analysed are kept in .*\.framelens-parts.*--resume/);
  noStack(failed.stderr);
  expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  const resumed = framelens(['run', ...inputs, '--out', out, '--resume']);
  expect(resumed.status).toBe(0);
  expect(resumed.stderr).toMatch(/32 articles \(0 analysed, 32 reused\)/);
  expect(outputFiles(out)).toEqual(outputFiles(reference));
});
