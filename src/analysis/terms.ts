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

/** A term's count in one article. */
interface TermCount {
  term: string;
  /** The term's first three UTF-16 code units as one number: orders terms as `<` does, or ties. */
  key: number;
  count: number;
}

/** Terms have at least 2 characters; a missing third counts as 0, below every character, as in string order. */
function sortKey(term: string): number {
  return term.charCodeAt(0) * 2 ** 32 + term.charCodeAt(1) * 2 ** 16 + (term.length > 2 ? term.charCodeAt(2) : 0);
}

export function articleTerms(doc: NlpDoc): [string, number][] {
  // Speed: a mutable count per term, so a repeated term costs one Map lookup, not a get and a set.
  const counts = new Map<string, TermCount>();
  for (let i = 0; i < doc.lower.length; i++) {
    const p = doc.pos[i];
    if (p === 'PUNCT' || p === 'SPACE' || p === 'SYM' || p === 'NUM') continue;
    const term = normaliseTerm(doc.lower[i]);
    if (term === null) continue;
    const c = counts.get(term);
    if (c === undefined) counts.set(term, { term, key: sortKey(term), count: 1 });
    else c.count++;
  }
  // Speed: sorting was a third of this stage; a numeric comparison decides almost every pair, strings only break ties.
  const found = [...counts.values()].sort((a, b) => a.key - b.key || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return found.map((c) => [c.term, c.count]);
}
