/**
 * Installed for use anywhere from a git URL, as README says: `npm install -g --install-links git+<URL>` clones the
 * repository, prepares it (src/prepare.mjs builds dist/ although npm's preparation installs no devDependencies into
 * the clone) and puts `framelens` on PATH; it runs from another folder. The URL is this repository's committed HEAD
 * (git+file://). Needs the npm registry, as `npm ci` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageFile } from '../src/paths.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 400_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
};
const isGitClone = existsSync(packageFile('.git'));

(isGitClone ? test : test.skip)('npm install -g --install-links git+file://<this repository> → framelens runs from another folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-git-install-'));
  try {
    const prefix = join(dir, 'prefix');
    // --prefer-offline: packages already in npm's cache (`npm ci` put them there) are not revalidated against the
    // registry one by one; what is not cached is still downloaded. This test alone: 35-42 s, against 50-56 s without.
    const install = run(npm, ['install', '-g', '--install-links', '--prefer-offline', '--prefix', prefix, '--no-audit', '--no-fund', `git+file://${packageFile('.')}`], dir);
    expect({ status: install.status, stderr: install.status ? install.stderr.slice(-2000) : '' }).toEqual({ status: 0, stderr: '' });
    const bin = join(prefix, process.platform === 'win32' ? 'framelens.cmd' : join('bin', 'framelens'));
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    expect(run(bin, ['--version'], elsewhere).stdout.trim()).toBe(JSON.parse(readFileSync(packageFile('package.json'), 'utf8')).version);
    const r = run(bin, ['run', packageFile('test/fixtures/exports/nexis.csv'), '--out', 'out', '--workers', '1', '--quiet'], elsewhere);
    expect(r.status).toBe(0);
    expect(readFileSync(join(elsewhere, 'out', 'articles.csv'), 'utf8')).toContain(',The Valley Courier,2010-07-02,');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 480_000);
