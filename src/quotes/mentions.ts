/**
 * The person names an article writes, found from capitalisation and POS tags without a PERSON model: runs of capitalised
 * words shaped like a name (two to four words, or one after a title) that are not a place ("in South Carolina"), an
 * organisation or outlet, a headline's capitals or a modifier of a role noun; and a lone capitalised word that is a
 * clause's subject ("Carson defied the question"). PersonRegistry (speakers.ts) resolves who they stand for.
 */
import type { NlpDoc } from '../nlp/index.js';
import { isCap } from './pieces.js';
import type { Lexicon } from './lexicon.js';
import { APOS, brandName, honorific, inTitleCaseLine, isNameToken, joinsWords, lowercaseWords, nlSpan, opensPersonRelative, statePlace, verbAfterRelative } from './phrases.js';

export type Gender = 'm' | 'f';

export interface PersonMention {
  name: string;
  last: string;
  at: number;
  /** Words in `name`. */
  words: number;
  /** The name's first and last tokens (for its roles, found when first asked: `rolesOf`). */
  first: number;
  lastToken: number;
}

/** The gender of a pronoun ("he", "her": male_pronouns, female_pronouns, lowercased), or null ("they", "who"). */
export function pronounGender(lex: Lexicon, word: string): Gender | null {
  const w = lex.w;
  return w.malePronouns.has(word) ? 'm' : w.femalePronouns.has(word) ? 'f' : null;
}

/** The gender of a first name in the lists of given names, or null. */
export function firstNameGender(lex: Lexicon, first: string): Gender | null {
  const w = lex.w;
  return w.maleFirstNames.has(first) ? 'm' : w.femaleFirstNames.has(first) ? 'f' : null;
}

/** The article's person names, in text order. */
export function findPersonMentions(doc: NlpDoc, lex: Lexicon): PersonMention[] {
  return new MentionScan(doc, lex).mentions;
}

/** One scan of an article, with the word sets its tests build on first use. */
class MentionScan {
  readonly mentions: PersonMention[] = [];

  constructor(
    private readonly doc: NlpDoc,
    private readonly lex: Lexicon,
  ) {
    const mentions = this.mentions;
    const n = doc.value.length;
    let i = 0;
    let notName = -1; // the token that ended the last run, when it is not a name token (not asked twice)
    let lineTo = -1; // end of the line last checked for title case, and its answer
    let lineTitle = false;
    while (i < n) {
      // "When Hillary Clinton …", "Even Rendell …": a capitalised subordinator or adverb opening the sentence is not
      // part of the name.
      if (i === notName || !isNameToken(doc, i, lex) || lex.w.subordinators.has(doc.lower[i]) || lex.w.sentenceOpeners.has(doc.lower[i]) || lex.w.weekdays.has(doc.lower[i])) {
        i++;
        continue;
      }
      let j = i;
      let nickname = -1; // the opening quotation mark of a nickname inside the name, if any
      let surnameHyphen = false; // the name ends with a hyphenated surname (three tokens, one word)
      let syllables = false; // … or with a given name of two syllables after the surname ("Ban Ki-moon")
      while (j + 1 < n) {
        // "in Florida Friday": a weekday ends a name.
        if (!isNameToken(doc, j + 1, lex) || lex.w.weekdays.has(doc.lower[j + 1])) {
          // "Bill de Blasio", "Ludwig van Beethoven": a lowercase particle between name words.
          // Not in a name that opens with an article ("Los Hijos de Trump" is a group).
          if (lex.w.nameParticles.has(doc.value[j + 1]) && j + 2 < n && isNameToken(doc, j + 2, lex) && !nlSpan(doc, j + 1, j + 2) && !lex.w.nameArticles.has(doc.lower[i])) {
            j += 2;
            continue;
          }
          if (j === i && this.hyphenatedFirstName(i)) {
            j += 2;
            continue;
          }
          // "Douglas Holtz-Eakin", "Melissa Mark-Viverito": a hyphenated surname ends the name; so does a given name of
          // two syllables joined by a hyphen, the second in lower case, after the surname ("Ban Ki-moon").
          const surname = this.hyphenatedSurname(j);
          if (surname || (j > i && this.syllableName(j))) {
            syllables = !surname;
            j += 2;
            surnameHyphen = true;
            break;
          }
          // John “Tig” Tiegen, Juan "Chico" Manriquez: a nickname in quotation marks after a known first name (left out
          // of the name).
          if (nickname < 0 && this.nicknameAfter(j)) {
            nickname = j + 1;
            j += 4;
            continue;
          }
          notName = j + 1;
          break;
        }
        if (nlSpan(doc, j, j + 1)) break;
        j++;
      }
      // This runs at every capitalised word: the tests are made cheapest first (a lone word without a title, the most
      // common run, costs no lexicon lookup), with plain loops and no arrays or closures.
      if (nickname > i + 1) i = nickname - 1;
      // "RNC Chief of Staff Katie Walsh", "Comedian Sarah Silverman": a known first name inside a run starts the name
      // when every word before it is a title, role or occupation word (campaign_roles) or a word the article also writes
      // in lower case (not "Billie Jean King", "Giovanni Maria Vian").
      else if (nickname < 0 && j - i >= 2 && doc.value[i + 1] !== '-' && firstNameGender(lex, doc.lower[i]) === null) {
        // The known first name first (most runs hold none: the word sets are then never built).
        let k = i + 1;
        while (k < j && firstNameGender(lex, doc.lower[k]) === null) k++;
        let titles = k < j;
        for (let t = i; t < k && titles; t++) {
          const l = doc.lower[t];
          titles = lex.titles.has(l) || lex.roleNouns.has(l) || lex.w.campaignRoles.has(l) || lowercaseWords(doc).has(l);
        }
        if (titles) i = k;
      }
      const count = j - i + 1 - (nickname >= 0 ? 3 : 0) - (surnameHyphen ? 2 : 0);
      const titled = i > 0 && isCap(doc.value[i - 1]) && lex.titles.has(doc.lower[i - 1]);
      // "(See Sexton’s full timeline …)": a word that is not a proper noun opening a sentence or a parenthesis; unless
      // it is a known first name ("Rob Calabrese, a radio host …", where wink reads "Rob" as a verb).
      const sentenceInitial = count === 2 && doc.pos[i] !== 'PROPN' && (i === 0 || doc.sentences[doc.sentenceOf[i]]?.firstToken === i || doc.value[i - 1] === '(') && firstNameGender(lex, doc.lower[i]) === null;
      const shaped = count >= 2 && count <= 4 ? !sentenceInitial : titled;
      // "in South Carolina", "from New York": after a preposition a name is most often a place.
      // (Not when a known first name opens it: "to that of Patti Davis".)
      // (Nor when the article uses its last word alone as a clause's subject: "to that of Sant Singh Chatwal, … Chatwal
      // pleaded guilty", for first names no list holds.)
      // A known first name, or a hyphenated one with a known part ("Hans-Peter").
      const knownFirst = count >= 2 && (firstNameGender(lex, doc.lower[i]) !== null || (doc.value[i + 1] === '-' && firstNameGender(lex, doc.lower[i + 2]) !== null));
      // (Not after "by", which names an agent: "a novel by Maureen Sherry".)
      // (Nor a state after a city and its comma: "Monsey, New York".)
      const place = (i > 0 && ((doc.pos[i - 1] === 'ADP' && !(doc.lower[i - 1] === 'by' && count >= 2)) || doc.lower[i - 1] === 'the' || doc.lower[i - 1] === 'and') && !titled && !(knownFirst || (count >= 2 && this.surnameSubject(i, j)))) || statePlace(doc, lex, { first: i, last: j });
      // "Mayor Don Guardian", "Sen. Ted Post", "Don Guardian": a person title or a known first name makes the run a
      // person's name, whatever word ends it; otherwise an organisation or outlet word makes it no person's.
      // (Titles that are also party or place words, "Republican Party", do not count: an honorific or person title.)
      const personal = (titled && honorific(lex, doc.lower[i - 1])) || knownFirst;
      let orgLike = false;
      // (Not the second syllable of a given name: the "un" of "Kim Jong-un" is no UN.)
      for (let k = i; k <= (syllables ? j - 2 : j) && shaped && !place && !orgLike && !personal; k++) orgLike = lex.orgWords.has(doc.lower[k]) || lex.outletWords.has(doc.lower[k]);
      // Not in a headline-style line ("Pence Endorses Paul Ryan", "Rival Hillary Clinton …"): its capitals run words
      // that are not names into the names.
      let headline = false;
      if (shaped && !place && !orgLike) {
        // One answer per line: the next mentions are mostly in the same paragraph.
        const at = doc.tokStart[i];
        if (at >= lineTo) {
          lineTo = doc.text.indexOf('\n', at);
          if (lineTo < 0) lineTo = doc.text.length;
          lineTitle = inTitleCaseLine(doc.text, at);
        }
        headline = lineTitle;
      }
      // "the former New Mexico governor", "a Florida senator": a name right before a lowercase role noun modifies it.
      const modifier = j + 1 < n && !isCap(doc.value[j + 1]) && (lex.roleNouns.has(doc.lower[j + 1]) || lex.titles.has(doc.lower[j + 1]));
      // "Carson defied the question": a lone name that is a clause's subject is a person named by surname alone.
      const lone = count === 1 && !titled && !place && !headline && !modifier && doc.pos[i] === 'PROPN' && this.loneSubject(i, j);
      // "a 52-year-old resident named Caroline": a known first name after "named" is a person's, given alone.
      const namedAlone = count === 1 && i > 0 && doc.lower[i - 1] === 'named' && firstNameGender(lex, doc.lower[i]) !== null;
      if ((shaped && !place && !orgLike && !headline && !modifier) || lone || namedAlone) {
        // "Hans-Peter Bartels": the hyphen of a first name joins its parts into one word.
        const hyphen = doc.value[i + 1] === '-';
        // With a nickname the name starts at the known first name before it ("Marine John “Tig” Tiegen" is John Tiegen).
        const words = nickname >= 0 ? [doc.value[nickname - 1], ...doc.value.slice(nickname + 3, j + 1)] : doc.value.slice(i, j + 1);
        let name = hyphen ? `${doc.value[i]}-${doc.value.slice(i + 2, j + 1).join(' ')}` : words.join(' ');
        if (surnameHyphen) name = name.replace(/ - (\S+)$/, '-$1');
        // "Joseph R. Biden Jr.": the surname before a generational suffix is the name's last word ("Mr. Biden"); "Ban
        // Ki-moon": the surname comes first ("Ban said").
        const last = j > i && lex.w.generationalSuffixes.has(doc.lower[j]) ? doc.lower[j - 1] : syllables ? doc.lower[i] : surnameHyphen ? `${doc.lower[j - 2]}-${doc.lower[j]}` : doc.lower[j];
        mentions.push({ name, last, at: doc.tokStart[i], words: hyphen ? count - 2 : count, first: i, lastToken: j });
      }
      i = j + 1;
    }
  }

  /**
   * Tokens i, i+1, i+2 are a hyphenated first name before a surname ("Hans-Peter Bartels", "Karl-Heinz Kamp"): two
   * capitalised parts joined by a hyphen without spaces, one of them a known first name, and a name word after them.
   * (Not "Trump-Pence campaign" nor "Asia-Pacific": no known first name, or no name after.)
   */
  private hyphenatedFirstName(i: number): boolean {
    const { doc, lex } = this;
    if (doc.value[i + 1] !== '-' || i + 3 >= doc.value.length) return false;
    if (doc.tokEnd[i] !== doc.tokStart[i + 1] || doc.tokEnd[i + 1] !== doc.tokStart[i + 2]) return false;
    if (!isCap(doc.value[i + 2]) || !isNameToken(doc, i + 3, lex) || nlSpan(doc, i + 2, i + 3)) return false;
    return firstNameGender(lex, doc.lower[i]) !== null || firstNameGender(lex, doc.lower[i + 2]) !== null;
  }

  /**
   * Tokens j+1, j+2 are a hyphen and the second part of a surname whose first part is token j ("Holtz-Eakin",
   * "Mark-Viverito"): written without spaces, the second part capitalised and a name word, ending the run, and not
   * written alone elsewhere in the article (not "the Clinton-Trump race" nor "Trump-Mike Pence", whose parts are
   * names of their own).
   */
  private hyphenatedSurname(j: number): boolean {
    const { doc, lex } = this;
    if (doc.value[j + 1] !== '-' || !joinsWords(doc, j + 1)) return false;
    if (!isCap(doc.value[j + 2]) || !isNameToken(doc, j + 2, lex)) return false;
    if (j + 3 < doc.value.length && isNameToken(doc, j + 3, lex) && !nlSpan(doc, j + 2, j + 3)) return false;
    return !this.writtenAlone(doc.value[j + 2]) && !this.writtenAlone(doc.value[j]);
  }

  /**
   * Tokens j, j + 1, j + 2 are a short capitalised syllable, a hyphen and a short lowercase one, a word of its own
   * ("Ki-moon"), not a modifier of a noun after it ("the George Bush-era tax cuts").
   */
  private syllableName(j: number): boolean {
    const doc = this.doc;
    if (doc.value[j + 1] !== '-' || !joinsWords(doc, j + 1)) return false;
    if (!/^\p{Lu}\p{Ll}{0,3}$/u.test(doc.value[j]) || !/^\p{Ll}{1,4}$/u.test(doc.value[j + 2] ?? '')) return false;
    const next = j + 3 < doc.value.length && /^\p{Ll}/u.test(doc.value[j + 3]) && /^(NOUN|ADJ)$/.test(doc.pos[j + 3]);
    return !joinsWords(doc, j + 3) && !next;
  }

  /** The article writes `word` as a word of its own: not joined to another by a hyphen written without spaces. */
  private writtenAlone(word: string): boolean {
    const text = this.doc.text;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const before = text[at - 1] ?? ' ';
      const after = text[at + word.length] ?? ' ';
      if (/[\p{L}\p{N}-]/u.test(before) || /[\p{L}\p{N}-]/u.test(after)) continue;
      return true;
    }
    return false;
  }

  /**
   * Tokens i+1 … i+3 are a nickname in quotation marks between a known first name (token i) and a name word (i+4):
   * an opening mark, one capitalised word, the closing mark, all on one line (John “Tig” Tiegen).
   */
  private nicknameAfter(i: number): boolean {
    const { doc, lex } = this;
    if (i + 4 >= doc.value.length || firstNameGender(lex, doc.lower[i]) === null) return false;
    if (!/^(["“]|'')$/.test(doc.value[i + 1]) || !/^(["”]|'')$/.test(doc.value[i + 3]) || !isCap(doc.value[i + 2])) return false;
    return isNameToken(doc, i + 4, lex) && !nlSpan(doc, i, i + 4);
  }

  /**
   * A lone capitalised word at token i that is a clause's subject: a lowercase verb after it (adverbs between), not a
   * word that names an organisation, a place or a day.
   */
  private loneSubject(i: number, last = i, afterHonorific = false): boolean {
    const { doc, lex } = this;
    // The verb after it first: it rules out most words before any lookup. ("Rihanna, who was honored …, spoke": after
    // a relative clause, when the word opens the sentence; not "a truck driver from Ava, Mo., who is …, said".)
    let k = last + 1;
    while (k < doc.value.length && k - last < 4 && doc.pos[k] === 'ADV') k++;
    const first = doc.sentences[doc.sentenceOf[i]].firstToken;
    // A capitalised sentence opener before it is not part of a name: "Meanwhile Rihanna spoke".
    const opener = i > 0 && first === i - 1 && (lex.w.sentenceOpeners.has(doc.lower[i - 1]) || lex.w.subordinators.has(doc.lower[i - 1]));
    if ((first === i || opener) && opensPersonRelative(doc, lex, k)) k = verbAfterRelative(doc, lex, k);
    if (!(doc.pos[k] === 'VERB' && /^\p{Ll}/u.test(doc.value[k] ?? '') && !/ing$/.test(doc.lower[k]))) return false;
    const l = doc.lower[i];
    if (lex.orgWords.has(l) || lex.outletWords.has(l) || lex.anonymous.has(l) || lex.roleNouns.has(l) || lex.w.weekdays.has(l)) return false;
    // Not an acronym ("ESPN") or a brand ("EgyptAir": brandName), nor a word joined to the one before ("Asia-Pacific";
    // when asked, an honorific is no such word: "Mr. Hoenlein described").
    const titled = afterHonorific && i > 0 && honorific(lex, doc.lower[i - 1]);
    if (/^[A-Z]{2,}$/.test(doc.value[i]) || brandName(doc.value[i], lex) || (i > 0 && ((isCap(doc.value[i - 1]) && !opener && !titled) || APOS.test(doc.value[i - 1]) || doc.value[i - 1] === '-'))) return false;
    // Not a word the article writes as a place ("in Ohio").
    if (this.places().has(l)) return false;
    // At a sentence start ("Friends offered …") not a plural or other inflected form, unless the article capitalises
    // the word inside a sentence too.
    return !(doc.sentences[doc.sentenceOf[i]].firstToken === i && doc.lemma[i] !== l && !this.capitalisedInside().has(l));
  }

  /**
   * Tokens [i, j], a run of capitalised words, are a person's name whose last word the article uses alone as a clause's
   * subject. Not when a word before the last is a title, role, organisation word, known first name or a word the
   * article also writes in lower case, nor when a capitalised word inside the sentence precedes the preposition: then
   * the run holds more than the name ("Supervisor of Elections Susan Bucher", "Chief of Staff Denis McDonough", "The
   * Real Donald Trump"). Names joined by "and" ("Novak Djokovic and Andy Murray") are two names.
   */
  private surnameSubject(i: number, j: number): boolean {
    const { doc, lex } = this;
    const { lone, titled } = this.subjectWords();
    if (!lone.has(doc.lower[j]) && !(titled.has(doc.lower[j]) && this.oneGivenName(doc.lower[j]))) return false;
    if (i >= 2 && isCap(doc.value[i - 2]) && doc.lower[i - 1] !== 'and' && doc.sentences[doc.sentenceOf[i - 2]].firstToken !== i - 2) return false;
    for (let k = i; k < j; k++) {
      const l = doc.lower[k];
      if (lex.titles.has(l) || lex.roleNouns.has(l) || lex.orgWords.has(l) || lex.outletWords.has(l) || (k > i && firstNameGender(lex, l)) || lowercaseWords(doc).has(l)) return false;
    }
    return true;
  }

  /**
   * Lowercased words the article writes alone as a clause's subject ("Chatwal pleaded …"), and those it writes so after
   * an honorific alone ("Mr. Hoenlein described" after "attributed this to Malcolm Hoenlein"): one scan for both.
   */
  private subjects: { lone: Set<string>; titled: Set<string> } | null = null;
  private subjectWords(): { lone: Set<string>; titled: Set<string> } {
    if (this.subjects) return this.subjects;
    const { doc, lex } = this;
    const lone = new Set<string>();
    const titled = new Set<string>();
    for (let t = 1; t + 1 < doc.value.length; t++) {
      if (doc.pos[t] !== 'PROPN' || isNameToken(doc, t + 1, lex)) continue;
      if (!isNameToken(doc, t - 1, lex) && this.loneSubject(t)) lone.add(doc.lower[t]);
      else if (t >= 2 && honorific(lex, doc.lower[t - 1]) && !isNameToken(doc, t - 2, lex) && this.loneSubject(t, t, true)) titled.add(doc.lower[t]);
    }
    return (this.subjects = { lone, titled });
  }

  /**
   * Every capitalised word the article writes right before the surname `last` (honorifics and titles aside) is the same
   * one: the surname is one person's ("Malcolm Hoenlein"), not a family's ("Donald Trump", "Freddy Trump").
   */
  private oneGivenName(last: string): boolean {
    const { doc, lex } = this;
    let given: string | null = null;
    for (let t = 1; t < doc.value.length; t++) {
      if (doc.lower[t] !== last || !isCap(doc.value[t - 1]) || lex.titles.has(doc.lower[t - 1])) continue;
      if (given !== null && given !== doc.lower[t - 1]) return false;
      given = doc.lower[t - 1];
    }
    return true;
  }

  /** Lowercased words the article capitalises inside a sentence. */
  private readonly capitalisedInside = lazySet(() => {
    const doc = this.doc;
    const set = new Set<string>();
    for (let t = 1; t < doc.value.length; t++) if (doc.pos[t] === 'PROPN' && isCap(doc.value[t]) && doc.sentences[doc.sentenceOf[t]].firstToken !== t) set.add(doc.lower[t]);
    return set;
  });

  /** Lowercased proper nouns the article writes right after a place preposition ("in Ohio"). */
  private readonly places = lazySet(() => {
    const doc = this.doc;
    const set = new Set<string>();
    // The tag first: most tokens are no preposition.
    for (let t = 1; t < doc.value.length; t++) if (doc.pos[t - 1] === 'ADP' && doc.pos[t] === 'PROPN' && this.lex.w.placePrepositions.has(doc.lower[t - 1])) set.add(doc.lower[t]);
    return set;
  });
}

/** A word set of the article built on first use (most articles never ask for some of them). */
function lazySet(build: () => Set<string>): () => Set<string> {
  let set: Set<string> | null = null;
  return () => (set ??= build());
}
