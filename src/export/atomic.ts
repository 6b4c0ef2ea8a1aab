/**
 * Atomic outputs. Every output file is first written under `<out>/.framelens-tmp/` and renamed into place only when
 * the whole run has succeeded: a run killed at any moment leaves the previous complete tables (or none), never a torn
 * file. rename(2) within one file system is atomic.
 */
import { existsSync, fsyncSync, mkdirSync, openSync, closeSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAGING = '.framelens-tmp';

export class Staging {
  readonly dir: string;
  private files: string[] = [];

  constructor(readonly out: string) {
    this.dir = join(out, STAGING);
    mkdirSync(out, { recursive: true });
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

  /** fsync then rename every staged file into `out`; remove the staging folder. */
  commit(): void {
    for (const name of this.files) {
      const p = join(this.dir, name);
      const fd = openSync(p, 'r');
      fsyncSync(fd);
      closeSync(fd);
    }
    for (const name of this.files) renameSync(join(this.dir, name), join(this.out, name));
    if (readdirSync(this.dir).length === 0) rmSync(this.dir, { recursive: true, force: true });
  }
}
