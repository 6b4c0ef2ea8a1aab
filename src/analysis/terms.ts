/**
 * Per-article content-word counts: the input to distinctive terms and to automatic event grouping.
 * A term is a lowercased surface word (not the lemma: researchers read "illegals" and "illegal" differently) made of
 * letters (inner hyphens and apostrophes allowed), at least 2 characters, not a stopword. Possessive and contraction
 * pieces that wink splits off ("'s", "n't", "’s") are dropped, curly and straight apostrophes alike, so no "s"/"t"
 * tokens appear. Masked boilerplate never reaches here (it is blank in the analysed text).
 */
import type { NlpDoc } from '../nlp/index.js';

/** A compact English stoplist (function words, auxiliaries, reporting filler), documented in docs/statistics.md. */
export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves said says say told according mr mrs ms dr one two also would could may might must shall us ' +
    'like get got just even much many well back still way going go'
  ).split(/\s+/),
);

const WORD = /^[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]$/u;

/**
 * WORD decided without a regex for an all-ASCII string (speed: most tokens are, and a replace and a regex test per
 * token were over a third of this stage): letters, inner apostrophes and hyphens. null: not all ASCII, WORD decides.
 */
function asciiWord(w: string): boolean | null {
  const last = w.length - 1;
  for (let k = 0; k <= last; k++) {
    const c = w.charCodeAt(k);
    if (c > 0x7f) return null;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) continue;
    if (k === 0 || k === last || (c !== 39 && c !== 45)) return false;
  }
  return true;
}

export function normaliseTerm(lower: string): string | null {
  const ascii = asciiWord(lower);
  const w = ascii === null ? lower.replace(/’/g, "'") : lower;
  if (w.length < 2 || !(ascii ?? WORD.test(w))) return null;
  if (w.startsWith("'") || w === "n't") return null;
  // "trump's" → "trump": a possessive attached to the word (the tokenizer usually splits it, not always).
  const base = w.endsWith("'s") ? w.slice(0, -2) : w;
  if (base.length < 2 || STOPWORDS.has(base)) return null;
  return base;
}

/** A term and its sort key. */
interface Term {
  term: string;
  /** The term's first three UTF-16 code units as one number: orders terms as `<` does, or ties. */
  key: number;
}

/** Terms have at least 2 characters; a missing third counts as 0, below every character, as in string order. */
function sortKey(term: string): number {
  return term.charCodeAt(0) * 2 ** 32 + term.charCodeAt(1) * 2 ** 16 + (term.length > 2 ? term.charCodeAt(2) : 0);
}

function byTerm(a: Term, b: Term): number {
  return a.key - b.key || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

/**
 * Speed, for documents from readText (which number their words, NlpDoc.lowerId): per thread, each word id's term
 * (index into `terms` + 1; -1: not a term; 0: not decided yet), decided once per word; and the current article's
 * count per term, in an array that is zeroed again after each article. Two words may share a term ("trump's",
 * "trump"), hence a number per term, not per word.
 */
let termOfWord = new Int32Array(1 << 16);
let countOfTerm = new Int32Array(1 << 12);
/** Sort key of each term, beside `terms` (the comparison reads numbers without following a pointer). */
let keyOfTerm = new Float64Array(1 << 12);
const terms: Term[] = [];
const termIndex = new Map<string, number>();

function termOfId(id: number, word: string): number {
  if (id >= termOfWord.length) {
    const grown = new Int32Array(Math.max(termOfWord.length * 2, id + 1));
    grown.set(termOfWord);
    termOfWord = grown;
  }
  const known = termOfWord[id];
  if (known !== 0) return known < 0 ? -1 : known - 1;
  const term = normaliseTerm(word);
  let index = -1;
  if (term !== null) {
    const existing = termIndex.get(term);
    if (existing !== undefined) index = existing;
    else {
      index = terms.length;
      terms.push({ term, key: sortKey(term) });
      termIndex.set(term, index);
      if (index >= countOfTerm.length) {
        const grown = new Int32Array(countOfTerm.length * 2);
        grown.set(countOfTerm);
        countOfTerm = grown;
        const keys = new Float64Array(countOfTerm.length);
        keys.set(keyOfTerm);
        keyOfTerm = keys;
      }
      keyOfTerm[index] = terms[index].key;
    }
  }
  termOfWord[id] = index < 0 ? -1 : index + 1;
  return index;
}

/** Content-word counts of one article, sorted by term (as `<` orders strings). */
export function articleTerms(doc: NlpDoc): [string, number][] {
  if (doc.lowerId === undefined) return termsByString(doc);
  const ids = doc.lowerId;
  const found: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const p = doc.pos[i];
    if (p === 'PUNCT' || p === 'SPACE' || p === 'SYM' || p === 'NUM') continue;
    const t = termOfId(ids[i], doc.lower[i]);
    if (t < 0) continue;
    if (countOfTerm[t]++ === 0) found.push(t);
  }
  // Speed: sorting was a third of this stage; a numeric comparison decides almost every pair, strings only break ties.
  // The comparison returns small integers: a difference of two keys would be a boxed double for each call.
  found.sort((a, b) => {
    const ka = keyOfTerm[a];
    const kb = keyOfTerm[b];
    if (ka !== kb) return ka < kb ? -1 : 1;
    const ta = terms[a].term;
    const tb = terms[b].term;
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  });
  const out: [string, number][] = new Array(found.length);
  for (let k = 0; k < found.length; k++) {
    const t = found[k];
    out[k] = [terms[t].term, countOfTerm[t]];
    countOfTerm[t] = 0;
  }
  return out;
}

/** articleTerms for a document without word ids (built by hand): the same counts, keyed by string. */
function termsByString(doc: NlpDoc): [string, number][] {
  const counts = new Map<string, { term: Term; count: number }>();
  for (let i = 0; i < doc.lower.length; i++) {
    const p = doc.pos[i];
    if (p === 'PUNCT' || p === 'SPACE' || p === 'SYM' || p === 'NUM') continue;
    const term = normaliseTerm(doc.lower[i]);
    if (term === null) continue;
    const c = counts.get(term);
    if (c === undefined) counts.set(term, { term: { term, key: sortKey(term) }, count: 1 });
    else c.count++;
  }
  const found = [...counts.values()].sort((a, b) => byTerm(a.term, b.term));
  return found.map((c) => [c.term.term, c.count]);
}
