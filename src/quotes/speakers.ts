/**
 * Speakers without a PERSON/ORG model: noun phrases found from POS and capitalisation around a cue, split into a
 * role ("border czar", "Illinois Gov.") and a name ("Tom Homan"), typed (person / organization / outlet / anonymous),
 * and resolved to a canonical name within the article ("Homan" → "Tom Homan"; "he" → the last person named before).
 * This file holds the article's person registry that resolves them (the names it starts from: mentions.ts; who a
 * description such as "the senator" stands for: descriptions.ts); speaker-from-np.ts turns a phrase into a speaker.
 */
import type { NlpDoc } from '../nlp/index.js';
import type { SpeakerType } from '../types.js';
import { countBefore } from '../search.js';
import { tokenAt } from '../nlp/index.js';
import { isCap } from './pieces.js';
import type { Lexicon } from './lexicon.js';
import { definiteDescription, isNameToken, joinsWords, nlSpan, npEndingAt, possessiveMark } from './phrases.js';
import { classify, rolesAround } from './speaker-types.js';
import { findPersonMentions, firstNameGender, pronounGender, type Gender, type PersonMention } from './mentions.js';
import { adjunctOf, dependent, objectOfRelative, openingPossessor, reportingVerb, subjectAt, subjectVerb, subordinateSubject, verbAfter } from './name-roles.js';
import { personWithRole } from './descriptions.js';

/** How many names back a pronoun looks for one shown to be a person's (`PersonRegistry.personLike`). */
const PERSON_LOOKBACK = 6;
/** Sentences a chain of pronouns opening sentences ("He stated …. He said …") is followed back. */
const PRONOUN_CHAIN = 8;

export interface Speaker {
  mention: string;
  start: number;
  end: number;
  canonical: string;
  role: string;
  type: SpeakerType;
}

/** A name as written in the article: a registered mention, or a surname written alone (`mention` -1). */
interface NameRef {
  at: number;
  first: number;
  last: number;
  mention: number;
  /** The full name it stands for (remembered: `refName`). */
  name?: string;
}

/** Registry of the article's person names, for "Homan" → "Tom Homan" and "he" → the person meant. */
export class PersonRegistry {
  readonly mentions: PersonMention[];

  constructor(
    readonly doc: NlpDoc,
    readonly lex: Lexicon,
  ) {
    this.mentions = findPersonMentions(doc, lex);
  }

  /** Offsets of the article's quotations, [start, end) pairs sorted by start (`setQuoted`). */
  private quoted: [number, number][] = [];

  /** The quotations' spans (marks included): a name inside a quotation is never a pronoun's antecedent. */
  setQuoted(spans: [number, number][]): void {
    this.quoted = [...spans].sort((a, b) => a[0] - b[0]);
  }

  /** Offset `at` is inside a quotation. */
  inQuote(at: number): boolean {
    const q = this.quoted;
    const k = countBefore(q.length, (i) => q[i][0] <= at);
    for (let i = k - 1; i >= 0 && k - i <= 3; i--) if (q[i][1] > at) return true;
    return false;
  }

  /** Mention m is all the words of a quotation (marks and punctuation aside): a slogan, nickname or title. */
  private quotedAlone(m: PersonMention): boolean {
    const q = this.quoted;
    const k = countBefore(q.length, (i) => q[i][0] <= m.at);
    if (k === 0 || q[k - 1][1] <= m.at) return false;
    const inner = this.doc.text.slice(q[k - 1][0], q[k - 1][1]).replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
    return inner === this.doc.text.slice(m.at, this.doc.tokEnd[m.lastToken]);
  }

  /** Mentions by last word, in text order (built on first use): lookups stay fast in articles naming many people. */
  private byLast: Map<string, PersonMention[]> | null = null;

  /** Full name for a surname or partial name, using the latest full name with that last word before `at` (else any). */
  resolveName(written: string, at: number, gender: Gender | null = null): string {
    const name = written.replace(/\s+/g, ' '); // "Newt\u00a0Gingrich" is "Newt Gingrich"
    const words = name.split(' ');
    const last = words[words.length - 1].toLowerCase();
    if (!this.byLast) {
      this.byLast = new Map();
      for (const m of this.mentions) {
        if (!this.byLast.has(m.last)) this.byLast.set(m.last, []);
        this.byLast.get(m.last)!.push(m);
      }
    }
    const list = this.byLast.get(last) ?? [];
    if (words.length === 1 && !list.some((m) => m.words >= 2)) {
      let double = this.surnamesOf.get(last);
      if (double === undefined) this.surnamesOf.set(last, (double = this.firstSurnameOf(last)));
      if (double) return double;
    }
    // Mentions up to `at`: the latest with two or more words, else the first; failing that, the first after `at`.
    // Only mentions with at least as many words as `name` can complete it.
    const lo = countBefore(list.length, (i) => list[i].at <= at);
    // "De Blasio" after "Bill de Blasio", "Le Pen" after "Marine Le Pen": a surname with a particle is completed by a
    // longer name ending with it, the latest first. (Not any surname of two words: a longer run ending with "Hillary
    // Clinton" is as often a headline's "Rival Hillary Clinton" as a fuller name.)
    if (words.length >= 2 && this.lex.w.nameParticles.has(words[0].toLowerCase())) {
      const tail = ` ${name.toLowerCase()}`;
      for (let i = lo - 1; i >= 0; i--) if (list[i].words > words.length && list[i].name.toLowerCase().endsWith(tail)) return list[i].name;
    }
    // A name of two or more words is completed only by a name ending with all of them ("Bill Clinton" is never
    // "Hillary Clinton").
    const lower = name.toLowerCase();
    // Not a name quoted alone, a slogan or nickname ("a shirt that read ''Fascist Trump''" does not name "Mr. Trump").
    // Nor a person of the other gender than an honorific shows ("Mrs. Clinton" after "Bill Clinton").
    const fits = (m: PersonMention) => m.words >= words.length && (words.length === 1 || m.name.toLowerCase() === lower || m.name.toLowerCase().endsWith(` ${lower}`)) && !this.quotedAlone(m) && !(gender && m.words >= 2 && this.otherGender(m.name, gender));
    // A name of two or more words is completed by a longer one before it ("Wasserman Schultz" after "Debbie Wasserman
    // Schultz"), else stays as written.
    let best: PersonMention | null = null;
    for (let i = lo - 1; i >= 0; i--) {
      if (!fits(list[i])) continue;
      if (list[i].words >= 2 && list[i].words > words.length) {
        best = list[i];
        break;
      }
      if (list[i].words >= 2) best ??= list[i];
    }
    // A surname alone where several people were named with it before ("Grayson" after "Alan Grayson" and his wife
    // "Lolita Grayson"): the one named most often, the article's subject rather than a relative named in passing; of
    // those named as often, the latest.
    if (best && words.length === 1 && list.some((m, i) => i < lo && m.words >= 2 && m.name !== best!.name)) {
      const named = new Map<string, number>();
      for (let i = 0; i < lo; i++) if (list[i].words >= 2 && fits(list[i])) named.set(list[i].name, (named.get(list[i].name) ?? 0) + 1);
      let most = best.name;
      for (const [n, c] of named) if (c > named.get(most)!) most = n;
      if (most !== best.name) return most;
    }
    if (!best) for (let i = 0; i < lo && !best; i++) if (fits(list[i])) best = list[i];
    let after: PersonMention | null = null;
    for (let i = lo; i < list.length && !after; i++) if (fits(list[i])) after = list[i];
    const found = (best ?? after)?.name ?? name;
    return found.includes(' ') ? found : (this.byFirstName(found, at) ?? found);
  }

  /**
   * A first name written alone ("James has spearheaded …" after "James Murdoch's wife"; "Prince Alwaleed" after
   * "Alwaleed Bin Talal", "Xi" after "Xi Jinping": the caller asks only for a word that ends no full name): the one
   * full name before `at` that opens with it, written alike unless it is a known given name (not "Isis" for a headline's
   * "ISIS Declares Death"); else null (none, or several: "Bill" after Bill Clinton and Bill de Blasio).
   */
  private byFirstName(word: string, at: number): string | null {
    const lower = word.toLowerCase();
    const known = firstNameGender(this.lex, lower) !== null;
    let name: string | null = null;
    for (const m of this.mentions) {
      if (m.at >= at) break;
      const first = m.words < 2 ? '' : m.name.slice(0, m.name.indexOf(' '));
      if (first !== word && !(known && first.toLowerCase() === lower)) continue;
      if (name !== null && name !== m.name) return null;
      name = m.name;
    }
    return name;
  }

  /** Title and role words written with mention `k` ("Florida Sen. Marco Rubio", "Rubio, the Florida senator,"),
   * lowercased, abbreviations spelled out ("sen." → "senator"): what "the Florida senator" can refer back to. */
  rolesOf(k: number): string[] {
    let roles = this.roles.get(k);
    if (!roles) this.roles.set(k, (roles = rolesAround(this.doc, this.mentions[k].first, this.mentions[k].lastToken, this.lex)));
    return roles;
  }

  private readonly roles = new Map<number, string[]>();

  /**
   * The person named last before `at`, full name or surname written alone ("Obama said …" after "Barack Obama"),
   * whatever kind of name it is (`lastPerson` asks for a person's).
   */
  lastNamed(at: number): string | null {
    const refs = this.buildRefs();
    const k = countBefore(refs.length, (i) => refs[i].at < at);
    return k === 0 ? null : this.refName(refs[k - 1]);
  }

  /** lastPerson's answers by mention index: a pronoun asks again for the same mention many times. */
  private readonly resolvedMention = new Map<number, string>();

  /** Names as written: every mention, and each surname standing alone ("Kasich took …"; `mention` -1), in text order,
   * with their first and last tokens. Built on first use. */
  private refs: NameRef[] | null = null;

  /**
   * The person a pronoun before `at` refers to: the latest name, full or a surname alone, that the article shows to be
   * a person's (`personLike`), among the last few; failing that, the last full name of any kind.
   */
  lastPerson(at: number, gender: Gender | null = null): string | null {
    const lo = countBefore(this.mentions.length, (i) => this.mentions[i].at < at);
    if (lo === 0) return null;
    const refs = this.buildRefs();
    const r = countBefore(refs.length, (i) => refs[i].at < at);
    const doc = this.doc;
    const sentence = doc.sentenceOf[Math.min(tokenAt(doc, at), doc.value.length - 1)];
    // The latest person who is a main clause's subject or the possessor opening a sentence ("Schlafly then discussed
    // Trump’s proposed wall. … she wrote"; the reporter instead when that subject's clause is reported: reporterOf), in
    // the sentences back to the latest person named in a main clause ("To professor Brigid Harrison, …") or standing in
    // for one; else that person; else the latest person. Never a name inside a quotation, a person whose gender the
    // pronoun contradicts, or the object of the pronoun's own clause ("Trump, whom he called …").
    let latest: string | null = null;
    let plain: string | null = null;
    let plainSentence = -1;
    // A description of a person opening the pronoun's sentence or the one before ("The former ambassador also discussed
    // … Donald Trump. He stated …") is that sentence's subject, and so is the first subject pronoun of either sentence
    // when it is of the same gender ("He stated …. For his part, he said …"): it comes before the names of its sentence
    // that are no subject and before every name of the sentences before it.
    const before = tokenAt(doc, at);
    const described = this.openingSubject(sentence, before, gender) ?? (sentence > 0 ? this.openingSubject(sentence - 1, before, gender) : null);
    // "“…,” Mr. Gidley said. Mr. Trump, who …, fits that bill for many people, he added": a pronoun reporting the words
    // before it in its sentence, right after a sentence in which a person reports, continues that person's report.
    if (this.reportsSentenceBefore(before)) {
      const reporter = this.reporterBefore(sentence, gender);
      if (reporter) return reporter;
    }
    for (let i = r - 1, seen = 0; i >= 0 && seen < PERSON_LOOKBACK; i--) {
      const ref = refs[i];
      if (this.inQuote(ref.at)) continue;
      const name = this.refName(ref);
      if (!this.personLike(name) || !this.fits(name, gender)) continue;
      seen++;
      const s = doc.sentenceOf[ref.first];
      if (described && s < described.sentence && plainSentence <= described.sentence) return described.name;
      if (s === sentence && objectOfRelative(this.doc, this.lex, ref.last)) continue;
      if (plainSentence >= 0 && s !== plainSentence) break;
      const subordinate = subordinateSubject(this.doc, this.lex, ref.first, ref.last);
      if ((subjectAt(this.doc, this.lex, ref.first, ref.last) && !subordinate) || openingPossessor(this.doc, this.lex, ref.first, ref.last)) {
        // A subject the article gives no gender, in the sentence the pronoun chain opens with a pronoun of the gender
        // ("…, she issued a detailed plan: President Obama later adopted it. She has called for …"): the chain's person.
        if (described?.opens && s === described.sentence && this.genderOf(name) === null && name !== described.name) return described.name;
        return (s !== sentence ? this.askedOf(i, gender) : null) ?? this.reporterOf(i, s, gender) ?? name;
      }
      latest ??= name;
      // A subordinate clause's subject stands in for a main clause without a person ("there is also the possibility
      // that Mrs. Clinton … might nominate …"; not "He said that Obama …"), if the article shows its gender (not
      // "As China builds …"), and unless its clause is the pronoun's own opening adjunct ("If Trump loses, he said
      // he would …": the pronoun is someone else).
      const standsIn = () => gender !== null && this.genderOf(name) === gender && this.aloneBefore(i, ref.first) && !(s === sentence && adjunctOf(this.doc, this.lex, ref.last, at));
      if (!plain && (subordinate ? standsIn() : !dependent(this.doc, this.lex, ref.first, ref.last))) {
        plain = name;
        plainSentence = s;
      }
    }
    if (described && plainSentence <= described.sentence) return described.name;
    if (plain) return plain;
    if (latest) return latest;
    // The last full name of any kind, on the same conditions.
    for (let k = lo - 1; k >= 0 && lo - k <= PERSON_LOOKBACK; k--) {
      const m = this.mentions[k];
      if (this.inQuote(m.at) || (doc.sentenceOf[m.first] === sentence && objectOfRelative(this.doc, this.lex, m.lastToken))) continue;
      const name = this.resolvedName(k);
      if (this.fits(name, gender)) return name;
    }
    return null;
  }

  /**
   * The pronoun at token t, "he" or "she" (not the relative "who", which stands for the words right before it),
   * reports the words before it in its sentence: a comma before it and a cue verb of the lexicon after it ("…, he
   * added", "…, she also said").
   */
  private reportsSentenceBefore(t: number): boolean {
    const doc = this.doc;
    return doc.value[t - 1] === ',' && pronounGender(this.lex, doc.lower[t]) !== null && reportingVerb(doc, this.lex, verbAfter(doc, t));
  }

  /**
   * The person who reports in the sentence before sentence s, past sentences wholly inside a quotation ("“…,” Mr.
   * Gidley said. “I don't need …”"): the last person named there outside quotations as the subject of a cue verb of
   * the lexicon ("Mr. Gidley said", "said Audrey Scagnelli", "David Fenton, a strategist, said"), not of a
   * subordinate clause, if the pronoun's gender fits; else null.
   */
  reporterBefore(s: number, gender: Gender | null): string | null {
    const doc = this.doc;
    let p = s - 1;
    while (p >= 0 && this.quotedSentence(p)) p--;
    if (p < 0) return null;
    const refs = this.buildRefs();
    const firstTok = doc.sentences[p].firstToken;
    const lastTok = doc.sentences[p].lastToken;
    for (let i = countBefore(refs.length, (k) => refs[k].first <= lastTok) - 1; i >= 0 && refs[i].first >= firstTok; i--) {
      const ref = refs[i];
      if (this.inQuote(ref.at) || subordinateSubject(doc, this.lex, ref.first, ref.last)) continue;
      if (!reportingVerb(doc, this.lex, subjectVerb(doc, this.lex, ref.first, ref.last))) continue;
      const name = this.refName(ref);
      if (this.personLike(name) && this.fits(name, gender)) return name;
    }
    return null;
  }

  /** Every word of sentence s is inside a quotation. */
  private quotedSentence(s: number): boolean {
    const doc = this.doc;
    const { firstToken, lastToken } = doc.sentences[s];
    for (let t = firstToken; t <= lastToken; t++) if (doc.pos[t] !== 'PUNCT' && doc.pos[t] !== 'SPACE' && !this.inQuote(doc.tokStart[t])) return false;
    return true;
  }

  /** openingPronoun's answers by token, and how deep its chain of lastPerson calls now is. */
  private readonly pronounPerson = new Map<number, string | null>();
  private chain = 0;

  /** The person the description opening sentence s, or its first subject pronoun, stands for (openingDescription, openingPronoun). */
  private openingSubject(s: number, before: number, gender: Gender | null): { sentence: number; name: string; opens?: boolean } | null {
    return this.openingDescription(s, before, gender) ?? this.openingPronoun(s, before, gender);
  }

  /**
   * The person the first subject pronoun of sentence s stands for, when it is of `gender`, has its verb and is before
   * token `before` ("He stated …", "For his part, he said …", "… — during which she gave …"); null for no gender
   * ("they", "who"). `opens`: the pronoun opens the sentence or follows a comma (the sentence's subject).
   */
  private openingPronoun(s: number, before: number, gender: Gender | null): { sentence: number; name: string; opens: boolean } | null {
    if (!gender) return null;
    const doc = this.doc;
    const w = this.lex.w;
    const first = doc.sentences[s].firstToken;
    for (let t = first; t < before && t <= doc.sentences[s].lastToken; t++) {
      if (doc.pos[t] !== 'PRON' || !w.pronounSubjects.has(doc.lower[t])) continue;
      if (pronounGender(this.lex, doc.lower[t]) !== gender || !/^(VERB|AUX)$/.test(doc.pos[t + 1] ?? '') || this.inQuote(doc.tokStart[t])) return null;
      // Each pronoun's person once; a chain of pronouns followed PRONOUN_CHAIN sentences back at most.
      let name = this.pronounPerson.get(t);
      if (name === undefined) {
        if (this.chain >= PRONOUN_CHAIN) return null;
        this.chain++;
        try {
          name = this.lastPerson(doc.tokStart[t], gender);
        } finally {
          this.chain--;
        }
        this.pronounPerson.set(t, name);
      }
      return name ? { sentence: s, name, opens: t === first || doc.value[t - 1] === ',' } : null;
    }
    return null;
  }

  /**
   * The person a definite description opening sentence s stands for, when the description is the sentence's subject
   * (a verb after it, adverbs between), ends before token `before` and may be referred to by a pronoun of `gender`
   * ("The former ambassador also discussed …"); else null.
   */
  private openingDescription(s: number, before: number, gender: Gender | null): { sentence: number; name: string } | null {
    const doc = this.doc;
    const first = doc.sentences[s].firstToken;
    if (doc.lower[first] !== 'the') return null;
    let k = first + 1;
    while (k < before && k - first <= 8 && (!/^(VERB|AUX|ADV|PUNCT)$/.test(doc.pos[k]) || joinsWords(doc, k))) k++;
    let v = k;
    while (v < before && doc.pos[v] === 'ADV') v++;
    if (v >= before || k === first + 1 || !/^(VERB|AUX)$/.test(doc.pos[v])) return null;
    const description = definiteDescription(doc, this.lex, first, k - 1);
    if (!description) return null;
    const name = personWithRole(this, description.role, description.modifiers, doc.tokStart[first]);
    return name && this.personLike(name) && this.fits(name, gender) ? { sentence: s, name } : null;
  }

  /**
   * The person who reports, in sentence s, the clause whose subject is refs[k] ("Rep. Hank Johnson said in ‘08 that
   * the early willingness of white voters to back Obama threw …"): the subject of a reporting verb before refs[k], when
   * refs[k]'s own verb is not one ("Cruz is right, Viguerie argues" keeps Viguerie); null when there is none or the
   * pronoun cannot be them.
   */
  private reporterOf(k: number, s: number, gender: Gender | null): string | null {
    const doc = this.doc;
    const refs = this.buildRefs();
    if (reportingVerb(doc, this.lex, subjectVerb(this.doc, this.lex, refs[k].first, refs[k].last))) return null;
    for (let i = k - 1; i >= 0 && doc.sentenceOf[refs[i].first] === s; i--) {
      const ref = refs[i];
      const v = subjectVerb(this.doc, this.lex, ref.first, ref.last);
      if (!reportingVerb(doc, this.lex, v) || v > refs[k].first || this.inQuote(ref.at) || subordinateSubject(this.doc, this.lex, ref.first, ref.last)) continue;
      const name = this.refName(ref);
      if (this.personLike(name) && this.fits(name, gender)) return name;
    }
    return null;
  }

  /**
   * "Earhardt then asked Rubio which states he could win. “Well, …,” he said": after a question the person asked
   * answers. The person named right after "asked" when refs[k] is the subject of that "asked" (adverbs may stand
   * between them: "then"), in an earlier sentence than the pronoun, if the pronoun's gender fits; else null.
   */
  private askedOf(k: number, gender: Gender | null): string | null {
    const doc = this.doc;
    const refs = this.buildRefs();
    const v = subjectVerb(doc, this.lex, refs[k].first, refs[k].last);
    if (v < 0 || doc.lemma[v] !== 'ask' || v < refs[k].last) return null;
    const object = refs[k + 1];
    if (!object || object.first !== v + 1 || this.inQuote(object.at)) return null;
    const name = this.refName(object);
    return this.personLike(name) && this.fits(name, gender) ? name : null;
  }

  /** No person is named, and no he/she written, in the sentence of token `t` before it (refs[k] is the reference at t). */
  private aloneBefore(k: number, t: number): boolean {
    const doc = this.doc;
    const first = doc.sentences[doc.sentenceOf[t]].firstToken;
    const refs = this.buildRefs();
    if (k > 0 && refs[k - 1].first >= first) return false;
    for (let u = first; u < t; u++) if (this.lex.w.personPronouns.has(doc.lower[u]) && doc.lower[u] !== 'who') return false;
    return true;
  }

  /** A person of `name` may be referred to by a pronoun of `gender` (no gender, or the article shows no other). */
  fits(name: string, gender: Gender | null): boolean {
    if (!gender) return true;
    const g = this.genderOf(name);
    return g === null || g === gender;
  }

  /** genderOf's answers by full name. */
  private readonly genders = new Map<string, Gender | null>();

  /**
   * The gender the article shows for a person, or null: an honorific before a mention ("Mr. Cruz", "Ms. White"), a
   * gendered role noun written with a mention ("the congresswoman"), the first name, else the pronouns that refer to
   * the person in the sentences where the name is a subject ("Davis made it clear that she …").
   */
  genderOf(name: string): Gender | null {
    let g = this.genders.get(name);
    if (g === undefined) this.genders.set(name, (g = this.findGender(name)));
    return g;
  }

  /** Name references by their last word, lowercased (built on first use): genderOf reads only a name's own. */
  private refsByLast: Map<string, NameRef[]> | null = null;

  private findGender(name: string): Gender | null {
    const { doc, lex } = this;
    const w = lex.w;
    if (!this.refsByLast) {
      this.refsByLast = new Map();
      for (const ref of this.buildRefs()) {
        const key = doc.lower[ref.last];
        if (!this.refsByLast.has(key)) this.refsByLast.set(key, []);
        this.refsByLast.get(key)!.push(ref);
      }
    }
    const words = name.split(' ');
    const named = words.length >= 2 ? firstNameGender(this.lex, words[0].toLowerCase()) : null;
    let noun: Gender | null = null;
    // The noun's evidence is a word of generic_male_nouns alone ("Trump spokesman Hope Hicks"): a known first name
    // of the other gender outweighs it.
    let generic = false;
    let votes = 0;
    for (const ref of this.refsByLast.get(words[words.length - 1].toLowerCase()) ?? []) {
      if (this.inQuote(ref.at) || this.refName(ref) !== name) continue;
      const before = doc.lower[ref.first - 1] ?? '';
      if (w.maleTitles.has(before)) return 'm';
      if (w.femaleTitles.has(before)) return 'f';
      if (ref.mention >= 0 && !noun) {
        // The role words as written ("Rep." stands for a congressman or a congresswoman: no evidence); both genders
        // among them show neither.
        const m = this.mentions[ref.mention];
        const roles = rolesAround(doc, m.first, m.lastToken, lex, false);
        // "his wife, Gabriela Lazar,": a gendered noun set before the name by a comma too; "Pat Hale, her husband,":
        // after it, with a determiner or possessive (`description_determiners`).
        if (doc.value[m.first - 1] === ',' && m.first >= 2) roles.push(doc.lower[m.first - 2]);
        if (doc.value[m.lastToken + 1] === ',' && w.descriptionDeterminers.has(doc.lower[m.lastToken + 2] ?? '')) roles.push(doc.lower[m.lastToken + 3] ?? '');
        const male = roles.some((x) => w.maleNouns.has(x));
        const female = roles.some((x) => w.femaleNouns.has(x));
        if (male !== female) noun = male ? 'm' : 'f';
        generic = male && !female && roles.every((x) => !w.maleNouns.has(x) || w.genericMaleNouns.has(x));
      }
      if (noun || named || !subjectAt(this.doc, this.lex, ref.first, ref.last)) continue;
      // The first gendered pronoun after the subject in its sentence, before any other name.
      const end = doc.sentences[doc.sentenceOf[ref.first]].lastToken;
      for (let t = ref.last + 1; t <= end && t - ref.last < 40; t++) {
        if (isNameToken(doc, t, lex)) break;
        const l = doc.lower[t];
        if (!w.malePronouns.has(l) && !w.femalePronouns.has(l)) continue;
        if (!this.inQuote(doc.tokStart[t])) votes += w.malePronouns.has(l) ? 1 : -1;
        break;
      }
    }
    if (generic && named === 'f') return named;
    return noun ?? named ?? (votes > 0 ? 'm' : votes < 0 ? 'f' : null);
  }

  /**
   * The first name of this full name is one of the other gender than g. (The first name only: genderOf reads the
   * honorifics of resolved names, and resolving is what asks.)
   */
  private otherGender(name: string, g: Gender): boolean {
    const h = firstNameGender(this.lex, name.slice(0, name.indexOf(' ')).toLowerCase());
    return h !== null && h !== g;
  }

  /** Whether the article names a person whose name ends with this word (lowercased): "Guardian" after "Don Guardian". */
  namesPersonEndingWith(word: string): boolean {
    return this.mentions.some((m) => m.words >= 2 && m.last === word);
  }

  /** The person a name ending at token t stands for ("Mike Lee, who declared …"), or null when no name ends there. */
  nameEndingAt(t: number): string | null {
    const refs = this.buildRefs();
    const k = countBefore(refs.length, (i) => refs[i].first <= t);
    const ref = refs[k - 1];
    if (!ref || ref.last !== t) return null;
    const name = this.refName(ref);
    return this.personLike(name) ? name : null;
  }

  /** Mention k's full name (remembered: a pronoun asks again for the same mention many times). */
  resolvedName(k: number): string {
    let name = this.resolvedMention.get(k);
    const m = this.mentions[k];
    if (name === undefined) this.resolvedMention.set(k, (name = this.resolveName(m.name, m.at, this.titleGender(m.first))));
    return name;
  }

  /** The gender an honorific right before token t shows ("Mrs." → f), or null. */
  titleGender(t: number): Gender | null {
    const title = this.doc.lower[t - 1] ?? '';
    return this.lex.w.maleTitles.has(title) ? 'm' : this.lex.w.femaleTitles.has(title) ? 'f' : null;
  }

  /** A name reference's full name: a mention's resolved name, or the full name a surname written alone stands for. */
  refName(ref: NameRef): string {
    return (ref.name ??= ref.mention >= 0 ? this.resolvedName(ref.mention) : this.resolveName(this.doc.text.slice(ref.at, this.doc.tokEnd[ref.last]), ref.at, this.titleGender(ref.first)));
  }

  buildRefs(): NameRef[] {
    if (this.refs) return this.refs;
    const doc = this.doc;
    const n = doc.value.length;
    const lasts = new Set<string>();
    for (const m of this.mentions) lasts.add(m.last);
    // A surname stands alone when it is capitalised and no name word is beside it.
    const nameBeside = (a: number, b: number) => isNameToken(doc, a, this.lex) && !nlSpan(doc, Math.min(a, b), Math.max(a, b));
    const refs: NameRef[] = [];
    let k = 0;
    for (let t = 0; t < n; t++) {
      const m = this.mentions[k];
      if (m && m.first === t) {
        refs.push({ at: m.at, first: t, last: m.lastToken, mention: k++ });
        t = m.lastToken;
      } else if (isCap(doc.value[t])) {
        // "Lopez-Cantera" after "Carlos Lopez-Cantera": a hyphenated surname is three tokens written without spaces.
        const e = doc.value[t + 1] === '-' && joinsWords(doc, t + 1) && lasts.has(`${doc.lower[t]}-${doc.lower[t + 2]}`) ? t + 2 : t;
        if ((e > t || lasts.has(doc.lower[t])) && !(t > 0 && nameBeside(t - 1, t)) && !(e + 1 < n && nameBeside(e + 1, e))) {
          refs.push({ at: doc.tokStart[t], first: t, last: e, mention: -1 });
          t = e;
        }
      }
    }
    return (this.refs = refs);
  }

  /**
   * The one-word name is a plural whose singular the article writes as a word of its own ("Russians" beside "a
   * Russian", "Companies" beside "company"), or which it writes in lowercase too ("Prosecutors said" beside "the
   * prosecutors"), and no longer name ends with it.
   */
  groupPlural(name: string): boolean {
    if (!/^\p{Lu}\p{Ll}+s$/u.test(name)) return false;
    let plural = this.plurals.get(name);
    if (plural === undefined) {
      const lower = name.toLowerCase();
      plural = !this.mentions.some((m) => m.words >= 2 && m.last === lower) && (this.writesSingular(lower) || this.doc.value.includes(lower));
      this.plurals.set(name, plural);
    }
    return plural;
  }

  /**
   * "Sikh Americans": a name of several words whose first is no known given name and whose last is a capitalised
   * plural the article also writes without its "s" (or its -ies as -y) outside this name.
   */
  private groupName(name: string): boolean {
    const words = name.split(' ');
    const last = words[words.length - 1];
    return /^\p{Lu}\p{Ll}+s$/u.test(last) && firstNameGender(this.lex, words[0].toLowerCase()) === null && this.writesSingular(last.toLowerCase());
  }

  /** The article writes the singular of the lowercased plural `lower` as a word: without its "s", or its -ies as -y. */
  private writesSingular(lower: string): boolean {
    return this.doc.lower.some((w) => w === lower.slice(0, -1) || (lower.endsWith('ies') && w === `${lower.slice(0, -3)}y`));
  }

  /**
   * "Acosta" after "Melba Acosta Febo": the one full name of three words or more whose next-to-last word is `word`, when
   * the article never writes its last word outside a full name (a double surname, written by its first part alone;
   * not a middle name: "Hillary Rodham Clinton", "Clinton said") and `word` is no given name ("John Paul Jones"); or
   * the person a work is named after ("Maddow" after "The Rachel Maddow Show").
   */
  private firstSurnameOf(word: string): string | null {
    if (firstNameGender(this.lex, word) !== null) return null;
    let found: PersonMention | null = null;
    for (const m of this.mentions) {
      if (m.words < 3 || this.doc.lower[m.lastToken - 1] !== word) continue;
      // "The Rachel Maddow Show": a work named after a person names that person, by a known first name.
      if (this.lex.w.workNouns.has(m.last)) {
        const person = m.name.split(' ').slice(0, -1);
        return person.length >= 2 && firstNameGender(this.lex, person[0].toLowerCase()) !== null ? person.join(' ') : null;
      }
      if (found && found.name !== m.name) return null;
      found = m;
    }
    if (!found) return null;
    const inName = (t: number) => this.mentions.some((m) => m.words >= 2 && m.first <= t && t <= m.lastToken);
    for (let t = 0; t < this.doc.lower.length; t++) if (this.doc.lower[t] === found.last && !inName(t)) return null;
    return found.name;
  }

  /** firstSurnameOf's answers by word. */
  private readonly surnamesOf = new Map<string, string | null>();

  /** groupPlural's answers by name (a speaker's name is asked again for each of its quotations). */
  private readonly plurals = new Map<string, boolean>();

  /** personLike's answers by full name. */
  private readonly personNames = new Map<string, boolean>();

  /**
   * Whether the article shows a full name to be a person's rather than a place's, a show's or an event's ("New
   * Hampshire", "Good Morning America", "Election Day", which "he said" must not be): a mention of it, or its last
   * word standing alone, has a title or role noun before it ("Sen. Ted Cruz", "professor Brigid Harrison", "Mr.
   * Cruz"), is the subject or object of a reporting verb ("Ted Cruz said", "said Cruz", "Ina Kirsch, told the AP",
   * "Michael Briggs, Sanders's spokesman, suggested"), or is described (", who", ", 67,"); or the last word alone is
   * the subject of a verb ("Kasich took a different tack").
   */
  personLike(name: string): boolean {
    let known = this.personNames.get(name);
    if (known !== undefined) return known;
    const doc = this.doc;
    const n = doc.value.length;
    const cue = (t: number) => reportingVerb(doc, this.lex, t);
    const role = (t: number) => t >= 0 && (this.lex.titles.has(doc.lower[t]) || this.lex.roleNouns.has(doc.lower[t]));
    const shown = (i: number, j: number) => {
      // "Sen. Ted Cruz", "professor Brigid Harrison", "Kazakhstan's foreign minister, Erlan Idrissov,".
      if (role(i - 1) || (doc.value[i - 1] === ',' && role(i - 2))) return true;
      // "Fox News’ Bret Baier", "CNN's Jake Tapper": a name after the possessive of an outlet or organisation.
      if (i >= 2 && possessiveMark(doc, i - 1)) {
        const owner = npEndingAt(doc, i - 2, this.lex, Math.max(0, i - 6));
        const kind = owner ? classify(doc, owner, this.lex) : null;
        if (kind === 'outlet' || kind === 'organization') return true;
      }
      if (cue(j + 1) || cue(i - 1) || (doc.value[j + 1] === ',' && cue(j + 2))) return true;
      // The subject of a reporting verb past an employer or apposition ("Darran Whiting of Liberty Baptist Church in
      // Marion, said").
      if (cue(subjectVerb(this.doc, this.lex, i, j))) return true;
      if (doc.value[j + 1] !== ',') return false;
      if (doc.lower[j + 2] === 'who' || doc.pos[j + 2] === 'NUM') return true;
      // An apposition: "Reince Priebus, the GOP chairman,", "Michael Briggs, Sanders's spokesman, suggested".
      let k = j + 2;
      let roleIn = false;
      while (k < n && k - j < 20 && doc.value[k] !== ',' && !(doc.pos[k] === 'PUNCT' && /^[.;:!?]$/.test(doc.value[k]))) {
        if (role(k)) roleIn = true;
        k++;
      }
      return doc.value[k] === ',' && (cue(k + 1) || (roleIn && /^(the|a|an)$/.test(doc.lower[j + 2])));
    };
    // A plural of a word the article also writes without its "s" ("Russians" beside "Russian", "Americans"): a
    // group, unless the article names someone with it as a surname ("Steve Evans"); so is a name ending with such a
    // plural after a word that is no given name ("Sikh Americans" beside "American").
    if (!name.includes(' ') ? this.groupPlural(name) : this.groupName(name)) {
      this.personNames.set(name, false);
      return false;
    }
    // A full name whose first name is a known given name ("Amanda Carpenter").
    known = name.includes(' ') && firstNameGender(this.lex, name.split(' ')[0].toLowerCase()) !== null;
    let last = '';
    for (let i = 0; i < this.mentions.length && !known; i++) {
      const m = this.mentions[i];
      if (m.name !== name && this.resolvedName(i) !== name) continue;
      last = m.last;
      if (m.words === 1 || shown(m.first, m.lastToken)) {
        known = true;
        break;
      }
    }
    if (!known && last) {
      // The surname written alone (found once, with the other name references).
      for (const ref of this.buildRefs()) {
        const t = ref.first;
        if (ref.mention >= 0 || doc.lower[t] !== last) continue;
        let v = t + 1;
        while (v < n && v - t < 4 && doc.pos[v] === 'ADV') v++;
        known = shown(t, t) || (doc.pos[v] === 'VERB' && !/^(ADP|DET)$/.test(doc.pos[t - 1] ?? ''));
        if (known) break;
      }
    }
    this.personNames.set(name, known);
    return known;
  }
}
