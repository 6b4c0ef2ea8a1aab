/**
 * A document that speaks for its author: "The ad says …" after "Bernie Sanders is releasing a new 30-second ad",
 * "the suit says …" after "a lawsuit has been filed by Bradley Podliska" or "Podliska's suit", "the affidavit said"
 * after "an affidavit written by Marc Bujnowski". The definite mention ("the ad", "the new ad") of a word of
 * speaking_documents is given to the author of the latest earlier introduction of a document of the same kind
 * (document_kinds: "suit" and "lawsuit" are one), found in one of three shapes:
 *   - the document, a participle of document_participles (after "has been", "was"…) and "by" a capitalised name;
 *   - a person's possessive right before the document ("Podliska's suit");
 *   - a person the article names as the subject of a verb of author_verbs (lemmas) within six words before the
 *     document, in the same sentence ("Sanders is releasing a new 30-second ad").
 * No introduction with a name: null (the mention stays unresolved, as before).
 */
import type { NlpDoc } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { isCap } from './pieces.js';
import { APOS, stripDet, textOf, type Np } from './phrases.js';
import { classify } from './speaker-types.js';
import type { PersonRegistry, Speaker } from './speakers.js';

/** Words that may stand between an author and their verb: "Sanders is releasing", "Sanders on Tuesday released". */
const BETWEEN_AUTHOR_AND_VERB = new Set(['AUX', 'ADV', 'PART']);

/** The speaker a definite document mention stands for, or null when it is not one or no author was introduced. */
export function documentAuthor(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry): Speaker | null {
  const head = np.last;
  if (!/^the$/i.test(doc.value[np.first]) || head - np.first > 2 || !lex.w.speakingDocuments.has(doc.lower[head])) return null;
  const kind = lex.w.documentKinds.get(doc.lower[head]) ?? doc.lower[head];
  const start = doc.tokStart[np.first];
  for (let t = np.first - 1; t >= 0; t--) {
    if ((lex.w.documentKinds.get(doc.lower[t]) ?? doc.lower[t]) !== kind) continue;
    const author = byAuthor(doc, t, lex) ?? possessor(doc, t, people) ?? verbSubject(doc, t, lex, people);
    if (!author) continue;
    const span = { first: author.first, last: author.last };
    const type = author.name ? 'person' : classify(doc, span, lex);
    if (type !== 'person' && type !== 'organization' && type !== 'outlet') continue;
    // An organisation or outlet without its article, as everywhere ("The Sierra Club" → "Sierra Club").
    const written = textOf(doc, span.first, span.last);
    const canonical = author.name ?? (type === 'person' ? people.resolveName(written, start) : stripDet(written));
    return { mention: textOf(doc, np.first, np.last), start, end: doc.tokEnd[np.last], canonical, role: '', type };
  }
  return null;
}

interface Author {
  first: number;
  last: number;
  /** The person's name as the registry resolves it, when known. */
  name?: string;
}

/** "an affidavit written by Marc Bujnowski", "a lawsuit has been filed by Bradley Podliska": the capitalised words after "by". */
function byAuthor(doc: NlpDoc, t: number, lex: Lexicon): Author | null {
  // Up to two auxiliaries between them: "a lawsuit has been filed by …", "an ad was released by …".
  let p = t + 1;
  while (p < t + 3 && doc.pos[p] === 'AUX') p++;
  if (!lex.w.documentParticiples.has(doc.lower[p] ?? '') || doc.lower[p + 1] !== 'by') return null;
  let last = p + 1;
  while (last + 1 < doc.value.length && last - p < 7 && isCap(doc.value[last + 1]) && doc.pos[last + 1] !== 'PUNCT') last++;
  return last > p + 1 ? { first: p + 2, last } : null;
}

/** "Podliska's suit": the person named right before the possessive. */
function possessor(doc: NlpDoc, t: number, people: PersonRegistry): Author | null {
  if (t < 2 || !APOS.test(doc.value[t - 1])) return null;
  const name = people.nameEndingAt(t - 2);
  return name ? { first: t - 2, last: t - 2, name } : null;
}

/** "Bernie Sanders is releasing a new 30-second ad": the person who is the subject of an author verb shortly before. */
function verbSubject(doc: NlpDoc, t: number, lex: Lexicon, people: PersonRegistry): Author | null {
  const sentence = doc.sentenceOf[t];
  for (let v = t - 1; v >= Math.max(0, t - 6) && doc.sentenceOf[v] === sentence; v--) {
    if (doc.pos[v] !== 'VERB' || !lex.w.authorVerbs.has(doc.lemma[v])) continue;
    let k = v - 1;
    while (k >= 0 && doc.sentenceOf[k] === sentence && BETWEEN_AUTHOR_AND_VERB.has(doc.pos[k])) k--;
    const name = k >= 0 ? people.nameEndingAt(k) : null;
    return name ? { first: k, last: k, name } : null;
  }
  return null;
}
