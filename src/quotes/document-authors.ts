/**
 * A document that speaks for its author: "The ad says …" after "Bernie Sanders is releasing a new 30-second ad",
 * "the suit says …" after "a lawsuit has been filed by Bradley Podliska" or "Podliska's suit", "the affidavit said"
 * after "an affidavit written by Marc Bujnowski". The definite mention ("the ad", "the new ad") of a word of
 * speaking_documents is given to the author of the latest earlier introduction of a document of the same kind
 * (document_kinds: "suit" and "lawsuit" are one), found in one of four shapes:
 *   - the document and by/from an author (authorPreposition: a participle may stand between them);
 *   - a person's possessive right before the document ("Podliska's suit");
 *   - a person the article names as the subject of a verb of author_verbs (lemmas) within six words before the
 *     document, in the same sentence ("Sanders is releasing a new 30-second ad");
 *   - capitalised words right before a word of author_named_documents ("According to the FBI summary": authorNamedBefore).
 * No introduction with a name: null (the mention stays unresolved, as before). The author after by/from
 * (authorPreposition, authorAt) is read the same way for "according to a count by The Associated Press"
 * (passes/indirect-speech.ts).
 */
import type { NlpDoc } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { APOS, joinsWords, npEndingAt, npStartingAt, stripDet, textOf, type Np } from './phrases.js';
import { classify } from './speaker-types.js';
import type { PersonRegistry, Speaker } from './speakers.js';

/** Tags of words that may stand between an author and their verb: "Sanders is releasing", "Sanders also released". */
const BETWEEN_AUTHOR_AND_VERB = new Set(['AUX', 'ADV', 'PART']);

/** A word's document kind: the first word of its document_kinds group ("lawsuit" → "suit"), or the word itself. */
function kindOf(lex: Lexicon, word: string): string {
  return lex.w.documentKinds.get(word) ?? word;
}

/**
 * The by/from (author_prepositions) after a document word at token h, or -1: right after it ("a count by"), or after
 * a participle of document_participles with up to two auxiliaries before it ("exit polls conducted by", "a lawsuit
 * has been filed by").
 */
export function authorPreposition(doc: NlpDoc, lex: Lexicon, h: number): number {
  let p = h + 1;
  while (p < h + 3 && doc.pos[p] === 'AUX') p++;
  if (lex.w.documentParticiples.has(doc.lower[p] ?? '')) {
    p++;
    // "exit polls conducted for The Associated Press and television networks by Edison Research": who it was made
    // for may come first.
    if (doc.lower[p] === 'for') {
      let q = p + 1;
      while (q < p + 12 && q < doc.value.length && doc.lower[q] !== 'by' && doc.value[q] !== ',') q++;
      if (doc.lower[q] === 'by') p = q;
    }
  } else if (p > h + 1) return -1;
  return lex.w.authorPrepositions.has(doc.lower[p] ?? '') ? p : -1;
}

/**
 * The author after the preposition `by` of the document word at h (authorPreposition): the noun phrase there, if its
 * last word is capitalised. After a participle it ends before a "for": "conducted by Edison Research for the
 * Associated Press" is Edison Research's.
 */
export function authorAt(doc: NlpDoc, lex: Lexicon, h: number, by: number, ceil: number): Np | null {
  const author = npStartingAt(doc, by + 1, lex, ceil);
  if (author && by > h + 1) {
    for (let k = author.first + 1; k < author.last; k++) {
      if (doc.lower[k] === 'for') {
        author.last = k - 1;
        break;
      }
    }
  }
  return author && /^\p{Lu}/u.test(doc.value[author.last]) ? author : null;
}

/**
 * "an NBC report", "the NBC-Wall Street Journal analysis", "the FBI summary": the capitalised words right before the
 * document word at token h (one of author_named_documents; hyphens and slashes written without spaces between
 * them), from token `first` on, other than a month ("a February survey"); else null. The document word counts only as
 * written in lower case: "The Washington Post" names an outlet, not a post of Washington's.
 */
export function authorNamedBefore(doc: NlpDoc, lex: Lexicon, first: number, h: number): Np | null {
  if (!lex.w.authorNamedDocuments.has(doc.value[h])) return null;
  const cap = (t: number) => /^\p{Lu}/u.test(doc.value[t]) && (doc.pos[t] === 'PROPN' || doc.pos[t] === 'NOUN' || doc.pos[t] === 'ADJ');
  let a = h;
  while (a - 1 >= first && (cap(a - 1) || (joinsWords(doc, a - 1) && a - 2 >= first && cap(a - 2)))) a--;
  const month = a === h - 1 && lex.w.months.has(doc.lower[a]);
  return a < h && !month ? { first: a, last: h - 1 } : null;
}

/** The speaker a definite document mention stands for, or null when it is not one or no author was introduced. */
export function documentAuthor(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry): Speaker | null {
  const head = np.last;
  if (!/^the$/i.test(doc.value[np.first]) || head - np.first > 2 || !lex.w.speakingDocuments.has(doc.lower[head])) return null;
  const kind = kindOf(lex, doc.lower[head]);
  const start = doc.tokStart[np.first];
  for (let t = np.first - 1; t >= 0; t--) {
    if (kindOf(lex, doc.lower[t]) !== kind) continue;
    const author = byAuthor(doc, t, lex) ?? possessor(doc, t, people) ?? verbSubject(doc, t, lex, people) ?? (authorNamedBefore(doc, lex, Math.max(0, t - 6), t) as Author | null);
    if (!author) continue;
    const type = author.name ? 'person' : classify(doc, author, lex);
    if (type !== 'person' && type !== 'organization' && type !== 'outlet') continue;
    // An organisation or outlet without its article, as everywhere ("The Sierra Club" → "Sierra Club").
    const written = textOf(doc, author.first, author.last);
    const canonical = author.name ?? (type === 'person' ? people.resolveName(written, start) : stripDet(written));
    return { mention: textOf(doc, np.first, np.last), start, end: doc.tokEnd[np.last], canonical, role: '', type };
  }
  return null;
}

interface Author extends Np {
  /** The person's name as the registry resolves it, when known. */
  name?: string;
}

/** "an affidavit written by Marc Bujnowski", "a lawsuit has been filed by Bradley Podliska": the author after by/from. */
function byAuthor(doc: NlpDoc, t: number, lex: Lexicon): Author | null {
  const by = authorPreposition(doc, lex, t);
  return by < 0 ? null : authorAt(doc, lex, t, by, doc.sentences[doc.sentenceOf[t]].lastToken);
}

/** "Podliska's suit": the person named right before the possessive. */
function possessor(doc: NlpDoc, t: number, people: PersonRegistry): Author | null {
  if (t < 2 || !APOS.test(doc.value[t - 1])) return null;
  const name = people.nameEndingAt(t - 2);
  return name ? { first: t - 2, last: t - 2, name } : null;
}

/**
 * "Bernie Sanders is releasing a new 30-second ad", "the Holocaust Museum issued a statement", "Powell's office said in
 * a statement": the person, organisation or outlet that is the subject of an author verb shortly before, or of a
 * speech verb right before "in a" document.
 */
function verbSubject(doc: NlpDoc, t: number, lex: Lexicon, people: PersonRegistry): Author | null {
  const sentence = doc.sentenceOf[t];
  const inDocument = /^(a|an|the)$/.test(doc.lower[t - 1] ?? '') && doc.lower[t - 2] === 'in';
  for (let v = t - 1; v >= Math.max(0, t - 6) && doc.sentenceOf[v] === sentence; v--) {
    const speech = inDocument && v === t - 3 && lex.verbs.has(doc.lemma[v]);
    if (doc.pos[v] !== 'VERB' || !(lex.w.authorVerbs.has(doc.lemma[v]) || speech)) continue;
    let k = v - 1;
    while (k >= 0 && doc.sentenceOf[k] === sentence && BETWEEN_AUTHOR_AND_VERB.has(doc.pos[k])) k--;
    const name = k >= 0 ? people.nameEndingAt(k) : null;
    if (name) return { first: k, last: k, name };
    // An organisation or outlet: its phrase, typed so by its words.
    const np = k >= 0 ? npEndingAt(doc, k, lex, doc.sentences[sentence].firstToken) : null;
    const type = np ? classify(doc, np, lex) : null;
    return np && (type === 'organization' || type === 'outlet') ? np : null;
  }
  return null;
}
