/**
 * The part a person's name plays in its sentence, read from POS tags and punctuation: a clause's subject (and its
 * verb), the subject of a subordinate or reported clause, a word's object or possessor, the possessor that opens a
 * sentence, the object of a "whom" clause. The person registry (speakers.ts) ranks a pronoun's antecedents by these.
 * Pure functions of the article's tokens and the word lists.
 */
import type { NlpDoc } from '../nlp/index.js';
import { tokenAt } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { isCap } from './pieces.js';
import { closesQuotation, opensQuotation } from './context.js';
import { APOS, opensPersonRelative, verbAfterRelative } from './phrases.js';

/** Dashes that set off an apposition. */
const DASHES = new Set(['—', '–', '--']);

/**
 * The token after the name ending at token j and the place or employer after it ("David Woodard of Clemson University",
 * "of Liberty Baptist Church in Marion", "of the Tax Policy Center"): j + 1 when there is none.
 */
function employerEnd(doc: NlpDoc, j: number): number {
  const n = doc.value.length;
  let k = j + 1;
  if (doc.lower[k] !== 'of') return k;
  const the = doc.lower[k + 1] === 'the' ? 1 : 0;
  if (!isCap(doc.value[k + 1 + the] ?? '')) return k;
  k += 1 + the;
  while (k < n && k - j < 8 + the && isCap(doc.value[k])) k++;
  if (doc.lower[k] === 'in' && isCap(doc.value[k + 1] ?? '')) {
    k++;
    while (k < n && k - j < 12 + the && isCap(doc.value[k])) k++;
  }
  return k;
}

/** Tokens [i, j] are a clause's subject (subjectVerb). */
export function subjectAt(doc: NlpDoc, lex: Lexicon, i: number, j: number): boolean {
  return subjectVerb(doc, lex, i, j) >= 0;
}

/**
 * The verb whose subject tokens [i, j] are, or -1: a verb after them, past a place or employer ("of Clemson
 * University", "of Liberty Baptist Church in Marion"), a parenthesis ("(D-Mich.)"), one or two appositions (", the
 * GOP chairman,"; ", 27, a Tinder user in New York,") or adverbs ("Mendoza regularly witnessed"); or a reporting verb
 * before them ("said Beck").
 */
export function subjectVerb(doc: NlpDoc, lex: Lexicon, i: number, j: number): number {
  const n = doc.value.length;
  const verbAt = (t: number) => t < n && (doc.pos[t] === 'VERB' || doc.pos[t] === 'AUX') && !APOS.test(doc.value[t]);
  // "said Beck.", "said Mr. Bartels, the …", "said Mr. Burman of the Tax Policy Center." (not "said Trump’s use of …",
  // nor "he said Ryan.", where Ryan is the object).
  let v = i;
  while (v > 0 && lex.titles.has(doc.lower[v - 1])) v--;
  // (Not "called Donald Trump “a narcissist”": a quotation opening after the name makes it the object.)
  if (v > 0 && doc.pos[v - 1] === 'VERB' && lex.verbs.has(doc.lemma[v - 1])) {
    const after = employerEnd(doc, j);
    return (after >= n || (doc.pos[after] === 'PUNCT' && !opensQuotation(doc, after))) && doc.pos[v - 2] !== 'PRON' ? v - 1 : -1;
  }
  // A verb's or preposition's object, titles between ("supporting Mr. Cruz"; the "of" of "Secretary of State John
  // Kerry" is the title's).
  if (v > 0 && /^(ADP|VERB|DET)$/.test(doc.pos[v - 1]) && !(v < i && doc.lower[v - 1] === 'of')) return -1;
  let k = employerEnd(doc, j);
  if (doc.value[k] === '(') {
    while (k < n && k - j < 10 && doc.value[k] !== ')') k++;
    k++;
  }
  // "Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns"; "Trump’s running mate — Indiana Gov. Mike
  // Pence — has thrown his support behind Ryan" (capitalised words and titles inside the dashes).
  if (doc.value[k] === ',' && doc.value[i - 1] === ',' && verbAt(k + 1)) return insideRelativeOf(doc, lex, i, k + 1) ? -1 : k + 1;
  if (DASHES.has(doc.value[k]) && verbAt(k + 1)) {
    let o = v - 1;
    while (o > 0 && v - o <= 3 && isCap(doc.value[o]) && !DASHES.has(doc.value[o])) o--;
    if (doc.value[o] === doc.value[k]) return k + 1;
  }
  // "Sandy Phillips, who lost her daughter … in Aurora, Colorado, in July 2012, said": a relative clause may hold
  // commas of its own.
  if (opensPersonRelative(doc, lex, k)) return verbAfterRelative(doc, lex, k);
  // An apposition, or two ("Jillian Chase, 27, a Tinder user in New York, said").
  for (let appositions = 0; appositions < 2 && doc.value[k] === ','; appositions++) {
    let e = k + 1;
    while (e < n && e - k < 20 && doc.value[e] !== ',' && !/^[.;:!?]$/.test(doc.value[e])) e++;
    if (doc.value[e] !== ',') return -1;
    k = doc.pos[e + 1] === 'VERB' || doc.pos[e + 1] === 'AUX' || doc.pos[e + 1] === 'ADV' ? e + 1 : e;
  }
  // "Sen. Bernie Sanders on Wednesday morning also called …": a time adjunct before the verb.
  const adjunct = k;
  if (doc.pos[k] === 'ADP' && lex.w.timeWords.has(doc.value[k + 1] ?? '')) k += 2;
  else if (lex.w.timeWords.has(doc.value[k] ?? '')) k++;
  if (k > adjunct && lex.w.timesOfDay.has(doc.lower[k] ?? '')) k++;
  while (k < n && k - j < 10 && doc.pos[k] === 'ADV') k++;
  return verbAt(k) ? k : -1;
}

/** Token v is a verb of the cue lexicon (by its lemma): "said", "added", "wrote". */
export function reportingVerb(doc: NlpDoc, lex: Lexicon, v: number): boolean {
  return v >= 0 && v < doc.value.length && doc.pos[v] === 'VERB' && lex.verbs.has(doc.lemma[v]);
}

/** The token where a verb after token t would be: the next one, or the one after an adverb ("he also said"). */
export function verbAfter(doc: NlpDoc, t: number): number {
  return doc.pos[t + 1] === 'ADV' ? t + 2 : t + 1;
}

/**
 * Token i is inside a person's relative clause whose verb is `verb` ("Gray, who served as counsel under Mr. Bush's
 * father, George Bush, ticked through …": George Bush is the clause's, Gray the subject of "ticked").
 */
function insideRelativeOf(doc: NlpDoc, lex: Lexicon, i: number, verb: number): boolean {
  const first = doc.sentences[doc.sentenceOf[i]].firstToken;
  for (let c = i - 2; c >= first && i - c < 60; c--) if (verbAfterRelative(doc, lex, c) === verb) return true;
  return false;
}

/**
 * Tokens [i, j] are the subject of a subordinate or reported clause ("when Tapper asked", "that Obama did", "Pence
 * said Trump will …"): a pronoun later refers to the main clause's subject first.
 */
export function subordinateSubject(doc: NlpDoc, lex: Lexicon, i: number, j: number): boolean {
  // Back over a title or role before the name ("that President Obama was …"), and over a possessor ("that the
  // paper's Robert Costa had reported").
  while (i > 0 && (lex.titles.has(doc.lower[i - 1]) || lex.roleNouns.has(doc.lower[i - 1]))) i--;
  if (i > 1 && APOS.test(doc.value[i - 1])) {
    let k = i - 2;
    while (k > 0 && i - k < 6 && /^(PROPN|NOUN|ADJ)$/.test(doc.pos[k])) k--;
    if (doc.pos[k] === 'DET') i = k;
  }
  if (i === 0) return false;
  const p = doc.lower[i - 1];
  if (p === 'that' || lex.w.subordinators.has(p)) return true;
  const next = doc.pos[j + 1];
  return doc.pos[i - 1] === 'VERB' && lex.verbs.has(doc.lemma[i - 1]) && (next === 'VERB' || next === 'AUX');
}

/**
 * Tokens [i, j] depend on another word: a preposition's or a verb's object ("leaning toward Kasich", "replaced
 * Schilling") or a possessor ("Christie’s stare").
 */
export function dependent(doc: NlpDoc, lex: Lexicon, i: number, j: number): boolean {
  // A comparison that opens the sentence ("Like Allen, their days begin at 4:30 a.m."): the pronoun after it is about
  // someone else. (Not "experts like Paul Bauman, a geophysicist, say": there "like" gives examples.)
  if (i > 0 && lex.w.comparisonPrepositions.has(doc.lower[i - 1]) && doc.sentences[doc.sentenceOf[i - 1]].firstToken === i - 1) return true;
  // Back over titles, roles and capitalised words ("Fox Business moderator Gerard Baker"; "For Major, a retiree,
  // …" is the sentence's topic), and over a quotation mark ("to “recognize” Trump").
  while (i > 0 && (lex.titles.has(doc.lower[i - 1]) || lex.roleNouns.has(doc.lower[i - 1]) || (isCap(doc.value[i - 1]) && doc.pos[i - 1] !== 'PUNCT'))) i--;
  if (i > 1 && closesQuotation(doc, i - 1)) i--;
  return /^(ADP|VERB|AUX)$/.test(doc.pos[i - 1] ?? '') || APOS.test(doc.value[j + 1] ?? '');
}

/**
 * Tokens [i, j] are the possessor that opens a sentence ("Sanders's role is under discussion, but he has said …",
 * "Mr. Trump's campaign said he …"): the person the sentence is about.
 */
export function openingPossessor(doc: NlpDoc, lex: Lexicon, i: number, j: number): boolean {
  if (!APOS.test(doc.value[j + 1] ?? '')) return false;
  while (i > 0 && lex.titles.has(doc.lower[i - 1])) i--;
  return doc.sentences[doc.sentenceOf[i]].firstToken === i;
}

/** "it was Trump who commanded most of the attention": tokens [i, j] are a cleft sentence's focus, its topic. */
export function cleftFocus(doc: NlpDoc, lex: Lexicon, i: number, j: number): boolean {
  while (i > 0 && lex.titles.has(doc.lower[i - 1])) i--;
  return i > 1 && doc.lower[i - 2] === 'it' && /^(is|was)$/.test(doc.lower[i - 1]) && /^(who|that)$/.test(doc.lower[j + 1] ?? '');
}

/** "Trump, whom he called …": the name ending at token j is the object of the relative clause after it. */
export function objectOfRelative(doc: NlpDoc, lex: Lexicon, j: number): boolean {
  const w = lex.w;
  return w.objectRelatives.has(doc.lower[j + 1] ?? '') || (doc.value[j + 1] === ',' && w.objectRelatives.has(doc.lower[j + 2] ?? ''));
}

/** The clause after token j runs to one comma right before the pronoun at offset `at` ("If Trump loses, he …"). */
export function adjunctOf(doc: NlpDoc, lex: Lexicon, j: number, at: number): boolean {
  const p = tokenAt(doc, at);
  let commas = 0;
  for (let t = j + 1; t < p; t++) if (doc.value[t] === ',') commas++;
  return commas === 1 && doc.value[p - 1] === ',';
}
