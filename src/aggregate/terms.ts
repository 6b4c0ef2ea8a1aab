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

export function articleTerms(doc: NlpDoc): [string, number][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < doc.lower.length; i++) {
    const p = doc.pos[i];
    if (p === 'PUNCT' || p === 'SPACE' || p === 'SYM' || p === 'NUM') continue;
    const t = normaliseTerm(doc.lower[i]);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
