/**
 * The input walk: command-line paths → the files to read, in one canonical order that does not depend on the order of
 * the arguments, each file once.
 *
 * - Arguments are taken outermost first (sorted by real path), so a file under two arguments (`corpora/` and
 *   `corpora/seeds`) belongs to the outer one whatever the order given: same display path, same article id.
 * - Symbolic links are followed once, by real path. A file reached both directly and through a link is read at its
 *   own path; folders reached through links are walked after every real folder, so a link never takes a folder's
 *   files from their own place. A link back to a folder above it (a loop) and a link to nothing are listed
 *   (E_LINK_LOOP, E_LINK_BROKEN) and skipped.
 * - A folder that cannot be listed, or an entry that cannot be examined, is listed (E_READ) and skipped.
 * - framelens's own output folders are never read: the `--out` folder (skipped without a note: a run writing inside
 *   its input folder is common), and any folder holding a framelens manifest.json, `--out` lock or staging folder
 *   (listed as E_OWN_OUTPUT).
 * - Hidden files and folders (name starting with `.`) are not inputs.
 * Problems come back as entries of the file list with a `problem`, in the same order, so errors.csv lists them where
 * they are in the walk.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError, type Code } from '../errors.js';
import type { InputFile } from './read.js';
import { compareStrings as cmp } from '../search.js';

const posix = (p: string) => p.split(sep).join('/');

/** Files whose presence marks a folder as framelens output: its lock and staging folder, or its manifest. */
const OUTPUT_MARKS = ['.framelens-lock', '.framelens-tmp'];

/** Does this manifest.json say it was written by framelens? Reads its first bytes only. */
function framelensManifest(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return /"tool"\s*:\s*"framelens"/.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function isOutputFolder(dir: string): boolean {
  return OUTPUT_MARKS.some((m) => existsSync(join(dir, m))) || framelensManifest(join(dir, 'manifest.json'));
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

const errno = (e: unknown) => (e as { code?: string }).code ?? 'error';

interface Root {
  arg: string;
  abs: string;
  real: string;
  index: number;
}

interface Candidate extends InputFile {
  viaLink: boolean;
  root: number;
}

interface PendingLink {
  root: Root;
  abs: string;
  real: string;
  rel: string;
  ancestors: Set<string>;
}

/** Expand input arguments into files (and listed problems) in canonical order; see the module comment. */
export function walkInputs(args: string[], options: { out?: string } = {}): InputFile[] {
  const outReal = options.out === undefined ? undefined : realOrResolved(options.out);
  const roots: Root[] = args
    .map((arg) => {
      const abs = resolve(arg);
      if (!existsSync(abs)) throw new UsageError('E_INPUT_MISSING', `Input path does not exist: ${arg}`);
      return { arg, abs, real: realpathSync(abs), index: 0 };
    })
    .sort((a, b) => cmp(a.real, b.real) || cmp(a.arg, b.arg));
  roots.forEach((r, i) => (r.index = i));

  const chosen = new Map<string, Candidate>(); // by real path
  const problems = new Map<string, InputFile>(); // by display path
  const walked = new Set<string>(); // real paths of folders walked
  const pending: PendingLink[] = [];

  const display = (root: Root, rel: string) => posix(rel ? join(root.arg, rel) : root.arg);
  const problem = (root: Root, rel: string, code: Code, message: string) => {
    const shown = display(root, rel);
    if (!problems.has(shown)) problems.set(shown, { path: join(root.abs, rel), display: shown, rel: rel || basename(root.abs), problem: { code, message } });
  };
  const addFile = (root: Root, abs: string, real: string, rel: string, viaLink: boolean) => {
    const c: Candidate = { path: abs, display: display(root, rel), rel, viaLink, root: root.index };
    const prev = chosen.get(real);
    const better = !prev || (c.viaLink !== prev.viaLink ? !c.viaLink : c.root !== prev.root ? c.root < prev.root : cmp(c.rel, prev.rel) < 0);
    if (better) chosen.set(real, c);
  };

  const walkDir = (root: Root, abs: string, real: string, rel: string, ancestors: Set<string>, viaLink: boolean): void => {
    if (real === outReal) return;
    if (isOutputFolder(real)) {
      problem(root, rel, 'E_OWN_OUTPUT', `${display(root, rel)} is a framelens output folder (it holds its manifest, lock or staging folder): not read as input`);
      return;
    }
    walked.add(real);
    let names: string[];
    try {
      names = readdirSync(abs).sort();
    } catch (e) {
      problem(root, rel, 'E_READ', `folder could not be read (${errno(e)}): skipped`);
      return;
    }
    const inside = new Set([...ancestors, real]);
    for (const name of names) {
      if (name.startsWith('.')) continue; // hidden files and folders (.git, .DS_Store) are not inputs
      const full = join(abs, name);
      const childRel = rel ? join(rel, name) : name;
      let st;
      try {
        st = lstatSync(full);
      } catch (e) {
        problem(root, childRel, 'E_READ', `could not be examined (${errno(e)}): skipped`);
        continue;
      }
      if (st.isSymbolicLink()) {
        let target;
        let targetReal: string;
        try {
          target = statSync(full);
          targetReal = realpathSync(full);
        } catch (e) {
          if (errno(e) === 'ELOOP') problem(root, childRel, 'E_LINK_LOOP', `symbolic link loops (ELOOP): not followed`);
          else problem(root, childRel, 'E_LINK_BROKEN', `symbolic link points to nothing (${errno(e)}): skipped`);
          continue;
        }
        if (target.isDirectory()) {
          if (inside.has(targetReal)) {
            problem(root, childRel, 'E_LINK_LOOP', `symbolic link leads back to a folder above it: not followed`);
            continue;
          }
          pending.push({ root, abs: full, real: targetReal, rel: childRel, ancestors: inside });
        } else if (target.isFile()) addFile(root, full, targetReal, childRel, true);
      } else if (st.isDirectory()) {
        walkDir(root, full, join(real, name), childRel, inside, viaLink);
      } else if (st.isFile()) {
        addFile(root, full, join(real, name), childRel, viaLink);
      }
    }
  };

  for (const root of roots) {
    const st = statSync(root.abs);
    if (st.isDirectory()) {
      if (walked.has(root.real)) continue; // inside an argument already walked
      if (root.real === outReal) {
        problem(root, '', 'E_OWN_OUTPUT', `${root.arg} is the --out folder: not read as input`);
        continue;
      }
      walkDir(root, root.abs, root.real, '', new Set(), root.abs !== root.real);
    } else if (st.isFile()) {
      const parent = dirname(root.real);
      if (parent === outReal || isOutputFolder(parent)) {
        problem(root, '', 'E_OWN_OUTPUT', `${root.arg} is in a framelens output folder: not read as input`);
        continue;
      }
      const c: Candidate = { path: root.abs, display: posix(root.arg), rel: basename(root.abs), viaLink: root.abs !== root.real, root: root.index };
      const prev = chosen.get(root.real);
      if (!prev || (c.viaLink !== prev.viaLink ? !c.viaLink : c.root < prev.root)) chosen.set(root.real, c);
    }
  }
  // Folders reached through links, after every real folder; each real folder once.
  while (pending.length) {
    pending.sort((a, b) => a.root.index - b.root.index || cmp(a.rel, b.rel));
    const link = pending.shift()!;
    if (walked.has(link.real)) continue;
    walkDir(link.root, link.abs, link.real, link.rel, link.ancestors, true);
  }

  const files: InputFile[] = [...chosen.values()].map(({ path, display, rel }) => ({ path, display, rel }));
  // Problems whose path is also a chosen file's (cannot happen for folders) are kept once.
  files.push(...problems.values());
  return files.sort((a, b) => cmp(a.path, b.path) || cmp(a.display, b.display));
}
