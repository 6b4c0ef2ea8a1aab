/**
 * The quote finder's word lists, compiled for the passes (sets for single words, patterns where a list is matched
 * inside a longer text).
 */
export interface Words {
  headlineStop: RegExp;
  subjectParticiple: RegExp;
  postNp: Set<string>;
  quantSubject: RegExp;
  subordinator: RegExp;
  afterWorkNoun: RegExp;
  irregularPast: RegExp;
  needsClause: RegExp;
  detStart: RegExp;
  pronounSubject: RegExp;
  subjectPronoun: RegExp;
  timeWord: RegExp;
  timePart: RegExp;
  sayForms: Set<string>;
  callsForNext: Set<string>;
  andBut: Set<string>;
  beforeAfterWhile: Set<string>;
  relativePronouns: Set<string>;
  concessives: Set<string>;
  passiveAux: Set<string>;
  skippable: Set<string>;
}

export const CODE_WORDS: Words = {
  headlineStop: /^(related|update|updated|watch|exclusive|breaking|photo|photos|video|note|editor'?s note|source|sources|read more|see also|advertisement|q|a|correction|clarification|disclosure|live|analysis|opinion|commentary|pictured|above|below|top|bottom|via|credit|image|getty|reuters|ap|afp)$/i,
  subjectParticiple: /^(surveyed|polled|questioned|interviewed|filed|released|published|obtained|reviewed|asked|contacted|reached|briefed|involved|signed|posted|sent|written|issued|prepared|conducted|commissioned|compiled|circulated|leaked|drafted|submitted|delivered|shared|cited|quoted|led|run|funded|backed|sponsored|aligned|allied|affiliated|based|tasked|charged|appointed|hired|assigned)$/,
  postNp: new Set(['overall', 'alone', 'combined', 'together', 'surveyed', 'polled', 'interviewed', 'questioned', 'themselves', 'himself', 'herself']),
  quantSubject: /^(some|many|most|others|several|all|both|few|none|half|each|another)$/,
  subordinator: /^(when|while|after|before|as|because|if|although|though|since|until|once|where|whereas)$/,
  afterWorkNoun: /\b(book|autobiography|memoir|novel|film|movie|documentary|show|program|programme|series|song|album|column|op-ed|essay|headline|slogan|titled|entitled)\b[\s,:]*$/i,
  irregularPast: /^(shot|went|spoke|wrote|read|told|put|swore|broke|threw|began|ran|said|cried|replied|snapped|quipped)$/,
  needsClause: /^(write|add|claim|declare)$/,
  detStart: /^(the|a|an|this|that|his|her|its|their|our)$/,
  pronounSubject: /^(he|she|they|i|we)$/,
  subjectPronoun: /^(he|she|they|it|we|i|you)$/,
  timeWord: /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)$/,
  timePart: /^(morning|afternoon|evening|night)$/,
  sayForms: new Set(['say', 'says', 'said']),
  callsForNext: new Set(['for', 'on', 'upon']),
  andBut: new Set(['and', 'but']),
  beforeAfterWhile: new Set(['before', 'after', 'while']),
  relativePronouns: new Set(['which', 'who', 'whom', 'whose']),
  concessives: new Set(['while', 'although', 'though', 'whereas']),
  passiveAux: new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', "'s", 'get', 'got']),
  skippable: new Set(["n't", 'n’t', 'also', 'has', 'have', 'had', 'later', 'then', 'previously', 'recently', 'once', 'again', 'repeatedly', 'reportedly', 'publicly', 'privately', 'separately', 'further', 'often', 'frequently', 'simply', 'only', 'just', 'even', 'would', 'will', 'did', 'does', 'do', 'could', 'might', 'may', 'was', 'is', 'previously', 'already', 'never', 'not', 'wrongly', 'falsely', 'flatly', 'bluntly', 'quickly', 'first']),
};
