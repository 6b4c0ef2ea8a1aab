/**
 * The wink-nlp wrapper. One wink instance per thread (loading the model costs ~40 MB and ~0.1–0.3 s), created on
 * first use. `readText` returns a plain, offset-based view of the document: tokens and sentences as parallel arrays
 * over the original text, so later stages never touch wink objects.
 */
import { createRequire } from 'node:module';
import type winkNLPType from 'wink-nlp';

// wink and its model (~100 MB of heap) are loaded on first use, not on import: the main thread of `run` imports this
// module (through the analysis code) but never tokenises; only the worker threads pay for the model.
const require = createRequire(import.meta.url);

export interface NlpDoc {
  text: string;
  /** Token i spans text.slice(tokStart[i], tokEnd[i]). Whitespace is not a token. */
  tokStart: number[];
  tokEnd: number[];
  /** Surface form as in the text. */
  value: string[];
  /** Lowercased surface form. */
  lower: string[];
  /**
   * From readText: a number per distinct `lower` string, the same for equal strings throughout the thread (index into
   * `wordOfId`), for stages that count words (array indexing instead of string hashing). Hand-built documents omit it.
   */
  lowerId?: Int32Array;
  /** Universal POS tag (PROPN, VERB, PUNCT, …). */
  pos: string[];
  lemma: string[];
  /** Sentence index of each token. */
  sentenceOf: number[];
  sentences: Sentence[];
}

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [firstToken, lastToken] inclusive. */
  firstToken: number;
  lastToken: number;
}

type Wink = ReturnType<typeof winkNLPType>;
let wink: Wink | null = null;

/**
 * wink's pipe without the stages we never read (NER, custom entities, sentiment, negation — framing has its own
 * negation rule, see src/framing/match.ts): on PolNeAR dev the tokens, POS, lemmas and sentence spans are identical
 * to the full default pipe (81,673 tokens compared), at about 2.5× the speed (PolNeAR train: 1.5 s vs 3.9 s).
 */
export const WINK_PIPE = ['sbd', 'pos'];

export function getWink(): Wink {
  if (!wink) wink = createWink();
  return wink;
}

/**
 * Learnt strings the tokenizer may still be told it knows: ASCII letters only. wink never splits such a string (every
 * path for an unknown one ends in a single word token, the learnt entry itself), so "known" changes nothing but the
 * time taken: 87% of the learnt strings the tokenizer asks for on synthetic 3x are of this kind (names like
 * "Breitbart"). Reading synthetic 3x twice, documents interleaved between instances in one process: unpatched 12.3 s,
 * every learnt string unknown 13.0–13.2 s, this rule 12.6–12.8 s; tokens identical (whole runs diffed).
 */
const LETTERS_ONLY = /^[A-Za-z]+$/;

/**
 * A wink instance whose tokens do not depend on the documents it read before. wink's cache learns every new word it
 * meets (the whole string, e.g. "nation's" from one context) and its tokenizer then keeps any learnt string whole:
 * the same article was tokenised "nation" + "'s" by a fresh instance and "nation's" by one that had read a hundred
 * others, so token counts, quotes and frame hits depended on which articles a worker happened to read first, and
 * outputs on the worker count. Here the cache's lookup — the tokenizer's "is this string known?" — answers only for
 * what the model itself knows (the lexicon as loaded) and for learnt strings of ASCII letters (LETTERS_ONLY); learnt
 * words are still stored and reused for their properties, which wink computes from the string alone. Exported for tests.
 */
export function createWink(): Wink {
  const winkNLP = require('wink-nlp') as typeof winkNLPType;
  const model = require('wink-eng-lite-web-model') as Parameters<typeof winkNLPType>[0];
  const nlp = winkNLP(model, WINK_PIPE as Parameters<typeof winkNLPType>[1]);
  const cache = winkCache(nlp);
  const known = cache.currentSize();
  const { lookup, add } = cache;
  // While a word is being added, the model's feature functions look up its own lowercase form (just stored): they
  // see everything.
  let adding = 0;
  cache.add = (text: string, category: number) => {
    adding++;
    try {
      return add(text, category);
    } finally {
      adding--;
    }
  };
  cache.lookup = (text: string) => {
    const found = lookup(text);
    if (adding !== 0 || found === null || found.length !== 1 || found[0] <= known) return found;
    return LETTERS_ONLY.test(text) ? found : null;
  };
  return nlp;
}

interface WinkCache {
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
  currentSize(): number;
}

/**
 * wink keeps its cache private; a token property function ("its") receives it, and wink accepts only the property
 * functions listed in its `allowed` module, so one is listed for the moment it takes to read the cache out.
 */
function winkCache(nlp: Wink): WinkCache {
  const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };
  const grab = (_index: number, rdd: { cache: WinkCache }) => rdd.cache;
  allowed.its4token.add(grab);
  try {
    const doc = nlp.readDoc('the');
    // wink's typings know only its own property functions.
    const cache = doc.tokens().itemAt(0).out(grab as never) as unknown as WinkCache;
    if (typeof cache?.lookup !== 'function' || typeof cache.currentSize !== 'function') throw new Error('wink-nlp internals changed: cannot reach its cache');
    return cache;
  } finally {
    allowed.its4token.delete(grab);
  }
}

/** wink's raw document data: a flat array of TOKEN_SIZE numbers per token, and the cache its numbers index. */
interface WinkDocData {
  tokens: number[];
  cache: { value(index: number): string };
}
type TokenFn = (index: number, rdd: WinkDocData, addons: unknown) => string;
interface WinkInternals {
  rdd: WinkDocData;
  addons: unknown;
}

/** wink's token layout (wink-nlp/src/constants.js): numbers per token; word 1 above this marks a contraction. */
const TOKEN_SIZE = 4;
const CONTRACTION_ABOVE = 65535;
/** POS index bits in a token's third number (constants.posMask, constants.bits4lemma). */
const POS_MASK = 0x3f00000;
const POS_SHIFT = 20;

/**
 * Speed: a token's document data and the model's addons, read once per document through a property function of our
 * own (listed among wink's allowed ones for this thread), so that each token's value, POS and lemma come from wink's
 * own `its` functions called directly, without wink building an array per property.
 */
const grabInternals = (_index: number, rdd: WinkDocData, addons: unknown): WinkInternals => ({ rdd, addons });
let grabAllowed = false;

/**
 * Per thread, by wink lexeme index: the id of its lowercased form (+1; 0: not seen yet) and, per POS, its lemma.
 * wink's lemma of a token that is not a contraction depends only on its lexeme and POS (its.lemma: spelling map,
 * single-lemma property or the lemmatizer, which consults only the model's own vocabulary), so it is computed once per
 * pair. wink itself keeps every word it has met for the life of the thread; these tables grow with it, by at most a
 * few numbers and strings per word.
 */
let lowerIdOfLexeme = new Int32Array(1 << 16);
const lemmaOf = new Map<number, string>();
const idOfWord = new Map<string, number>();
/** The lowercased word of each `lowerId` (one string object per word, shared by all its tokens). */
export const wordOfId: string[] = [];

function lowerIdOf(lexeme: number, value: string): number {
  if (lexeme >= lowerIdOfLexeme.length) {
    const grown = new Int32Array(Math.max(lowerIdOfLexeme.length * 2, lexeme + 1));
    grown.set(lowerIdOfLexeme);
    lowerIdOfLexeme = grown;
  }
  const known = lowerIdOfLexeme[lexeme];
  if (known !== 0) return known - 1;
  const id = idOfLower(value.toLowerCase());
  lowerIdOfLexeme[lexeme] = id + 1;
  return id;
}

/** The `lowerId` of a lowercased word. */
function idOfLower(word: string): number {
  let id = idOfWord.get(word);
  if (id === undefined) {
    id = wordOfId.length;
    wordOfId.push(word);
    idOfWord.set(word, id);
  }
  return id;
}

/**
 * Letters wink's tokenizer breaks words at: beyond Latin-1, it splits "Erdoğan" into "Erdo", "ğ", "an" and "Babiš" into
 * "Babi", "š" (Latin Extended, Greek, Cyrillic; measured for every letter of these blocks on this wink model).
 */
const SPLIT_LETTER = /[\u0100-\u024f\u0370-\u04ff\u1e00-\u1eff]/;
const SPLIT_LETTERS = new RegExp(SPLIT_LETTER.source, 'g');

/**
 * The text wink reads: each letter it would break a word at replaced by one ASCII letter, its base ("ğ" → "g", "Š" →
 * "S") or else "x"/"X" ("ł", "ж"), so that a word stays one token and every offset stays the same (one UTF-16 unit
 * each); the tokens' values are then taken from the text itself. The text itself when it has none.
 */
export function textForWink(text: string): string {
  if (!SPLIT_LETTER.test(text)) return text;
  return text.replace(SPLIT_LETTERS, (c) => {
    if (!/\p{L}/u.test(c)) return c;
    const base = c.normalize('NFD').charAt(0);
    if (/[A-Za-z]/.test(base)) return base;
    return c === c.toLowerCase() ? 'x' : 'X';
  });
}

/** Tokenise, tag and split into sentences. Pure apart from the lazily loaded model. */
export function readText(text: string): NlpDoc {
  const nlp = getWink();
  const its = nlp.its;
  const read = textForWink(text);
  const doc = nlp.readDoc(read);
  const toks = doc.tokens();
  const n = toks.length();
  const values = new Array<string>(n);
  const pos = new Array<string>(n);
  const lemma = new Array<string>(n);
  const lower = new Array<string>(n);
  const lowerId = new Int32Array(n);
  if (n > 0) {
    if (!grabAllowed) {
      const allowed = require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> };
      allowed.its4token.add(grabInternals);
      grabAllowed = true;
    }
    const { rdd, addons } = toks.itemAt(0).out(grabInternals as never) as unknown as WinkInternals;
    const valueFn = its.value as unknown as TokenFn;
    const posFn = its.pos as unknown as TokenFn;
    const lemmaFn = its.lemma as unknown as TokenFn;
    const data = rdd.tokens;
    for (let i = 0; i < n; i++) {
      const lexeme = data[i * TOKEN_SIZE];
      const v = valueFn(i, rdd, addons);
      const p = posFn(i, rdd, addons);
      values[i] = v;
      pos[i] = p;
      const id = lowerIdOf(lexeme, v);
      lowerId[i] = id;
      lower[i] = wordOfId[id];
      if (data[i * TOKEN_SIZE + 1] > CONTRACTION_ABOVE) {
        lemma[i] = lemmaFn(i, rdd, addons);
        continue;
      }
      const key = lexeme * 64 + ((data[i * TOKEN_SIZE + 2] & POS_MASK) >>> POS_SHIFT);
      let le = lemmaOf.get(key);
      if (le === undefined) lemmaOf.set(key, (le = lemmaFn(i, rdd, addons)));
      lemma[i] = le;
    }
  }

  const tokStart = new Array<number>(n);
  const tokEnd = new Array<number>(n);
  let offset = 0;
  for (let i = 0; i < n; i++) {
    // Tokens follow one another with only white space between them (wink reproduces the text from its tokens and
    // their preceding spaces); a whitespace token (a line break) may start right where the last token ended. Speed:
    // found by skipping white space, without asking wink for each token's preceding spaces. Re-synced if not found.
    const v = values[i];
    let at = offset;
    let found = read.startsWith(v, at);
    while (!found && at < read.length && isSpaceCode(read.charCodeAt(at))) found = read.startsWith(v, ++at);
    if (!found) {
      const next = read.indexOf(v, offset);
      at = next >= 0 ? next : offset;
    }
    tokStart[i] = at;
    tokEnd[i] = at + v.length;
    offset = tokEnd[i];
  }
  // A word wink read with replaced letters (textForWink) is the word as written: its value, lowercase form and (where
  // wink gave the lowercase form) lemma.
  if (read !== text) {
    for (let i = 0; i < n; i++) {
      const written = text.slice(tokStart[i], tokEnd[i]);
      if (written === values[i]) continue;
      const id = idOfLower(written.toLowerCase());
      if (lemma[i] === lower[i]) lemma[i] = wordOfId[id];
      values[i] = written;
      lowerId[i] = id;
      lower[i] = wordOfId[id];
    }
  }

  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  const sentenceOf = new Array<number>(n).fill(0);
  for (let s = 0; s < spans.length; s++) {
    let [first, last] = spans[s];
    // wink emits whitespace tokens (POS SPACE) for line breaks; keep them but never let them bound a sentence.
    while (first < last && pos[first] === 'SPACE') first++;
    while (last > first && pos[last] === 'SPACE') last--;
    for (let t = spans[s][0]; t <= spans[s][1]; t++) sentenceOf[t] = s;
    sentences.push({ start: tokStart[first] ?? 0, end: tokEnd[last] ?? 0, firstToken: first, lastToken: last });
  }
  return { text, tokStart, tokEnd, value: values, lower, lowerId, pos, lemma, sentenceOf, sentences };
}

/**
 * A UTF-16 code that the regex class \s matches (white space and line terminators), tested without a regex (the
 * scans of the quote finder and KWIC ask it for every character they pass; equal to /\s/ for all 65,536 codes).
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** True for tokens that count as words (not punctuation, symbols or whitespace). */
export function isWord(doc: NlpDoc, i: number): boolean {
  const p = doc.pos[i];
  return p !== 'PUNCT' && p !== 'SPACE' && p !== 'SYM';
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenAt(doc: NlpDoc, offset: number): number {
  let lo = 0;
  let hi = doc.tokEnd.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokEnd[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of word tokens inside [start, end). */
export function wordsIn(doc: NlpDoc, start: number, end: number): number {
  let count = 0;
  for (let i = tokenAt(doc, start); i < doc.tokStart.length && doc.tokStart[i] < end; i++) {
    if (doc.tokEnd[i] > start && isWord(doc, i)) count++;
  }
  return count;
}
