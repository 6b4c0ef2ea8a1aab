/**
 * Lexicon terms: how a term as written ("Illegal alien*", "well-planned", "don’t") becomes the word pieces the
 * matcher compares with the article's tokens, what makes a term unusable, and linear-time glob matching.
 * Pure; shared by the lexicon loader (validation, `lexicon check`) and the matcher (worker threads).
 *
 * Normalisation, applied identically to terms and to the article's tokens:
 * - lowercase (and NFC for non-ASCII text);
 * - apostrophes ’ ‘ ʼ ′ ` ´ → ' ; hyphens ‐ ‑ (U+2010, U+2011) → - ;
 * - a term is split into pieces at spaces and hyphens, so "well-planned" ≡ "well planned" (in the text, only - ‐ ‑
 *   written without spaces join a compound; a dash – or — never does), and the clitics wink splits off are split off
 *   the same way: "alien's" → alien + 's, "don't" → do + n't.
 */

/** Characters of regular-expression syntax: not supported (globs only), so a term holding one cannot compile. */
const REGEX_SYNTAX = /[[\](){}|\\^$+]/;
/** Punctuation the tokenizer always splits off a word: a term holding one could never match. */
const NEVER_IN_WORD = /[,;!"“”«»]/;
/** Longest term accepted (characters) and most pieces in one phrase. */
export const MAX_TERM_CHARS = 200;
export const MAX_TERM_PIECES = 12;

export interface TermIssue {
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface AnalysedTerm {
  /** Normalised pieces, in order; a piece may hold `*` (any run of characters) and `?` (one character). */
  pieces: string[];
  /** Problems with the term (empty when it compiles cleanly). */
  issues: TermIssue[];
}

const APOSTROPHES = /[’‘ʼ′`´]/g;
const HYPHENS = /[‐‑]/g;
/** True if every code unit is ASCII. Speed: a loop over a short word costs less than a regex test. */
export function isAscii(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0x7f) return false;
  return true;
}

/** Normalise a lowercased word or term for comparison (see the module comment). Cheap for ASCII text. */
export function normalizeWord(lower: string): string {
  if (isAscii(lower)) return lower;
  return lower.normalize('NFC').replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

/** True if the piece uses glob syntax. */
export function isGlob(piece: string): boolean {
  return piece.includes('*') || piece.includes('?');
}

function splitClitics(part: string, out: string[]): void {
  if (part.length > 3 && part.endsWith("n't") && !isGlob(part.slice(-3))) {
    out.push(part.slice(0, -3), "n't");
  } else if (part.length > 2 && part.endsWith("'s")) {
    out.push(part.slice(0, -2), "'s");
  } else {
    out.push(part);
  }
}

/** Split a term into normalised pieces and list what is wrong with it. */
export function analyseTerm(written: string): AnalysedTerm {
  const issues: TermIssue[] = [];
  const norm = normalizeWord(written.toLowerCase()).replace(/\s+/g, ' ').trim();
  if (norm === '') {
    return { pieces: [], issues: [{ code: 'E_LEX_EMPTY_TERM', severity: 'error', message: 'empty term' }] };
  }
  if (norm.length > MAX_TERM_CHARS) {
    issues.push({ code: 'E_LEX_PATTERN', severity: 'error', message: `term longer than ${MAX_TERM_CHARS} characters` });
    return { pieces: [], issues };
  }
  const regex = REGEX_SYNTAX.exec(norm);
  if (regex) {
    issues.push({
      code: 'E_LEX_PATTERN',
      severity: 'error',
      message: `"${written}" cannot compile: "${regex[0]}" is regular-expression syntax; terms are words with * and ? globs`,
    });
    return { pieces: [], issues };
  }
  const punct = NEVER_IN_WORD.exec(norm);
  if (punct) {
    issues.push({
      code: 'E_LEX_PATTERN',
      severity: 'error',
      message: `"${written}" cannot compile: "${punct[0]}" is never part of a word, so the term could never match`,
    });
    return { pieces: [], issues };
  }
  const pieces: string[] = [];
  for (const word of norm.split(' ')) {
    const parts = word.split('-');
    // "*-immigrant": a wildcard-only part keeps the compound whole, matched against the compound as written.
    const keepWhole = parts.length > 1 && parts.some((p) => p === '' || /^[*?]+$/.test(p));
    if (keepWhole) {
      if (parts.every((p) => p === '' || /^[*?]+$/.test(p))) {
        issues.push({ code: 'E_LEX_PATTERN', severity: 'error', message: `"${written}" cannot compile: "${word}" has no letters` });
        return { pieces: [], issues };
      }
      splitClitics(word, pieces);
    } else {
      for (const part of parts) splitClitics(part, pieces);
    }
  }
  if (pieces.length > MAX_TERM_PIECES) {
    issues.push({ code: 'E_LEX_PATTERN', severity: 'error', message: `"${written}" has more than ${MAX_TERM_PIECES} words` });
    return { pieces: [], issues };
  }
  if (pieces.some(isGlob)) {
    const literal = pieces.join('').replace(/[*?]/g, '').length;
    if (literal < 3) {
      issues.push({
        code: 'E_LEX_BROAD_GLOB',
        severity: 'error',
        message: `"${written}" would match almost every word (fewer than 3 letters outside the wildcards)`,
      });
    } else if (pieces.length === 1) {
      const p = pieces[0];
      const lead = p[0] === '*' || p[0] === '?';
      if (literal < 4 || (lead && literal < 5)) {
        issues.push({
          code: 'W_LEX_BROAD_GLOB',
          severity: 'warning',
          message: `"${written}" is very broad (${literal} letters${lead ? ', leading wildcard' : ''}); read its matches`,
        });
      }
    } else if (pieces.some((p) => /^[*?]+$/.test(p))) {
      issues.push({
        code: 'W_LEX_BROAD_GLOB',
        severity: 'warning',
        message: `"${written}" has a word that is only a wildcard: it matches any word in that position`,
      });
    }
  }
  return { pieces, issues };
}

/** A key identifying what a term matches (for duplicate detection): its pieces and whether it matches lemmas. */
export function termKey(pieces: string[], lemma: boolean): string {
  return (lemma ? 'L ' : 'S ') + pieces.join(' ');
}

/**
 * A compiled glob piece. Matching never backtracks: the pattern is cut at `*` into fixed-length segments
 * (letters and `?`); the first must sit at the start, the last at the end, the middle ones are found left to right
 * at their earliest position (greedy earliest placement is exact for `*`-separated fixed-length segments). Cost is
 * O(word length × pattern length) whatever the pattern: no user pattern can make matching hang.
 */
export interface Glob {
  source: string;
  /** Fixed-length segments between stars. */
  segments: string[];
  anchoredStart: boolean;
  anchoredEnd: boolean;
  minLength: number;
}

export function compileGlob(piece: string): Glob {
  const segments = piece.split('*');
  const anchoredStart = !piece.startsWith('*');
  const anchoredEnd = !piece.endsWith('*');
  const nonEmpty = segments.filter((s) => s !== '');
  const minLength = nonEmpty.reduce((n, s) => n + s.length, 0);
  return { source: piece, segments: nonEmpty, anchoredStart, anchoredEnd, minLength };
}

function segmentAt(word: string, pos: number, seg: string): boolean {
  if (pos + seg.length > word.length) return false;
  for (let k = 0; k < seg.length; k++) {
    const c = seg.charCodeAt(k);
    if (c !== 63 /* ? */ && c !== word.charCodeAt(pos + k)) return false;
  }
  return true;
}

export function globMatches(g: Glob, word: string): boolean {
  if (word.length < g.minLength) return false;
  const segs = g.segments;
  if (segs.length === 0) return true; // "*" (rejected by the loader as too broad, but well defined)
  if (!g.source.includes('*')) return word.length === segs[0].length && segmentAt(word, 0, segs[0]);
  let first = 0;
  let last = segs.length - 1;
  let pos = 0;
  let endLimit = word.length;
  if (g.anchoredStart) {
    if (!segmentAt(word, 0, segs[0])) return false;
    pos = segs[0].length;
    first = 1;
  }
  if (g.anchoredEnd) {
    const seg = segs[last];
    const at = word.length - seg.length;
    if (at < pos || !segmentAt(word, at, seg)) return false;
    endLimit = at;
    last -= 1;
  }
  for (let s = first; s <= last; s++) {
    const seg = segs[s];
    let found = -1;
    for (let p = pos; p + seg.length <= endLimit; p++) {
      if (segmentAt(word, p, seg)) {
        found = p;
        break;
      }
    }
    if (found < 0) return false;
    pos = found + seg.length;
  }
  return true;
}
