/**
 * The frame matcher: pure, compiled once per worker from a LexiconSet, run over each article's NlpDoc.
 *
 * How a match is found (see docs/lexicons.md for the user-facing rules):
 * - The article's tokens become word pieces: lowercased, apostrophes/hyphens normalised (terms.ts). A word written
 *   with hyphens and no spaces ("well-planned", "anti-immigrant") is one compound of several pieces, whether wink
 *   kept it as one token or split the hyphens off.
 * - Every term compiles into one trie of pieces (all frames together), with exact pieces in hash maps and glob
 *   pieces indexed by literal prefix/suffix. Matching walks the trie from each word start: O(words × phrase
 *   length), independent of the lexicon's size for exact terms. Most words start no term: a bit table over their
 *   first (or last) three characters turns them away before any Map lookup (StartFilter).
 * - A match starts and ends on whole compounds: "immigrant" does not match inside "anti-immigrant", but the
 *   phrase "anti-immigrant" (or "anti immigrant") and a glob such as "*immigrant" (matched against the compound
 *   as written) do. A phrase never crosses punctuation other than a joining hyphen, a blank line or a sentence end.
 * - Terms marked `lemma` match a piece whose surface form or wink lemma equals the term's piece.
 * - Within a frame, overlapping matches are resolved longest first (by characters; ties: a term without wildcards,
 *   then the earlier term in the lexicon), so each stretch of text counts once per frame. Frames are independent.
 */
import { isSpaceCode, type NlpDoc } from '../nlp/index.js';
import type { FrameHit, FrameHitRecord, Quote } from '../types.js';
import type { LexiconSet } from './lexicon.js';
import { analyseTerm, compileGlob, globMatches, isAscii, isGlob, normalizeWord, type Glob } from './terms.js';
import { IntervalIndex } from '../search.js';

interface TermRef {
  frame: number;
  /** The term as written in the lexicon. */
  term: string;
  /** Global order of the term across the set (tie-break). */
  order: number;
  wildcard: boolean;
}

interface GlobEdge {
  glob: Glob;
  lemma: boolean;
  node: TrieNode;
}

interface TrieNode {
  /** Surface-only pieces. */
  exact: Map<string, TrieNode>;
  /** Pieces of lemma terms: compared with the surface form and with the lemma. */
  lemma: Map<string, TrieNode>;
  /** `abc*` globs by literal prefix, `*abc` globs by literal suffix, other globs in a list. */
  prefix: Map<string, GlobEdge[]>;
  prefixLengths: number[];
  suffix: Map<string, GlobEdge[]>;
  suffixLengths: number[];
  general: GlobEdge[];
  globKeys: Map<string, GlobEdge>;
  ends: TermRef[];
}

export interface Matcher {
  frames: string[];
  root: TrieNode;
  /** Which words may start a term: most are rejected here, before the root caches. */
  start: StartFilter;
  /** Root transitions memoised per word, as surface form and as lemma: most words are common words that lead nowhere. */
  surfaceCache: Map<string, TrieNode[]>;
  lemmaCache: Map<string, TrieNode[]>;
}

function newNode(): TrieNode {
  return {
    exact: new Map(),
    lemma: new Map(),
    prefix: new Map(),
    prefixLengths: [],
    suffix: new Map(),
    suffixLengths: [],
    general: [],
    globKeys: new Map(),
    ends: [],
  };
}

function child(node: TrieNode, piece: string, lemma: boolean): TrieNode {
  if (!isGlob(piece)) {
    const map = lemma ? node.lemma : node.exact;
    let next = map.get(piece);
    if (!next) map.set(piece, (next = newNode()));
    return next;
  }
  const key = (lemma ? 'L' : 'S') + piece;
  const existing = node.globKeys.get(key);
  if (existing) return existing.node;
  const edge: GlobEdge = { glob: compileGlob(piece), lemma, node: newNode() };
  node.globKeys.set(key, edge);
  const star = piece.indexOf('*');
  const simple = !piece.includes('?') && star === piece.lastIndexOf('*');
  if (simple && star === piece.length - 1 && star > 0) {
    add(node.prefix, node.prefixLengths, piece.slice(0, -1), edge);
  } else if (simple && star === 0 && piece.length > 1) {
    add(node.suffix, node.suffixLengths, piece.slice(1), edge);
  } else {
    node.general.push(edge);
  }
  return edge.node;
}

function add(map: Map<string, GlobEdge[]>, lengths: number[], literal: string, edge: GlobEdge): void {
  const list = map.get(literal);
  if (list) list.push(edge);
  else map.set(literal, [edge]);
  if (!lengths.includes(literal.length)) {
    lengths.push(literal.length);
    lengths.sort((a, b) => a - b);
  }
}

/** Compile every term of every lexicon in the set into one trie. Call once per worker. */
export function compileMatcher(set: LexiconSet): Matcher {
  const root = newNode();
  let frameIndex = 0;
  let order = 0;
  for (const lex of set.lexicons) {
    for (const frame of lex.frames) {
      const seen = new Set<TrieNode>();
      for (const t of frame.terms) {
        const { pieces, issues } = analyseTerm(t.pattern);
        order++;
        if (pieces.length === 0 || issues.some((i) => i.severity === 'error')) continue; // the loader refuses these
        let node = root;
        for (const p of pieces) node = child(node, p, t.lemma);
        if (seen.has(node)) continue; // duplicate term in the frame: first one wins
        seen.add(node);
        node.ends.push({ frame: frameIndex, term: t.pattern, order, wildcard: pieces.some(isGlob) });
      }
      frameIndex++;
    }
  }
  return { frames: set.frames.slice(), root, start: startFilter(root), surfaceCache: new Map(), lemmaCache: new Map() };
}

/**
 * Speed: most words start no term, yet probing the root caches (Maps over every word seen, large after a few articles)
 * cost more than the rest of the matching. A word can start a term only if its first three code units are those of a
 * root piece (or of a root glob's text before its first wildcard), or its last three those of a `*abc` glob's literal.
 * Two bit tables indexed by a hash of three code units answer that without a Map; a hash collision only lets a word
 * through to the caches, which then find nothing. A root glob with fewer than three letters before (or, for `*abc`,
 * after) its wildcard turns the filter off (`all`). The filter never stops a word that leads somewhere.
 */
interface StartFilter {
  all: boolean;
  /** Indexed by hash3 of a word's first three code units. */
  first: Uint8Array;
  /** Indexed by hash3 of a word's last three code units; null when the root has no `*abc` glob. */
  last: Uint8Array | null;
}

const FILTER_BITS = 16;

/** Code units past the end of the word count as 0. Distinct for three lowercase ASCII letters. */
function hash3(c0: number, c1: number, c2: number): number {
  return (c0 * 961 + c1 * 31 + c2) & ((1 << FILTER_BITS) - 1);
}

function firstHash(word: string): number {
  const n = word.length;
  return hash3(word.charCodeAt(0), n > 1 ? word.charCodeAt(1) : 0, n > 2 ? word.charCodeAt(2) : 0);
}

function lastHash(word: string): number {
  const n = word.length;
  return hash3(word.charCodeAt(n - 3), word.charCodeAt(n - 2), word.charCodeAt(n - 1));
}

function startFilter(root: TrieNode): StartFilter {
  const f: StartFilter = { all: false, first: new Uint8Array(1 << FILTER_BITS), last: null };
  for (const piece of root.exact.keys()) f.first[firstHash(piece)] = 1;
  for (const piece of root.lemma.keys()) f.first[firstHash(piece)] = 1;
  const heads = [...root.prefix.keys(), ...root.general.map((edge) => edge.glob.source.split(/[*?]/)[0])];
  for (const head of heads) {
    if (head.length < 3) f.all = true;
    else f.first[firstHash(head)] = 1;
  }
  for (const tail of root.suffix.keys()) {
    if (tail.length < 3) f.all = true;
    else (f.last ??= new Uint8Array(1 << FILTER_BITS))[lastHash(tail)] = 1;
  }
  return f;
}

function mayStart(f: StartFilter, word: string): boolean {
  if (f.all || f.first[firstHash(word)] === 1) return true;
  return f.last !== null && word.length >= 3 && f.last[lastHash(word)] === 1;
}

// ---------------------------------------------------------------------------------------------------------------
// The article side: word pieces

const JOINERS = new Set(['-', '‐', '‑']);

/** Speed: the numbers are in typed arrays (filling them costs half as much as pushing), grown if hyphens split tokens. */
interface Pieces {
  n: number;
  text: string[];
  lemma: string[];
  start: Int32Array;
  end: Int32Array;
  token: Int32Array;
  /** Pieces with the same run id can be part of one phrase (no punctuation, blank line or sentence end between). */
  run: Int32Array;
  /** Index of the first/last piece of the compound this piece belongs to. */
  unitFirst: Int32Array;
  unitLast: Int32Array;
}

/** Room for `capacity` pieces, the ones already there kept. */
function grow(P: Pieces, capacity: number): void {
  for (const field of ['start', 'end', 'token', 'run', 'unitFirst', 'unitLast'] as const) {
    const next = new Int32Array(capacity);
    next.set(P[field]);
    P[field] = next;
  }
}

function hasWordChar(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return /[\p{L}\p{N}]/u.test(s);
}

function emptyPieces(): Pieces {
  const none = new Int32Array(0);
  return { n: 0, text: [], lemma: [], start: none, end: none, token: none, run: none, unitFirst: none, unitLast: none };
}

/** A lowercased word as the matcher compares it. */
interface WordForm {
  /** All ASCII: normalising leaves it (and a lemma equal to it) as it is. */
  plain: boolean;
  /** normalizeWord of the word. */
  lower: string;
  hyphen: boolean;
}

function wordForm(rawLower: string): WordForm {
  const plain = isAscii(rawLower);
  const lower = plain ? rawLower : normalizeWord(rawLower);
  return { plain, lower, hyphen: lower.includes('-') };
}

/**
 * Speed: each word's form decided once per thread, by its id (NlpDoc.lowerId, numbered by readText for the thread);
 * grows with the words readText has numbered.
 */
const formOfId: (WordForm | undefined)[] = [];

function wordFormOf(id: number, rawLower: string): WordForm {
  let form = formOfId[id];
  if (form === undefined) {
    while (formOfId.length <= id) formOfId.push(undefined);
    formOfId[id] = form = wordForm(rawLower);
  }
  return form;
}

/**
 * Speed: one Pieces per thread, reused by every article (only its first `n` entries are ever read), so that its
 * typed arrays are not allocated and zeroed again for each article (about a quarter of the stage's time on PolNeAR).
 * A very long article gets its own, so as not to leave a huge buffer behind.
 */
const reused = emptyPieces();
const REUSE_LIMIT = 1 << 16;

function buildPieces(doc: NlpDoc): Pieces {
  const nTok = doc.value.length;
  const ids = doc.lowerId;
  const P = nTok + 16 <= REUSE_LIMIT ? reused : emptyPieces();
  // Speed: text and lemma keep their length (and storage) from earlier articles; only the first P.n entries count.
  P.n = 0;
  if (P.start.length < nTok + 16) grow(P, nTok + 16);
  let run = 0;
  let joinNext = false;
  let lastSentence = -1;
  for (let i = 0; i < nTok; i++) {
    const v = doc.value[i];
    if (doc.sentenceOf[i] !== lastSentence) {
      lastSentence = doc.sentenceOf[i];
      run++;
      joinNext = false;
    }
    const pos = doc.pos[i];
    if (pos === 'SPACE' || (v.charCodeAt(0) <= 32 && v.trim() === '')) {
      if (/\n\s*\n/.test(v)) run++;
      joinNext = false;
      continue;
    }
    if (
      v.length === 1 &&
      JOINERS.has(v) &&
      P.n > 0 &&
      P.token[P.n - 1] === i - 1 &&
      doc.tokEnd[i - 1] === doc.tokStart[i] &&
      i + 1 < nTok &&
      doc.tokStart[i + 1] === doc.tokEnd[i] &&
      hasWordChar(doc.value[i + 1])
    ) {
      joinNext = true;
      continue;
    }
    // Symbols are barriers unless they hold letters or digits (hashtags: wink tags "#BuildTheWall" SYM).
    if (pos === 'PUNCT' || !hasWordChar(v)) {
      run++;
      joinNext = false;
      continue;
    }
    const rawLower = doc.lower[i];
    // ASCII in doc.lower is lowercase already: left as it is by toLowerCase and normalizeWord.
    const form = ids === undefined ? wordForm(rawLower) : wordFormOf(ids[i], rawLower);
    const plain = form.plain;
    const lower = form.lower;
    // Speed: most lemmas are the word itself; a plain lowercase one needs no case mapping or normalising.
    const lemma = plain && doc.lemma[i] === rawLower ? lower : normalizeWord((doc.lemma[i] ?? lower).toLowerCase());
    if (!form.hyphen) {
      // Speed: one piece, the whole token (the loop below without its arrays).
      if (lower !== '') addPiece(P, lower, lemma, doc.tokStart[i], doc.tokStart[i] + v.length, i, run, joinNext);
      joinNext = false;
      continue;
    }
    const parts = lower.split('-');
    const lemmaParts = lemma.includes('-') ? lemma.split('-') : [lemma];
    const sameShape = lemmaParts.length === parts.length;
    // Offsets come from the token as written (normalisation may change lengths: NFC, some case mappings).
    const bounds = partBounds(v, doc.tokStart[i], parts.length);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      const pStart = bounds[2 * k];
      const pEnd = bounds[2 * k + 1];
      if (part === '') continue;
      const continues = (k === 0 && joinNext) || (k > 0 && P.n > 0 && P.token[P.n - 1] === i);
      addPiece(P, part, sameShape ? lemmaParts[k] : part, pStart, pEnd, i, run, continues);
    }
    joinNext = false;
  }
  return P;
}

/** Append a piece; `continues`: it belongs to the compound of the piece before it. */
function addPiece(P: Pieces, text: string, lemma: string, start: number, end: number, token: number, run: number, continues: boolean): void {
  const idx = P.n++;
  if (idx === P.start.length) grow(P, 2 * idx);
  P.text[idx] = text;
  P.lemma[idx] = lemma;
  P.start[idx] = start;
  P.end[idx] = end;
  P.token[idx] = token;
  P.run[idx] = run;
  const first = continues ? P.unitFirst[idx - 1] : idx;
  P.unitFirst[idx] = first;
  P.unitLast[idx] = idx;
  for (let q = first; q < idx; q++) P.unitLast[q] = idx;
}

/** [start, end] pairs of the hyphen-separated parts of a token as written; the whole token if the counts differ. */
function partBounds(value: string, start: number, parts: number): number[] {
  if (parts === 1) return [start, start + value.length];
  const out: number[] = [];
  let from = 0;
  for (let k = 0; k < value.length; k++) {
    if (JOINERS.has(value[k])) {
      out.push(start + from, start + k);
      from = k + 1;
    }
  }
  out.push(start + from, start + value.length);
  if (out.length === 2 * parts) return out;
  const whole: number[] = [];
  for (let k = 0; k < parts; k++) whole.push(start, start + value.length);
  return whole;
}

// ---------------------------------------------------------------------------------------------------------------
// Walking the trie

/**
 * Globs are not tried on "words" longer than this (URLs, base64, runs of junk): no word is that long, and it bounds
 * the cost of a glob at MAX_GLOB_WORD × pattern length per token whatever the input.
 */
export const MAX_GLOB_WORD = 100;

/** Transitions from `node` on a word: by surface form (`lemma` null), or by lemma only (`surface` null). */
function stepBy(node: TrieNode, surface: string | null, lemma: string | null, out: TrieNode[]): void {
  const word = (surface ?? lemma) as string;
  if (surface !== null) {
    const e = node.exact.get(surface);
    if (e) out.push(e);
  }
  const l = node.lemma.get(word);
  if (l) out.push(l);
  if (node.globKeys.size === 0 || word.length > MAX_GLOB_WORD) return;
  const lemmaOnly = surface === null;
  const tryEdge = (edge: GlobEdge) => {
    if ((edge.lemma || !lemmaOnly) && globMatches(edge.glob, word) && !out.includes(edge.node)) out.push(edge.node);
  };
  for (const len of node.prefixLengths) {
    if (len > word.length) break;
    const list = node.prefix.get(word.slice(0, len));
    if (list) for (const edge of list) tryEdge(edge);
  }
  for (const len of node.suffixLengths) {
    if (len > word.length) break;
    const list = node.suffix.get(word.slice(word.length - len));
    if (list) for (const edge of list) tryEdge(edge);
  }
  for (const edge of node.general) tryEdge(edge);
}

/** All transitions on a piece: surface matches, plus lemma-term matches on its lemma. */
function step(node: TrieNode, surface: string, lemma: string, out: TrieNode[]): void {
  stepBy(node, surface, null, out);
  if (lemma !== surface) {
    const more: TrieNode[] = [];
    stepBy(node, null, lemma, more);
    for (const t of more) if (!out.includes(t)) out.push(t);
  }
}

const ROOT_CACHE_LIMIT = 200_000;
const NONE: TrieNode[] = [];

function cached(cache: Map<string, TrieNode[]>, root: TrieNode, word: string, asLemma: boolean): TrieNode[] {
  let hit = cache.get(word);
  if (hit === undefined) {
    const out: TrieNode[] = [];
    stepBy(root, asLemma ? null : word, asLemma ? word : null, out);
    hit = out.length === 0 ? NONE : out;
    if (cache.size >= ROOT_CACHE_LIMIT) cache.clear();
    cache.set(word, hit);
  }
  return hit;
}

function rootStep(m: Matcher, surface: string, lemma: string): TrieNode[] {
  const bySurface = mayStart(m.start, surface) ? cached(m.surfaceCache, m.root, surface, false) : NONE;
  if (lemma === surface) return bySurface;
  const byLemma = mayStart(m.start, lemma) ? cached(m.lemmaCache, m.root, lemma, true) : NONE;
  if (byLemma.length === 0) return bySurface;
  if (bySurface.length === 0) return byLemma;
  const out = bySurface.slice();
  for (const t of byLemma) if (!out.includes(t)) out.push(t);
  return out;
}

interface Candidate {
  ref: TermRef;
  first: number;
  last: number;
  start: number;
  end: number;
}

function collect(P: Pieces, m: Matcher): Candidate[] {
  const out: Candidate[] = [];
  const emit = (node: TrieNode, first: number, last: number) => {
    if (node.ends.length === 0 || P.unitLast[last] !== last) return;
    for (const ref of node.ends) out.push({ ref, first, last, start: P.start[first], end: P.end[last] });
  };
  const walk = (node: TrieNode, first: number, last: number) => {
    emit(node, first, last);
    const next = last + 1;
    if (next >= P.n || P.run[next] !== P.run[first]) return;
    advance(node, first, next, false);
  };
  const advance = (node: TrieNode, first: number, at: number, isRoot: boolean) => {
    const targets: TrieNode[] = isRoot ? rootStep(m, P.text[at], P.lemma[at]) : [];
    if (!isRoot) step(node, P.text[at], P.lemma[at], targets);
    for (const t of targets) walk(t, first, at);
    // A compound may also be consumed whole (as written, pieces joined by "-"): lets globs see "anti-immigrant".
    const unitEnd = P.unitLast[at];
    if (P.unitFirst[at] === at && unitEnd > at) {
      const surface = P.text.slice(at, unitEnd + 1).join('-');
      const lemma = P.lemma.slice(at, unitEnd + 1).join('-');
      let whole: TrieNode[];
      if (isRoot) {
        whole = rootStep(m, surface, lemma);
      } else {
        whole = [];
        step(node, surface, lemma, whole);
      }
      for (const t of whole) if (!targets.includes(t)) walk(t, first, unitEnd);
    }
  };
  for (let p = 0; p < P.n; p++) {
    if (P.unitFirst[p] !== p) continue;
    advance(m.root, p, p, true);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Negation

/** Negation cues (lowercased, apostrophes normalised; any token whose wink lemma is "not", e.g. "n't", also counts). */
export const NEGATORS = new Set(['not', "n't", 'no', 'never', 'without', 'nor', 'neither', 'none', 'nobody', 'nothing', 'cannot']);
/** How many word tokens before a hit are searched for a negation cue. */
export const NEGATION_WINDOW = 3;
/** Parts of speech that may stand between a cue and the hit it governs: the hit's own noun-phrase modifiers. */
const PHRASE_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'NOUN', 'PROPN']);

/**
 * A hit is negated when a negation cue governs it directly: the cue is among the NEGATION_WINDOW word tokens just
 * before the hit, in the same sentence, and only determiners, adjectives, adverbs, numbers, nouns or "or" stand
 * between ("no chaos", "not chaotic", "wasn't humane", "not a humane operation", "no undue safety threat").
 * A verb, pronoun, preposition or punctuation in between stops the search: in "didn't take the threat seriously"
 * or "do not prompt migrant workers" the negation is about the verb, not the framing term.
 * wink's own negation flag is not used: its scope runs to the end of the clause, far past the negated phrase.
 */
export function isNegated(doc: NlpDoc, firstToken: number): boolean {
  const sentence = doc.sentenceOf[firstToken];
  let words = 0;
  for (let j = firstToken - 1; j >= 0 && words < NEGATION_WINDOW; j--) {
    if (doc.sentenceOf[j] !== sentence) break;
    const pos = doc.pos[j];
    if (pos === 'SPACE') continue;
    const w = normalizeWord(doc.lower[j]);
    if (NEGATORS.has(w) || doc.lemma[j] === 'not') {
      // "not only chaos but …", "not just humane": additive, not a denial.
      const after = j + 1 < firstToken ? doc.lower[j + 1] : '';
      return !(after === 'only' || after === 'just' || after === 'merely');
    }
    if (JOINERS.has(doc.value[j])) continue;
    if (!PHRASE_POS.has(pos) && w !== 'or') return false;
    words++;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Hits

function byFrameThenStart(a: Candidate, b: Candidate): number {
  return (
    a.ref.frame - b.ref.frame ||
    b.end - b.start - (a.end - a.start) ||
    Number(a.ref.wildcard) - Number(b.ref.wildcard) ||
    a.ref.order - b.ref.order ||
    a.start - b.start
  );
}

/**
 * A scare quote: an unattributed partial quotation (the Democrats' “chaos” narrative), no speaker and no cue. Its
 * words are the outlet's own.
 */
export function isScareQuote(q: Pick<Quote, 'kind' | 'speaker' | 'cue'>): boolean {
  return q.kind === 'partial' && q.speaker === 'UNKNOWN' && q.cue === '';
}

/** Indirect speech attributed to a source (a speaker or a reporting cue): its words are the writer's paraphrase. */
export function isParaphrase(q: Pick<Quote, 'kind' | 'speaker' | 'cue'>): boolean {
  return q.kind === 'indirect' && (q.speaker !== 'UNKNOWN' || q.cue !== '');
}

/**
 * Frame hits in the article, sorted by (start, frame, end). A hit that lies inside a quote's [start, end) and
 * outside its gaps (the attribution between the pieces of a joined quotation) takes that quote's speaker and id (the
 * innermost such quote if quotes nest, scare quotes aside) and voice `paraphrase` when the quote is attributed indirect
 * speech (`isParaphrase`), `quote` otherwise. A hit in no such quote (including one that straddles a quote's boundary)
 * has voice `author` and speaker ''; its quoteId is the innermost scare quote (`isScareQuote`) holding it, else ''.
 */
export function findFrameHits(doc: NlpDoc, quotes: Quote[], matcher: Matcher): FrameHit[] {
  const P = buildPieces(doc);
  const candidates = collect(P, matcher).sort(byFrameThenStart);
  const hits: FrameHit[] = [];
  // Pieces taken by an accepted hit, stamped with frame + 1 (candidates come grouped by frame): matches cover whole
  // pieces, so two matches overlap in characters exactly when they share a piece.
  const taken = new Int32Array(P.n);
  // The innermost quote holding the hit (quotes may nest: a direct quote in a block); quotes never cross.
  const locator = new IntervalIndex(quotes, (q) => q.start, (q) => q.end);
  for (const c of candidates) {
    const stamp = c.ref.frame + 1;
    let free = true;
    for (let p = c.first; p <= c.last; p++) {
      if (taken[p] === stamp) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    for (let p = c.first; p <= c.last; p++) taken[p] = stamp;
    const token = P.token[c.first];
    // Not a quote whose gap (the attribution between joined pieces: “A,” said X, an advocate for …, “B”) the hit touches.
    const holders = locator.containing(c.start, c.end).filter((x) => !x.gaps.some(([a, b]) => c.start < b && c.end > a));
    const q = holders.find((x) => !isScareQuote(x)) ?? null;
    const scare = q ? null : (holders[0] ?? null);
    hits.push({
      frame: matcher.frames[c.ref.frame],
      term: c.ref.term,
      start: c.start,
      end: c.end,
      voice: q ? (isParaphrase(q) ? 'paraphrase' : 'quote') : 'author',
      speaker: q ? q.speaker : '',
      quoteId: q ? q.id : scare ? scare.id : '',
      negated: isNegated(doc, token),
      sentence: doc.sentenceOf[token] ?? 0,
    });
  }
  return hits.sort((a, b) => a.start - b.start || (a.frame < b.frame ? -1 : a.frame > b.frame ? 1 : 0) || a.end - b.end);
}

// ---------------------------------------------------------------------------------------------------------------
// KWIC

/** Characters of context on each side of a hit in frame_hits.csv. */
export const KWIC_WINDOW = 60;

const isSpaceAt = (text: string, k: number): boolean => isSpaceCode(text.charCodeAt(k));

/**
 * Key-word-in-context: up to `window` characters left and right of [start, end), counted after collapsing every
 * run of whitespace (line breaks included) to one space; never crossing the article's start or end. A word cut by
 * the window's outer edge is dropped, so contexts begin and end on whole words; both sides are trimmed.
 */
export function kwic(text: string, start: number, end: number, window: number = KWIC_WINDOW): { left: string; right: string } {
  // left: walk back until `window` collapsed characters are gathered
  let count = 0;
  let j = start;
  while (j > 0 && count < window) {
    if (isSpaceAt(text, j - 1)) {
      while (j > 0 && isSpaceAt(text, j - 1)) j--;
    } else j--;
    count++;
  }
  let left = text.slice(j, start).replace(/\s+/g, ' ');
  if (j > 0 && !isSpaceAt(text, j - 1) && !isSpaceAt(text, j)) {
    const cut = left.indexOf(' ');
    left = cut >= 0 ? left.slice(cut + 1) : '';
  }
  if (/^[\uDC00-\uDFFF]/.test(left)) left = left.slice(1);
  // right
  count = 0;
  let k = end;
  while (k < text.length && count < window) {
    if (isSpaceAt(text, k)) {
      while (k < text.length && isSpaceAt(text, k)) k++;
    } else k++;
    count++;
  }
  let right = text.slice(end, k).replace(/\s+/g, ' ');
  if (k < text.length && !isSpaceAt(text, k) && !isSpaceAt(text, k - 1)) {
    const cut = right.lastIndexOf(' ');
    right = cut >= 0 ? right.slice(0, cut) : '';
  }
  if (/[\uD800-\uDBFF]$/.test(right)) right = right.slice(0, -1);
  return { left: left.trim(), right: right.trim() };
}

/** A hit with its matched text and KWIC contexts, as stored in the analysis record. */
export function frameHitRecord(text: string, hit: FrameHit, window: number = KWIC_WINDOW): FrameHitRecord {
  const { left, right } = kwic(text, hit.start, hit.end, window);
  return { ...hit, match: text.slice(hit.start, hit.end), leftContext: left, rightContext: right };
}
