/**
 * `npm run prepare` (npm runs it after `npm install` in a clone and when it installs framelens from a git URL):
 * compiles the TypeScript sources to dist/.
 *
 * Installed from a git URL with `npm install -g`, npm 11 prepares its clone with an `npm install` that inherits the
 * global flag from the outer command: it installs nothing into the clone (so the compiler, a devDependency, is
 * missing), while the outer install fills the clone's node_modules through a link as it goes. Then the sources are
 * compiled in a temporary folder of their own (its dependencies from the lockfile, with `npm ci`, the inherited npm
 * settings removed and scripts off) and dist/ is copied back.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tscOf = (dir) => join(dir, 'node_modules', 'typescript', 'bin', 'tsc');

function run(command, args, cwd, env = process.env) {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`framelens prepare: ${command} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(r.status || 1);
  }
}

if (existsSync(tscOf(root))) {
  run(process.execPath, [tscOf(root), '-p', 'tsconfig.json'], root);
} else {
  const build = mkdtempSync(join(tmpdir(), 'framelens-build-'));
  try {
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'bench']) {
      if (existsSync(join(root, f))) cpSync(join(root, f), join(build, f), { recursive: true });
    }
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], build, env);
    run(process.execPath, [tscOf(build), '-p', 'tsconfig.json'], build);
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    cpSync(join(build, 'dist'), join(root, 'dist'), { recursive: true });
  } finally {
    rmSync(build, { recursive: true, force: true });
  }
}
