/**
 * Noun phrases from POS and capitalisation, without a parser: the phrase ending at a token (scanning left: "Department
 * of Homeland Security", "spokeswoman for the Clinton campaign", "52 percent of registered voters") or starting at one
 * (scanning right: "Sen. Ted Cruz"), and the tokens that can be part of a name.
 */
import type { NlpDoc } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { isCap, titleCaseWords } from './pieces.js';

export const APOS = /^['’]s$/;

/**
 * Token i marks a possessive: "’s", or an apostrophe alone after a capitalised word ending in "s" and written against
 * it, before a word ("Bernie Sanders’ campaign", "Reuters' count"; not a closing quotation mark before punctuation).
 */
export function possessiveMark(doc: NlpDoc, i: number): boolean {
  const v = doc.value[i];
  if (APOS.test(v)) return true;
  if (v !== '’' && v !== "'") return false;
  if (i === 0 || i + 1 >= doc.value.length || !adjacent(doc, i - 1, i) || adjacent(doc, i, i + 1)) return false;
  const before = doc.value[i - 1];
  return isCap(before) && /s$/.test(before) && /^(NOUN|PROPN|ADJ)$/.test(doc.pos[i + 1]);
}

/**
 * A title written only before a person's name: an abbreviated word ("Rep.", "Mrs.") or person_titles ("Senator");
 * not initials ("U.S.").
 */
export function honorific(lex: Lexicon, word: string): boolean {
  return lex.titles.has(word) && (/^\p{L}+\.$/u.test(word) || lex.w.personTitles.has(word));
}

/** A token that can be part of a proper name. */
export function isNameToken(doc: NlpDoc, i: number, lex: Lexicon): boolean {
  // Not punctuation, a number or a function word: one of these tags. The tag is tested first, the word's capital next
  // and the lexicon last: cheapest first (this is asked at every token of the article).
  const p = doc.pos[i];
  if (!(p === 'PROPN' || p === 'NOUN' || p === 'ADJ' || p === 'VERB' || p === 'X' || p === 'ADV')) return false;
  const v = doc.value[i];
  if (!v || !isCap(v)) return false;
  // "I'm", "I’ve" (one token, tagged a proper noun): the first person, no name.
  if (v.charCodeAt(0) === 73 && (v[1] === "'" || v[1] === '’')) return false;
  if (!lex.titles.has(doc.lower[i])) return true;
  // A title word that is also a surname (surname_titles) ends a name after an honorific or a name word, when no
  // capitalised word follows: "Ms. White", "Anna Richardson White", "Mr. King" (not "the Obama White House").
  if (!lex.w.surnameTitles.has(doc.lower[i])) return false;
  if (i + 1 < doc.value.length && isCap(doc.value[i + 1] ?? '') && (doc.pos[i + 1] === 'PROPN' || doc.pos[i + 1] === 'NOUN')) return false;
  const before = doc.lower[i - 1] ?? '';
  if (lex.w.maleTitles.has(before) || lex.w.femaleTitles.has(before)) return true;
  return i > 0 && doc.pos[i - 1] === 'PROPN' && isCap(doc.value[i - 1]) && !lex.titles.has(before);
}

/**
 * Whether the line of `text` holding offset `at` is a headline or subhead — `titleCaseWords` (isTitleCase's rule) with
 * three or more words, two of them long — whose capitals do not mark names.
 */
export function inTitleCaseLine(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  let to = text.indexOf('\n', at);
  if (to < 0) to = text.length;
  const found = titleCaseWords(text, from, to);
  return found !== null && found.words >= 3 && found.long >= 2;
}

/** A token allowed inside a speaker noun phrase (names, titles, role words, determiners, possessives, "of"/"for"). */
function isNpToken(doc: NlpDoc, i: number, lex: Lexicon): boolean {
  const p = doc.pos[i];
  const l = doc.lower[i];
  // A capitalised subordinator opening the sentence ("When Trump announced …") is not part of a name.
  if (lex.w.subordinators.has(l)) return false;
  // "said Sunday", "fact-check Wednesday was retweeted": a day is a time adjunct, never part of a speaker's name.
  if (lex.w.weekdays.has(l)) return false;
  if (p === 'PROPN' || p === 'NOUN' || p === 'NUM') return true;
  if (p === 'ADJ') return true;
  if ((APOS.test(doc.value[i]) && p === 'PART') || (p === 'PUNCT' && possessiveMark(doc, i))) return true;
  if (lex.titles.has(l)) return true;
  if (isCap(doc.value[i]) && (p === 'VERB' || p === 'X' || p === 'ADV')) return true;
  return false;
}

/** Token t is a hyphen or slash written without spaces between the words around it ("CNN-ORC", "CNN/ORC"). */
export function joinsWords(doc: NlpDoc, t: number): boolean {
  return (doc.value[t] === '-' || doc.value[t] === '/') && t > 0 && t + 1 < doc.value.length && adjacent(doc, t - 1, t) && adjacent(doc, t, t + 1);
}

/** The first token of the word ending at token t that hyphens written without spaces join ("front-runner"), not before `floor`. */
export function hyphenatedStart(doc: NlpDoc, t: number, floor = 0): number {
  while (t - 2 >= floor && doc.value[t - 1] === '-' && joinsWords(doc, t - 1)) t -= 2;
  return t;
}

/**
 * A definite description of a person, tokens [first, last] ("the senator", "the Florida senator", "the former
 * president"): its role word and its modifiers (capitalised words and required_modifiers), or null. The head is the
 * noun before a preposition ("The Republican presidential nominee for the Nov. 8 election"); of two descriptions
 * joined by "and" ("The Democratic presidential front-runner and former secretary of state"), the first's; a head
 * written with a hyphen is one word ("the GOP front-runner").
 */
export function definiteDescription(doc: NlpDoc, lex: Lexicon, first: number, last: number): { role: string; modifiers: string[] } | null {
  if (!/^the$/i.test(doc.value[first])) return null;
  let headWord = last;
  for (let k = first + 2; k < last && headWord === last; k++) if (doc.pos[k] === 'ADP' || doc.lower[k] === 'and') headWord = k - 1;
  const headStart = hyphenatedStart(doc, headWord, first + 1);
  if (headStart - first > 4 || APOS.test(doc.value[headWord])) return null;
  const modifiers: string[] = [];
  for (let k = first + 1; k < headStart; k++) if (isCap(doc.value[k]) || lex.w.requiredModifiers.has(doc.lower[k])) modifiers.push(doc.lower[k]);
  return { role: textOf(doc, headStart, headWord).toLowerCase(), modifiers };
}

/** Token i is a slash written without spaces between two capitalised words ("CNN/ORC"; not "and/or"). */
function slashJoinsNames(doc: NlpDoc, i: number): boolean {
  return doc.value[i] === '/' && joinsWords(doc, i) && isCap(doc.value[i - 1]) && isCap(doc.value[i + 1]);
}

export interface Np {
  first: number;
  last: number;
}

/** Tokens a and b written with nothing between them ("teary-eyed"). */
export function adjacent(doc: NlpDoc, a: number, b: number): boolean {
  return doc.tokEnd[a] === doc.tokStart[b];
}

export function nlSpan(doc: NlpDoc, a: number, b: number): boolean {
  // A scan of the gap instead of a slice and a regex (asked at every word of a name or noun phrase).
  const end = doc.tokStart[b] ?? doc.text.length;
  for (let k = doc.tokEnd[a] ?? 0; k < end; k++) if (doc.text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * The noun phrase ending at token `last` (inclusive), scanning left. Allows "Department of Homeland Security",
 * "spokeswoman for the Clinton campaign", determiners at the left edge. Returns null if there is no head.
 */
export function npEndingAt(doc: NlpDoc, last: number, lex: Lexicon, floor: number): Np | null {
  if (last < floor) return null;
  const l = doc.lower[last];
  if (lex.w.pronouns.has(l) && doc.pos[last] === 'PRON') return { first: last, last };
  if (!isNpToken(doc, last, lex)) return null;
  // An adjective heads a phrase only as a noun wink mistags ("The Republican incumbent", "the accused"): after a
  // determiner or a name.
  // Also a title after a noun: "the attorney general", "the inspector general" (wink tags "general" as an adjective).
  if (doc.pos[last] === 'ADJ' && !(last - 1 >= floor && /^(DET|PROPN)$/.test(doc.pos[last - 1]) && /^\p{Ll}/u.test(doc.value[last])) && !(last - 1 >= floor && doc.pos[last - 1] === 'NOUN' && lex.titles.has(l))) return null;
  let first = last;
  for (let i = last - 1; i >= floor && last - i < 12; i--) {
    if (nlSpan(doc, i, i + 1)) break;
    const li = doc.lower[i];
    if (isNpToken(doc, i, lex)) {
      first = i;
      continue;
    }
    // "52 percent of registered voters", "Democratic registered voters": a participle as a modifier.
    if (doc.pos[i] === 'VERB' && /^\p{Ll}+ed$/u.test(doc.value[i]) && i - 1 >= floor && (/^(DET|ADJ|NUM)$/.test(doc.pos[i - 1]) || doc.lower[i - 1] === 'of')) {
      first = i;
      continue;
    }
    // "A teary-eyed Bush", "17-year-old Jared Potts": a hyphenated modifier, whatever wink tags its parts.
    if (i - 1 >= floor && doc.value[i - 1] === '-' && adjacent(doc, i - 1, i) && i - 2 >= floor && adjacent(doc, i - 2, i - 1) && /^[\p{L}\p{N}]/u.test(doc.value[i - 2])) {
      first = i - 2;
      i -= 2;
      continue;
    }
    // "some of the same candidates", "most of the delegates": a quantifier before "of".
    if (li === 'of' && i - 1 >= floor && lex.w.ofQuantifiers.has(doc.lower[i - 1])) {
      first = i - 1;
      if (i - 2 >= floor && /^(the|a)$/.test(doc.lower[i - 2])) first = i - 2;
      break;
    }
    // "Department of Homeland Security", "spokesman for America's Voice": a preposition between two NP parts.
    if ((li === 'of' || li === 'for') && i - 1 >= floor && isNpToken(doc, i - 1, lex)) {
      first = i;
      continue;
    }
    // "KING-TV", "Coca-Cola", "warm-and-fuzzy Trump": a hyphen written without spaces joins the word before it to
    // the phrase, whatever wink tags that word.
    if (doc.value[i] === '-' && i - 1 >= floor && adjacent(doc, i - 1, i) && adjacent(doc, i, i + 1) && /^[\p{L}\p{N}]/u.test(doc.value[i - 1])) {
      first = i - 1;
      i--;
      continue;
    }
    // "a CNN/ORC poll", "a New York Times/CBS News survey": a slash written without spaces between two names.
    if (slashJoinsNames(doc, i)) {
      first = i - 1;
      i--;
      continue;
    }
    // "One in five", "nine out of 10", "4 in 10": a proportion.
    if ((li === 'in' || li === 'of') && doc.pos[i + 1] === 'NUM' && i - 1 >= floor && (doc.pos[i - 1] === 'NUM' || doc.lower[i - 1] === 'out')) {
      first = i - 1;
      i--;
      if (doc.lower[i] === 'out' && i - 1 >= floor && doc.pos[i - 1] === 'NUM') {
        first = i - 1;
        i--;
      }
      continue;
    }
    // "people close to Clinton", "officials familiar with the plan"
    if ((li === 'to' || li === 'with') && i - 2 >= floor && lex.w.closenessAdjectives.has(doc.lower[i - 1]) && lex.anonymous.has(doc.lower[i - 2])) {
      first = i - 2;
      i -= 2;
      continue;
    }
    // "four people with knowledge of the briefings", "officials with the agency"
    if (li === 'with' && i - 1 >= floor && lex.anonymous.has(doc.lower[i - 1])) {
      first = i;
      continue;
    }
    // "Sanders and his supporters", "Immigration and Customs Enforcement"
    if (li === 'and' && i - 1 >= floor && isNpToken(doc, i - 1, lex) && i + 1 <= last) {
      first = i;
      continue;
    }
    if (lex.w.determiners.has(li) && (doc.pos[i] === 'DET' || doc.pos[i] === 'NUM' || doc.pos[i] === 'PRON' || doc.pos[i] === 'ADJ')) {
      first = i;
      // "knowledge of the briefings": a determiner after a preposition is inside the phrase, not its left edge.
      if (i - 1 >= floor && ['of', 'for', 'with'].includes(doc.lower[i - 1])) continue;
      break;
    }
    break;
  }
  // Do not start on a dangling preposition.
  while (first < last && (doc.lower[first] === 'of' || doc.lower[first] === 'for')) first++;
  return { first, last };
}

/**
 * `np` is a state's name or abbreviation after a city and its comma ("Jackson, Miss.", "Worcester, Massachusetts"; not
 * "Friday, Texas"): part of a place, which names no speaker.
 */
export function statePlace(doc: NlpDoc, lex: Lexicon, np: Np): boolean {
  const city = np.first - 2;
  return city >= 0 && doc.value[np.first - 1] === ',' && isCap(doc.value[city]) && !lex.w.timeWords.has(doc.value[city]) && !lex.w.months.has(doc.lower[city]) && lex.w.stateNames.has(textOf(doc, np.first, np.last).toLowerCase());
}

/**
 * Token k is a preposition that places the description ending right before it (`located_prepositions` after a lowercase
 * noun: "delegates at …", "the senator from …").
 */
export function placingPreposition(doc: NlpDoc, lex: Lexicon, k: number): boolean {
  return k >= 1 && lex.w.locatedPrepositions.has(doc.lower[k]) && doc.pos[k - 1] === 'NOUN' && /^\p{Ll}/u.test(doc.value[k - 1]);
}

/** The noun phrase starting at token `first` (scanning right): "Sen. Ted Cruz", "a spokesman for the campaign". */
export function npStartingAt(doc: NlpDoc, first: number, lex: Lexicon, ceil: number): Np | null {
  if (first > ceil) return null;
  const l = doc.lower[first];
  // "her" before a noun is a possessive ("her husband"), like "his"; alone it is the pronoun.
  if (lex.w.pronouns.has(l) && doc.pos[first] === 'PRON' && !(l === 'her' && first + 1 <= ceil && doc.pos[first + 1] === 'NOUN')) return { first, last: first };
  let i = first;
  if (lex.w.determiners.has(l)) i++;
  let last = -1;
  for (; i <= ceil && i - first < 12; i++) {
    if (i > first && nlSpan(doc, i - 1, i)) break;
    const li = doc.lower[i];
    if (isNpToken(doc, i, lex)) {
      last = i;
      continue;
    }
    // "the 45-year-old mechanic": a hyphen written without spaces joins the next word to the phrase.
    if (doc.value[i] === '-' && last >= 0 && i + 1 <= ceil && adjacent(doc, i - 1, i) && adjacent(doc, i, i + 1) && /^[\p{L}\p{N}]/u.test(doc.value[i + 1])) {
      last = i + 1;
      i++;
      continue;
    }
    if (last >= 0 && i + 1 <= ceil && slashJoinsNames(doc, i)) {
      last = i + 1;
      i++;
      continue;
    }
    if ((li === 'of' || li === 'for') && last >= 0 && i + 1 <= ceil && (isNpToken(doc, i + 1, lex) || lex.w.determiners.has(doc.lower[i + 1]))) {
      if (lex.w.determiners.has(doc.lower[i + 1])) i++;
      continue;
    }
    break;
  }
  if (last < 0) return null;
  // The head must be a noun, a name or a number word ("four people"), not a lone adjective.
  while (last > first && doc.pos[last] === 'ADJ') last--;
  return { first, last };
}


export function textOf(doc: NlpDoc, a: number, b: number): string {
  return a > b ? '' : doc.text.slice(doc.tokStart[a], doc.tokEnd[b]);
}

export function stripDet(s: string): string {
  return s.replace(/^(the|a|an)\s+/i, '');
}

/**
 * An unnamed speaker's description, tokens [first, last] without a leading "the"/"a"/"an", as the speaker column gives
 * it: lowercase, as in the middle of a sentence, but names and acronyms as written ("several Indiana GOP insiders",
 * "SEIU chief", "Clinton supporters"). A capitalised first word keeps its capital only if the article also writes it
 * capitalised inside a sentence or it is a name the next word continues ("White House officials"), so that "Aides said"
 * and "aides said" give one speaker, "aides".
 */
export function descriptionOf(doc: NlpDoc, first: number, last: number, quantifiers: ReadonlySet<string>): string {
  let a = first;
  if (a < last && /^(the|a|an)$/i.test(doc.value[a])) a++;
  let out = '';
  for (let t = a; t <= last; t++) {
    if (t > a) out += doc.text.slice(doc.tokEnd[t - 1], doc.tokStart[t]);
    const w = doc.text.slice(doc.tokStart[t], doc.tokEnd[t]);
    // The first word keeps its capital when the article capitalises it inside a sentence or when it is a name (tagged
    // so, never written in lower case, not a quantifier) followed by a capitalised word of the description ("White
    // House officials", "Senate Republican leaders"; not "Some Democrats", "Several Democrats").
    const keep = /\p{Lu}/u.test(w.slice(1)) || (/^\p{Lu}/u.test(w) && (t > a || capitalisedInside(doc).has(w) || (t < last && doc.pos[t] === 'PROPN' && /^\p{Lu}/u.test(doc.value[t + 1]) && !quantifiers.has(w.toLowerCase()) && !lowercaseWords(doc).has(w.toLowerCase()))));
    out += keep ? w : w.toLowerCase();
  }
  return out;
}

/** Words a document writes capitalised inside a sentence (not first, not after a quotation mark or a colon). */
const capitalisedWords = new WeakMap<NlpDoc, Set<string>>();
export function capitalisedInside(doc: NlpDoc): Set<string> {
  let words = capitalisedWords.get(doc);
  if (!words) {
    words = new Set();
    for (let t = 1; t < doc.value.length; t++) {
      const w = doc.value[t];
      if (!/^\p{Lu}/u.test(w) || doc.sentences[doc.sentenceOf[t]].firstToken === t || /^[“"'‘(:—–-]$/.test(doc.value[t - 1])) continue;
      words.add(w);
    }
    capitalisedWords.set(doc, words);
  }
  return words;
}

/** Words a document writes in lower case, letters only (built once per document: the name scan asks too). */
const lowerWords = new WeakMap<NlpDoc, Set<string>>();
export function lowercaseWords(doc: NlpDoc): Set<string> {
  let words = lowerWords.get(doc);
  if (!words) {
    words = new Set();
    for (const v of doc.value) if (lowerLetters(v)) words.add(v);
    lowerWords.set(doc, words);
  }
  return words;
}

/** `v` is all lowercase letters (/^\p{Ll}+$/u), tested a character code at a time for ASCII words. */
function lowerLetters(v: string): boolean {
  if (v.length === 0) return false;
  for (let k = 0; k < v.length; k++) {
    const c = v.charCodeAt(k);
    if (c >= 97 && c <= 122) continue;
    return c < 128 ? false : /^\p{Ll}+$/u.test(v);
  }
  return true;
}

/**
 * Where the paragraph of offset `at` and the `paragraphs - 1` before it begin: back `paragraphs` line breaks from `at`,
 * blank lines between skipped (an offset a token at or after it is in those paragraphs); -1 near the article's start.
 */
export function paragraphsBack(text: string, at: number, paragraphs: number): number {
  for (let k = 0; k < paragraphs && at > 0; k++) {
    at = text.lastIndexOf('\n', at - 1);
    while (at > 0 && /\s/.test(text[at - 1])) at--;
  }
  return at;
}

/** Token t is a comma opening a relative clause of a person: ", who …", ", whose …" (`person_relatives`). */
export function opensPersonRelative(doc: NlpDoc, lex: Lexicon, t: number): boolean {
  return doc.value[t] === ',' && lex.w.personRelatives.has(doc.lower[t + 1] ?? '');
}

/**
 * "Sandy Phillips, who lost her daughter … in Aurora, Colorado, in July 2012, said": when token `comma` is a comma
 * opening a relative clause of a person (`person_relatives`), the first token after the clause that is a verb (the
 * first comma followed by one, adverbs between, within the sentence); else -1.
 */
export function verbAfterRelative(doc: NlpDoc, lex: Lexicon, comma: number): number {
  const n = doc.value.length;
  if (!opensPersonRelative(doc, lex, comma)) return -1;
  for (let e = comma + 2; e < n && e - comma < 60 && !/^[.;:!?]$/.test(doc.value[e]); e++) {
    if (doc.value[e] !== ',') continue;
    let v = e + 1;
    while (v < n && v - e < 4 && doc.pos[v] === 'ADV') v++;
    if ((doc.pos[v] === 'VERB' || doc.pos[v] === 'AUX') && !APOS.test(doc.value[v])) return v;
  }
  return -1;
}

/**
 * "BuzzFeed", "WikiLeaks", "RealClearPolitics": a word with a capital right after a lowercase letter, other than after
 * the beginning of a surname (`surname_prefixes`: "McCain", "DeSantis", "LaHood"), names a brand, not a person.
 */
export function brandName(word: string, lex: Lexicon): boolean {
  // (ASCII letters on both sides of the capital: in a name mis-decoded from UTF-8, "JesÃºs", an "A" with a combining
  // mark follows a lowercase letter too.)
  const inner = /[a-z][A-Z][a-z]/.exec(word);
  return inner !== null && /^[A-Z]/.test(word) && !lex.w.surnamePrefixes.has(word.slice(0, inner.index + 1).toLowerCase());
}
