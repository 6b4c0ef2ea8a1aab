/**
 * R, when installed (Debian: r-base-core; .ci/run installs it), to check statistics against R's own implementations
 * on the same small tables. `rAvailable` is false otherwise and the tests that need R say they were skipped.
 */
import { spawnSync } from 'node:child_process';

export const rAvailable = spawnSync('sh', ['-c', 'command -v Rscript'], { encoding: 'utf8' }).stdout.trim() !== '';

/** Runs an R script (read from stdin) and returns the numbers it `cat`s, whitespace-separated. */
export function rNumbers(script: string): number[] {
  const r = spawnSync('Rscript', ['--vanilla', '-'], { input: script, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  return r.stdout.trim().split(/\s+/).filter((s) => s !== '').map((s) => (s === 'NA' ? NaN : Number(s)));
}
