/**
 * Bytes → text, with the checks every reader shares: binary detection, BOMs (UTF-8, UTF-16 LE/BE), strict UTF-8.
 * Offsets in the outputs index the decoded text (after any BOM), so decoding never moves them afterwards.
 */
import type { Code } from '../errors.js';

export type Decoded = { ok: true; text: string } | { ok: false; code: Code; message: string; line: number };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line number of byte offset `at` in `buf`. */
export function lineOfByte(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/** Heuristic used by git and file(1): a NUL byte in the first 8 KB means binary (UTF-16 is recognised by its BOM). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Position of the first byte that makes `buf` invalid UTF-8 (for the error's line number). */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    let need = 0;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    if (i + need >= buf.length) return i;
    try {
      utf8.decode(buf.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return buf.length;
}

export function decodeBytes(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  }
  let body = buf;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) body = buf.subarray(3);
  if (looksBinary(body)) return { ok: false, code: 'E_BINARY', message: 'file contains NUL bytes: not a text file', line: 1 };
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    const at = firstInvalidUtf8(body);
    return {
      ok: false,
      code: 'E_UTF8',
      message: `invalid UTF-8 at byte ${at + (body === buf ? 0 : 3)}; re-encode the file as UTF-8`,
      line: lineOfByte(body, at),
    };
  }
}
