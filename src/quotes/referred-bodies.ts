/**
 * The organisation a definite description refers back to: "the company" after "Verizon was trying …", "the group"
 * after "The Trayvon Martin Foundation did not want …", "the newspaper" after "the Chicago Tribune reported". The
 * description is "the", lowercase modifiers and a head word of referring_bodies (pipeline/quote-words.yml); its
 * referent is the nearest name before it, in its paragraph or the one before, that can be an organisation's:
 *   - a run of capitalised words outside quotations, not a person's (a known first name or a title next to it, the
 *     last word of a longer person name the article writes, "Weiner’s" after "Anthony Weiner"), not a place ("in
 *     Canada", "in the United States", "Huntington, Ind."), not a modifier of a lowercase noun ("South Korean
 *     competitors"), not a line of its own ("ABSTRACT"), not a weekday or month, not a lone word opening a sentence
 *     that the article never capitalises inside one ("Late last month");
 *   - not a verb's or preposition's object ("telling Fox 35", "the parent company of Google"), except after "according
 *     to", "such as" or "including", which name sources and examples;
 *   - for an outlet's description (outlet_words: "the newspaper"), an outlet's name.
 * The description stays as written (null) when the nearest such name holds an organisation word other than the head
 * ("the company" after "The Brennan Center …"; generic_bodies, "the group", take any), is the head word alone ("The
 * Network"), or another description with the head word stands between it and the mention ("the trade group for the
 * Blue Cross Blue Shield plans … the group wrote"); and when there is no such name. */
import type { NlpDoc } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { isCap } from './pieces.js';
import { capitalisedInside, inTitleCaseLine, isNameToken, nlSpan, paragraphsBack, textOf, type Np } from './phrases.js';
import { classify, pollNameStart } from './speaker-types.js';
import { authorAt } from './document-authors.js';
import { firstNameGender } from './mentions.js';
import { dependent, openingPossessor, subjectAt, subordinateSubject } from './name-roles.js';
import type { PersonRegistry } from './speakers.js';

export function referredBody(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry, otherDescription: (between: string) => boolean): string | null {
  if (!/^the$/i.test(doc.value[np.first]) || np.last === np.first || !lex.w.referringBodies.has(doc.lower[np.last])) return null;
  for (let k = np.first + 1; k <= np.last; k++) if (!/^\p{Ll}/u.test(doc.value[k])) return null;
  const head = doc.lower[np.last];
  const outletOnly = lex.outletWords.has(head);
  // An outlet is named once and described after, however far ("According to the newspaper" paragraphs after "the
  // Daily News claims"): for an outlet's description, the whole article before it.
  for (const [a, t] of bodiesBefore(doc, np, lex, people, outletOnly ? Infinity : 2)) {
    if (outletOnly && classify(doc, { first: a, last: t }, lex) !== 'outlet') continue;
    // The nearest organisation by name is of another kind: the description is not about an earlier name.
    if (!fitsHead(doc, lex, a, t, head)) return null;
    // "The Network had aired …": the head word capitalised alone is no name.
    if (a === t && doc.lower[a] === head) return null;
    if (otherDescription(doc.text.slice(doc.tokEnd[t], doc.tokStart[np.first]))) return null;
    return textOf(doc, a, t).replace(/^the\s+/i, '');
  }
  return null;
}

/**
 * "Twitter said … It added …", "The Post reported … It added …": the organisation or outlet a subject "it" stands
 * for, the nearest name before it (as for referredBody) that is the subject of a main clause, with its "the" ("The
 * Post"); null when there is none, or when a description of a body ("the group's …") stands between.
 */
export function subjectBodyBefore(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry): Np | null {
  for (const [a, t] of bodiesBefore(doc, np, lex, people)) {
    const first = a > 0 && doc.lower[a - 1] === 'the' ? a - 1 : a;
    // A main clause's subject, or the possessor that opens a sentence ("WikiLeaks's approach … is more radical: It
    // often posts …").
    if (!((subjectAt(doc, lex, first, t) && !subordinateSubject(doc, lex, first, t)) || openingPossessor(doc, lex, first, t))) continue;
    // A description of a body between the name and "it" ("After the group's 99th account was suspended, it …") may
    // be what "it" stands for.
    for (let k = t + 1; k < np.first; k++) if (doc.lower[k] === 'the' && lex.w.referringBodies.has(doc.lower[k + 1] ?? '')) return null;
    return { first, last: t };
  }
  return null;
}

/**
 * The names before the phrase `np`, nearest first, in its paragraph or the one before (or further back: `paragraphs`),
 * that can be an organisation's (bodyStart), as [first, last] token pairs.
 */
function* bodiesBefore(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry, paragraphs = 2): Generator<[number, number]> {
  const at = paragraphsBack(doc.text, doc.tokStart[np.first], paragraphs);
  let floor = np.first;
  while (floor > 0 && doc.tokStart[floor - 1] >= at) floor--;
  for (let t = np.first - 1; t >= floor; t--) {
    // The last word of a run of name words (a possessive after it allowed: "Bloomberg's own list").
    if (!isNameToken(doc, t, lex) || (t + 1 < np.first && isNameToken(doc, t + 1, lex) && !nlSpan(doc, t, t + 1))) continue;
    let a = t;
    while (a - 1 >= floor && !nlSpan(doc, a - 1, a) && (isNameToken(doc, a - 1, lex) || (/^(of|-|&)$/.test(doc.lower[a - 1]) && a - 2 >= floor && isNameToken(doc, a - 2, lex)))) a -= isNameToken(doc, a - 1, lex) ? 1 : 2;
    a = bodyStart(doc, lex, people, a, t);
    if (a >= 0) yield [a, t];
  }
}

/** Where the name of an organisation starts in tokens [a, t], a run of name words: `a`, or -1 when they cannot name one here. */
function bodyStart(doc: NlpDoc, lex: Lexicon, people: PersonRegistry, a: number, t: number): number {
  if (people.inQuote(doc.tokStart[a])) return -1;
  // A lone word opening a sentence is a name only if tagged one and capitalised inside sentences too ("Late last
  // month,", "Investors …" are not).
  if (a === t && doc.sentences[doc.sentenceOf[a]].firstToken === a && (doc.pos[a] !== 'PROPN' || !capitalisedInside(doc).has(doc.value[a]))) return -1;
  // A place: a state after a city ("Huntington, Ind.", "Chicago, Illinois"), a state's abbreviation.
  // (Not "On Friday, Twitter said": a place is no clause's subject.)
  const placeAfterComma = a >= 2 && doc.value[a - 1] === ',' && isCap(doc.value[a - 2]) && !lex.w.weekdays.has(doc.lower[a - 2]) && !/^(VERB|AUX)$/.test(doc.pos[t + 1] ?? '');
  if (placeAfterComma || (a === t && /^\p{Lu}\p{Ll}*\.$/u.test(doc.value[a]))) return -1;
  // A person: a title or a known first name before the name or after it ("Japanese Defence Minister"); the other
  // person tests are at the end.
  if ((a > 0 && lex.titles.has(doc.lower[a - 1])) || lex.titles.has(doc.lower[t + 1] ?? '') || firstNameGender(lex, doc.lower[a]) !== null) return -1;
  let orgWord = false;
  for (let k = a; k <= t; k++) if (lex.orgWords.has(doc.lower[k]) || lex.outletWords.has(doc.lower[k])) orgWord = true;
  // A lone plural ("Americans", "PACs") names people or several bodies; not a name with a capital inside ("WikiLeaks").
  if (!orgWord && a === t && /[^s]s$/.test(doc.value[a]) && !/\p{Ll}\p{Lu}/u.test(doc.value[a])) return -1;
  // Not after "and" ("in the United States and Canada"), nor in a headline's capitals.
  if (a > 0 && doc.lower[a - 1] === 'and') return -1;
  if (inTitleCaseLine(doc.text, doc.tokStart[a])) return -1;
  let allAdj = true;
  for (let k = a; k <= t; k++) {
    const l = doc.lower[k];
    if (lex.w.weekdays.has(l) || lex.w.months.has(l) || lex.titles.has(l)) return -1;
    if (doc.pos[k] !== 'ADJ') allAdj = false;
  }
  if (allAdj) return -1;
  // A modifier of a lowercase noun after it ("South Korean competitors", "700 United Technologies jobs"); not of a
  // reporting verb that wink tags a noun ("The Journal notes that …").
  if (t + 1 < doc.value.length && doc.pos[t + 1] === 'NOUN' && /^\p{Ll}/u.test(doc.value[t + 1]) && !(lex.verbs.has(doc.lemma[t + 1]) && doc.lower[t + 2] === 'that')) return -1;
  // A line of its own (a label, a byline).
  const lineStart = doc.text.lastIndexOf('\n', doc.tokStart[a]) + 1;
  let lineEnd = doc.text.indexOf('\n', doc.tokEnd[t]);
  if (lineEnd < 0) lineEnd = doc.text.length;
  if (/^[\s\p{P}]*$/u.test(doc.text.slice(lineStart, doc.tokStart[a]) + doc.text.slice(doc.tokEnd[t], lineEnd))) return -1;
  // A place: after a place preposition, "the" between ("in the United States").
  const before = a > 0 && doc.lower[a - 1] === 'the' ? a - 2 : a - 1;
  if (before >= 0 && lex.w.placePrepositions.has(doc.lower[before])) return -1;
  // A verb's or preposition's object, unless a source or example is introduced (`source_introducers`: "according to
  // the …", "such as", "including").
  const d = a > 0 && doc.lower[a - 1] === 'the' ? a - 1 : a;
  const introduced = lex.w.sourceIntroducers.has(doc.lower[d - 1] ?? '') || lex.w.sourceIntroducers.has(`${doc.lower[d - 2] ?? ''} ${doc.lower[d - 1] ?? ''}`);
  // (The possessor that opens a sentence is its topic: "WikiLeaks’s approach … is more radical: It often posts …".)
  if (!introduced && dependent(doc, lex, d, t) && !openingPossessor(doc, lex, d, t)) return -1;
  if (!isCap(doc.value[a])) return -1;
  // Last, as the dearest: a person's name, by the other names the article writes ("Weiner’s" after "Anthony Weiner",
  // "Camizci" alone as a subject) or by a gender it gives the name ("Klein said he was …").
  if (orgWord) return a;
  if (personNamedLonger(people, doc.lower[t], t - a + 1) || (t > a && surnameAlone(people, doc.lower[t], a))) return -1;
  return people.genderOf(people.resolveName(textOf(doc, a, t), doc.tokStart[a])) === null ? a : -1;
}

/**
 * An organisation word in the name must be the description's head ("the foundation" is not the "… Federation of
 * Midwest", "the company" not the "Brennan Center"), unless the head is a generic one (generic_bodies: "the group").
 */
function fitsHead(doc: NlpDoc, lex: Lexicon, a: number, t: number, head: string): boolean {
  if (lex.w.genericBodies.has(head)) return true;
  for (let k = a; k <= t; k++) if (lex.orgWords.has(doc.lower[k]) && doc.lower[k] !== head) return false;
  return true;
}

/** The article writes `word` alone as a person's surname elsewhere than in the run at token `a` ("Camizci could not be reached"). */
function surnameAlone(people: PersonRegistry, word: string, a: number): boolean {
  return people.mentions.some((m) => m.words === 1 && m.last === word && m.first !== a && !people.inQuote(m.at));
}

/**
 * The article writes a person's name of more than `words` words ending with `word`, outside quotations ("Michael R.
 * Bloomberg" for "Bloomberg"; not a quoted "Wilayat Twitter" for "Twitter").
 */
function personNamedLonger(people: PersonRegistry, word: string, words: number): boolean {
  return people.mentions.some((m) => m.words > Math.max(1, words) && m.last === word && !people.inQuote(m.at));
}

/**
 * "according to the poll", "the same poll": the poll the article named last before the description ("a CNN/WMUR
 * poll", "The PPIC poll"), by its name ("CNN/WMUR poll"); null when it names none, or introduces another poll without
 * a name after the last named one ("a new survey").
 */
export function namedPollBefore(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry): string | null {
  if (!/^the$/i.test(doc.value[np.first]) || np.last === np.first || !lex.w.pollWords.has(doc.lower[np.last])) return null;
  for (let k = np.first + 1; k < np.last; k++) if (!/^\p{Ll}/u.test(doc.value[k])) return null;
  for (let h = np.first - 1; h > 0; h--) {
    if (!lex.w.pollWords.has(doc.lower[h]) || people.inQuote(doc.tokStart[h])) continue;
    const a = pollNameStart(doc, h, Math.max(0, h - 8), lex);
    if (a >= 0) return textOf(doc, a, h);
    // An unnamed poll introduced after the named one: the description may be about it.
    let d = h - 1;
    while (d > 0 && /^\p{Ll}/u.test(doc.value[d]) && !/^(a|an|the)$/.test(doc.lower[d]) && h - d < 4) d--;
    if (/^(a|an)$/i.test(doc.value[d])) return null;
  }
  return null;
}

/**
 * "according to a new poll." before "A Morning Consult poll found …", or before "The survey, conducted by the Public
 * Policy Institute of California, finds …": an unnamed poll introduced with "a" is the poll the next sentence names,
 * by its name or its author (a token range); null when the next sentence names none.
 */
export function namedPollAfter(doc: NlpDoc, np: Np, lex: Lexicon): Np | null {
  if (!/^(a|an)$/i.test(doc.value[np.first]) || !lex.w.pollWords.has(doc.lower[np.last])) return null;
  for (let k = np.first + 1; k < np.last; k++) if (!/^\p{Ll}/u.test(doc.value[k])) return null;
  const next = doc.sentences[doc.sentenceOf[np.last] + 1];
  if (!next) return null;
  for (let h = next.firstToken; h <= next.lastToken; h++) {
    if (!lex.w.pollWords.has(doc.lower[h])) continue;
    const a = pollNameStart(doc, h, Math.max(next.firstToken, h - 8), lex);
    if (a >= 0) return { first: a, last: h };
    // "The survey, conducted by …,": its author.
    const by = doc.value[h + 1] === ',' ? h + 3 : -1;
    if (by > 0 && lex.w.documentParticiples.has(doc.lower[h + 2] ?? '') && lex.w.authorPrepositions.has(doc.lower[by] ?? '')) return authorAt(doc, lex, h, by, next.lastToken);
  }
  return null;
}
