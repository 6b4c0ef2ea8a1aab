/**
 * `npm run prepare` (npm runs it after `npm install` in a clone and when it installs framelens from a git URL):
 * compiles the TypeScript sources to dist/ and, in a development clone, writes dist/yaml-cache.json (the bundled YAML
 * files parsed, src/yaml-cache.ts).
 *
 * In a development clone the compiler is installed (a devDependency): tsc builds and type-checks. Installed from a
 * git URL with `npm install -g`, npm 11 prepares its clone with an `npm install` that inherits the global flag: it
 * installs no devDependencies into the clone, so the compiler is missing. Then TypeScript alone (the lockfile's
 * version) is installed into a temporary folder, with the inherited npm settings removed and scripts off, and each
 * source file is compiled on its own (`transpileModule`: with tsconfig's `isolatedModules` that is the JavaScript
 * tsc writes, checked by test/install.test.ts); the type checking is the development build's and CI's. Installing
 * every dependency for a full tsc build took half a minute more. Such an install has no YAML parse cache (writing it
 * needs the `yaml` package, which the clone does not have at this point): framelens then parses its bundled YAML at
 * start-up, about 0.3 s of CPU per run, with the same results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tscOf = (dir) => join(dir, 'node_modules', 'typescript', 'bin', 'tsc');

function run(command, args, cwd, env = process.env) {
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`framelens prepare: ${command} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(r.status || 1);
  }
}

/** Every source of tsconfig.json compiled file by file into `outRoot` (the layout tsc gives dist/), with source maps. */
export function transpileProject(ts, projectRoot, outRoot) {
  const config = ts.readConfigFile(join(projectRoot, 'tsconfig.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
  // NodeNext takes each file's module format from package.json, which a single file's compilation does not read:
  // the package is ESM ("type": "module"), so ES module output.
  const compilerOptions = { ...parsed.options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const rootDir = parsed.options.rootDir ?? projectRoot;
  let files = 0;
  for (const source of parsed.fileNames) {
    if (source.endsWith('.d.ts')) continue;
    const out = join(outRoot, relative(rootDir, source)).replace(/\.ts$/, '.js');
    const { outputText, sourceMapText } = ts.transpileModule(readFileSync(source, 'utf8'), { compilerOptions, fileName: source });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    if (sourceMapText) {
      const map = JSON.parse(sourceMapText);
      map.file = basename(out);
      map.sources = [relative(dirname(out), source).split('\\').join('/')];
      writeFileSync(`${out}.map`, JSON.stringify(map));
    }
    files++;
  }
  return files;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  if (existsSync(tscOf(root))) {
    run(process.execPath, [tscOf(root), '-p', 'tsconfig.json'], root);
    run(process.execPath, [join(root, 'dist', 'src', 'yaml-cache.js')], root);
  } else {
    const build = mkdtempSync(join(tmpdir(), 'framelens-build-'));
    try {
      const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
      const version = lock.packages['node_modules/typescript'].version;
      writeFileSync(join(build, 'package.json'), '{ "private": true }\n');
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
      run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', `typescript@${version}`], build, env);
      const ts = (await import(pathToFileURL(join(build, 'node_modules', 'typescript', 'lib', 'typescript.js')).href)).default;
      rmSync(join(root, 'dist'), { recursive: true, force: true });
      transpileProject(ts, root, join(root, 'dist'));
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  }
}
