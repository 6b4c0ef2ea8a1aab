/**
 * Atomic outputs. Every output file is first written under `<out>/.framelens-tmp/` and renamed into place only when
 * the whole run has succeeded: a run killed at any moment leaves the previous complete tables (or none), never a torn
 * file. The set is committed as one step, manifest last (see runtime/commit.ts). Create a Staging only while holding
 * the `--out` lock (runtime/lock.ts): it finishes an interrupted commit, then clears the staging folder.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitStaged, recoverCommit } from '../runtime/commit.js';

export const STAGING = '.framelens-tmp';

export class Staging {
  readonly dir: string;
  private files: string[] = [];

  constructor(readonly out: string) {
    this.dir = join(out, STAGING);
    mkdirSync(out, { recursive: true });
    recoverCommit(out, this.dir);
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** Path to write `name` to before commit. */
  path(name: string): string {
    if (!this.files.includes(name)) this.files.push(name);
    return join(this.dir, name);
  }

  write(name: string, content: string): void {
    writeFileSync(this.path(name), content);
  }

  /** Commit every staged file into `out` as one step, manifest last; remove the staging folder. */
  commit(): void {
    commitStaged(this.out, this.dir, this.files);
  }
}
