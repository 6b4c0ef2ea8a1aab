/**
 * A speaker from the noun phrase a pass found for a quotation: pronouns and relative "who" resolved through the
 * article's person registry, a role split from the name, possessives ("CNN's Tara Setmayer", "Clinton's campaign"),
 * tags that are no speakers ("D-N.Y."), definite descriptions ("the senator") and organisation names.
 */
import type { NlpDoc } from '../nlp/index.js';
import type { Lexicon } from './lexicon.js';
import { isCap } from './pieces.js';
import { adjacent, brandName, capitalisedInside, definiteDescription, descriptionOf, honorific, inTitleCaseLine, isNameToken, npEndingAt, paragraphsBack, placingPreposition, possessiveMark, statePlace, stripDet, textOf, type Np } from './phrases.js';
import { authorNamedBefore, definiteDocument, documentAuthor, documentOfIt, type Author } from './document-authors.js';
import { personWithRole } from './descriptions.js';
import { namedPollAfter, namedPollBefore, referredBody, subjectBodyBefore } from './referred-bodies.js';
import { closesQuotation } from './context.js';
import { classify, namedPollAt, pollNameStart, splitRoleName } from './speaker-types.js';
import type { PersonRegistry, Speaker } from './speakers.js';
import { pronounGender, type Gender } from './mentions.js';
import { reportingVerb, subjectVerb, verbAfter } from './name-roles.js';

/** Turn an NP into a speaker: mention span, canonical name, role and type. `appositionRole` comes from ", the X of Y,". */
export function speakerFromNp(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry, lastSpeaker: string | null, appositionRole = ''): Speaker {
  const mention = textOf(doc, np.first, np.last);
  const start = doc.tokStart[np.first];
  const end = doc.tokEnd[np.last];
  const l = doc.lower[np.first];
  const gender = pronounGender(lex, l);
  // A capitalised sentence opener is no part of a name ("Even Rendell, a stalwart Clinton supporter, said", "Now
  // Bloomberg says"; not the acronym "NOW"), and alone no speaker ("So says a booming voice").
  if (lex.w.sentenceOpeners.has(l) && /^\p{Lu}\p{Ll}/u.test(doc.value[np.first])) {
    if (np.first === np.last) return { mention, start, end, canonical: 'UNKNOWN', role: '', type: 'unknown' };
    return speakerFromNp(doc, { first: np.first + 1, last: np.last }, lex, people, lastSpeaker, appositionRole);
  }
  // "Some delegates at the convention in Philadelphia said", "the senator from Vermont said": a description placed by a
  // preposition names the speaker; the place after it does not.
  const placed = placedHead(doc, np, lex);
  if (placed) return speakerFromNp(doc, placed, lex, people, lastSpeaker, appositionRole);
  // "from Jackson, Miss., attending …, said" with no one before it: a state after a city names no one.
  if (statePlace(doc, lex, np)) return { mention, start, end, canonical: 'UNKNOWN', role: '', type: 'unknown' };
  if (np.first === np.last && lex.w.pronouns.has(l)) {
    // "Mike Lee, who declared …", "critics who say …": a relative pronoun stands for the phrase right before it.
    if (l === 'who') {
      const t = doc.value[np.first - 1] === ',' ? np.first - 2 : np.first - 1;
      const named = t >= 0 ? (people.nameEndingAt(t) ?? nameRunEndingAt(doc, t, lex, people, start)) : null;
      if (named) return { mention, start, end, canonical: named, role: '', type: 'person' };
      // "Sen. Dianne Feinstein, the ranking Democrat on the committee, who said": after an apposition set off by
      // commas, the person it describes.
      const described = doc.value[np.first - 1] === ',' ? nameBeforeApposition(doc, t, people) : null;
      if (described) return { mention, start, end, canonical: described, role: '', type: 'person' };
      if (t >= 0 && doc.pos[t] === 'NOUN' && !isCap(doc.value[t])) return { mention, start, end, canonical: doc.lower[t], role: doc.lower[t], type: 'anonymous' };
      // 'She has proposed appointing a "chief trade prosecutor" who reports to the president': after a quotation the
      // relative stands for the quoted phrase, not for the last person named.
      if (t >= 0 && closesQuotation(doc, t)) return { mention, start, end, canonical: 'UNKNOWN', role: '', type: 'unknown' };
    }
    if (lex.w.personPronouns.has(l)) {
      const who = personOfPronoun(people, start, gender, lastSpeaker);
      return { mention, start, end, canonical: who ?? 'UNKNOWN', role: '', type: who ? 'person' : 'unknown' };
    }
    // "Twitter said … It added …": the organisation or outlet that is a clause's subject just before.
    const body = l === 'it' ? subjectBodyBefore(doc, np, lex, people) : null;
    if (body) {
      const kind = classify(doc, body, lex);
      // Through the rules for names of organisations and outlets ("The Post" → "Washington Post"); a lone name that
      // reads as a person's ("Twitter") is an organisation here.
      if (kind === 'organization' || kind === 'outlet') return { ...speakerFromNp(doc, body, lex, people, null), mention, start, end };
      return { mention, start, end, canonical: stripDet(textOf(doc, body.first, body.last)), role: '', type: 'organization' };
    }
    // "Bujnowski wrote in the affidavit. It continued:": the author of the document just before, when "it" is a
    // verb's subject (not "calling it a …").
    const document = l === 'it' && doc.pos[verbAfter(doc, np.first)] === 'VERB' ? documentOfIt(doc, np.first, lex, people, (a) => authorSpeaker(doc, a, lex, people)) : null;
    if (document) return { ...document, mention, start, end, role: '' };
    return { mention, start, end, canonical: 'UNKNOWN', role: '', type: 'unknown' };
  }
  // "a Pew Research report said", "an FBI investigation said", "one Clinton ad declared": a document named by its
  // author's name speaks for the author, a person only by a name the article gives in full ("the Benghazi
  // investigation" is no one's).
  const named = namedAuthor(doc, np, lex);
  const author = named ? authorSpeaker(doc, named, lex, people) : null;
  if (author && (author.type !== 'person' || author.canonical.includes(' '))) return { ...author, mention, start, end, role: appositionRole };
  // "his plan", "her Facebook profile": a document speaks for the person the possessive pronoun stands for.
  if (gender && np.last > np.first && lex.w.possessedDocuments.has(doc.lower[np.last])) {
    const who = personOfPronoun(people, start, gender, lastSpeaker);
    if (who) return { mention, start, end, canonical: who, role: '', type: 'person' };
  }
  // "former Gov. Bill Richardson of New Mexico", "Mr. Burman of the Tax Policy Center": the name is before "of"; what
  // follows belongs to the role.
  let head = np;
  let tail = '';
  for (let k = np.first + 1; k < np.last; k++) {
    if (doc.lower[k] !== 'of' && doc.lower[k] !== 'for') continue;
    const before = { first: np.first, last: k - 1 };
    if (classify(doc, before, lex) === 'person' && isNameToken(doc, k - 1, lex) && k - 2 >= np.first && (isNameToken(doc, k - 2, lex) || honorific(lex, doc.lower[k - 2]))) {
      head = before;
      tail = textOf(doc, k, np.last);
    }
    break;
  }
  const type = classify(doc, head, lex);
  // "Guardian said" after "Mayor Don Guardian": a lone capitalised word that ends the name of a person the article
  // names is that person, though it is also an outlet or organisation word.
  if ((type === 'outlet' || type === 'organization') && head.first === head.last && isCap(doc.value[head.first]) && people.namesPersonEndingWith(doc.lower[head.first])) {
    return { mention, start, end, canonical: people.resolveName(doc.value[head.first], start), role: appositionRole, type: 'person' };
  }
  // A possessive inside the phrase: "CNN’s Tara Setmayer", "American Action Forum's Douglas Holtz-Eakin" (a person
  // after it: the possessor is the speaker's affiliation), "Rival Hillary Clinton’s campaign" (a person's campaign or
  // office: named after the person's full name).
  let poss = -1;
  for (let k = head.last - 1; k > head.first; k--) {
    if (possessiveMark(doc, k)) {
      poss = k;
      break;
    }
  }
  if (poss > 0) {
    const owner = { first: head.first, last: poss - 1 };
    const owned = { first: poss + 1, last: head.last };
    if (owned.last > owned.first && classify(doc, owned, lex) === 'person') {
      const { nameFirst } = splitRoleName(doc, owned, lex);
      if (nameFirst < owned.last) {
        const name = people.resolveName(textOf(doc, nameFirst, owned.last), start, people.titleGender(nameFirst));
        // The role as written ("Kasich’s chief strategist"), or the possessor alone ("CNN").
        const before = stripDet(textOf(doc, head.first, nameFirst - 1)).replace(/\s*['’]s$/, '');
        const role = [[before, tail].filter(Boolean).join(' '), appositionRole].filter(Boolean).join('; ');
        return { mention, start, end, canonical: name, role, type: 'person' };
      }
    }
    // "Axelrod’s memoir", "the foundation's tally": a document speaks for its possessor.
    if (lex.w.possessedDocuments.has(doc.lower[head.last])) {
      const speaker = authorSpeaker(doc, owner, lex, people);
      if (speaker) return { ...speaker, mention, start, end, role: appositionRole };
    }
    let lowerRest = true;
    for (let k = owned.first; k <= owned.last; k++) if (isCap(doc.value[k])) lowerRest = false;
    if (type === 'organization' && lowerRest && classify(doc, owner, lex) === 'person') {
      const { nameFirst } = splitRoleName(doc, owner, lex);
      if (nameFirst <= owner.last) {
        const name = people.resolveName(textOf(doc, nameFirst, owner.last), start, people.titleGender(nameFirst));
        return { mention, start, end, canonical: `${name}'s ${textOf(doc, owned.first, owned.last).toLowerCase()}`, role: appositionRole, type };
      }
    }
  }
  // "N.Y." (of "D-N.Y."), "R-Utah": a state or party tag is no speaker; "the F.B.I.": initials after "the" are a body.
  const initials = /^(\p{Lu}\.)+$/u.test(doc.value[head.last]) && (head.first === head.last || /^the$/i.test(doc.value[head.first]));
  const tagged = doc.value[head.first - 1] === '-' && adjacent(doc, head.first - 1, head.first) && /^[DRI]$/.test(doc.value[head.first - 2] ?? '');
  if (type === 'person' && (tagged || (initials && !/^the$/i.test(doc.value[head.first])))) return { mention, start, end, canonical: 'UNKNOWN', role: '', type: 'unknown' };
  if (type === 'person' && initials) return { mention, start, end, canonical: textOf(doc, head.last, head.last), role: appositionRole, type: 'organization' };
  if (type === 'person') {
    const { nameFirst } = splitRoleName(doc, head, lex);
    let name = textOf(doc, nameFirst, head.last).replace(/['’]s$/, '');
    const role = [[stripDet(textOf(doc, head.first, nameFirst - 1)), tail].filter(Boolean).join(' '), appositionRole].filter(Boolean).join('; ');
    // "one Republican involved in the planning": only role words, no name — an unnamed source; "Russians said", beside
    // "a Russian …": a group.
    if (!name || (nameFirst === head.first && nameFirst === head.last && people.groupPlural(name))) return { mention, start, end, canonical: descriptionOf(doc, np.first, np.last, lex.w.quantifierSubjects), role: role || stripDet(mention), type: 'anonymous' };
    // "Having announced …": a word capitalised only where it opens a sentence, which the article writes in lowercase
    // too, is a common word, no name.
    if (head.first === head.last && commonWord(doc, head.first)) return { mention, start, end, canonical: 'UNKNOWN', role: '', type: 'unknown' };
    name = people.resolveName(name, start, people.titleGender(nameFirst));
    return { mention, start, end, canonical: name, role, type };
  }
  if (type === 'unknown' || type === 'anonymous') {
    // "the senator", "the Florida senator", "the former president": a definite description of a person named before.
    const description = definiteDescription(doc, lex, np.first, np.last);
    if (description) {
      const who = personWithRole(people, description.role, description.modifiers, start);
      if (who) return { mention, start, end, canonical: who, role: stripDet(mention), type: 'person' };
    }
    // "according to the poll" after "a CNN/WMUR poll": that poll.
    const poll = namedPollBefore(doc, np, lex, people);
    if (poll) return { mention, start, end, canonical: poll, role: '', type: 'organization' };
    // "according to a new poll." before "A Morning Consult poll found …": the poll the next sentence names.
    const later = namedPollAfter(doc, np, lex);
    const pollAfter = later ? authorSpeaker(doc, later, lex, people) : null;
    if (pollAfter) return { ...pollAfter, mention, start, end, role: '' };
    // "The ad says" after "Bernie Sanders is releasing a new 30-second ad": the document's author.
    const author = documentAuthor(doc, np, lex, people, (a) => authorSpeaker(doc, a, lex, people)) ?? reportBefore(doc, np, lex, people);
    if (author) return { ...author, mention, start, end, role: appositionRole };
    return { mention, start, end, canonical: type === 'anonymous' ? descriptionOf(doc, np.first, np.last, lex.w.quantifierSubjects) : 'UNKNOWN', role: appositionRole || (type === 'anonymous' ? stripDet(mention) : ''), type };
  }
  // Organisations and outlets: the name without a leading article; "The Post" → the longer "Washington Post" if named;
  // "the budget office" → the body named before with those words ("Congressional Budget Office").
  let canonical = stripDet(mention);
  // "the celebrity press ReganBooks": a brand's name after lowercase words that describe it.
  if (type === 'organization' && np.last > np.first && brandName(doc.value[np.last], lex) && doc.value.slice(np.first, np.last).every((v) => /^\p{Ll}/u.test(v))) {
    return { mention, start, end, canonical: doc.value[np.last], role: [stripDet(textOf(doc, np.first, np.last - 1)), appositionRole].filter(Boolean).join('; '), type };
  }
  // A poll by its name alone: "a new Gallup poll" → "Gallup poll".
  const poll = namedPollAt(doc, np, lex);
  if (poll >= 0) return { mention, start, end, canonical: textOf(doc, pollNameStart(doc, poll, np.first, lex), np.last), role: appositionRole, type };
  if (type === 'outlet' && np.first === np.last - 1 && /^the$/i.test(doc.value[np.first])) canonical = fullerOutletName(doc, doc.value[np.last], start);
  if (type === 'organization') {
    // "his campaign said" after "Bernie Sanders spoke …": the person's, named as "Sanders's campaign" is.
    const owned = ownedByPronoun(doc, np, lex, people, lastSpeaker, start) ?? ownedByName(doc, np, lex, people, start);
    if (owned) return { mention, start, end, canonical: owned, role: '', type };
    // "the campaign said" after "The Clinton campaign suggested …": the person's campaign named last.
    const campaign = bodyOfPersonBefore(doc, np, lex, people);
    if (campaign) return { mention, start, end, canonical: campaign, role: stripDet(mention), type };
    const named = namedBody(doc, np, lex, start);
    if (named) return { mention, start, end, canonical: named, role: stripDet(mention), type };
  }
  if (type === 'organization' || type === 'outlet') {
    // "the company said" after "Verizon was trying …": the organisation named just before.
    const words = doc.lower.slice(np.first + 1, np.last + 1);
    const referred = referredBody(doc, np, lex, people, (between) => otherDescription(between, words, lex));
    // An outlet by one word of its name ("the newspaper" after "The Journal notes …"): the name the article gave it in
    // full before.
    if (referred) return { mention, start, end, canonical: type === 'outlet' && !referred.includes(' ') ? fullerOutletName(doc, referred, start) : referred, role: stripDet(mention), type };
  }
  // "the Brennan Center" after "The Brennan Center for Justice": the fuller name the article gave the body.
  if (type === 'organization') canonical = fullerNameBefore(doc, canonical, start);
  return { mention, start, end, canonical, role: appositionRole, type };
}

/**
 * The author named right before the document word that ends `np` (authorNamedBefore: "Pew Research" of "a Pew Research
 * report", "Clinton" of "one Clinton ad"), with only lowercase words or numbers before the name ("the 2014 House
 * Intelligence Committee report"), none of them a quantifier ("some GOP figures" are people); else null.
 */
function namedAuthor(doc: NlpDoc, np: Np, lex: Lexicon): Np | null {
  if (np.last === np.first) return null;
  const named = authorNamedBefore(doc, lex, np.first, np.last);
  if (!named) return null;
  for (let k = np.first; k < named.first; k++) if (!/^[\p{Ll}\p{N}]/u.test(doc.value[k]) || lex.w.quantifierSubjects.has(doc.lower[k])) return null;
  return named;
}

/**
 * The description before the first located preposition of `np` ("delegates" of "Some delegates at the convention in
 * Philadelphia"), when a lowercase noun ends it and a capitalised word follows the preposition; else null.
 */
function placedHead(doc: NlpDoc, np: Np, lex: Lexicon): Np | null {
  for (let k = np.first + 1; k < np.last; k++) {
    if (!lex.w.locatedPrepositions.has(doc.lower[k])) continue;
    if (!placingPreposition(doc, lex, k)) return null;
    for (let j = k + 1; j <= np.last; j++) if (isCap(doc.value[j])) return { first: np.first, last: k - 1 };
    return null;
  }
  return null;
}

/**
 * Token `t` opens its sentence capitalised, and the article writes it in lowercase elsewhere and never capitalised
 * inside a sentence.
 */
function commonWord(doc: NlpDoc, t: number): boolean {
  const w = doc.value[t];
  if (!/^\p{Lu}\p{Ll}+$/u.test(w) || doc.sentences[doc.sentenceOf[t]].firstToken !== t) return false;
  // (The tokens searched for the one word, not lowercaseWords' set: most articles never ask, and building the set for
  // them cost more than the search.)
  return doc.value.includes(w.toLowerCase()) && !capitalisedInside(doc).has(w);
}

/**
 * "The Post" → "Washington Post": the first name before `start` that ends with the one word `word`, else `word` ("The
 * Post" itself, the word after "The" alone, is no fuller name).
 */
function fullerOutletName(doc: NlpDoc, word: string, start: number): string {
  const full = new RegExp(`\\b([A-Z][\\w.]+ )+${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).exec(doc.text.slice(0, start));
  return full && !/^the \S+$/i.test(full[0]) ? full[0] : word;
}

/** `name` with the part after "of" or "for" it had where the article last wrote it more fully before `start`; else `name`. */
function fullerNameBefore(doc: NlpDoc, name: string, start: number): string {
  // A name ("the group" is none); the part after it joined without "the" ("Edison Research for the Associated Press"
  // names two bodies).
  if (!/^\p{Lu}/u.test(name)) return name;
  const text = doc.text;
  for (let at = text.lastIndexOf(name, start - name.length); at >= 0; at = at > 0 ? text.lastIndexOf(name, at - 1) : -1) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])) continue;
    NAME_AFTER.lastIndex = at + name.length;
    const m = NAME_AFTER.exec(text);
    if (m && m.index + m[0].length <= start && !/\bthe\b/.test(m[0])) return (name + m[0]).replace(/[ \u00a0]+/g, ' ');
  }
  return name;
}

/**
 * "this tweet from Rikkie Wells who tweeted": a person's name of two or three words ending at token t, though the
 * article's names do not count it as one (after a preposition a name is most often a place): "who" after it says it
 * is a person's. Null when the words there are no such name.
 */
function nameRunEndingAt(doc: NlpDoc, t: number, lex: Lexicon, people: PersonRegistry, start: number): string | null {
  if (!isNameToken(doc, t, lex)) return null;
  let a = t;
  while (a - 1 >= 0 && t - a < 3 && isNameToken(doc, a - 1, lex) && doc.tokEnd[a - 1] < doc.tokStart[a]) a--;
  // Not the end of a longer name ("the Latino Partnership for Conservative Principles, who …").
  if (a > 0 && /^(of|for|the|and)$/.test(doc.lower[a - 1])) return null;
  if (a === t || t - a > 2 || classify(doc, { first: a, last: t }, lex) !== 'person') return null;
  return people.resolveName(textOf(doc, a, t), start);
}

/**
 * "Fox News confirmed that Kelly met with Trump. According to the statement, …": a definite mention of a document
 * (speaking_documents) whose introduction names no author (documentAuthor found none) is the report of the sentence
 * right before, when that sentence writes no document: the person (PersonRegistry.reporterBefore) or the organisation
 * or outlet named there as the subject of a cue verb; else null.
 */
function reportBefore(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry): Speaker | null {
  if (!definiteDocument(doc, np, lex)) return null;
  const sentence = doc.sentenceOf[np.first];
  if (sentence === 0) return null;
  // (A document written in the sentence before is the one meant, whoever reports there.)
  const { firstToken, lastToken } = doc.sentences[sentence - 1];
  for (let t = firstToken; t <= lastToken; t++) if (lex.w.speakingDocuments.has(doc.lower[t])) return null;
  const person = people.reporterBefore(sentence, null);
  if (person) return { mention: '', start: -1, end: -1, canonical: person, role: '', type: 'person' };
  const body = subjectBodyBefore(doc, np, lex, people);
  if (!body || doc.sentenceOf[body.last] !== sentence - 1) return null;
  return reportingVerb(doc, lex, subjectVerb(doc, lex, body.first, body.last)) ? authorSpeaker(doc, body, lex, people) : null;
}

/**
 * The person named right before the apposition that ends at token t ("Sen. Dianne Feinstein of California, the ranking
 * Democrat on the committee"): the apposition opens with "the", "a" or "an" after a comma, within 20 tokens of its
 * sentence; the name may have "of" or "from" and a place after it. Null when there is no such name.
 */
function nameBeforeApposition(doc: NlpDoc, t: number, people: PersonRegistry): string | null {
  const first = doc.sentences[doc.sentenceOf[Math.max(t, 0)]].firstToken;
  let k = t;
  while (k > first && t - k < 20 && doc.value[k] !== ',') k--;
  if (doc.value[k] !== ',' || k === t || !/^(the|a|an)$/.test(doc.lower[k + 1])) return null;
  const named = people.nameEndingAt(k - 1);
  if (named) return named;
  for (let p = k - 2; p > first && k - p <= 4; p--) if (doc.lower[p] === 'of' || doc.lower[p] === 'from') return people.nameEndingAt(p - 1);
  return null;
}

/** The person a pronoun of `gender` at offset `start` stands for: the registry's answer, else the last speaker if they fit. */
function personOfPronoun(people: PersonRegistry, start: number, gender: Gender | null, lastSpeaker: string | null): string | null {
  return people.lastPerson(start, gender) ?? (lastSpeaker && people.fits(lastSpeaker, gender) ? lastSpeaker : null);
}

/**
 * The speaker a document's author stands for: the registry's person, or the phrase read as a speaker when that gives
 * a person, or an organisation or outlet by its name ("the Sanders campaign" → "Bernie Sanders's campaign"; "the
 * foundation" → the "Clinton Foundation" named before); else null.
 */
function authorSpeaker(doc: NlpDoc, author: Author, lex: Lexicon, people: PersonRegistry): Speaker | null {
  const start = doc.tokStart[author.first];
  const end = doc.tokEnd[author.last];
  const mention = textOf(doc, author.first, author.last);
  if (author.name) return { mention, start, end, canonical: author.name, role: '', type: 'person' };
  const s = speakerFromNp(doc, author, lex, people, null);
  // A body by its name ("Clinton Foundation"), not by a description the article resolves to none ("campaign").
  const named = s.type === 'person' ? s.canonical !== 'UNKNOWN' : (s.type === 'organization' || s.type === 'outlet') && /^[\p{Lu}\p{N}]/u.test(s.canonical);
  return named ? s : null;
}

/**
 * "his campaign", "her campaign": a male or female possessive pronoun and lowercase words naming a body, as the body of
 * the person the pronoun stands for ("Bernie Sanders's campaign"), or null when it stands for no one.
 */
function ownedByPronoun(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry, lastSpeaker: string | null, start: number): string | null {
  const l = doc.lower[np.first];
  const gender = pronounGender(lex, l);
  if (!gender || np.last === np.first) return null;
  for (let k = np.first + 1; k <= np.last; k++) if (!/^\p{Ll}/u.test(doc.value[k])) return null;
  const who = personOfPronoun(people, start, gender, lastSpeaker);
  return who ? `${who}'s ${textOf(doc, np.first + 1, np.last)}` : null;
}

/**
 * "the campaign" (a word of person_bodies after "the", nothing between) after "The Clinton campaign suggested …" or
 * "his campaign sent …": the body of that kind the article last named as a person's ("Hillary Clinton's campaign"),
 * in the paragraph or the one before, outside quotations; else null.
 */
function bodyOfPersonBefore(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry): string | null {
  const word = doc.value[np.last];
  if (np.last !== np.first + 1 || !/^the$/i.test(doc.value[np.first]) || !lex.w.personBodies.has(word)) return null;
  const from = paragraphsBack(doc.text, doc.tokStart[np.first], 2);
  for (let t = np.first - 1; t > 0 && doc.tokStart[t] >= from; t--) {
    // The body word heading its phrase ("his campaign sent", not "his campaign speech").
    if (doc.value[t] !== word || doc.pos[t + 1] === 'NOUN' || people.inQuote(doc.tokStart[t])) continue;
    const phrase = npEndingAt(doc, t, lex, doc.sentences[doc.sentenceOf[t]].firstToken);
    if (!phrase || phrase.first === t - 1) continue;
    const body = speakerFromNp(doc, phrase, lex, people, null);
    if (body.type === 'organization' && body.canonical.endsWith(`'s ${word}`)) return body.canonical;
  }
  return null;
}

/**
 * "the Sanders campaign", "Trump campaign": a person's name before a word of person_bodies, as the body of the person
 * the article names so ("Bernie Sanders's campaign", as "Sanders's campaign" is named), or null when the article
 * names no fuller name for it.
 */
function ownedByName(doc: NlpDoc, np: Np, lex: Lexicon, people: PersonRegistry, start: number): string | null {
  if (!lex.w.personBodies.has(doc.value[np.last])) return null;
  const first = /^the$/i.test(doc.value[np.first]) ? np.first + 1 : np.first;
  const name = { first, last: np.last - 1 };
  if (name.last < name.first || name.last - name.first > 2 || classify(doc, name, lex) !== 'person') return null;
  for (let k = name.first; k <= name.last; k++) if (!isNameToken(doc, k, lex)) return null;
  const written = textOf(doc, name.first, name.last);
  const full = people.resolveName(written, start);
  // No fuller name in the article ("the Trump campaign" alone): as written.
  return full === written ? null : `${full}'s ${doc.value[np.last]}`;
}

/**
 * A capitalised word of a name, possessives and initials included ("China’s", "U.S."); not a capitalised function
 * word, which a headline's capitals give away ("Characterization Of Network").
 */
const NAME_WORD = String.raw`(?!(?:Of|On|For|And|The|To|In|By|At|A|An|With|From)\b)\p{Lu}[\p{L}\p{N}'’.&-]*`;

/** Spaces within a line (a name does not run over a line break). */
const SPACES = String.raw`[ \u00a0]+`;

/** Name words, joined by spaces or "of", "for", "on", "and" (with "the"), right before the end of a text. */
const NAME_BEFORE = new RegExp(String.raw`(?:${NAME_WORD}(?:${SPACES}(?:of|for|on|and)(?:${SPACES}the)?)?${SPACES})+$`, 'u');

/** A name part after a head word, joined by "of" or "for" ("… of Investigation"), read from `lastIndex`. */
const NAME_AFTER = new RegExp(String.raw`(?:${SPACES}(?:of|for)(?:${SPACES}the)?${SPACES}${NAME_WORD})+`, 'uy');

/**
 * The body a lowercase definite description of an organisation refers back to: "the budget office" → the last name
 * before `start` that ends with those words capitalised ("Congressional Budget Office"), "the bureau" → the last that
 * holds its head word with a name part after it ("Federal Bureau of Investigation"); else null. The head must be one of
 * the cue lexicon's org_words; the name needs a word besides the description's ("The Network" alone is no name).
 */
function namedBody(doc: NlpDoc, np: Np, lex: Lexicon, start: number): string | null {
  if (!/^the$/i.test(doc.value[np.first]) || np.last === np.first || !lex.orgWords.has(doc.lower[np.last])) return null;
  const words: string[] = [];
  for (let k = np.first + 1; k <= np.last; k++) {
    if (!/^\p{Ll}+$/u.test(doc.value[k])) return null;
    words.push(doc.value[k]);
  }
  const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
  // The description's words capitalised, found first (cheap); the name is then read around each, latest first.
  const described = new RegExp(String.raw`\b${words.map(cap).join(SPACES)}\b`, 'gu');
  const text = doc.text.slice(0, start);
  const found = [...text.matchAll(described)];
  for (let i = found.length - 1; i >= 0; i--) {
    const at = found[i].index!;
    const end = at + found[i][0].length;
    // Name words before the description's words ("Congressional Budget Office"), and, for one head word, a name part
    // after it joined by "of" or "for" ("Federal Bureau of Investigation").
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, at - 120), at))?.[0] ?? '';
    NAME_AFTER.lastIndex = end;
    const after = words.length === 1 ? (NAME_AFTER.exec(text)?.[0] ?? '') : '';
    if (!before && !after) continue;
    // Not in a headline, whose capitals run other words into the name.
    if (inTitleCaseLine(doc.text, at - before.length)) continue;
    // Not when another description with the head word comes after the name and after the last use of this one
    // ("UnitedHealth Group … the trade group for the Blue Cross Blue Shield plans … the group wrote": the trade group).
    const between = text.slice(end + after.length);
    const last = between.toLowerCase().lastIndexOf(`the ${words.join(' ')}`);
    if (otherDescription(last >= 0 ? between.slice(last) : between, words, lex)) return null;
    return (before + found[i][0] + after).replace(/[ \u00a0]+/g, ' ');
  }
  return null;
}

/**
 * `between` holds the head word of a description (`words`, its last the head) in lower case with other words before
 * it than the description's own ("a trade group" for "the group"; not "the budget office" for "the budget office").
 */
function otherDescription(between: string, words: string[], lex: Lexicon): boolean {
  const head = words[words.length - 1];
  const modifiers = words.slice(0, -1).join(' ');
  for (const m of between.matchAll(new RegExp(String.raw`((?:\p{Ll}[\p{Ll}-]*[ \u00a0]+){0,3})${head}\b`, 'gu'))) {
    const before = m[1].trim().split(/[ \u00a0]+/).filter(Boolean);
    // Back to the determiner: what stands between it and the head word are the modifiers.
    const det = before.map((w) => lex.w.descriptionDeterminers.has(w)).lastIndexOf(true);
    if (det >= 0 && before.slice(det + 1).join(' ') !== modifiers) return true;
  }
  return false;
}
