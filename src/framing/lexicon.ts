/**
 * Framing lexicons at the I/O edge: read a lexicon file (native YAML/JSON, quanteda YAML dictionary, LIWC .dic),
 * check it (every problem with file:line and a code), convert between formats, and load several into one
 * `LexiconSet` of plain, structured-cloneable data for the worker threads (which compile it with `compileMatcher`).
 *
 * Formats (detected by extension, else by content):
 * - native (`.yml`/`.yaml`/`.json` with a top-level `frames` key): `name`, `version`, `description`, `sources`,
 *   `frames: { <frame>: { description, terms: [ "term", { term, lemma: true } ] } }`.
 * - quanteda YAML dictionary (YAML/JSON without `frames`): `key: [terms]`; nested keys become `parent.child` frames.
 * - LIWC `.dic` (or any file starting with `%`): `%`, `id<TAB>category` lines, `%`, then `term<TAB>id<TAB>id…`.
 *
 * Frame order (`LexiconSet.frames`): lexicons in the order given, frames in file order within each. Names are the
 * lexicon's own frame names when one lexicon is loaded, and `lexicon:frame` (lexicon = its `name`, or the file's
 * base name for quanteda/LIWC) when several are, so frames from different lexicons never mix.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { isMap, isSeq, isScalar, stringify, type LineCounter } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import { CODES, UsageError } from '../errors.js';
import { packageFile } from '../paths.js';
import { parseYaml } from '../yaml-cache.js';
import { analyseTerm, termKey, type TermIssue } from './terms.js';

export type LexiconFormat = 'native' | 'quanteda' | 'liwc';

export interface LexiconTerm {
  /** The term as written in the file (whitespace collapsed), e.g. `illegal alien*`: reported as FrameHit.term. */
  pattern: string;
  /** Also match the token's lemma (wink's), e.g. `deport` matches "deported", "deporting". */
  lemma: boolean;
  /** 1-based line in the lexicon file. */
  line: number;
}

export interface LexiconFrame {
  /** The frame's name inside its lexicon (unqualified). */
  name: string;
  description: string;
  terms: LexiconTerm[];
}

export interface Lexicon {
  name: string;
  version: string;
  /** sha256 (hex) of the file's bytes. */
  sha256: string;
  /** The path as given. */
  path: string;
  format: LexiconFormat;
  description: string;
  sources: string[];
  frames: LexiconFrame[];
}

export interface FrameInfo {
  /** Qualified name, as in LexiconSet.frames and FrameHit.frame. */
  name: string;
  lexicon: string;
  frame: string;
  description: string;
}

export interface LexiconSet {
  lexicons: Lexicon[];
  /** Qualified frame names: lexicons in the order given, frames in file order; `lexicon:frame` if several lexicons. */
  frames: string[];
  /** One entry per frame, parallel to `frames`. */
  frameInfo: FrameInfo[];
}

export interface LexiconProblem {
  file: string;
  line: number;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

/** The bundled default lexicon. */
export function defaultLexiconPath(): string {
  return packageFile('pipeline/lexicons/immigration.yml');
}

interface ParseResult {
  lexicon: Lexicon | null;
  problems: LexiconProblem[];
}

class Problems {
  readonly list: LexiconProblem[] = [];
  constructor(readonly file: string) {}
  add(line: number, code: string, message: string, severity?: 'error' | 'warning'): void {
    const sev = severity ?? (code.startsWith('W_') ? 'warning' : 'error');
    this.list.push({ file: this.file, line, code, severity: sev, message });
  }
}

/** `file:line: code: message` — the form `lexicon check` prints and `loadLexicons` throws. */
export function formatProblem(p: LexiconProblem): string {
  return `${p.file}:${p.line}: ${p.code}: ${p.message}`;
}

function detectFormat(path: string, src: string): LexiconFormat | 'yaml' {
  const ext = extname(path).toLowerCase();
  if (ext === '.dic') return 'liwc';
  if (ext === '.yml' || ext === '.yaml' || ext === '.json') return 'yaml';
  return src.replace(/^\uFEFF/, '').trimStart().startsWith('%') ? 'liwc' : 'yaml';
}

/** Parse one lexicon file and list all its problems. Never throws for bad content. */
export function parseLexicon(path: string): ParseResult {
  const probs = new Problems(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    probs.add(1, 'E_LEX_READ', `cannot read lexicon: ${(e as Error).message}`);
    return { lexicon: null, problems: probs.list };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let src: string;
  try {
    src = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    probs.add(1, 'E_LEX_READ', 'lexicon is not valid UTF-8');
    return { lexicon: null, problems: probs.list };
  }
  src = src.replace(/^\uFEFF/, '');
  const fmt = detectFormat(path, src);
  // The file's base name names quanteda/LIWC lexicons (and native ones without `name`): kept to the same characters
  // as a native `name`, since it prefixes frame names (`lexicon:frame`) when several lexicons are loaded.
  const stem = basename(path, extname(path)).replace(/[^A-Za-z0-9_.-]+/g, '_') || 'lexicon';
  const base: Lexicon = { name: stem, version: '', sha256, path, format: 'quanteda', description: '', sources: [], frames: [] };
  let frames: RawFrame[];
  if (fmt === 'liwc') {
    base.format = 'liwc';
    const parsed = parseDic(src, probs);
    if (!parsed) return { lexicon: null, problems: sortProblems(probs.list) };
    frames = parsed;
  } else {
    const parsed = parseLexiconYaml(src, probs, base);
    if (!parsed) return { lexicon: null, problems: sortProblems(probs.list) };
    frames = parsed;
  }
  const lexicon = finish(base, frames, probs);
  return { lexicon, problems: sortProblems(probs.list) };
}

function sortProblems(list: LexiconProblem[]): LexiconProblem[] {
  return list
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map((x) => x.p);
}

interface RawTerm {
  pattern: string;
  lemma: boolean;
  line: number;
}
interface RawFrame {
  name: string;
  description: string;
  line: number;
  terms: RawTerm[];
}

/** Validate frames and terms (shared by every format) and build the Lexicon. */
function finish(base: Lexicon, frames: RawFrame[], probs: Problems): Lexicon {
  if (frames.length === 0) probs.add(1, 'E_LEX_NO_FRAMES', 'the lexicon defines no frames');
  const seenFrames = new Map<string, number>();
  for (const f of frames) {
    if (f.name === '' || /[:\u0000-\u001f\u007f]/.test(f.name)) {
      probs.add(f.line, 'E_LEX_FRAME_NAME', `frame name ${JSON.stringify(f.name)} is empty or holds ":" or a control character`);
    }
    const prev = seenFrames.get(f.name);
    if (prev !== undefined) {
      probs.add(f.line, 'E_LEX_DUPLICATE_FRAME', `frame "${f.name}" is already defined on line ${prev}`);
    } else {
      seenFrames.set(f.name, f.line);
    }
    if (f.terms.length === 0) probs.add(f.line, 'E_LEX_EMPTY_FRAME', `frame "${f.name}" has no terms`);
    const seenTerms = new Map<string, RawTerm>();
    for (const t of f.terms) {
      const a = analyseTerm(t.pattern);
      for (const issue of a.issues) probs.add(t.line, issue.code, `frame "${f.name}": ${issue.message}`, issue.severity);
      if (a.pieces.length === 0) continue;
      const key = termKey(a.pieces, t.lemma);
      const first = seenTerms.get(key);
      if (first) {
        probs.add(
          t.line,
          'W_LEX_DUPLICATE_TERM',
          `frame "${f.name}": "${t.pattern}" repeats "${first.pattern}" (line ${first.line}); a match is counted once`,
        );
      } else {
        seenTerms.set(key, t);
      }
    }
  }
  return {
    ...base,
    frames: frames.map((f) => ({
      name: f.name,
      description: f.description,
      terms: f.terms.map((t) => ({ pattern: t.pattern, lemma: t.lemma, line: t.line })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// YAML / JSON (native and quanteda)

function lineOf(lc: LineCounter, node: { range?: [number, number, number] | null } | null | undefined, fallback = 1): number {
  const r = node?.range;
  return r ? lc.linePos(r[0]).line : fallback;
}

function scalarString(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(node.source ?? v);
  return null;
}

const NATIVE_KEYS = new Set(['name', 'version', 'description', 'sources', 'frames']);
const FRAME_KEYS = new Set(['description', 'terms']);
const TERM_KEYS = new Set(['term', 'lemma']);

function parseLexiconYaml(src: string, probs: Problems, base: Lexicon): RawFrame[] | null {
  const doc = parseYaml(src, { uniqueKeys: false, prettyErrors: false });
  const lc = doc.lineCounter;
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
      probs.add(line, 'E_LEX_SYNTAX', e.message.split('\n')[0]);
    }
    return null;
  }
  const root = doc.contents;
  if (!isMap(root)) {
    probs.add(lineOf(lc, root as YamlNode | null), 'E_LEX_FORMAT', 'expected a mapping: a native lexicon (with `frames`) or a quanteda dictionary (category: [terms])');
    return null;
  }
  const hasFrames = root.items.some((p) => scalarString(p.key) === 'frames');
  if (hasFrames) {
    base.format = 'native';
    return parseNative(root, lc, probs, base);
  }
  base.format = 'quanteda';
  const frames: RawFrame[] = [];
  quantedaLevel(root, [], lc, probs, frames);
  return frames;
}

function parseNative(root: YAMLMap, lc: LineCounter, probs: Problems, base: Lexicon): RawFrame[] {
  const frames: RawFrame[] = [];
  const seen = new Set<string>();
  for (const pair of root.items as Pair[]) {
    const key = scalarString(pair.key);
    const line = lineOf(lc, pair.key as YamlNode);
    if (key === null || !NATIVE_KEYS.has(key)) {
      probs.add(line, 'E_LEX_UNKNOWN_KEY', `unknown key ${JSON.stringify(key)} (expected one of: ${[...NATIVE_KEYS].join(', ')})`);
      continue;
    }
    seen.add(key);
    const value = pair.value as YamlNode | null;
    if (key === 'name' || key === 'version' || key === 'description') {
      const s = scalarString(value);
      if (s === null) {
        probs.add(line, 'E_LEX_BAD_VALUE', `\`${key}\` must be a string`);
        continue;
      }
      if (key === 'name') {
        if (!/^[A-Za-z0-9_.-]+$/.test(s)) {
          probs.add(line, 'E_LEX_BAD_VALUE', `\`name\` ${JSON.stringify(s)} must be letters, digits, _ . - (it prefixes frame names)`);
        } else base.name = s;
      } else if (key === 'version') base.version = s;
      else base.description = s.trim();
    } else if (key === 'sources') {
      if (isSeq(value)) {
        for (const item of value.items) {
          const s = scalarString(item);
          if (s === null) probs.add(lineOf(lc, item as YamlNode, line), 'E_LEX_BAD_VALUE', 'each source must be a string');
          else base.sources.push(s.trim());
        }
      } else {
        const s = scalarString(value);
        if (s === null) probs.add(line, 'E_LEX_BAD_VALUE', '`sources` must be a list of strings');
        else base.sources.push(s.trim());
      }
    } else if (key === 'frames') {
      if (!isMap(value)) {
        probs.add(line, 'E_LEX_BAD_VALUE', '`frames` must be a mapping of frame name to { description, terms }');
        continue;
      }
      for (const fp of value.items as Pair[]) frames.push(nativeFrame(fp, lc, probs));
    }
  }
  const missing = ['name', 'version', 'description', 'sources'].filter((k) => !seen.has(k));
  if (missing.length > 0) probs.add(1, 'W_LEX_METADATA', `no ${missing.map((k) => '`' + k + '`').join(', ')}: say what the lexicon is and where its terms come from`);
  return frames;
}

function nativeFrame(fp: Pair, lc: LineCounter, probs: Problems): RawFrame {
  const name = scalarString(fp.key) ?? '';
  const line = lineOf(lc, fp.key as YamlNode);
  const frame: RawFrame = { name, description: '', line, terms: [] };
  const value = fp.value as YamlNode | null;
  if (isSeq(value)) {
    // shorthand: frame: [terms]
    frame.terms = termList(value.items as YamlNode[], lc, probs, line, true);
    probs.add(line, 'W_LEX_NO_DESCRIPTION', `frame "${name}" has no description`);
    return frame;
  }
  if (value === null || (isScalar(value) && value.value === null)) return frame; // reported as empty
  if (!isMap(value)) {
    probs.add(line, 'E_LEX_BAD_VALUE', `frame "${name}" must be a mapping { description, terms } or a list of terms`);
    return frame;
  }
  let hasDescription = false;
  for (const pair of value.items as Pair[]) {
    const key = scalarString(pair.key);
    const kline = lineOf(lc, pair.key as YamlNode, line);
    if (key === null || !FRAME_KEYS.has(key)) {
      probs.add(kline, 'E_LEX_UNKNOWN_KEY', `frame "${name}": unknown key ${JSON.stringify(key)} (expected description, terms)`);
      continue;
    }
    const v = pair.value as YamlNode | null;
    if (key === 'description') {
      const s = scalarString(v);
      if (s === null) probs.add(kline, 'E_LEX_BAD_VALUE', `frame "${name}": description must be a string`);
      else {
        frame.description = s.trim();
        hasDescription = frame.description !== '';
      }
    } else if (isSeq(v)) {
      frame.terms = termList(v.items as YamlNode[], lc, probs, kline, true);
    } else if (!(v === null || (isScalar(v) && v.value === null))) {
      probs.add(kline, 'E_LEX_BAD_VALUE', `frame "${name}": terms must be a list`);
    }
  }
  if (!hasDescription) probs.add(line, 'W_LEX_NO_DESCRIPTION', `frame "${name}" has no description`);
  return frame;
}

function termList(items: YamlNode[], lc: LineCounter, probs: Problems, parentLine: number, allowObjects: boolean): RawTerm[] {
  const terms: RawTerm[] = [];
  for (const item of items) {
    const line = lineOf(lc, item, parentLine);
    const s = scalarString(item);
    if (s !== null) {
      terms.push({ pattern: s.replace(/\s+/g, ' ').trim(), lemma: false, line });
      continue;
    }
    if (isScalar(item) && item.value === null) {
      probs.add(line, 'E_LEX_EMPTY_TERM', 'empty term');
      continue;
    }
    if (allowObjects && isMap(item)) {
      let pattern: string | null = null;
      let lemma = false;
      for (const pair of item.items as Pair[]) {
        const key = scalarString(pair.key);
        const kline = lineOf(lc, pair.key as YamlNode, line);
        if (key === 'term') {
          pattern = scalarString(pair.value);
          if (pattern === null) probs.add(kline, 'E_LEX_BAD_VALUE', '`term` must be a string');
        } else if (key === 'lemma') {
          const v = isScalar(pair.value) ? pair.value.value : undefined;
          if (typeof v !== 'boolean') probs.add(kline, 'E_LEX_BAD_VALUE', '`lemma` must be true or false');
          else lemma = v;
        } else {
          probs.add(kline, 'E_LEX_UNKNOWN_KEY', `unknown term key ${JSON.stringify(key)} (expected ${[...TERM_KEYS].join(', ')})`);
        }
      }
      if (pattern === null) {
        if (!item.items.some((p) => scalarString(p.key) === 'term')) probs.add(line, 'E_LEX_MISSING_KEY', 'term entry has no `term`');
        continue;
      }
      terms.push({ pattern: pattern.replace(/\s+/g, ' ').trim(), lemma, line });
      continue;
    }
    probs.add(line, 'E_LEX_BAD_VALUE', allowObjects ? 'a term must be a string or { term, lemma }' : 'a term must be a string');
  }
  return terms;
}

/** quanteda: `key: [terms]` or `key: {subkey: …}`; a list may also hold `- subkey: [terms]` items. */
function quantedaLevel(map: YAMLMap, path: string[], lc: LineCounter, probs: Problems, out: RawFrame[]): void {
  for (const pair of map.items as Pair[]) {
    const key = scalarString(pair.key);
    const line = lineOf(lc, pair.key as YamlNode);
    if (key === null) {
      probs.add(line, 'E_LEX_BAD_VALUE', 'dictionary keys must be strings');
      continue;
    }
    quantedaEntry(key, pair.value as YamlNode | null, line, path, lc, probs, out);
  }
}

function quantedaEntry(key: string, value: YamlNode | null, line: number, path: string[], lc: LineCounter, probs: Problems, out: RawFrame[]): void {
  const name = [...path, key].join('.');
  if (isMap(value)) {
    quantedaLevel(value, [...path, key], lc, probs, out);
    return;
  }
  const frame: RawFrame = { name, description: '', line, terms: [] };
  out.push(frame);
  if (isSeq(value)) {
    const scalars: YamlNode[] = [];
    const nested: YAMLMap[] = [];
    for (const item of value.items as YamlNode[]) {
      if (isMap(item)) nested.push(item);
      else scalars.push(item);
    }
    frame.terms = termList(scalars, lc, probs, line, false);
    if (frame.terms.length === 0 && nested.length > 0) out.splice(out.indexOf(frame), 1); // a pure grouping key
    for (const m of nested) quantedaLevel(m, [...path, key], lc, probs, out);
    return;
  }
  const s = scalarString(value);
  if (s !== null) frame.terms = [{ pattern: s.replace(/\s+/g, ' ').trim(), lemma: false, line: lineOf(lc, value, line) }];
  else if (!(value === null || (isScalar(value) && value.value === null))) {
    probs.add(line, 'E_LEX_BAD_VALUE', `category "${name}" must be a list of terms or nested categories`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// LIWC .dic

/** Returns null when the header itself is unusable (nothing more can be checked). */
function parseDic(src: string, probs: Problems): RawFrame[] | null {
  const lines = src.split(/\r\n|\n|\r/);
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length || lines[i].trim() !== '%') {
    probs.add(Math.min(i, lines.length - 1) + 1, 'E_LEX_DIC_HEADER', 'a LIWC dictionary starts with a line holding only %');
    return null;
  }
  const headerStart = i + 1;
  i++;
  const frames: RawFrame[] = [];
  const byId = new Map<string, RawFrame>();
  const byName = new Map<string, RawFrame>();
  let closed = false;
  for (; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '') continue;
    if (raw === '%') {
      closed = true;
      i++;
      break;
    }
    const m = /^(\S+)\s+(.+)$/.exec(raw);
    if (!m) {
      probs.add(i + 1, 'E_LEX_DIC_HEADER', `expected "id<TAB>category", got ${JSON.stringify(raw)}`);
      continue;
    }
    const [, id, name] = m;
    if (byId.has(id)) {
      probs.add(i + 1, 'E_LEX_DIC_HEADER', `category id ${id} is declared twice`);
      continue;
    }
    const frame: RawFrame = { name: name.trim(), description: '', line: i + 1, terms: [] };
    byId.set(id, frame);
    if (!byName.has(frame.name)) byName.set(frame.name, frame);
    frames.push(frame);
  }
  if (!closed) {
    probs.add(headerStart, 'E_LEX_DIC_HEADER', 'the category header is not closed by a second % line');
    return null;
  }
  for (; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i].replace(/\s+$/, '');
    if (raw.trim() === '') continue;
    let term: string;
    let ids: string[];
    if (raw.includes('\t')) {
      const parts = raw.split('\t');
      term = parts[0].trim();
      ids = parts.slice(1).join(' ').trim().split(/\s+/).filter((s) => s !== '');
    } else {
      // No tabs: the trailing run of numeric ids follows the term (which may itself hold spaces).
      const m = /^(.*?)((?:\s+\d+)+)$/.exec(raw.trim());
      if (m) {
        term = m[1].trim();
        ids = m[2].trim().split(/\s+/);
      } else {
        term = raw.trim();
        ids = [];
      }
    }
    if (term === '') {
      probs.add(line, 'E_LEX_EMPTY_TERM', 'empty term before the category ids');
      continue;
    }
    if (ids.length === 0) {
      probs.add(line, 'E_LEX_BAD_VALUE', `term "${term}" has no category id`);
      continue;
    }
    if (ids.some((id) => /[()<>/]/.test(id))) {
      probs.add(line, 'E_LEX_PATTERN', `term "${term}": LIWC conditional entry ${JSON.stringify(ids.join(' '))} is not supported (use plain category ids)`);
      continue;
    }
    const targets = new Set<RawFrame>();
    for (const id of ids) {
      const frame = byId.get(id) ?? byName.get(id);
      if (frame) targets.add(frame);
      else {
        probs.add(line, 'E_LEX_DIC_CATEGORY', `term "${term}": category id ${JSON.stringify(id)} is not declared in the % header`);
      }
    }
    for (const f of targets) f.terms.push({ pattern: term.replace(/\s+/g, ' '), lemma: false, line });
  }
  return frames;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Every problem in one lexicon file, sorted by line (errors and warnings). `lexicon check` exits 2 if any error. */
export function checkLexicon(path: string): LexiconProblem[] {
  return parseLexicon(path).problems;
}

/**
 * Load lexicons (the default one when `paths` is empty). Throws UsageError('E_LEXICON') whose message lists every
 * error as `file:line: code: message`, one a line, if any file has an error; warnings do not stop a run.
 */
export function loadLexicons(paths: string[]): LexiconSet {
  const list = paths.length > 0 ? paths : [defaultLexiconPath()];
  const lexicons: Lexicon[] = [];
  const errors: LexiconProblem[] = [];
  const byName = new Map<string, string>();
  for (const path of list) {
    const { lexicon, problems } = parseLexicon(path);
    errors.push(...problems.filter((p) => p.severity === 'error'));
    if (!lexicon) continue;
    const other = byName.get(lexicon.name);
    if (other !== undefined) {
      errors.push({
        file: path,
        line: 1,
        code: 'E_LEX_DUPLICATE_NAME',
        severity: 'error',
        message: `lexicon name "${lexicon.name}" is also the name of ${other}; frames would mix (rename one: \`name\` or the file name)`,
      });
      continue;
    }
    byName.set(lexicon.name, path);
    lexicons.push(lexicon);
  }
  if (errors.length > 0) {
    const head = `${CODES.E_LEXICON}: ${errors.length} error${errors.length === 1 ? '' : 's'}`;
    throw new UsageError('E_LEXICON', [head, ...errors.map(formatProblem)].join('\n'));
  }
  return lexiconSet(lexicons);
}

/** Assemble a LexiconSet from parsed lexicons (qualified names when there are several). */
export function lexiconSet(lexicons: Lexicon[]): LexiconSet {
  const qualify = lexicons.length > 1;
  const frameInfo: FrameInfo[] = [];
  for (const lex of lexicons) {
    for (const f of lex.frames) {
      frameInfo.push({ name: qualify ? `${lex.name}:${f.name}` : f.name, lexicon: lex.name, frame: f.name, description: f.description });
    }
  }
  return { lexicons, frames: frameInfo.map((f) => f.name), frameInfo };
}

/**
 * Convert a lexicon to native YAML, native JSON or LIWC .dic. Throws UsageError('E_LEXICON') if the lexicon has
 * errors. `.dic` cannot hold descriptions, sources or lemma matching: lemma terms are written as plain terms, and a
 * note for each loss is pushed onto `notes` when given.
 */
export function convertLexicon(path: string, to: 'yaml' | 'json' | 'dic', notes?: string[]): string {
  const { lexicon, problems } = parseLexicon(path);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!lexicon || errors.length > 0) throw new UsageError('E_LEXICON', errors.map(formatProblem).join('\n'));
  if (to === 'dic') return toDic(lexicon, notes);
  const obj = {
    name: lexicon.name,
    version: lexicon.version,
    description: lexicon.description,
    sources: lexicon.sources,
    frames: Object.fromEntries(
      lexicon.frames.map((f) => [
        f.name,
        { description: f.description, terms: f.terms.map((t) => (t.lemma ? { term: t.pattern, lemma: true } : t.pattern)) },
      ]),
    ),
  };
  if (to === 'json') return JSON.stringify(obj, null, 2) + '\n';
  if (to === 'yaml') return stringify(obj, { lineWidth: 0 });
  throw new UsageError('E_OPTION', `Expected \`--to\` to be one of yaml, json, dic, got ${JSON.stringify(to)}`);
}

function toDic(lex: Lexicon, notes?: string[]): string {
  const out = ['%'];
  lex.frames.forEach((f, i) => out.push(`${i + 1}\t${f.name}`));
  out.push('%');
  const ids = new Map<string, number[]>();
  lex.frames.forEach((f, i) => {
    for (const t of f.terms) {
      if (t.lemma) notes?.push(`frame "${f.name}": "${t.pattern}" loses lemma matching in .dic (matches the word as written only)`);
      const list = ids.get(t.pattern) ?? [];
      if (!list.includes(i + 1)) list.push(i + 1);
      ids.set(t.pattern, list);
    }
  });
  if (lex.description || lex.sources.length > 0) notes?.push('.dic has no place for the description and sources: they are dropped');
  for (const [term, list] of ids) out.push([term, ...list].join('\t'));
  return out.join('\n') + '\n';
}

export type { TermIssue };
