/**
 * YAML parsed once at build time. Parsing the bundled data files (pipeline/*.yml, pipeline/lexicons/*.yml) took about
 * 0.3 s of CPU in every run, most of it compiling the cold parser (docs/performance.md, "0.3.7"); `npm run build`
 * writes their node trees to dist/yaml-cache.json, keyed by the SHA-256 of each file's text, and `parseYaml` rebuilds
 * the same nodes (yaml's own classes, with their ranges) from there when a text is found. Any other text (a user's
 * lexicon, an edited word list, a missing or stale cache) is parsed as usual, so the cache only changes the time taken.
 * Only texts without errors are cached: their nodes are the same whatever the parse options.
 *
 * `node dist/src/yaml-cache.js` writes the cache (run by `npm run build` and by src/prepare.mjs).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type YAMLError } from 'yaml';
import { packageFile } from './paths.js';

export const YAML_CACHE_FILE = 'dist/yaml-cache.json';

/** A node as stored: a scalar (value, range, source, type), a sequence or a mapping; `f` marks flow style. */
export type Tree =
  | { v: unknown; r: [number, number, number]; s?: string; t?: string }
  | { q: Tree[]; r: [number, number, number]; f?: true }
  | { m: [Tree, Tree | null][]; r: [number, number, number]; f?: true }
  | null;

export interface ParsedYaml {
  /** The document's root node (yaml's classes). */
  contents: unknown;
  errors: YAMLError[];
  lineCounter: LineCounter;
  /** Whether the nodes were rebuilt from the build's cache (else parsed). */
  cached: boolean;
}

let cache: Record<string, Tree> | null = null;

/** The build's cache (empty when it is missing or unreadable: every text is then parsed). */
function loadCache(): Record<string, Tree> {
  if (cache) return cache;
  try {
    cache = JSON.parse(readFileSync(packageFile(YAML_CACHE_FILE), 'utf8')) as Record<string, Tree>;
  } catch {
    cache = {};
  }
  return cache;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `text` parsed (or rebuilt from the cache): the root node, the errors and the line counter for `file:line`. */
export function parseYaml(text: string, options: { uniqueKeys?: boolean; prettyErrors?: boolean } = {}): ParsedYaml {
  const tree = loadCache()[sha256(text)];
  if (tree !== undefined) return { contents: fromTree(tree), errors: [], lineCounter: linesOf(text), cached: true };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...options });
  return { contents: doc.contents, errors: doc.errors, lineCounter, cached: false };
}

/** `text` as plain JavaScript values, as yaml's `parse` gives them (its first error thrown), through parseYaml. */
export function parseYamlValue(text: string): unknown {
  const { contents, errors } = parseYaml(text);
  if (errors.length) throw errors[0];
  const doc = new Document();
  doc.contents = contents as Document['contents'];
  return doc.toJS();
}

/** The line starts the parser records: offset 0 and the offset after every line feed. */
function linesOf(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** A parsed node as stored; throws on what the cache does not hold (aliases, tags), so that file is not cached. */
export function toTree(node: unknown): Tree {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    if (node.tag) throw new Error('tagged scalar');
    return { v: node.value, r: node.range!, s: node.source, t: node.type };
  }
  if (isSeq(node)) return { q: node.items.map(toTree), r: node.range!, ...(node.flow ? { f: true as const } : {}) };
  if (isMap(node)) {
    return {
      m: node.items.map((p) => {
        if (!isPair(p)) throw new Error('map item is not a pair');
        return [toTree(p.key), toTree(p.value)] as [Tree, Tree | null];
      }),
      r: node.range!,
      ...(node.flow ? { f: true as const } : {}),
    };
  }
  throw new Error('unsupported node');
}

function fromTree(t: Tree): unknown {
  if (t === null) return null;
  if ('v' in t) {
    const s = new Scalar(t.v);
    s.range = t.r;
    if (t.s !== undefined) s.source = t.s;
    if (t.t !== undefined) s.type = t.t as Scalar.Type;
    return s;
  }
  if ('q' in t) {
    const seq = new YAMLSeq();
    seq.items = t.q.map(fromTree);
    seq.range = t.r;
    if (t.f) seq.flow = true;
    return seq;
  }
  const map = new YAMLMap();
  map.items = t.m.map(([k, v]) => new Pair(fromTree(k), fromTree(v)));
  map.range = t.r;
  if (t.f) map.flow = true;
  return map;
}

/** The YAML files shipped under pipeline/ (relative paths, sorted). */
export function bundledYamlFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(packageFile(dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.name.endsWith('.yml') || e.name.endsWith('.yaml')) out.push(rel);
    }
  };
  walk('pipeline');
  return out.sort();
}

/** The cache's contents for the bundled files: each text without errors, by its SHA-256. */
export function buildYamlCache(): Record<string, Tree> {
  const out: Record<string, Tree> = {};
  for (const file of bundledYamlFiles()) {
    const text = readFileSync(packageFile(file), 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length) continue;
    try {
      out[sha256(text)] = toTree(doc.contents);
    } catch {
      /* a node the cache does not hold: this file is parsed at run time */
    }
  }
  return out;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const path = packageFile(YAML_CACHE_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(buildYamlCache()));
  renameSync(`${path}.tmp`, path);
}
