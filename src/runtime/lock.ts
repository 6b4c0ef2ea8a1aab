/**
 * The `--out` lock: one run at a time writes an output folder. The lock is a file `<out>/.framelens-lock` created
 * with O_EXCL and holding the owner's pid, host, start time and command line. A second run finds it, names the run
 * that holds it, and stops with exit 2 before writing anything. A lock whose process is gone (a run killed by SIGKILL
 * or a power cut) is stale: the next run takes it over, after finishing any commit the dead run had begun (see
 * commit.ts). A lock from another host cannot be checked, so it is respected; the message says how to remove it.
 *
 * On success the caller releases the lock. When the process ends any other way (an error), the lock's temporary files
 * (the staging folder, the partial articles file) are removed and then the lock itself, so a failed run leaves the
 * previous tables and no debris.
 */
import { accessSync, closeSync, constants, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { outUnusable } from './fs-errors.js';

export const LOCK_NAME = '.framelens-lock';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string[];
}

/** Check that `out` can be an output folder (an existing folder or creatable, writable), then create it. */
export function prepareOut(out: string): void {
  let existing = out;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    if (!statSync(existing).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR', path: existing });
    accessSync(existing, constants.W_OK);
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw outUnusable(e, out);
  }
}

/** Is the process of this lock still running? Only answerable on the same host. */
function alive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null | 'gone' {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch (e) {
    return (e as { code?: string }).code === 'ENOENT' ? 'gone' : null;
  }
}

const held = new Set<OutLock>();
let exitHookInstalled = false;

export class OutLock {
  private released = false;
  /** True when this run took the lock over from a run that is no longer running. */
  tookOver = false;

  constructor(
    readonly out: string,
    readonly path: string,
    private readonly temporary: string[],
  ) {}

  /** The run finished: remove the lock (its temporary files are gone by now). */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    rmSync(this.path, { force: true });
  }

  /** The run failed: remove its temporary files, then the lock. */
  abandon(): void {
    if (this.released) return;
    for (const name of this.temporary) {
      try {
        rmSync(join(this.out, name), { recursive: true, force: true });
      } catch {
        /* best effort: the lock must still go */
      }
    }
    this.release();
  }
}

/** Abandon every lock this process holds (the CLI calls this when a run fails); returns their output folders. */
export function abandonOutLocks(): string[] {
  const outs = [...held].map((lock) => lock.out);
  for (const lock of [...held]) lock.abandon();
  return outs;
}

/**
 * Take the lock on `out` (created if needed) or throw a UsageError (exit 2) naming the run that holds it.
 * `temporary`: names inside `out` removed if this process ends without releasing the lock.
 */
export function acquireOutLock(out: string, command: string[], temporary: string[] = []): OutLock {
  prepareOut(out);
  const path = join(out, LOCK_NAME);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  let tookOver = false;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, JSON.stringify(mine) + '\n');
        fsyncSync(fd);
      } catch (e) {
        rmSync(path, { force: true }); // a lock that could not be written (a full disk) is not left behind
        throw e;
      } finally {
        closeSync(fd);
      }
      const lock = new OutLock(out, path, temporary);
      lock.tookOver = tookOver;
      held.add(lock);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once('exit', abandonOutLocks);
      }
      return lock;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw outUnusable(e, out);
    }
    const info = readLock(path);
    if (info === 'gone') continue;
    if (info === null) {
      // Unparsable: a run between creating and writing its lock (a moment), or a lock torn by a crash (old).
      let age = 0;
      try {
        age = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (age < 5000) throw locked(out, path, null);
    } else if (alive(info)) {
      throw locked(out, path, info);
    }
    // Stale: move it aside, check that what was moved is the stale lock (not a fresh one another run made meanwhile).
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readLock(aside);
    const same = info === null ? moved === null : moved !== null && moved !== 'gone' && moved.pid === info.pid && moved.started === info.started;
    if (!same) {
      try {
        linkSync(aside, path); // put the live lock back
      } catch {
        /* its owner replaced it already */
      }
    } else tookOver = true;
    rmSync(aside, { force: true });
  }
  throw locked(out, path, null);
}

function locked(out: string, path: string, info: LockInfo | null): UsageError {
  const who = info
    ? `framelens run pid ${info.pid} on ${info.host}, started ${info.started}: framelens ${info.command.join(' ')}`
    : 'a framelens run that is starting';
  return new UsageError(
    'E_OUT_LOCKED',
    `--out ${out} is in use by another run (${who}); nothing was written. Wait for it to finish or choose another --out; if no such run is going on, delete ${path}`,
  );
}
