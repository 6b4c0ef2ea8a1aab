/**
 * A document that speaks for its author: "The ad says …" after "Bernie Sanders is releasing a new 30-second ad",
 * "the suit says …" after "a lawsuit has been filed by Bradley Podliska" or "Podliska's suit", "the affidavit said"
 * after "an affidavit written by Marc Bujnowski", "the email read" after "The Cruz campaign sent a fundraising email".
 * The definite mention ("the ad", "the new ad") of a word of speaking_documents is given to the author of the latest
 * earlier introduction of a document of the same kind (document_kinds: "suit" and "lawsuit" are one), found in one of
 * four shapes:
 *   - the document and by/from an author (authorPreposition: a participle may stand between them), a name, a body
 *     described with a name ("issued by the Sanders campaign") or a description with a name in apposition ("sent from
 *     the club's executive director, Jeremy Boreing");
 *   - a possessive right before the document ("Podliska's suit", "the newspaper's editorial");
 *   - a person the article names, or a body, as the subject of a verb of author_verbs (lemmas) within six words before
 *     the document, in the same sentence ("Sanders is releasing a new 30-second ad");
 *   - capitalised words right before a word of author_named_documents ("According to the FBI summary": authorNamedBefore).
 * The caller reads the author as a speaker (speaker-from-np.ts authorSpeaker: a person, or a body by its name); an
 * introduction whose author reads as neither is passed over for an earlier one. No such introduction: null (the
 * mention stays unresolved). The author after by/from (authorPreposition, authorAt) is read the same way for
 * "according to a count by The Associated Press" (passes/indirect-speech.ts).
 */
import type { NlpDoc } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { APOS, joinsWords, npEndingAt, npStartingAt, paragraphsBack, type Np } from './phrases.js';
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
 * has been filed by"); or "in" right after a word of published_pieces ("a new article in Politico").
 */
export function authorPreposition(doc: NlpDoc, lex: Lexicon, h: number): number {
  // "a new article in Politico": an outlet's piece (authorAt takes an outlet only after "in").
  if (doc.lower[h + 1] === 'in' && lex.w.publishedPieces.has(doc.lower[h])) return h + 1;
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
  if (!author) return null;
  if (doc.lower[by] === 'in') return classify(doc, author, lex) === 'outlet' ? author : null;
  if (/^\p{Lu}/u.test(doc.value[author.last])) return author;
  // "sent from the club's executive director, Jeremy Boreing,": the person named in apposition.
  if (doc.value[author.last + 1] === ',') {
    const named = npStartingAt(doc, author.last + 2, lex, ceil);
    if (named && /^\p{Lu}/u.test(doc.value[named.last]) && classify(doc, named, lex) === 'person') return named;
  }
  // "issued by the Sanders campaign", "by WBUR radio": a body described with a name in it, up to its last body word
  // ("a poll from Florida Atlantic University broadcast on MSNBC" is the university's).
  let last = author.last;
  while (last > author.first && !/^\p{Lu}/u.test(doc.value[last]) && !lex.orgWords.has(doc.lower[last]) && !lex.outletWords.has(doc.lower[last])) last--;
  let name = false;
  for (let k = author.first; k <= last; k++) if (/^\p{Lu}/u.test(doc.value[k]) && !/^the$/i.test(doc.value[k])) name = true;
  const body = { first: author.first, last };
  const type = name ? classify(doc, body, lex) : null;
  return type === 'organization' || type === 'outlet' ? body : null;
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

/**
 * The author of the document a definite mention ("the ad", "the new ad") refers back to, as `resolve` turns it into a
 * speaker (a person, organisation or outlet; else the search goes on to an earlier introduction); null when the
 * phrase is no such mention or no introduction names an author.
 */
export function documentAuthor(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry, resolve: (author: Author) => Speaker | null): Speaker | null {
  if (!definiteDocument(doc, np, lex)) return null;
  const kind = kindOf(lex, doc.lower[np.last]);
  for (let t = np.first - 1; t >= 0; t--) {
    if (kindOf(lex, doc.lower[t]) !== kind) continue;
    const author = introductionAuthor(doc, t, lex, people);
    const speaker = author ? resolve(author) : null;
    if (speaker) return speaker;
  }
  return null;
}

/**
 * "Bujnowski wrote in the affidavit. It continued: “…”", "“…,” the company wrote in its statement. It added, “…”": the
 * author of the latest document (a word of speaking_documents or messages) before the pronoun `it` at token `at`, in
 * its paragraph or the one before, found in the shapes documentAuthor reads an introduction in; null when there is
 * none or it names no author that `resolve` accepts.
 */
export function documentOfIt(doc: NlpDoc, at: number, lex: Lexicon, people: PersonRegistry, resolve: (author: Author) => Speaker | null): Speaker | null {
  const floor = paragraphsBack(doc.text, doc.tokStart[at], 2);
  for (let t = at - 1; t >= 0 && doc.tokStart[t] >= floor; t--) {
    if (!lex.w.speakingDocuments.has(doc.lower[t]) && !lex.w.messages.has(doc.lower[t])) continue;
    const author = introductionAuthor(doc, t, lex, people);
    if (author) return resolve(author);
    // "The paper notes …, and it says …": a definite mention of a document introduced before.
    return t > 0 && /^the$/i.test(doc.value[t - 1]) ? documentAuthor(doc, { first: t - 1, last: t }, lex, people, resolve) : null;
  }
  return null;
}

/** A definite mention of a document that may speak ("the ad", "the new ad": `speaking_documents`). */
export function definiteDocument(doc: NlpDoc, np: Np, lex: Lexicon): boolean {
  return /^the$/i.test(doc.value[np.first]) && np.last - np.first <= 2 && lex.w.speakingDocuments.has(doc.lower[np.last]);
}

/** The author an introduction of the document word at token t names, in one of the four shapes this file opens with; else null. */
function introductionAuthor(doc: NlpDoc, t: number, lex: Lexicon, people: PersonRegistry): Author | null {
  return byAuthor(doc, t, lex) ?? possessor(doc, t, lex, people) ?? verbSubject(doc, t, lex, people) ?? (authorNamedBefore(doc, lex, Math.max(0, t - 6), t) as Author | null);
}

/** A document's author: a noun phrase, with the person's name when the registry knows it. */
export interface Author extends Np {
  /** The person's name as the registry resolves it, when known. */
  name?: string;
}

/** "an affidavit written by Marc Bujnowski", "a lawsuit has been filed by Bradley Podliska": the author after by/from. */
function byAuthor(doc: NlpDoc, t: number, lex: Lexicon): Author | null {
  const by = authorPreposition(doc, lex, t);
  return by < 0 ? null : authorAt(doc, lex, t, by, doc.sentences[doc.sentenceOf[t]].lastToken);
}

/**
 * "Podliska's suit": the person named right before the possessive; "the newspaper's editorial", "the Sanders
 * campaign's statement": the phrase before it, for the caller to type.
 */
function possessor(doc: NlpDoc, t: number, lex: Lexicon, people: PersonRegistry): Author | null {
  if (t < 2 || !APOS.test(doc.value[t - 1])) return null;
  const name = people.nameEndingAt(t - 2);
  if (name) return { first: t - 2, last: t - 2, name };
  return npEndingAt(doc, t - 2, lex, doc.sentences[doc.sentenceOf[t]].firstToken);
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
