/** Running the built CLI as a user would (`npm test` builds first), and reading its outputs. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from '../../src/paths.js';

export const CLI = packageFile('dist/src/cli.js');

export function framelens(args: string[], opts: { cwd?: string } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: opts.cwd ?? packageFile('.'), timeout: 300_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Every output file except manifest.json (the one file allowed to differ: it carries times and the command line);
 * framelens.duckdb (a database file, whose bytes vary by nature) only as being there.
 */
export function outputFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (name === 'manifest.json' || name.startsWith('.')) continue;
    if (name === 'framelens.duckdb') {
      files[name] = '(database)';
      continue;
    }
    files[name] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

/**
 * stderr without lexicon_fit's warnings (`framelens: warning: lexicon: …`), which are printed even under --quiet and
 * which a synthetic corpus of few words triggers by design (one term making every hit of its frame).
 */
export function besidesLexiconWarnings(stderr: string): string {
  return stderr.split('\n').filter((l) => !l.startsWith('framelens: warning: lexicon: ')).join('\n');
}
