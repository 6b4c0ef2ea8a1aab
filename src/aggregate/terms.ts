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

export function normaliseTerm(lower: string): string | null {
  const w = lower.replace(/’/g, "'");
  if (w.length < 2 || !WORD.test(w)) return null;
  if (w.startsWith("'") || w === "n't") return null;
  // "trump's" → "trump": a possessive attached to the word (the tokenizer usually splits it, not always).
  const base = w.endsWith("'s") ? w.slice(0, -2) : w;
  if (base.length < 2 || STOPWORDS.has(base)) return null;
  return base;
}

/**
 * A term's count in the article being counted. Speed: one slot per distinct term, reached from the token's lowercase
 * string through one Map lookup (`memo`), so a token costs a lookup instead of a regex test, a replace and a second
 * Map update; `article` tells whether `count` belongs to the current call.
 */
interface TermSlot {
  term: string;
  /** The term's first three UTF-16 code units as one number: orders slots as `<` orders their terms, or ties. */
  key: number;
  count: number;
  article: number;
}

/** Per thread (module state): lowercase token → its term's slot, or null when it is not a term. */
const memo = new Map<string, TermSlot | null>();
/** Per thread: term → slot, so that spellings of one term ("trump", "trump's") share a slot. */
const slots = new Map<string, TermSlot>();
/** Bounds the memo (a long run over a huge vocabulary); it is only cleared between articles. */
const MEMO_LIMIT = 200_000;
let articleSerial = 0;

/** Terms have at least 2 characters; a missing third counts as 0, below every character, as in string order. */
function sortKey(term: string): number {
  return term.charCodeAt(0) * 2 ** 32 + term.charCodeAt(1) * 2 ** 16 + (term.length > 2 ? term.charCodeAt(2) : 0);
}

function slotOf(lower: string): TermSlot | null {
  let slot = memo.get(lower);
  if (slot === undefined) {
    const term = normaliseTerm(lower);
    slot = term === null ? null : slots.get(term) ?? null;
    if (term !== null && slot === null) slots.set(term, (slot = { term, key: sortKey(term), count: 0, article: 0 }));
    memo.set(lower, slot);
  }
  return slot;
}

export function articleTerms(doc: NlpDoc): [string, number][] {
  if (memo.size >= MEMO_LIMIT) {
    memo.clear();
    slots.clear();
  }
  const serial = ++articleSerial;
  const found: TermSlot[] = [];
  for (let i = 0; i < doc.lower.length; i++) {
    const p = doc.pos[i];
    if (p === 'PUNCT' || p === 'SPACE' || p === 'SYM' || p === 'NUM') continue;
    const slot = slotOf(doc.lower[i]);
    if (slot === null) continue;
    if (slot.article !== serial) {
      slot.article = serial;
      slot.count = 0;
      found.push(slot);
    }
    slot.count++;
  }
  // Speed: sorting was most of this stage; a numeric comparison decides almost every pair, strings only break ties.
  found.sort((a, b) => a.key - b.key || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return found.map((s) => [s.term, s.count]);
}
