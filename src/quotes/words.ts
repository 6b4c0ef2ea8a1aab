/**
 * The quote finder's word lists (pipeline/quote-words.yml), compiled for the passes: a set per list (entries
 * lowercased, except lists matched as written), patterns where a list is matched inside a longer text, and a map for
 * the spelled-out titles. Which list a rule uses is named at the rule; what each list is for is said in the file.
 */

/** How a list is matched: one lowercased word (`lower`), one word as written (`cased`), or a mapping of lists. */
type ListKind = 'lower' | 'cased' | 'map';

/** Every list the file must have, and how it is matched. */
export const WORD_LISTS: Record<string, ListKind> = {
  between_subject_and_cue: 'lower', after_subject: 'lower', subject_participles: 'lower', quantifier_subjects: 'lower',
  quantity_adverbs: 'lower', subject_modifier_pronouns: 'lower', description_determiners: 'lower', pronoun_subjects: 'lower',
  clause_subject_pronouns: 'lower', pronouns: 'lower', person_pronouns: 'lower', determiners: 'lower', of_quantifiers: 'lower',
  closeness_adjectives: 'lower', share_nouns: 'lower', share_approximators: 'lower', name_joiners: 'lower', person_titles: 'lower',
  sentence_openers: 'lower', name_particles: 'cased', name_articles: 'lower', weekdays: 'lower', title_spellings: 'map', state_names: 'map',
  referring_roles: 'lower', required_modifiers: 'lower', office_modifiers: 'lower', role_modifiers: 'lower', staff_roles: 'lower', say_forms: 'lower', passive_auxiliaries: 'lower',
  passive_participle_endings: 'lower', call_prepositions: 'lower', needs_clause_verbs: 'lower', naming_verbs: 'lower',
  irregular_past: 'lower', verb_particles: 'lower', copulas: 'lower', subordinators: 'lower', and_but: 'lower',
  gerund_openers: 'lower', before_after_while: 'lower', relative_pronouns: 'lower', concessives: 'lower',
  contrast_openers: 'lower', asked_openers: 'lower', clause_conjunctions: 'lower', question_openers: 'lower',
  writer_tail_openers: 'lower', scene_clause_openers: 'lower', clause_adverbs: 'lower', clause_subordinators: 'lower',
  approximators: 'lower', wh_words: 'lower', description_openers: 'lower', time_nouns: 'lower', time_words: 'cased',
  times_of_day: 'lower', work_nouns: 'lower', headline_labels: 'lower',
  male_pronouns: 'lower', female_pronouns: 'lower', male_titles: 'lower', female_titles: 'lower', male_nouns: 'lower',
  female_nouns: 'lower', male_first_names: 'lower', female_first_names: 'lower', object_relatives: 'lower', comparison_prepositions: 'lower', person_relatives: 'lower',
  notice_labels: 'lower', report_negations: 'lower', place_prepositions: 'lower', located_prepositions: 'lower', authored_documents: 'lower', author_prepositions: 'lower',
  document_participles: 'lower', published_pieces: 'lower', months: 'lower', author_named_documents: 'lower', possessed_documents: 'lower',
  poll_words: 'lower', person_bodies: 'cased', referring_bodies: 'lower', generic_bodies: 'lower', plural_bodies: 'lower',
  source_introducers: 'lower', surname_titles: 'lower', party_words: 'lower', campaign_roles: 'lower',
  topic_roles: 'lower',
  generational_suffixes: 'lower', speaking_documents: 'lower', document_kinds: 'lower', author_verbs: 'lower',
  messages: 'lower', surname_prefixes: 'lower', generic_male_nouns: 'lower',
};

/** The lists as read from the file: a list of words, or (title_spellings) words by title. */
export type WordLists = Record<string, string[] | Record<string, string[]>>;

export interface Words {
  betweenSubjectAndCue: Set<string>;
  afterSubject: Set<string>;
  subjectParticiples: Set<string>;
  quantifierSubjects: Set<string>;
  quantityAdverbs: Set<string>;
  subjectModifierPronouns: Set<string>;
  descriptionDeterminers: Set<string>;
  pronounSubjects: Set<string>;
  clauseSubjectPronouns: Set<string>;
  pronouns: Set<string>;
  personPronouns: Set<string>;
  malePronouns: Set<string>;
  femalePronouns: Set<string>;
  maleTitles: Set<string>;
  femaleTitles: Set<string>;
  maleNouns: Set<string>;
  femaleNouns: Set<string>;
  maleFirstNames: Set<string>;
  femaleFirstNames: Set<string>;
  objectRelatives: Set<string>;
  comparisonPrepositions: Set<string>;
  personRelatives: Set<string>;
  noticeLabels: Set<string>;
  reportNegations: Set<string>;
  placePrepositions: Set<string>;
  locatedPrepositions: Set<string>;
  surnamePrefixes: Set<string>;
  genericMaleNouns: Set<string>;
  determiners: Set<string>;
  ofQuantifiers: Set<string>;
  closenessAdjectives: Set<string>;
  /** "people close to Clinton": a closeness adjective and "to"/"with" anywhere in a phrase. */
  closenessPhrase: RegExp;
  /** "52 percent of", "more than a third of": a share (optionally approximated) at the start of a phrase. */
  shareOf: RegExp;
  nameJoiners: Set<string>;
  personTitles: Set<string>;
  sentenceOpeners: Set<string>;
  nameParticles: Set<string>;
  nameArticles: Set<string>;
  weekdays: Set<string>;
  titleSpellings: Map<string, string[]>;
  /** A party-state tag's state ("vt.", "tx", "texas") → the words of its name. */
  stateNames: Map<string, string[]>;
  referringRoles: Set<string>;
  requiredModifiers: Set<string>;
  officeModifiers: Set<string>;
  roleModifiers: Set<string>;
  staffRoles: Set<string>;
  sayForms: Set<string>;
  passiveAuxiliaries: Set<string>;
  /** A word ending in one of passive_participle_endings. */
  passiveParticiple: RegExp;
  callPrepositions: Set<string>;
  needsClauseVerbs: Set<string>;
  namingVerbs: Set<string>;
  irregularPast: Set<string>;
  verbParticles: Set<string>;
  copulas: Set<string>;
  subordinators: Set<string>;
  andBut: Set<string>;
  gerundOpeners: Set<string>;
  beforeAfterWhile: Set<string>;
  relativePronouns: Set<string>;
  concessives: Set<string>;
  contrastOpeners: Set<string>;
  askedOpeners: Set<string>;
  clauseConjunctions: Set<string>;
  questionOpeners: Set<string>;
  writerTailOpeners: Set<string>;
  sceneClauseOpeners: Set<string>;
  clauseAdverbs: Set<string>;
  clauseSubordinators: Set<string>;
  approximators: Set<string>;
  whWords: Set<string>;
  descriptionOpeners: Set<string>;
  timeNouns: Set<string>;
  timeWords: Set<string>;
  timesOfDay: Set<string>;
  /** work_nouns as words ("The Rachel Maddow Show"). */
  workNouns: Set<string>;
  /** Text ending in a word of work_nouns and then spaces, commas or colons ("his 2012 book, "). */
  afterWorkNoun: RegExp;
  headlineLabels: Set<string>;
  authoredDocuments: Set<string>;
  authorPrepositions: Set<string>;
  documentParticiples: Set<string>;
  months: Set<string>;
  authorNamedDocuments: Set<string>;
  possessedDocuments: Set<string>;
  publishedPieces: Set<string>;
  pollWords: Set<string>;
  messages: Set<string>;
  topicRoles: Set<string>;
  personBodies: Set<string>;
  referringBodies: Set<string>;
  genericBodies: Set<string>;
  pluralBodies: Set<string>;
  sourceIntroducers: Set<string>;
  surnameTitles: Set<string>;
  partyWords: Set<string>;
  campaignRoles: Set<string>;
  generationalSuffixes: Set<string>;
  speakingDocuments: Set<string>;
  /** Each word of a document_kinds group → the group's first word ("lawsuit" → "suit"). */
  documentKinds: Map<string, string>;
  authorVerbs: Set<string>;
}

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => words.map(escape).join('|');

/** The lists compiled; `lists` has every list of WORD_LISTS (the loader checks that). */
export function compileWords(lists: WordLists): Words {
  const list = (key: string): string[] => {
    const v = lists[key];
    if (!Array.isArray(v)) throw new Error(`quote word list ${key} is missing or not a list`);
    return WORD_LISTS[key] === 'cased' ? v : v.map((w) => w.toLowerCase());
  };
  const set = (key: string) => new Set(list(key));
  const spellings = lists.title_spellings;
  if (!spellings || Array.isArray(spellings)) throw new Error('quote word list title_spellings is missing or not a mapping');
  return {
    betweenSubjectAndCue: set('between_subject_and_cue'),
    afterSubject: set('after_subject'),
    subjectParticiples: set('subject_participles'),
    quantifierSubjects: set('quantifier_subjects'),
    quantityAdverbs: set('quantity_adverbs'),
    subjectModifierPronouns: set('subject_modifier_pronouns'),
    descriptionDeterminers: set('description_determiners'),
    pronounSubjects: set('pronoun_subjects'),
    clauseSubjectPronouns: set('clause_subject_pronouns'),
    pronouns: set('pronouns'),
    personPronouns: set('person_pronouns'),
    malePronouns: set('male_pronouns'),
    femalePronouns: set('female_pronouns'),
    maleTitles: set('male_titles'),
    femaleTitles: set('female_titles'),
    maleNouns: set('male_nouns'),
    femaleNouns: set('female_nouns'),
    maleFirstNames: set('male_first_names'),
    femaleFirstNames: set('female_first_names'),
    objectRelatives: set('object_relatives'),
    comparisonPrepositions: set('comparison_prepositions'),
    personRelatives: set('person_relatives'),
    noticeLabels: set('notice_labels'),
    reportNegations: set('report_negations'),
    placePrepositions: set('place_prepositions'),
    locatedPrepositions: set('located_prepositions'),
    surnamePrefixes: set('surname_prefixes'),
    genericMaleNouns: set('generic_male_nouns'),
    determiners: set('determiners'),
    ofQuantifiers: set('of_quantifiers'),
    closenessAdjectives: set('closeness_adjectives'),
    closenessPhrase: new RegExp(`\\b(${alternation(list('closeness_adjectives'))}) (to|with)\\b`),
    shareOf: new RegExp(`^(${list('share_approximators').map((w) => escape(w) + ' ').join('|')})?(\\S+ )?(${alternation(list('share_nouns'))}) of\\b`),
    nameJoiners: set('name_joiners'),
    personTitles: set('person_titles'),
    sentenceOpeners: set('sentence_openers'),
    nameParticles: set('name_particles'),
    nameArticles: set('name_articles'),
    weekdays: set('weekdays'),
    titleSpellings: new Map(Object.entries(spellings).map(([title, roles]) => [title.toLowerCase(), roles.map((r) => r.toLowerCase())])),
    stateNames: new Map(Object.entries(lists.state_names as Record<string, string[]>).map(([tag, words]) => [tag.toLowerCase(), words.map((w) => w.toLowerCase())])),
    referringRoles: set('referring_roles'),
    requiredModifiers: set('required_modifiers'),
    officeModifiers: set('office_modifiers'),
    roleModifiers: set('role_modifiers'),
    staffRoles: set('staff_roles'),
    sayForms: set('say_forms'),
    passiveAuxiliaries: set('passive_auxiliaries'),
    passiveParticiple: new RegExp(`(${alternation(list('passive_participle_endings'))})$`),
    callPrepositions: set('call_prepositions'),
    needsClauseVerbs: set('needs_clause_verbs'),
    namingVerbs: set('naming_verbs'),
    irregularPast: set('irregular_past'),
    verbParticles: set('verb_particles'),
    copulas: set('copulas'),
    subordinators: set('subordinators'),
    andBut: set('and_but'),
    gerundOpeners: set('gerund_openers'),
    beforeAfterWhile: set('before_after_while'),
    relativePronouns: set('relative_pronouns'),
    concessives: set('concessives'),
    contrastOpeners: set('contrast_openers'),
    askedOpeners: set('asked_openers'),
    clauseConjunctions: set('clause_conjunctions'),
    questionOpeners: set('question_openers'),
    writerTailOpeners: set('writer_tail_openers'),
    sceneClauseOpeners: set('scene_clause_openers'),
    clauseAdverbs: set('clause_adverbs'),
    clauseSubordinators: set('clause_subordinators'),
    approximators: set('approximators'),
    whWords: set('wh_words'),
    descriptionOpeners: set('description_openers'),
    timeNouns: set('time_nouns'),
    timeWords: set('time_words'),
    timesOfDay: set('times_of_day'),
    workNouns: set('work_nouns'),
    afterWorkNoun: new RegExp(`\\b(${alternation(list('work_nouns'))})\\b[\\s,:]*$`, 'i'),
    headlineLabels: set('headline_labels'),
    authoredDocuments: set('authored_documents'),
    authorPrepositions: set('author_prepositions'),
    documentParticiples: set('document_participles'),
    months: set('months'),
    authorNamedDocuments: set('author_named_documents'),
    possessedDocuments: set('possessed_documents'),
    publishedPieces: set('published_pieces'),
    pollWords: set('poll_words'),
    messages: set('messages'),
    topicRoles: set('topic_roles'),
    personBodies: set('person_bodies'),
    referringBodies: set('referring_bodies'),
    genericBodies: set('generic_bodies'),
    pluralBodies: set('plural_bodies'),
    sourceIntroducers: set('source_introducers'),
    surnameTitles: set('surname_titles'),
    partyWords: set('party_words'),
    campaignRoles: set('campaign_roles'),
    generationalSuffixes: set('generational_suffixes'),
    speakingDocuments: set('speaking_documents'),
    documentKinds: new Map(list('document_kinds').flatMap((group) => {
      const words = group.toLowerCase().split(/\s+/).filter(Boolean);
      return words.map((w) => [w, words[0]] as [string, string]);
    })),
    authorVerbs: set('author_verbs'),
  };
}
