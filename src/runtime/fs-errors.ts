/**
 * File-system errors as coded messages: which path, what went wrong in plain words, and what to do. Used for the
 * `--out` check before a run (exit 2, nothing written) and for a write that fails during a run (exit 3, previous
 * tables kept, temporary files removed). Never a stack trace.
 */
import { RunError, UsageError } from '../errors.js';

type ErrnoError = Error & { code?: string; path?: string; syscall?: string };

/** Plain-words description and advice for the errno codes a write can meet; undefined for anything else. */
export function describeErrno(code: string | undefined, path: string): string | undefined {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left on the device holding ${path}: free some space (or choose another --out) and run again`;
    case 'EROFS':
      return `${path} is on a read-only file system: choose a writable --out`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied for ${path}: choose a --out you can write to, or change its permissions`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `${path} (or a folder above it) is a file, not a folder: choose a folder for --out`;
    case 'EISDIR':
      return `${path} is a folder where a file was expected`;
    case 'EIO':
      return `input/output error on ${path}: the disk or network share failed; check it and run again`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files while writing ${path}: raise the limit (ulimit -n) or use fewer --workers`;
    case 'ENAMETOOLONG':
      return `the path ${path} is too long: choose a shorter --out`;
    default:
      return undefined;
  }
}

/**
 * The errno an error stands for: node:fs gives it as `code`; DuckDB (the reduce engine) only in its message, as the
 * operating system's text ("IO Error: … No space left on device", also when it spills to its temporary folder or
 * writes framelens.duckdb; a failed commit: "TransactionContext Error: Failed to commit: Could not write file … No
 * space left on device").
 */
const ERRNO_TEXTS: [RegExp, string][] = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
];
function errnoOf(err: ErrnoError): string | undefined {
  if (typeof err.code === 'string') return err.code;
  const message = String(err.message ?? '');
  if (!/IO Error|Could not write file/i.test(message)) return undefined;
  return ERRNO_TEXTS.find(([re]) => re.test(message))?.[1];
}

/** An error thrown by node:fs or DuckDB, as a coded RunError (exit 3), or undefined when it is not a file-system error. */
export function writeFailure(e: unknown, out?: string): RunError | undefined {
  const err = e as ErrnoError;
  if (!err || typeof err !== 'object') return undefined;
  const code = errnoOf(err);
  if (!code) return undefined;
  const text = describeErrno(code, err.path ?? out ?? 'the output folder');
  if (!text) return undefined;
  return new RunError('E_WRITE', `${text} (${code}${err.syscall ? ` in ${err.syscall}` : ''}); the previous tables are kept and temporary files were removed`, 3);
}

/** The same, for the `--out` check before anything is written: a settings error (exit 2). */
export function outUnusable(e: unknown, out: string): UsageError {
  const err = e as ErrnoError;
  const text = describeErrno(err?.code, err?.path ?? out) ?? `${out} cannot be used: ${err?.message ?? String(e)}`;
  return new UsageError('E_OUT_UNUSABLE', `--out ${out}: ${text}${err?.code ? ` (${err.code})` : ''}`);
}
