/**
 * The output folder committed as one step, manifest last. Every file of a run is staged in `<out>/.framelens-tmp/`;
 * the commit then
 *   1. fsyncs the staged files and writes a marker `.framelens-tmp/COMMIT` listing them (from then on the new set is
 *      complete and is what the folder will hold),
 *   2. removes the old `manifest.json`,
 *   3. renames every staged file into place, `manifest.json` last, and removes the marker.
 * Readers trust an output folder only while `manifest.json` is present: it is present exactly when every table beside
 * it belongs to the same run. A run killed during step 3 leaves the folder without a manifest; the next framelens run
 * into the folder (under its lock) finds the marker and finishes the renames before anything else, so the folder
 * ends holding the killed run's complete set. A run killed before the marker leaves the previous set untouched.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MARKER = 'COMMIT';
export const MANIFEST = 'manifest.json';

/** Names in commit order: manifest.json last. */
function commitOrder(files: string[]): string[] {
  return [...files.filter((f) => f !== MANIFEST), ...files.filter((f) => f === MANIFEST)];
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** For tests of a kill between the renames: SIGKILL this process after this many renames. */
function killAfterRenames(): number {
  const n = Number(process.env.FRAMELENS_TEST_KILL_AFTER_RENAMES);
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

/** Commit the staged `files` of `staging` into `out` (see the module comment). */
export function commitStaged(out: string, staging: string, files: string[]): void {
  const order = commitOrder(files);
  for (const name of order) fsyncPath(join(staging, name));
  const marker = join(staging, MARKER);
  writeFileSync(marker, JSON.stringify(order) + '\n');
  fsyncPath(marker);
  fsyncPath(staging);
  finishCommit(out, staging, order);
}

/** Steps 2 and 3, shared by a commit and by the recovery of an interrupted one. */
function finishCommit(out: string, staging: string, order: string[]): void {
  const stagedManifest = join(staging, MANIFEST);
  if (existsSync(stagedManifest)) rmSync(join(out, MANIFEST), { force: true });
  const killAt = killAfterRenames();
  let renamed = 0;
  for (const name of order) {
    if (killAt >= 0 && renamed === killAt) process.kill(process.pid, 'SIGKILL');
    const from = join(staging, name);
    if (!existsSync(from)) continue; // renamed before an interruption
    renameSync(from, join(out, name));
    renamed++;
  }
  fsyncPath(out);
  rmSync(join(staging, MARKER), { force: true });
  if (readdirSync(staging).length === 0) rmSync(staging, { recursive: true, force: true });
}

/**
 * Finish a commit that a killed run began (its marker is still in `staging`). Returns true if there was one.
 * Call with the `--out` lock held, before the staging folder is cleared for a new run.
 */
export function recoverCommit(out: string, staging: string): boolean {
  const marker = join(staging, MARKER);
  if (!existsSync(marker)) return false;
  let order: string[];
  try {
    order = JSON.parse(readFileSync(marker, 'utf8')) as string[];
  } catch {
    // A marker torn by the kill: the commit had not begun renaming (the marker is written and synced first).
    rmSync(marker, { force: true });
    return false;
  }
  finishCommit(out, staging, order);
  return true;
}
