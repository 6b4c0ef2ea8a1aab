/**
 * Installed for use anywhere: `npm pack` holds everything the CLI needs at run time, and the packed package,
 * installed globally into a temporary prefix, runs from another folder with its default lexicon, cues and column
 * names found inside the package. Nothing is downloaded: the install is `--offline`, of the unpacked tarball, whose
 * dependencies are this clone's node_modules (a global install of the .tgz itself resolves dependencies on the
 * registry, which a test may not reach).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageFile } from '../src/paths.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};

test('npm pack → npm install -g --prefix TMP --offline → framelens runs from another folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-install-'));
  // dist/ is built (npm test compiles first); --ignore-scripts skips the prepare build.
  const pack = run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], packageFile('.'));
  expect(pack.status).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  const files = info.files.map((f) => f.path);
  for (const needed of ['dist/src/cli.js', 'dist/src/analysis/worker.js', 'pipeline/cues.yml', 'pipeline/columns.yml', 'pipeline/lexicons/immigration.yml', 'package.json']) {
    expect(files).toContain(needed);
  }
  expect(files.filter((f) => f.startsWith('test/') || f.startsWith('corpora/'))).toEqual([]);

  const unpacked = join(dir, 'unpacked');
  mkdirSync(unpacked);
  expect(run('tar', ['xzf', join(dir, info.filename), '-C', unpacked], dir).status).toBe(0);
  const pkg = join(unpacked, 'package');
  symlinkSync(realpathSync(packageFile('node_modules')), join(pkg, 'node_modules'), 'dir');
  const prefix = join(dir, 'prefix');
  const install = run(npm, ['install', '-g', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', pkg], dir);
  expect({ status: install.status, stderr: install.status ? install.stderr : '' }).toEqual({ status: 0, stderr: '' });

  const bin = join(prefix, process.platform === 'win32' ? 'framelens.cmd' : join('bin', 'framelens'));
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  expect(run(bin, ['--version'], elsewhere).stdout.trim()).toBe(JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version);
  const r = run(bin, ['run', packageFile('test/fixtures/exports/nexis.csv'), '--out', 'out', '--workers', '1', '--quiet'], elsewhere);
  // Nothing on stderr but lexicon_fit's warning (the immigration lexicon hardly matches these made-up articles).
  const stderr = r.stderr.split('\n').filter((l) => l && !l.startsWith('framelens: warning: lexicon:')).join('\n');
  expect({ status: r.status, stderr }).toEqual({ status: 0, stderr: '' });
  const manifest = JSON.parse(readFileSync(join(elsewhere, 'out', 'manifest.json'), 'utf8'));
  expect(manifest.lexicons[0].path).toBe(join(realpathSync(pkg), 'pipeline/lexicons/immigration.yml'));
  expect(readFileSync(join(elsewhere, 'out', 'articles.csv'), 'utf8')).toContain(',The Valley Courier,2010-07-02,');
}, 300_000);

// A git install compiles without the type checker (src/prepare.mjs, `transpileProject`): it must give the JavaScript
// and source maps tsc gave dist/ (npm test compiled it just before), byte for byte.
test('prepare.mjs compiling file by file writes what tsc writes to dist/', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-transpile-'));
  for (const f of ['src', 'bench', 'tsconfig.json', 'package.json']) cpSync(packageFile(f), join(dir, f), { recursive: true });
  const ts = (await import('typescript')).default;
  const { transpileProject } = (await import(pathToFileURL(packageFile('src/prepare.mjs')).href)) as { transpileProject: (ts: unknown, root: string, out: string) => number };
  const written = transpileProject(ts, dir, join(dir, 'dist'));
  const files = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((f) => statSync(join(root, f)).isFile()).sort();
  // Every source compiled (a .js and a .js.map each); compared with dist/ file by file (dist/ may also hold the output
  // of sources since removed in a development clone).
  const sources = [...files(join(dir, 'src')).map((f) => `src/${f}`), ...files(join(dir, 'bench')).map((f) => `bench/${f}`)].filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  expect(written).toBe(sources.length);
  expect(files(join(dir, 'dist'))).toEqual(sources.flatMap((f) => [f.replace(/\.ts$/, '.js'), f.replace(/\.ts$/, '.js.map')]).sort());
  for (const f of files(join(dir, 'dist'))) {
    expect({ f, same: readFileSync(join(dir, 'dist', f)).equals(readFileSync(packageFile(join('dist', f)))) }).toEqual({ f, same: true });
  }
}, 120_000);
