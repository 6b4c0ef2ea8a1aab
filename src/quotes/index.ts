/**
 * Quotations and their speakers, from an offset-based NlpDoc. Pure: no I/O, no clock. In order:
 *  1. direct and partial quotes from paired quotation marks (curly, straight, mixed, doubled apostrophes, an opening
 *     mark typed for a closing one); multi-paragraph quotes (an opening mark per paragraph, one closing mark);
 *     a fragment right after a cue that the sentence goes on past is partial ("said “there could be” a line …");
 *  1b. a fragment attributed right after its closing mark, or by ", said X." ending its sentence, reports its whole
 *     sentence (Golf clubs are “just scratching out a profit,” Mr. Hedge said);
 *  2. split quotes (“A,” he said, “B.”) and a second sentence after the attribution join into one quotation, across
 *     long speaker descriptions and quoted titles, but not across a second cue ("she added");
 *  3. block quotes: the paragraph after a sentence ending in a colon with a cue and a speaker;
 *  4. attribution of each quote: cue and subject after or before it, shared subjects ("and said", ", adding"),
 *     colon and comma introductions ("X went further: “…”", "- Philip Bump: “…”", "As X put it: “…”"), signatures
 *     (“…” ― Name), a short "X agreed." sentence before it, the sentence's subject for a fragment (characterising
 *     verbs only for one or two words; title-case fragments such as works and nicknames stay unattributed), the
 *     reported clause around a fragment (ending at clause boundaries), the next paragraph continuing a quotation;
 *  5a. headline attributions ("Obama: …") for names the article repeats, and transcript turns ("BOULDUAN: …");
 *  5. indirect speech, only with `indirect_verbs` of pipeline/cues.yml: X said (that) …; …, X said; …, X said, …;
 *     according to X; X told CNN …; X called for …; X asked whether …; "moves that he said improved …"; with long and
 *     quantified subjects; beside quotations and several per sentence; words beside a quotation that share its cue
 *     join that quotation;
 *  6. assembly in text order; a quote crossing another is dropped (nesting is kept).
 * Scare quotes are partial and never attributed by themselves; their words stay in the author's voice. An opening
 * mark with no closing mark is left alone, so no runaway quote swallows an article. Linear in the article's length
 * (sorted indexes for coverage and nesting, per-surname name lookup).
 */
import type { NlpDoc } from '../nlp/index.js';
import { isSpaceCode, tokenAt, wordsIn } from '../nlp/index.js';
import type { Quote, QuoteKind } from '../types.js';
import type { QuoteSettings } from './settings.js';
import { IntervalIndex } from '../search.js';
import { compileSettings, isNameToken, npEndingAt, npStartingAt, PersonRegistry, speakerFromNp, stripDet, textOf, type Np, type Speaker } from './speakers.js';
import { isCap, isTitleCase, quotePieces } from './pieces.js';

export { loadQuoteSettings, type QuoteSettings } from './settings.js';
export { quotePieces } from './pieces.js';

/** Longest direct quotation we accept, in characters (longer: a missing closing mark). */
export const MAX_QUOTE_CHARS = 6000;
/** Paragraphs a multi-paragraph quotation may continue over. */
export const MAX_QUOTE_PARAGRAPHS = 8;

/** "Name: content" at the start of a line (1–4 capitalised words before the colon). */
const HEADLINE = /^((?:\p{Lu}[\p{L}.'’-]*\s){0,3}\p{Lu}[\p{L}.'’-]*):\s+(\S.{8,})$/u;
const HEADLINE_STOP = /^(related|update|updated|watch|exclusive|breaking|photo|photos|video|note|editor'?s note|source|sources|read more|see also|advertisement|q|a|correction|clarification|disclosure|live|analysis|opinion|commentary|pictured|above|below|top|bottom|via|credit|image|getty|reuters|ap|afp)$/i;
/** Dashes that sign a quotation with the name after them (“…” ― Sonya Herridge). */
const SIGNATURE_DASH = new Set(['―', '—', '–']);
/** Participles that often modify a subject ("voters surveyed", "a document filed Thursday"). */
const SUBJECT_PARTICIPLE = /^(surveyed|polled|questioned|interviewed|filed|released|published|obtained|reviewed|asked|contacted|reached|briefed|involved|signed|posted|sent|written|issued|prepared|conducted|commissioned|compiled|circulated|leaked|drafted|submitted|delivered|shared|cited|quoted|led|run|funded|backed|sponsored|aligned|allied|affiliated|based|tasked|charged|appointed|hired|assigned)$/;
/** Words after a subject and before its cue: "voters overall said", "those surveyed said", "members alone". */
const POST_NP = new Set(['overall', 'alone', 'combined', 'together', 'surveyed', 'polled', 'interviewed', 'questioned', 'themselves', 'himself', 'herself']);
/** Quantifiers that can be a subject on their own ("Some said …", "Many say …"). */
const QUANT_SUBJECT = /^(some|many|most|others|several|all|both|few|none|half|each|another)$/;
/** Words that open a subordinate clause whose subject may report ("when a reporter asked if …"). */
const SUBORDINATOR = /^(when|while|after|before|as|because|if|although|though|since|until|once|where|whereas)$/;
/** Text ending in a word that names a work ("his 2012 book, ", "the show ", "titled "): a quotation next is its title. */
const AFTER_WORK_NOUN = /\b(book|autobiography|memoir|novel|film|movie|documentary|show|program|programme|series|song|album|column|op-ed|essay|headline|slogan|titled|entitled)\b[\s,:]*$/i;
/** Past tenses wink does not always tag as verbs, for quotations followed by "Trump shot back". */
const IRREGULAR_PAST = /^(shot|went|spoke|wrote|read|told|put|swore|broke|threw|began|ran|said|cried|replied|snapped|quipped)$/;
/** Cues that take a thing as their object ("wrote the letter", "added another facet", "claimed 41 percent of the vote"): reported speech only as a clause. */
const NEEDS_CLAUSE = /^(write|add|claim|declare)$/;
/**
 * `word` as a whole word (not inside a longer one), every occurrence (`String.match`), case-insensitive if asked.
 * Compiled once per word and thread and kept (a unicode, case-insensitive pattern costs 0.2–0.4 ms to compile, which
 * for every headline candidate was 2% of the analysis); the cache starts over past WORD_PATTERNS_MAX words.
 */
const wordPatterns = new Map<string, RegExp>();
const WORD_PATTERNS_MAX = 10_000;
function wordPattern(word: string, ignoreCase: boolean): RegExp {
  const key = (ignoreCase ? 'i' : 'c') + word;
  let re = wordPatterns.get(key);
  if (!re) {
    if (wordPatterns.size >= WORD_PATTERNS_MAX) wordPatterns.clear();
    re = new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, ignoreCase ? 'giu' : 'gu');
    wordPatterns.set(key, re);
  }
  return re;
}

/** Speaker types that can be quoted on their own: named people, organisations, outlets (and, where allowed, unnamed
 * sources). */
function speaks(type: string | undefined, anonymousToo = false): boolean {
  return type === 'person' || type === 'organization' || type === 'outlet' || (anonymousToo && type === 'anonymous');
}
const DET_START = /^(the|a|an|this|that|his|her|its|their|our)$/;
const PRONOUN_SUBJECT = /^(he|she|they|i|we)$/;
const SUBJECT_PRONOUN = /^(he|she|they|it|we|i|you)$/;
const TIME_WORD = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thurs\.|Fri\.|Sat\.|Sun\.)$/;
const TIME_PART = /^(morning|afternoon|evening|night)$/;
const OPEN = new Set(['“', '„', '‟', '«']);
// Sets instead of /^(a|b)$/ regexes for the tests made at (almost) every token.
const SAY_FORMS = new Set(['say', 'says', 'said']);
const CLAUSE_OPENER_POS = new Set(['PRON', 'DET', 'SCONJ']);
const SPEAKER_POS = new Set(['PROPN', 'NOUN', 'DET', 'PRON']);
const CALLS_FOR_NEXT = new Set(['for', 'on', 'upon']);
const AND_BUT = new Set(['and', 'but']);
const BEFORE_AFTER_WHILE = new Set(['before', 'after', 'while']);
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whom', 'whose']);
const CONCESSIVES = new Set(['while', 'although', 'though', 'whereas']);
const CLOSE = new Set(['”', '»']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', "'s", 'get', 'got']);
const SKIPPABLE = new Set(["n't", 'n’t', 'also', 'has', 'have', 'had', 'later', 'then', 'previously', 'recently', 'once', 'again', 'repeatedly', 'reportedly', 'publicly', 'privately', 'separately', 'further', 'often', 'frequently', 'simply', 'only', 'just', 'even', 'would', 'will', 'did', 'does', 'do', 'could', 'might', 'may', 'was', 'is', 'previously', 'already', 'never', 'not', 'wrongly', 'falsely', 'flatly', 'bluntly', 'quickly', 'first']);

interface Attribution {
  cue: string;
  cueStart: number | null;
  cueEnd: number | null;
  speaker: Speaker | null;
}

interface Candidate {
  kind: QuoteKind;
  start: number;
  end: number;
  /** Positions of the marks (direct/partial), for context search. */
  outerStart: number;
  outerEnd: number;
  attribution: Attribution | null;
  /** Set on block quotes and quotes continuing a block: inner quotes need their own attribution. */
  block?: boolean;
  /** Stretches of [start, end) between joined pieces that are not the speaker's words (the attribution, marks). */
  gaps?: [number, number][];
  /** A quoted title inside an attribution ("on “Meet the Press”"): never attributed. */
  title?: boolean;
}

function addGap(q: Candidate, start: number, end: number): void {
  if (end > start) (q.gaps ??= []).push([start, end]);
}

/**
 * A kept quote's gaps: inside its final [start, end) (later steps may move its edges), sorted, overlaps merged; []
 * when there are none.
 */
function finalGaps(q: Candidate): [number, number][] {
  if (!q.gaps) return [];
  const out: [number, number][] = [];
  for (const [a, b] of [...q.gaps].sort((x, y) => x[0] - y[0])) {
    const s = Math.max(a, q.start);
    const e = Math.min(b, q.end);
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function paragraphStarts(text: string): number[] {
  // What /\n[ \t\r]*\n\s*/g finds, from newline to newline instead of a regex over every character: a newline,
  // spaces, tabs or returns, a second newline; the paragraph starts after the white space that follows.
  const starts = [0];
  const blank = (c: number) => c === 32 || c === 9 || c === 13;
  for (let p = text.indexOf('\n'); p >= 0; ) {
    let q = p + 1;
    while (q < text.length && blank(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) !== 10) {
      p = text.indexOf('\n', p + 1);
      continue;
    }
    q++;
    while (q < text.length && isSpaceCode(text.charCodeAt(q))) q++;
    starts.push(q);
    p = text.indexOf('\n', q);
  }
  return starts;
}

function paragraphOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Pair quotation marks into spans [open, close, openLength, closeLength], paragraph by paragraph. Marks: curly
 * double quotes, guillemets, straight double quotes and doubled apostrophes ('' as some archives render quotes).
 */
function directSpans(text: string, paras: number[]): [number, number, number, number][] {
  const spans: [number, number, number, number][] = [];
  let open = -1;
  let openLen = 1;
  let openPara = -1;
  let para = 0;
  // Visit only the quotation marks (a regex scan is much faster than a loop over every character).
  const marks = /[“”„‟«»"]|''/g;
  let mk: RegExpExecArray | null;
  while ((mk = marks.exec(text))) {
    const i = mk.index;
    const ch = text[i];
    while (para + 1 < paras.length && paras[para + 1] <= i) {
      para++;
      // A quote still open at a paragraph break continues only if the new paragraph opens with a mark.
      if (open >= 0) {
        const first = text[paras[para]];
        const opens = OPEN.has(first) || first === '"' || text.startsWith("''", paras[para]);
        if (!opens || para - openPara >= MAX_QUOTE_PARAGRAPHS) open = -1;
      }
    }
    const doubled = ch === "'" && text[i + 1] === "'";
    // An opening mark typed where a closing one belongs (‘here,“ said Jim Clyburn’): after a word or punctuation
    // and before a space, inside an open quotation, it closes it.
    const misTyped = open >= 0 && OPEN.has(ch) && i > 0 && /[\p{L}\p{N}.,!?]/u.test(text[i - 1]) && (i + 1 >= text.length || /\s/.test(text[i + 1]));
    const isOpen = OPEN.has(ch) && !misTyped;
    const isClose = CLOSE.has(ch) || misTyped;
    const straight = ch === '"' || doubled;
    if (!isOpen && !isClose && !straight) continue;
    const len = doubled ? 2 : 1;
    marks.lastIndex = i + len;
    if (open < 0) {
      if (isOpen || straight) {
        open = i;
        openLen = len;
        openPara = para;
      }
      continue;
    }
    // Inside a quotation: the per-paragraph opening mark of a continuation is not a closing mark.
    if ((isOpen || straight) && i === paras[para] && para > openPara) {
      continue;
    }
    if (isClose || straight) {
      if (i - open <= MAX_QUOTE_CHARS) spans.push([open, i, openLen, len]);
      open = -1;
      continue;
    }
    // A second opening mark before any closing one: the first was never closed; start again here.
    open = i;
    openLen = len;
    openPara = para;
  }
  return spans;
}

/**
 * Every quotation of an article with its speaker. The numbered steps below are each an inner function called once:
 * V8 optimises a function as one unit, and as one function the finder took 1.0–1.8 s to compile each time, and was
 * compiled again after every deoptimisation anywhere in it (six times per worker on a 2,520-article corpus: 7–8.5 s of
 * compiler time per worker thread, competing with the analysis for the machine's cores). As steps, a deoptimisation
 * recompiles only its step.
 */
export function findQuotes(doc: NlpDoc, settings: QuoteSettings): Quote[] {
  const lex = compileSettings(settings);
  const text = doc.text;
  const n = doc.value.length;
  if (!n) return [];
  const paras = paragraphStarts(text);
  const people = new PersonRegistry(doc, lex);
  let lastSpeaker: string | null = null;

  /** Length (tokens) of the multi-word cue phrase starting at each token, 0 if none. */
  // Remembered per token (asked for many times per token by the rules below), -1 until asked; phrases indexed by
  // first word.
  const phraseLen = new Int16Array(n).fill(-1);
  const phraseAt = (i: number): number => {
    // The first letter rules out most tokens before a Map lookup.
    if (!lex.phraseFirstCodes[doc.lower[i].charCodeAt(0)]) return 0;
    for (const ph of lex.phrasesByFirst.get(doc.lower[i]) ?? []) {
      let k = 1;
      while (k < ph.length && doc.lower[i + k] === ph[k]) k++;
      if (k === ph.length) return k;
    }
    return 0;
  };
  const isPhraseAt = (i: number): number => {
    if (i < 0 || i >= n) return 0;
    if (phraseLen[i] < 0) phraseLen[i] = phraseAt(i);
    return phraseLen[i];
  };
  /** "X called for a ban on …", "called on Congress to …": a demand reported with its object as the content. */
  const callsFor = (i: number): boolean => doc.lemma[i] === 'call' && doc.pos[i] === 'VERB' && CALLS_FOR_NEXT.has(doc.lower[i + 1]);
  /** Token i is a speech cue (cueAt is run at most once per token, see cueFlag; the rules ask isCue many times). */
  const cueAt = (i: number): boolean => {
    const p = doc.pos[i];
    // A word of the cue lexicon that wink tagged a noun (the rules below decide when it is a verb after all).
    const nounCue = p === 'NOUN' && (lex.verbs.has(doc.lower[i]) || lex.verbs.has(doc.lemma[i]));
    // "One in five say that …": wink tags "say" a noun after a number; followed by a clause it is the verb.
    if (p === 'NOUN' && CLAUSE_OPENER_POS.has(doc.pos[i + 1]) && SAY_FORMS.has(doc.lower[i])) return true;
    // "“…,” Conway notes." / "“…,” the Saudis state in …": right after a quotation and its speaker.
    if (nounCue && i > 1) {
      let t = i - 1;
      while (t > 0 && i - t <= 4 && SPEAKER_POS.has(doc.pos[t])) t--;
      if (t < i - 1 && (CLOSE.has(doc.value[t]) || doc.value[t] === '"' || (doc.value[t] === "'" && doc.value[t - 1] === "'"))) return true;
    }
    // "Democrats, Frank notes, applaud …": a parenthetical name and cue between commas.
    if (nounCue && doc.pos[i - 1] === 'PROPN' && doc.value[i - 2] === ',' && doc.value[i + 1] === ',') return true;
    // "Critics call it a “loophole”", "Patient advocacy groups note that …": a cue verb after a subject, no verb
    // before it in the sentence.
    if (nounCue && i > 0 && (doc.pos[i - 1] === 'PROPN' || doc.pos[i - 1] === 'NOUN') && (CLAUSE_OPENER_POS.has(doc.pos[i + 1]) || OPEN.has(doc.value[i + 1]) || doc.value[i + 1] === '"')) {
      const first = doc.sentences[doc.sentenceOf[i]].firstToken;
      if (i - first > 14) return false;
      for (let t = first; t < i; t++) if (doc.pos[t] === 'VERB' || doc.pos[t] === 'AUX') return false;
      return true;
    }
    if (p !== 'VERB' && p !== 'AUX' && p !== 'NOUN') return isPhraseAt(i) > 0;
    if (p === 'NOUN') return false;
    // A word of the lexicon first: it rules out most verbs before the passive tests.
    if (!(lex.verbs.has(doc.lemma[i]) || lex.verbs.has(doc.lower[i]) || isPhraseAt(i) > 0)) return false;
    // A passive ("she was told that …", "it is said") reports what someone else said: not the subject's speech.
    if (doc.lower[i + 1] === 'by') return false; // "a strategy emphasized by X"
    if (i > 0 && PASSIVE_AUX.has(doc.lower[i - 1]) && /(ed|told|said|written|asked|wrote)$/.test(doc.lower[i])) return false;
    return true;
  };
  // Cue flags remembered per token, worked out when first asked (tokens inside quotations mostly never are):
  // 0 not yet known, 1 not a cue, 2 a cue, 3 a cue that may introduce indirect speech (without quotation marks only
  // the plainer speech verbs count).
  const cueFlags = new Uint8Array(n);
  const cueFlag = (i: number): number => {
    if (cueFlags[i] === 0) {
      if (!cueAt(i)) cueFlags[i] = 1;
      else cueFlags[i] = isPhraseAt(i) > 0 || lex.indirectVerbs.has(doc.lemma[i]) || lex.indirectVerbs.has(doc.lower[i]) || callsFor(i) ? 3 : 2;
    }
    return cueFlags[i];
  };
  const isCue = (i: number): boolean => i >= 0 && i < n && cueFlag(i) >= 2;
  /** A cue that may introduce indirect speech. */
  const isIndirectCue = (i: number): boolean => i >= 0 && i < n && cueFlag(i) === 3;
  /** A line break between token t-1 and token t (in the gap, or as a SPACE token of wink's). */
  // Computed once per article from the text's newlines (asked for many times per token by the rules below).
  const lineBreakBefore = new Uint8Array(n + 1);
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) {
    const t = tokenAt(doc, p);
    lineBreakBefore[t] = 1; // the newline is in the gap before token t, or inside it (a SPACE token) …
    if (t < n && doc.tokStart[t] <= p) lineBreakBefore[t + 1] = 1; // … and then also before the token after it
  }
  const breakBefore = (t: number): boolean => t > 0 && t < n && lineBreakBefore[t] === 1;
  /** A token with whitespace before it ("Reuters) - U.S.", not "KING-TV"). */
  const spaced = (t: number): boolean => t > 0 && doc.tokStart[t] > doc.tokEnd[t - 1];
  /** "X said A, adding that …", "X did Y and (also) said …", "…, X said, while arguing …": a cue that shares the subject of the clause before. */
  const joinsEarlierClause = (c: number): boolean =>
    ((doc.value[c - 1] === ',' || /^(while|before|after|when)$/.test(doc.lower[c - 1] ?? '')) && /ing$/.test(doc.lower[c])) || /^(and|but)$/.test(doc.lower[c - 1]) || (/^(and|but)$/.test(doc.lower[c - 2] ?? '') && doc.pos[c - 1] === 'ADV');
  // "(D-Ore.) said", "(D-N.Y.) said", "McConnell, R-Ky., said": a full stop inside parentheses or before a comma
  // does not end the sentence.
  // In the same pass, once per article: the tokens that end a sentence and the quotation marks (the scans below ask
  // for them many times per token). Both are one character long, which rules out most tokens at once.
  const inParens = new Uint8Array(n);
  const endsSentence = new Uint8Array(n);
  const markAt = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const v = doc.value[t];
    if (v.length !== 1) continue;
    // inParens[t] is final here: only a parenthesis opened before t sets it.
    if ((v === '.' && doc.value[t + 1] !== ')' && doc.value[t + 1] !== ',' && !inParens[t]) || v === '!' || v === '?') endsSentence[t] = 1;
    if (OPEN.has(v) || CLOSE.has(v) || v === '"' || (v === "'" && (doc.value[t + 1] === "'" || doc.value[t - 1] === "'"))) markAt[t] = 1;
    if (v !== '(') continue;
    let u = t + 1;
    while (u < n && u - t < 10 && doc.value[u] !== ')' && doc.value[u] !== '(') u++;
    if (doc.value[u] === ')') inParens.fill(1, t + 1, u);
  }
  const sentenceEnd = (i: number) => i >= 0 && i < n && endsSentence[i] === 1;
  const isMark = (i: number) => i >= 0 && i < n && markAt[i] === 1;

  /** "Rep. Elijah Cummings (D-Md.)": the token before a parenthesis that token t closes, else t itself. */
  const beforeParenthesis = (t: number, floor: number): number => {
    if (doc.value[t] !== ')') return t;
    let k = t - 1;
    while (k >= floor && doc.value[k] !== '(' && t - k < 12) k--;
    return k >= floor && doc.value[k] === '(' ? k - 1 : t;
  };

  /** The subject NP ending just before cue token c (skipping adverbs/auxiliaries, appositions, parentheticals). */
  const subjectBefore = (c: number, floor: number): { np: Np; role: string } | null => {
    let j = c - 1;
    // "The email went on to say", "Obama goes on to say": the subject is before "go on to".
    if (j - 3 >= floor && doc.lower[j] === 'to' && doc.lower[j - 1] === 'on' && doc.lemma[j - 2] === 'go') j -= 3;
    // "Carter however said", "Trump has also said": adverbs and auxiliaries between the subject and the cue.
    for (let skipped = 0; j >= floor && skipped < 3; skipped++) {
      const listed = (SKIPPABLE.has(doc.lower[j]) && (doc.pos[j] === 'AUX' || doc.pos[j] === 'PART' || doc.pos[j] === 'VERB')) || POST_NP.has(doc.lower[j]);
      if (!listed && !(doc.pos[j] === 'ADV' && /^\p{Ll}/u.test(doc.value[j]))) break;
      j--;
    }
    if (j < floor) return null;
    // "Hillary Clinton on Tuesday said", "Trump Wednesday said": a time adjunct between the subject and the cue.
    if (TIME_WORD.test(doc.value[j]) && j - 1 >= floor) {
      j--;
      if (doc.lower[j] === 'on' && j - 1 >= floor) j--;
    }
    let role = '';
    if (doc.value[j] === ',' && doc.value[j - 1] === ')') j--; // "Sen. Jack Reed (D-R.I.), said"
    if (doc.value[j] === ')') {
      j = beforeParenthesis(j, floor);
      if (doc.value[j] === ')') return null; // not closed within reach
    } else if ((doc.value[j] === '—' || doc.value[j] === '–' || (doc.value[j] === '-' && spaced(j))) && j > floor) {
      // "Jason Sims — a teacher from Mount Pleasant — says": the name before the dashed aside, the aside its role.
      const dash = doc.value[j];
      let k = j - 1;
      while (k > floor && doc.value[k] !== dash && !sentenceEnd(k) && !isMark(k) && j - k < 16) k--;
      if (doc.value[k] !== dash || k >= j - 1) return null;
      const np = npEndingAt(doc, k - 1, lex, floor);
      // A name, or any noun phrase that opens the sentence ("Many speakers at the service — including … — said").
      if (!np || !(/^\p{Lu}/u.test(doc.value[np.last]) || np.first === floor || sentenceEnd(np.first - 1) || doc.pos[np.first - 1] === 'SPACE')) return null;
      return { np, role: stripDet(textOf(doc, k + 1, j - 1)) };
    } else if (doc.value[j] === ',') {
      // "Douglas Rivlin, the spokesman for America's Voice, said" / "Rep. Tom Suozzi, told"
      let k = j - 1;
      while (k >= floor && doc.value[k] !== ',' && !sentenceEnd(k) && !isMark(k) && j - k < 14) k--;
      if (k >= floor && doc.value[k] === ',' && k < j - 1) {
        const seg = npStartingAt(doc, k + 1, lex, j - 1);
        const np = npEndingAt(doc, beforeParenthesis(k - 1, floor), lex, floor);
        const opensClause = (x: Np) => x.first === floor || /^[,;:(]$|^(and|but)$/.test(doc.lower[x.first - 1]) || doc.pos[x.first - 1] === 'SPACE' || sentenceEnd(x.first - 1);
        if (seg && seg.last === j - 1 && np && opensClause(np)) {
          // "the former aide, Kim Lee, said": the name is in the commas and the role before them.
          const capitalised = (a: number, b: number) => /^\p{Lu}/u.test(doc.value[b]) && /^\p{Lu}/u.test(doc.value[a]);
          if (capitalised(seg.first, seg.last) && !/^\p{Lu}/u.test(doc.value[np.last])) {
            return { np: seg, role: stripDet(textOf(doc, np.first, np.last)) };
          }
          role = stripDet(textOf(doc, k + 1, j - 1));
          return { np, role };
        }
      }
      // A longer insertion between commas ("Arturo Sarukhán, Mexico's ambassador from 2007 to 2013, said";
      // "Mr. Coffman, who represents a swing district, said"): the speaker is the name before it.
      // The insertion may hold commas of its own ("Christopher Harvey, a delegate from Houston, Texas, said"): try
      // up to three commas back.
      let k2 = j - 1;
      for (let commas = 0; commas < 4; commas++) {
        while (k2 >= floor && doc.value[k2] !== ',' && !sentenceEnd(k2) && !isMark(k2) && j - k2 < 60) k2--;
        if (!(k2 >= floor && doc.value[k2] === ',' && k2 < j - 1)) break;
        const np = npEndingAt(doc, beforeParenthesis(k2 - 1, floor), lex, floor);
        // A name, an anonymous source or a role; or any noun phrase that opens the sentence ("Powell’s office, when
        // contacted by Reuters, said").
        const opensSentence = np && (np.first === floor || sentenceEnd(np.first - 1) || doc.pos[np.first - 1] === 'SPACE');
        const named = np && (/^\p{Lu}/u.test(doc.value[np.last]) || lex.anonymous.has(doc.lower[np.last]) || lex.roleNouns.has(doc.lower[np.last]) || (opensSentence && doc.pos[np.last] === 'NOUN'));
        if (np && named && (np.first === floor || /^[,;:(]$|^(and|but)$/.test(doc.lower[np.first - 1]) || doc.pos[np.first - 1] === 'SPACE' || sentenceEnd(np.first - 1))) {
          const inserted = textOf(doc, k2 + 1, j - 1);
          return { np, role: /^(who|which|whose)\b/i.test(inserted) ? '' : stripDet(inserted) };
        }
        k2--;
      }
      j = j - 1;
    }
    const np = npEndingAt(doc, j, lex, floor);
    if (!np && QUANT_SUBJECT.test(doc.lower[j]) && (j === floor || /^[,;:]$|^(but|and|yet|while)$/.test(doc.lower[j - 1]) || sentenceEnd(j - 1))) return { np: { first: j, last: j }, role };
    return np ? { np, role } : null;
  };

  /** NP after cue token c ("said Homan", "says Douglas Rivlin, the spokesman for America's Voice,"). */
  const subjectAfter = (c: number, ceil: number): { np: Np; role: string } | null => {
    if (doc.lower[c + 1] === 'that' && doc.pos[c] === 'VERB') return null; // "says that Walker …" opens a clause
    const np = npStartingAt(doc, c + 1, lex, ceil);
    if (!np) return null;
    let role = '';
    if (doc.value[np.last + 1] === ',' && np.last + 2 <= ceil) {
      const app = npStartingAt(doc, np.last + 2, lex, ceil);
      if (app && /^(the|a|an)$/i.test(doc.value[np.last + 2])) role = stripDet(textOf(doc, app.first, app.last));
    }
    return { np, role };
  };

  const makeAttribution = (c: number, found: { np: Np; role: string } | null, cueLen = 1): Attribution => {
    const speaker = found ? speakerFromNp(doc, found.np, lex, people, lastSpeaker, found.role) : null;
    return { cue: textOf(doc, c, c + cueLen - 1), cueStart: doc.tokStart[c], cueEnd: doc.tokEnd[c + cueLen - 1], speaker };
  };

  /** Attribution in the tokens right after a closing mark: “…,” Homan said / “…,” said Homan / “…,” he told CNN. */
  const attributeRight = (afterOffset: number): Attribution | null => {
    const first = tokenAt(doc, afterOffset);
    let last = first;
    while (last < n && last - first < 40 && !sentenceEnd(last) && !(isMark(last) && last > first) && !(last > first && breakBefore(last))) last++;
    if (first < n && /\n/.test(text.slice(afterOffset, doc.tokStart[first]))) return null;
    // “…” ― Sonya Herridge / “…” — Jacklyn Ashley.: a dash and a name that ends the line or sentence sign the quotation.
    if (first < n && SIGNATURE_DASH.has(doc.value[first])) {
      let k = first + 1;
      while (k < n && k - first <= 5 && (isNameToken(doc, k, lex) || (doc.value[k] === '.' && k > first + 1 && /^\p{Lu}\p{Ll}?$/u.test(doc.value[k - 1])))) k++;
      const ends = k >= n || (doc.pos[k] === 'SPACE' && doc.value[k].includes('\n')) || (doc.value[k] === '.' && (k + 1 >= n || doc.pos[k + 1] === 'SPACE')) || isMark(k);
      if (k - first >= 2 && ends) return makeAttribution(first, { np: { first: first + 1, last: k - 1 }, role: '' });
    }
    for (let c = first; c < last && c - first < 30; c++) {
      if (!isCue(c)) continue;
      const ph = isPhraseAt(c);
      if (ph) return makeAttribution(c, subjectAfter(c + ph - 1, last - 1), ph);
      if (doc.lower[c + 1] === 'by') return null; // passive: "a strategy emphasized by X"
      // "… to Mr. Sanders, said David Axelrod": after a comma the cue is inverted and its subject follows it.
      if (c > first && doc.value[c - 1] === ',' && !lex.listenerVerbs.has(doc.lemma[c])) {
        const inverted = subjectAfter(c, last - 1);
        if (inverted && /^\p{Lu}/u.test(doc.value[inverted.np.last]) && doc.pos[inverted.np.last + 1] !== 'VERB' && doc.pos[inverted.np.last + 1] !== 'AUX') return makeAttribution(c, inverted);
      }
      const before = subjectBefore(c, first);
      // “… campaign.” She said she admires …: after a quotation that ends its sentence, a new sentence whose cue
      // reports a clause of its own is another report.
      // ("“…!” Trump told ITV in an interview." is not: the name after "told" is the listener.)
      let ownClause = last - c > 4 && /[.!?]\s*(["”»]|'')$/.test(text.slice(Math.max(0, afterOffset - 4), afterOffset));
      if (ownClause) {
        const clauseAt = lex.listenerVerbs.has(doc.lemma[c]) ? (npStartingAt(doc, c + 1, lex, last - 1)?.last ?? c) + 1 : c + 1;
        ownClause = /^(PRON|DET|PROPN|NOUN)$/.test(doc.pos[clauseAt] ?? '');
      }
      if (before && (before.np.first <= first + 2 || doc.value[before.np.first - 1] === ',') && !ownClause) return makeAttribution(c, before);
      // “How big is that wall?” asked the boy: right after the quotation, "asked" is inverted (the asker follows).
      // Not "…,” and said that Trump “…”": "and" shares an earlier subject, "that" opens a reported clause.
      const inverted = doc.lower[c + 1] !== 'that' && !/^(and|but)$/.test(doc.lower[c - 1] ?? '');
      if (c <= first + 2 && inverted && (!lex.listenerVerbs.has(doc.lemma[c]) || (c === first && doc.lemma[c] === 'ask'))) {
        // “…,” said Bob Mason / said the candidate could …: a verb after the phrase makes it a clause, not a speaker.
        const after = subjectAfter(c, last - 1);
        if (after && (doc.pos[after.np.last + 1] === 'VERB' || doc.pos[after.np.last + 1] === 'AUX')) return null;
        return makeAttribution(c, after);
      }
      return null;
    }
    return unlistedVerbRight(afterOffset, first, last);
  };

  /**
   * “This is fantastic!” beamed Donald Hartley / “…,” Trump quipped. : a quotation that ends its clause (comma, ! or ?
   * before the closing mark) followed at once by a name and a past-tense verb, in either order, with nothing after
   * but punctuation or a short adjunct, is attributed even when the verb is not in the cue lexicon.
   */
  const unlistedVerbRight = (afterOffset: number, first: number, last: number): Attribution | null => {
    if (!/[,!?]\s*(["”»]|'')$/.test(text.slice(Math.max(0, afterOffset - 4), afterOffset))) return null;
    // "quipped", "shot", "reads", and "read" ("the statement read").
    const pastVerb = (t: number) => doc.pos[t] === 'VERB' && /^\p{Ll}/u.test(doc.value[t]) && (/ed$/.test(doc.lower[t]) || doc.lemma[t] !== doc.lower[t] || doc.lower[t] === 'read');
    // Nothing after the verb but punctuation, an adverb or a short time adjunct ("on Tuesday", "Tuesday night").
    const ends = (t: number): boolean => {
      if (t >= last || sentenceEnd(t) || doc.value[t] === ',') return true;
      if (doc.pos[t] === 'ADV') return t + 1 >= last || sentenceEnd(t + 1) || doc.value[t + 1] === ',';
      if (TIME_WORD.test(doc.value[t])) return ends(TIME_PART.test(doc.lower[t + 1] ?? '') ? t + 2 : t + 1);
      if (doc.lower[t] === 'on' && TIME_WORD.test(doc.value[t + 1] ?? '')) return ends(t + 1);
      return false;
    };
    // VERB NAME: "beamed Donald Hartley of Madison"; "reads a Wednesday editorial in The Des Moines Register".
    if (pastVerb(first) || /^reads?$/.test(doc.lower[first])) {
      const after = subjectAfter(first, last - 1);
      const reads = /^reads?$/.test(doc.lower[first]) && after && DET_START.test(doc.lower[after.np.first]);
      if (after && (/^\p{Lu}/u.test(doc.value[after.np.last]) || reads) && (ends(after.np.last + 1) || /^(of|in|on)$/.test(doc.lower[after.np.last + 1]))) return makeAttribution(first, after);
    }
    // NAME VERB: "Trump quipped", "he shot back"
    // wink may tag such a verb as a noun or an adjective ("Trump shot back", "Toomey fumed").
    const verbAt = (t: number) => pastVerb(t) || (/^\p{Ll}/u.test(doc.value[t] ?? '') && (IRREGULAR_PAST.test(doc.lower[t]) || (/ed$/.test(doc.lower[t]) && /^(ADJ|NOUN)$/.test(doc.pos[t]))));
    let np = npStartingAt(doc, first, lex, last - 1);
    if (np && np.last > np.first && /^\p{Lu}/u.test(doc.value[np.last - 1]) && verbAt(np.last)) np = { first: np.first, last: np.last - 1 };
    if (np && (PRONOUN_SUBJECT.test(doc.lower[np.first]) || doc.lower[np.first] === 'it' || /^\p{Lu}/u.test(doc.value[np.last]) || doc.pos[np.first] === 'DET') && verbAt(np.last + 1)) {
      let t = np.last + 2;
      if (/^(back|out|up|on)$/.test(doc.lower[t])) t++;
      if (ends(t)) return makeAttribution(np.last + 1, { np, role: '' });
    }
    return null;
  };

  /** Attribution before an opening mark: Leavitt said in an email that, “…” / Cruz continued: “…” / X says the plan “…”. */
  const attributeLeft = (beforeOffset: number, floorOffset: number): Attribution | null => {
    const end = tokenAt(doc, beforeOffset) - 1;
    if (end < 0 || sentenceEnd(end) || /\n/.test(text.slice(doc.tokEnd[end], beforeOffset))) return null;
    let floor = end;
    while (floor > 0 && end - floor < 30 && !sentenceEnd(floor - 1) && !isMark(floor - 1) && doc.tokStart[floor - 1] >= floorOffset && !breakBefore(floor)) floor--;
    for (let c = end; c >= floor; c--) {
      if (!isCue(c)) continue;
      const ph = isPhraseAt(c);
      if (ph) return makeAttribution(c, subjectAfter(c + ph - 1, end));
      // "X said A, adding that “…”" / "X did Y and said “…”": the cue shares the subject of the clause before.
      if (c > floor && joinsEarlierClause(c)) {
        const earlier = attributeLeft(doc.tokStart[c - 1], floorOffset);
        const shared = earlier?.speaker ? null : clauseSubject(floor, c);
        if (earlier?.speaker) return { ...makeAttribution(c, null), speaker: earlier.speaker };
        if (shared) return makeAttribution(c, shared);
      }
      const before = subjectBefore(c, floor);
      if (before) return makeAttribution(c, before);
      // "said Sen. X: “…”": a named speaker right after the cue, then punctuation or the quotation itself (not "said
      // that Trump “melted down”": subjectAfter never reads "that" as a speaker).
      if (!lex.listenerVerbs.has(doc.lemma[c])) {
        const after = subjectAfter(c, end);
        if (after && /^\p{Lu}/u.test(doc.value[after.np.last]) && (after.np.last === end || doc.pos[after.np.last + 1] === 'PUNCT')) return makeAttribution(c, after);
      }
    }
    return null;
  };

  // 1. Direct and partial quotes.
  const candidates: Candidate[] = [];
  function findDirectQuotes(): void {
    for (const [open, close, openLen, closeLen] of directSpans(text, paras)) {
      let start = open + openLen;
      let end = close;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /[\s,]/.test(text[end - 1])) end--;
      if (end <= start) continue;
      const words = wordsIn(doc, start, end);
      let prev = open - 1;
      while (prev >= 0 && (text[prev] === ' ' || text[prev] === '\t')) prev--;
      const prevCh = prev >= 0 ? text[prev] : '\n';
      const afterCue = /[\p{L}\p{N}]/u.test(prevCh) && isCue(tokenAt(doc, prev));
      const embedded = /[\p{L}\p{N}]/u.test(prevCh) && !afterCue;
      // said ''there could be'' a line that …: a quotation right after a cue that the sentence goes on past is a
      // fragment of the reported clause.
      let next = close + closeLen;
      while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
      const clauseGoesOn = afterCue && /[\p{Ll}\p{N}]/u.test(text[next] ?? '');
      const kind: QuoteKind = embedded || clauseGoesOn || words < 3 ? 'partial' : 'direct';
      candidates.push({ kind, start, end, outerStart: open, outerEnd: close + closeLen, attribution: null });
    }
  }
  findDirectQuotes();

  // 1a. Titles of works (his 2012 book, ''An American Son.''; his radio show, “Generations with Kevin Swanson”): a
  // title-case quotation right after a word naming a work is a title, never a quotation of speech.
  function markTitlesOfWorks(): void {
    for (const c of candidates) {
      if (!titleCase(c)) continue;
      const before = text.slice(Math.max(0, c.outerStart - 30), c.outerStart);
      if (AFTER_WORK_NOUN.test(before)) {
        c.kind = 'partial';
        c.title = true;
      }
    }
  }
  markTitlesOfWorks();

  // 1b. Golf clubs are ''just scratching out a profit,'' Mr. Hedge said: a fragment attributed right after its
  // closing mark reports the whole sentence it ends, from the sentence's start.
  function extendFragmentsToSentence(): void {
    for (const c of candidates) {
      if (c.kind !== 'partial' || c.title) continue;
      const after = tokenAt(doc, c.outerEnd);
      const attr = attributeRight(c.outerEnd);
      if (!attr?.speaker || attr.cueStart === null) continue;
      const cueTok = tokenAt(doc, attr.cueStart);
      const speakerTok = tokenAt(doc, attr.speaker.start);
      const comma = doc.value[after] === ',' || /,\s*(["”»]|'')$/.test(text.slice(c.start, c.outerEnd));
      // Right after the mark (“…,” Mr. Hedge said), or after the rest of the sentence's words and a comma, with the
      // attribution ending the sentence (would begin ''building bridges'' to Mr. Sanders, said David Axelrod).
      const attrFirst = Math.min(cueTok, speakerTok);
      let lateEnd = attrFirst > after && doc.value[attrFirst - 1] === ',';
      for (let t = after; t < attrFirst && lateEnd; t++) if (doc.pos[t] === 'VERB' || doc.pos[t] === 'AUX' || isMark(t)) lateEnd = false;
      const attrLast = tokenAt(doc, Math.max(attr.cueEnd ?? 0, attr.speaker.end) - 1);
      if (lateEnd && !(sentenceEnd(attrLast + 1) || doc.value[attrLast + 1] === ',')) lateEnd = false;
      if (!((attrFirst - after <= 1 && comma) || lateEnd)) continue;
      let s = tokenAt(doc, c.outerStart) - 1;
      while (s >= 0 && !sentenceEnd(s) && !breakBefore(s + 1) && !isMark(s)) s--;
      const first = s + 1;
      if (first >= tokenAt(doc, c.outerStart) || isMark(s)) continue;
      c.start = doc.tokStart[first];
      c.outerStart = c.start;
      c.attribution = attr;
      if (lateEnd && attrFirst - after > 1) {
        c.end = doc.tokEnd[attrFirst - 2];
        c.outerEnd = c.end;
      }
    }
  }
  extendFragmentsToSentence();

  // 2. Split quotes: “A,” he said, “B.” → one quotation.
  const merged: Candidate[] = [];
  // A quoted title in an attribution (Sanders said on CNN’s “State of the Union.” / on “Meet the Press”) does not
  // end the speaker's quotation: it is set aside while split quotes are joined.
  const titles: Candidate[] = [];
  const isTitle = (q: Candidate) => q.kind === 'partial' && wordsIn(doc, q.start, q.end) <= 6 && /^\p{Lu}/u.test(text[q.start] ?? '') && (/(\bon|\bin|['’]s)\s*$/.test(text.slice(Math.max(0, q.outerStart - 12), q.outerStart)) || AFTER_WORK_NOUN.test(text.slice(Math.max(0, q.outerStart - 30), q.outerStart)) || titleCase(q));
  const markOutsideTitles = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (/[“”"]/.test(text[i]) && !titles.some((t) => i >= t.outerStart && i < t.outerEnd)) return true;
    return false;
  };
  function joinSplitQuotes(): void {
    for (const c of candidates) {
      const prev = merged[merged.length - 1];
      if (c.title || (prev && isTitle(c) && c.outerStart - prev.outerEnd < 120)) {
        titles.push({ ...c, title: true });
        continue;
      }
      // A quotation that opens its sentence counts even when short (“I’m honored!” she said. “…”).
      const opensSentence = (q: Candidate) => q.kind === 'direct' || !/[\p{L}\p{N},;]/u.test(text.slice(Math.max(0, q.outerStart - 3), q.outerStart).trim().slice(-1));
      if (prev && (opensSentence(prev) || prev.attribution) && (c.kind !== 'partial' || wordsIn(doc, c.start, c.end) >= 3)) {
        const gap = text.slice(prev.outerEnd, c.outerStart);
        if (gap.length <= 250 && !/\n/.test(gap)) {
          const attr = attributeRight(prev.outerEnd);
          // After the attribution ("Rep. Dan Cole said", "said Bob Mason, a retired letter carrier who …") no
          // further quotation mark; a long description of the speaker is allowed.
          const tail = attr && attr.cueEnd !== null ? text.slice(Math.max(attr.cueEnd, attr.speaker?.end ?? 0), c.outerStart) : '';
          // “A,” she said. “B,” she added: B has its own attribution and stays a quotation of its own.
          const own = attr ? attributeRight(c.outerEnd) : null;
          // “A,” Anderson said, adding that …: a second cue in between starts something else.
          let cueInTail = false;
          // A cue inside a description of the speaker ("…, who said she planned to demonstrate.", "he said when asked
          // about …") does not start a new report.
          if (attr?.cueEnd != null) {
            for (let t = tokenAt(doc, attr.cueEnd); t < n && doc.tokStart[t] < c.outerStart; t++) {
              const described = /^(who|which|that|when|after|before|if|whether)$/.test(doc.lower[t - 1]) || (doc.pos[t - 1] === 'AUX' && /^(who|which|that)$/.test(doc.lower[t - 2]));
              if (isCue(t) && !described && doc.tokStart[t] >= Math.max(attr.cueEnd, attr.speaker?.end ?? 0)) cueInTail = true;
              // “A,” Ebeling said, and her husband cut in. “B”: a clause with a subject of its own (not a pronoun
              // that may be the speaker) starts someone else's turn.
              if (AND_BUT.has(doc.lower[t]) && doc.value[t - 1] === ',' && !PRONOUN_SUBJECT.test(doc.lower[t + 1] ?? '')) {
                const np = npStartingAt(doc, t + 1, lex, n - 1);
                if (np && doc.pos[np.last + 1] === 'VERB' && doc.tokStart[np.last + 1] < c.outerStart) cueInTail = true;
              }
            }
          }
          const tailOk = !cueInTail && (c.kind === 'partial' ? /^[^.!?]{0,60}$/.test(tail) : tail.length <= 60 || (!!attr?.speaker && (/^\s*[,.]/.test(tail) || tail.length <= 160)));
          const tailStart = attr && attr.cueEnd !== null ? Math.max(attr.cueEnd, attr.speaker?.end ?? 0) : c.outerStart;
          if (attr && attr.cueEnd !== null && attr.cueEnd <= c.outerStart && !markOutsideTitles(tailStart, c.outerStart) && tailOk && !own) {
            addGap(prev, prev.end, c.start);
            prev.end = c.end;
            prev.outerEnd = c.outerEnd;
            prev.attribution = attr;
            continue;
          }
        }
      }
      merged.push(c);
    }
  }
  joinSplitQuotes();
  merged.push(...titles);
  merged.sort((a, b) => a.outerStart - b.outerStart);

  // 3. Block quotes: a paragraph after a sentence ending in a colon with a cue and a speaker.
  const blocks: Candidate[] = [];
  const colonAttr = new Map<number, Attribution>(); // paragraph index → attribution for the quote opening it
  function findBlockQuotes(): void {
    for (let p = 0; p + 1 < paras.length; p++) {
      const paraEnd = paras[p + 1];
      const body = text.slice(paras[p], paraEnd).trimEnd();
      if (!body.endsWith(':')) continue;
      const colon = paras[p] + body.length - 1;
      const colonTok = tokenAt(doc, colon);
      let s = colonTok;
      while (s > 0 && !sentenceEnd(s - 1) && doc.tokStart[s - 1] >= paras[p] && colonTok - s < 40) s--;
      let attr: Attribution | null = null;
      for (let c = colonTok - 1; c >= s && !attr; c--) {
        const isBlockWord = lex.blockWords.has(doc.lower[c]);
        if (!isCue(c) && !isBlockWord) continue;
        const before = subjectBefore(c, s);
        if (before) attr = makeAttribution(c, before);
        else if (isCue(c) && !lex.listenerVerbs.has(doc.lemma[c])) {
          const after = subjectAfter(c, colonTok - 1);
          if (after) attr = makeAttribution(c, after);
        }
        // "he said, adding:" — the speaker is with the earlier cue.
        if (attr && !attr.speaker) attr = null;
      }
      if (!attr) continue;
      const nextStart = paras[p + 1];
      const nextEnd = (p + 2 < paras.length ? paras[p + 2] : text.length);
      const first = text[nextStart];
      if (OPEN.has(first) || first === '"') {
        colonAttr.set(p + 1, attr);
        continue;
      }
      let end = nextEnd;
      while (end > nextStart && /\s/.test(text[end - 1])) end--;
      if (end - nextStart < 20) continue;
      blocks.push({ kind: 'block', start: nextStart, end, outerStart: nextStart, outerEnd: end, attribution: attr, block: true });
    }
  }
  findBlockQuotes();

  // 4. Attribute direct and partial quotes (in text order, so "he" can fall back on the last speaker).
  const inBlock = (c: Candidate) => blocks.find((b) => c.start >= b.start && c.end <= b.end);
  const out: Candidate[] = [];
  let lastAttributed: { para: number; attribution: Attribution; quote: Candidate } | null = null;
  let absorbedUntil = -1; // a reported clause may hold further fragments: “on her worst day” she’d be “an …” than …
  function attributeQuotes(): void {
    for (const c of merged) {
      if (c.outerEnd <= absorbedUntil) continue;
      if (c.title) {
        if (!inBlock(c)) out.push(c);
        continue;
      }
      // A title-case fragment not right after a cue (the stage to ''Eye of the Tiger'', ''Crooked Hillary'') names a
      // work, a show or a nickname: a partial quote with no speaker.
      if (!c.attribution && c.kind === 'partial' && titleCase(c) && !isCue(tokenAt(doc, c.outerStart) - 1)) {
        if (!inBlock(c)) out.push(c);
        continue;
      }
      if (!c.attribution && c.kind === 'partial') {
        // X said the plan was “a disaster” for families: a cue earlier in the sentence attributes a fragment before
        // anything after it does (“…” and that the committee would continue …).
        const left = attributeLeft(c.outerStart, 0);
        if (left?.speaker) c.attribution = left;
      }
      if (!c.attribution) {
        c.attribution = attributeRight(c.outerEnd);
        if (!c.attribution || !c.attribution.speaker) {
          const left = attributeLeft(c.outerStart, 0);
          if (left && (left.speaker || !c.attribution)) c.attribution = left;
        }
        if (!c.attribution && paras[paragraphOf(paras, c.outerStart)] === c.outerStart) {
          c.attribution = colonAttr.get(paragraphOf(paras, c.outerStart)) ?? null;
        }
        if (!c.attribution && c.kind === 'direct') c.attribution = colonIntro(c) ?? shortSentenceIntro(c);
      }
      if (c.kind === 'partial' && !c.attribution) c.attribution = sameSpeakerAgain(c) ?? subjectOfFragment(c);
      if (c.kind === 'partial' && c.attribution?.speaker && c.attribution.cueEnd !== null && c.attribution.cueEnd <= c.outerStart) {
        extendToClause(c);
        absorbedUntil = Math.max(absorbedUntil, c.outerEnd);
      }
      const block = inBlock(c);
      if (block && !(c.attribution && c.attribution.speaker)) continue; // part of the block's own text
      if (c.kind === 'partial' && !c.attribution) {
        out.push(c);
        continue;
      }
      // A whole quoted paragraph right after a quotation by a named speaker continues that speaker (news convention).
      // When that quotation (with its attribution) ends the paragraph before, the two are one quotation, as a reader
      // (and PolNeAR's annotators) take it: “A,” he said.¶¶“B.” → one span, one speaker.
      const para = paragraphOf(paras, c.outerStart);
      if (!c.attribution && c.kind === 'direct' && lastAttributed && para - lastAttributed.para <= 1 && paras[para] === c.outerStart) {
        const prior: Speaker = lastAttributed.attribution.speaker!;
        const q = lastAttributed.quote;
        const between = text.slice(q.outerEnd, c.outerStart);
        if (para - lastAttributed.para === 1 && (q.kind === 'direct' || q.kind === 'block') && between.length <= 200 && !/[“”"]|''/.test(between)) {
          addGap(q, q.end, c.start);
          q.end = c.end;
          q.outerEnd = c.outerEnd;
          lastAttributed.para = para;
          continue;
        }
        c.attribution = { cue: '', cueStart: null, cueEnd: null, speaker: { ...prior, mention: '', start: -1, end: -1 } };
      }
      if (c.attribution?.speaker && c.attribution.speaker.start >= 0) lastAttributed = { para: paragraphOf(paras, c.outerEnd - 1), attribution: c.attribution, quote: c };
      if (c.attribution?.speaker?.canonical && c.attribution.speaker.type === 'person') lastSpeaker = c.attribution.speaker.canonical;
      out.push(c);
    }
  }
  attributeQuotes();

  /**
   * Rajoy said he will “try to form a government” and insisted that his party was “still the first force”: a second
   * cue joined to an attributed quotation of the same sentence by and/but/a comma reports the same speaker.
   */
  function sameSpeakerAgain(c: Candidate): Attribution | null {
    const prev = out[out.length - 1];
    if (!prev?.attribution?.speaker || prev.outerEnd > c.outerStart) return null;
    const from = tokenAt(doc, prev.outerEnd);
    const to = tokenAt(doc, c.outerStart);
    if (to - from > 25) return null;
    for (let t = from; t < to; t++) if (sentenceEnd(t) || breakBefore(t) || isMark(t)) return null;
    for (let t = from + 1; t < to; t++) {
      const joined = /^(and|but|,)$/.test(doc.lower[t - 1]) || (doc.pos[t - 1] === 'ADV' && /^(and|but|,)$/.test(doc.lower[t - 2] ?? ''));
      if (joined && isCue(t) && doc.pos[t] === 'VERB') return { ...makeAttribution(t, null), speaker: prev.attribution.speaker };
    }
    return null;
  }

  /** Two to eight words, every word of four letters or more capitalised ("Eye of the Tiger", "Crooked Hillary"). */
  function titleCase(q: Candidate): boolean {
    // Quick exits for most quotations, before anything is split: a first word in lower case, or ten words or more
    // (over eight even after the strip below). Words are runs of non-space, as split(/\s+/) finds them.
    let runs = 0;
    const to = Math.min(q.end, text.length);
    for (let k = q.start, inWord = false; k < to && runs < 10; k++) {
      const space = isSpaceCode(text.charCodeAt(k));
      if (!space && !inWord) {
        if (runs === 0 && !isCap(text.slice(k, Math.min(k + 2, to)))) return false; // words[0], tested below
        runs++;
      }
      inWord = !space;
    }
    if (runs >= 10) return false;
    return isTitleCase(text.slice(q.start, q.end));
  }

  /**
   * Trump went even further: “If he goes forward …” / he wanted to know, “How surprised …”: a sentence whose
   * subject is a person or organisation, ending in a colon or comma right before the quotation.
   */
  function colonIntro(c: Candidate): Attribution | null {
    let colon = tokenAt(doc, c.outerStart) - 1;
    while (colon >= 0 && doc.pos[colon] === 'SPACE') colon--;
    if (colon < 0 || (doc.value[colon] !== ':' && doc.value[colon] !== ',')) return null;
    let s = colon - 1;
    while (s >= 0 && !sentenceEnd(s) && !breakBefore(s + 1) && !isMark(s) && colon - s < 50) s--;
    if (s >= 0 && isMark(s)) return null;
    let subj = clauseSubject(s + 1, colon);
    // "Attorney General Ruth Mendez was direct: “…”": a copula and an adjective before the colon.
    if (!subj && colon >= 2 && doc.pos[colon - 1] === 'ADJ' && /^(was|is|were|are)$/.test(doc.lower[colon - 2])) {
      const np = npEndingAt(doc, colon - 3, lex, s + 1);
      if (np && np.first === s + 1) subj = { np, role: '', verb: colon - 2 };
    }
    if (subj) {
      const attr = makeAttribution(subj.verb, subj);
      const type = attr.speaker?.type;
      return speaks(type) ? attr : null;
    }
    if (doc.value[colon] !== ':') return null;
    // "- Philip Bump: “…”", "Pew Research: “…”", "From the report: “…”": a lead-in that is just a name, or a name
    // after a spaced dash ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones:").
    let lead = s + 1;
    if (/^[-—–]$/.test(doc.value[lead]) || /^(from|per)$/.test(doc.lower[lead])) lead++;
    const named = npEndingAt(doc, colon - 1, lex, lead);
    if (named && (named.first === lead || (/^[-—–]$/.test(doc.value[named.first - 1]) && spaced(named.first - 1) && /^\p{Lu}/u.test(doc.value[named.last])))) {
      const speaker = speakerFromNp(doc, named, lex, people, lastSpeaker);
      if (speaks(speaker.type)) return { cue: ':', cueStart: doc.tokStart[colon], cueEnd: doc.tokEnd[colon], speaker };
    }
    // "the Illinois Board of Elections was conclusive in its findings: “…”": the sentence's subject and its verb
    // (an auxiliary counts) anywhere before the colon.
    const np = npStartingAt(doc, s + 1, lex, colon - 1);
    if (!np || (doc.pos[np.last + 1] !== 'AUX' && doc.pos[np.last + 1] !== 'VERB')) return null;
    const attr = makeAttribution(np.last + 1, { np, role: '' });
    const type = attr.speaker?.type;
    return speaks(type) ? attr : null;
  }

  /**
   * Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are running out of time …”: a quotation
   * that follows, in the same paragraph, a short sentence made of a named subject and its verb (an adverb or a time
   * adjunct allowed; "Trump was blunt.") quotes that subject.
   */
  function shortSentenceIntro(c: Candidate): Attribution | null {
    let end = tokenAt(doc, c.outerStart) - 1;
    while (end >= 0 && doc.pos[end] === 'SPACE') end--;
    if (end < 1 || doc.value[end] !== '.' || /\n/.test(text.slice(doc.tokEnd[end], c.outerStart))) return null;
    let s = end - 1;
    while (s > 0 && !sentenceEnd(s - 1) && !breakBefore(s) && !isMark(s - 1) && end - s < 12) s--;
    if (isMark(s - 1) || (s > 0 && !sentenceEnd(s - 1) && !breakBefore(s))) return null;
    const np = npStartingAt(doc, s, lex, end - 1);
    if (!np || !(/^\p{Lu}/u.test(doc.value[np.last]) || PRONOUN_SUBJECT.test(doc.lower[np.first]))) return null;
    let v = np.last + 1;
    if (doc.pos[v] === 'AUX' && doc.pos[v + 1] === 'ADJ') v++;
    else if (doc.pos[v] !== 'VERB') return null;
    let t = v + 1;
    while (t < end && (doc.pos[t] === 'ADV' || TIME_WORD.test(doc.value[t]) || TIME_PART.test(doc.lower[t]))) t++;
    if (t !== end) return null;
    const attr = makeAttribution(v, { np, role: '' });
    const type = attr.speaker?.type;
    return speaks(type, true) ? attr : null;
  }

  /**
   * Trump mocked Rubio for “having a tough night”; Clinton decried the GOP for “turning its back”: a quoted fragment
   * in a sentence whose subject is a person or organisation quotes that subject, with its verb as the cue. A fragment of
   * one or two words (a scare quote, a title) counts only after a reporting or characterising verb from the cue list.
   */
  function subjectOfFragment(c: Candidate): Attribution | null {
    const qt = tokenAt(doc, c.outerStart);
    let s = qt - 1;
    while (s >= 0 && !sentenceEnd(s) && !breakBefore(s + 1) && !isMark(s) && qt - s < 60) s--;
    if (s >= 0 && isMark(s)) return null;
    const subj = clauseSubject(s + 1, qt);
    if (!subj || subj.verb >= qt) return null;
    if (wordsIn(doc, c.start, c.end) < 3 && !lex.verbs.has(doc.lemma[subj.verb])) return null;
    const attr = makeAttribution(subj.verb, subj);
    const type = attr.speaker?.type;
    // "The complaint … alleged that the DNC “failed to …”", "The ad targets a “corrupt political system …”": a
    // document or group named by a definite noun phrase speaks too (speaker type unknown).
    const described = type === 'unknown' && DET_START.test(doc.lower[subj.np.first]) && doc.pos[subj.np.last] === 'NOUN';
    if (!speaks(type, true) && !described) return null;
    return attr;
  }

  /**
   * X said the plan was “a disaster” for families: the reported clause (from after the cue, its listener and "that",
   * to the end of the sentence) is the content; the quoted fragment stays inside it.
   */
  function extendToClause(c: Candidate): void {
    const a = c.attribution!;
    const cue = tokenAt(doc, a.cueStart!);
    const quoteTok = tokenAt(doc, c.outerStart);
    for (let t = cue; t < quoteTok; t++) if (sentenceEnd(t) || /\n/.test(text.slice(doc.tokEnd[t], doc.tokStart[t + 1]))) return;
    let k = tokenAt(doc, a.cueEnd!);
    if (lex.listenerVerbs.has(doc.lemma[cue])) {
      const listener = npStartingAt(doc, k, lex, quoteTok - 1);
      if (listener) k = listener.last + 1;
    }
    // "said Monday that …": a time adjunct before the reported clause is not part of it.
    if (TIME_WORD.test(doc.value[k] ?? '') && k < quoteTok) k++;
    else if (doc.pos[k] === 'ADP' && TIME_WORD.test(doc.value[k + 1] ?? '') && k + 1 < quoteTok) k += 2;
    while (k < quoteTok && (doc.lower[k] === 'that' || doc.pos[k] === 'PUNCT')) k++;
    // The clause ends with the quotation when the quotation ends its sentence (“… momentum.”), else at the next
    // clause boundary: a sentence end, a line break, a quotation mark, or ", and he …" / ", which …" / "; ".
    let e = tokenAt(doc, c.outerEnd);
    // Naming verbs ("what Mr. Hedge called ''the prior economy model,'' the club …"): the name ends the content.
    const naming = /^(call|dub|label|brand|term|nickname|name)$/.test(doc.lemma[cue]) && (doc.value[e] === ',' || /,\W*$/.test(text.slice(c.start, c.outerEnd)));
    if (naming || /[.!?]\W*$/.test(text.slice(c.start, c.outerEnd))) e = tokenAt(doc, c.outerEnd);
    else while (e < n && !sentenceEnd(e) && !breakBefore(e) && !clauseBreak(e)) e++;
    let last = e - 1;
    while (last > k && doc.pos[last] === 'PUNCT' && doc.tokEnd[last] > c.outerEnd) last--;
    const start = Math.min(doc.tokStart[k] ?? c.outerStart, c.outerStart);
    const end = Math.max(doc.tokEnd[last] ?? c.outerEnd, c.outerEnd);
    if (end - start > 2000) return;
    c.start = start;
    c.end = end;
    c.outerStart = start;
    c.outerEnd = end;
  }

  // 5. Indirect speech in sentences with no quotation marks and outside block quotes.
  // The quotations found so far, sorted, for overlap queries in logarithmic time (a long article has thousands).
  const spanIndex = (qs: Candidate[]) => new IntervalIndex(qs, (q) => q.outerStart, (q) => q.outerEnd);
  let index = spanIndex([...out, ...blocks]);
  const covered = (a: number, b: number) => index.overlapping(a, b).length > 0;

  // 5a. Headline attributions: a line that opens with a name and a colon ("Obama: I’m Optimistic Americans Will Say
  // No to Trump", "Ann Coulter: And Then There Was the One"). Before indirect speech, which would take the
  // headline's "Will Say" for a cue.
  const labels = new Map<string, string>(); // transcript labels by surname
  function findHeadlineAttributions(): void {
    // HEADLINE needs a colon: only the lines holding one are read (found by searching for colons, not line by line).
    for (let colonAt = text.indexOf(':'); colonAt >= 0; ) {
      const lineStart = text.lastIndexOf('\n', colonAt) + 1;
      let lineEnd = text.indexOf('\n', colonAt);
      if (lineEnd < 0) lineEnd = text.length;
      colonAt = text.indexOf(':', lineEnd);
      const line = text.slice(lineStart, lineEnd);
      const m = HEADLINE.exec(line);
      if (!m || HEADLINE_STOP.test(m[1])) continue;
      const first = tokenAt(doc, lineStart);
      const colon = tokenAt(doc, lineStart + m[1].length);
      if (doc.value[colon] !== ':' || colon - first > 4 || colon <= first) continue;
      // A name, titles allowed ("Dr. Ben Carson:", "OK Gov Fallin:"), that the article names again elsewhere — in
      // ordinary capitals, so that a transcript's "JAKE TAPPER:" or "TRUMP:" counts and a shouted "BOOM:" does not.
      let named = true;
      for (let t = first; t < colon; t++) if (!isNameToken(doc, t, lex) && !(lex.titles.has(doc.lower[t]) && /^\p{Lu}/u.test(doc.value[t]))) named = false;
      const typed = doc.value[colon - 1];
      const surname = /^\p{Lu}{2,}$/u.test(typed) ? typed[0] + typed.slice(1).toLowerCase() : typed;
      // A label in capitals counts when the transcript uses it again ("BOULDUAN: …" after "KATE BOULDUAN: …").
      const label = surname !== typed;
      if (!named || (text.match(wordPattern(surname, label)) ?? []).length < 2) continue;
      let start = lineStart + m[0].length - m[2].length;
      let end = lineStart + line.trimEnd().length;
      while (end > start && /[.\s]/.test(text[end - 1])) end--;
      // A headline is short; a transcript turn may be long.
      if (covered(start, end) || wordsIn(doc, start, end) < 3 || (!label && (text.slice(start, end).match(/,/g) ?? []).length > 2)) continue;
      const np: Np = { first, last: colon - 1 };
      let speaker = speakerFromNp(doc, np, lex, people, lastSpeaker);
      if (surname !== typed) {
        // A transcript label in capitals ("JAKE TAPPER:", "TRUMP:") names a person, as the article writes the name.
        const label = textOf(doc, first, colon - 1).toLowerCase().replace(/(^|[\s'’.-])(\p{Ll})/gu, (_, p: string, ch: string) => p + ch.toUpperCase());
        const resolved = people.resolveName(label, speaker.start); // may find the label itself, still in capitals
        // "ROYCE:" after "ANA ROYCE:": the full label given earlier in the transcript.
        const earlier = labels.get(label.split(' ').pop()!);
        const canonical = /\p{Ll}/u.test(resolved) && resolved !== label ? resolved : earlier && !label.includes(' ') ? earlier : label;
        if (label.includes(' ')) labels.set(label.split(' ').pop()!, label);
        speaker = { ...speaker, canonical, role: '', type: 'person' };
      }
      if (!speaks(speaker.type)) continue;
      out.push({ kind: 'indirect', start, end, outerStart: start, outerEnd: end, attribution: { cue: ':', cueStart: doc.tokStart[colon], cueEnd: doc.tokEnd[colon], speaker } });
    }
  }
  findHeadlineAttributions();

  // Quotations by the token of their cue, for indirect speech that shares a quotation's cue.
  const quoteByCue = new Map<number, Candidate>();
  for (const q of out) if (q.attribution?.speaker && q.attribution.cueStart != null) quoteByCue.set(q.attribution.cueStart, q);

  // Headline attributions count as found; unattributed fragments do not stop indirect speech.
  index = spanIndex([...out, ...blocks]);
  const claimed = spanIndex([...out.filter((q) => q.kind !== 'partial' || q.attribution), ...blocks]);

  // wink ends a sentence at "(I-Vt.)"; a sentence that ends in ")" or is followed by one opening in lower case
  // continues.
  const sentences: { firstToken: number; lastToken: number; start: number; end: number }[] = [];
  function joinSentences(): void {
    for (const s of doc.sentences) {
      const prev = sentences[sentences.length - 1];
      const firstWord = doc.value[s.firstToken] ?? '';
      // "(D-R.I.)": also a sentence that ends inside a parenthesis it opened (counted within the sentence: unlike
      // `inParens`, a parenthesis left open counts too).
      const openParen = (a: number, b: number) => {
        let depth = 0;
        for (let t = Math.max(a, b - 12); t <= b; t++) depth += doc.value[t] === '(' ? 1 : doc.value[t] === ')' ? -1 : 0;
        return depth > 0;
      };
      if (prev && !breakBefore(s.firstToken) && (doc.value[prev.lastToken] === ')' || /^\p{Ll}/u.test(firstWord) || openParen(prev.firstToken, prev.lastToken))) {
        prev.lastToken = s.lastToken;
        prev.end = s.end;
      } else sentences.push({ firstToken: s.firstToken, lastToken: s.lastToken, start: s.start, end: s.end });
    }
  }
  joinSentences();
  function findIndirectSpeech(): void {
    for (const s of sentences) {
      if (s.end <= s.start) continue;
      // The sentence splitter can glue a headline or a quote-ending paragraph to the next one: split at line breaks.
      let f = s.firstToken;
      for (let t = s.firstToken; t <= s.lastToken + 1; t++) {
        const breakHere = t > s.lastToken || (t > f && breakBefore(t));
        if (!breakHere) continue;
        let l = t - 1;
        while (l > f && (doc.pos[l] === 'PUNCT' || doc.pos[l] === 'SPACE')) l--;
        while (f < l && doc.pos[f] === 'SPACE') f++;
        const introducesBlock = doc.value[t - 1] === ':' || doc.value[l + 1] === ':';
        if (l - f >= 4 && !introducesBlock) {
          for (const [a, b] of freeSegments(f, l)) indirectsIn(a, b, f);
        }
        f = t;
      }
    }
  }
  findIndirectSpeech();

  /**
   * The parts of tokens [f, l] that indirect speech may use: all of it if no quotation lies there; else the part before
   * the first one (up to its last comma: "X said A, telling Y that “…”") and the part after the last one ("“…,” he
   * said, adding that B"). Unattributed scare quotes do not count; an indirect content may contain them.
   */
  function freeSegments(f: number, l: number): [number, number][] {
    const a0 = doc.tokStart[f];
    const b0 = doc.tokEnd[l];
    const inside = claimed.overlapping(a0, b0);
    if (!inside.length) return [[f, l]];
    const segs: [number, number][] = [];
    const first = Math.min(...inside.map((q) => q.outerStart));
    const last = Math.max(...inside.map((q) => q.outerEnd));
    let e = tokenAt(doc, first) - 1;
    while (e > f && doc.value[e] !== ',') e--;
    if (e - f >= 5) segs.push([f, e - 1]);
    const s = tokenAt(doc, last);
    if (l - s >= 4) segs.push([s, l]);
    return segs;
  }

  /** Indirect speech in tokens [f, l], several per sentence ("X said A, adding that B"); `s0` starts the sentence. */
  function indirectsIn(f: number, l: number, s0: number): void {
    let from = f;
    let prior: Attribution | null = null;
    for (let guard = 0; guard < 4 && l - from >= 3; guard++) {
      const found = indirectIn(from, l, s0, prior);
      if (!found) return;
      // "The streets were deserted, he added, ''but people need to connect''": the words beside a quotation that
      // share its cue are one report with it, as a reader takes it.
      const cueAt = found.attribution?.cueStart;
      const withQuote = cueAt != null ? quoteByCue.get(cueAt) : undefined;
      if (withQuote && withQuote.kind !== 'block') {
        // The attribution between the two ("he added") is not the speaker's.
        if (found.end <= withQuote.start) addGap(withQuote, found.end, withQuote.start);
        else if (found.start >= withQuote.end) addGap(withQuote, withQuote.end, found.start);
        withQuote.start = Math.min(withQuote.start, found.start);
        withQuote.end = Math.max(withQuote.end, found.end);
        withQuote.outerStart = Math.min(withQuote.outerStart, found.outerStart);
        withQuote.outerEnd = Math.max(withQuote.outerEnd, found.outerEnd);
      } else out.push(found);
      prior = found.attribution;
      // Go on after the content and its attribution ("…, KING-TV reported, while …" is one report).
      const a = found.attribution;
      const used = Math.max(found.end, a?.cueEnd ?? 0, a?.speaker && a.speaker.start >= 0 ? a.speaker.end : 0);
      from = tokenAt(doc, used - 1) + 1;
    }
  }

  /** "when asked", "after being asked", … among tokens [a, b]. */
  function askedBetween(a: number, b: number): boolean {
    for (let t = Math.max(a, 1); t <= b; t++) if (doc.lower[t] === 'asked' && /^(when|after|while|before|as|once|if|being)$/.test(doc.lower[t - 1])) return true;
    return false;
  }

  /**
   * "In February, as a protester was being removed, Mr. Trump said, “…”": the clause right before the comma at k is
   * subordinate (its last comma-separated part opens with "as", "when", …, or the sentence with "Asked"), so it sets
   * the scene; it is not reported.
   */
  function subordinateBefore(f: number, k: number): boolean {
    let t = k - 1;
    while (t > f && doc.value[t] !== ',') t--;
    const first = doc.value[t] === ',' ? t + 1 : f;
    // "Asked what he would like in a nominee, Adelson said …": the question put to the speaker sets the scene too.
    if (doc.lower[first] === 'asked' && first === f) return true;
    return SUBORDINATOR.test(doc.lower[first] ?? '') && doc.lower[first] !== 'where';
  }

  /** The subject of the clause a cue belongs to when the cue has none of its own ("X did Y and said …"). */
  function clauseSubject(s0: number, c: number): { np: Np; role: string; verb: number } | null {
    let s = s0;
    // "Cruz sought to block refugees, while Mike Huckabee … proposed …": the last clause that opens before the cue.
    for (let t = c - 2; t > s0; t--) {
      if (doc.value[t - 1] === ',' && /^(while|whereas|although|though|but)$/.test(doc.lower[t]) && /^(PROPN|PRON|DET|NOUN|ADJ)$/.test(doc.pos[t + 1])) {
        s = t + 1;
        break;
      }
    }
    // "As Professor Foner put it: …", "Or, as Tom Ridge … put it: …": the clause after "as".
    let a = s;
    while (a < c && (doc.pos[a] === 'CCONJ' || doc.pos[a] === 'PUNCT')) a++;
    if (doc.lower[a] === 'as' && a + 1 < c && npStartingAt(doc, a + 1, lex, c - 1)) s = a + 1;
    // An introductory phrase: "In an interview with reporters Thursday, the Wisconsin Republican …", "Eight years
    // ago, he …", "Last month, …".
    const timePhrase = (t: number) => {
      let u = t;
      while (u < c && doc.value[u] !== ',' && u - t < 5) u++;
      if (doc.value[u] !== ',') return false;
      for (let v = t; v < u; v++) if (/^(ago|week|weeks|month|months|year|years|day|days|weekend|night|morning|evening)$/.test(doc.lower[v]) || TIME_WORD.test(doc.value[v])) return true;
      return false;
    };
    if (doc.pos[s] === 'ADP' || doc.pos[s] === 'SCONJ' || doc.pos[s] === 'ADV' || (doc.pos[s] !== 'PROPN' && timePhrase(s))) {
      let t = s;
      while (t < c && doc.value[t] !== ',' && t - s < 15) t++;
      if (doc.value[t] !== ',') return null;
      s = t + 1;
    }
    while (s < c && (doc.pos[s] === 'CCONJ' || doc.pos[s] === 'PUNCT' || doc.pos[s] === 'SPACE')) s++;
    const np = npStartingAt(doc, s, lex, c - 1);
    if (!np) return null;
    let v = np.last + 1;
    // "Sen. Bernie Sanders (I-Vt.) defended …": a parenthesis after the name.
    if (doc.value[v] === '(') {
      let k = v + 1;
      while (k < c && doc.value[k] !== ')' && k - v < 10) k++;
      if (doc.value[k] === ')') v = k + 1;
    }
    if (doc.value[v] === ',') {
      // "North Carolina’s Ada Fisher, one of only a handful of RNC members, said": skip the apposition.
      let k = v + 1;
      while (k < c && doc.value[k] !== ',' && k - v < 25) k++;
      if (doc.value[k] !== ',') return null;
      v = k + 1;
    }
    while (v < c && (doc.pos[v] === 'ADV' || doc.pos[v] === 'AUX' || doc.pos[v] === 'PART')) v++;
    if (doc.pos[v] !== 'VERB') return null;
    return { np, role: '', verb: v };
  }

  /**
   * A subject longer than the noun phrase before the cue: "Majorities of Democrats in five states going to the polls
   * Tuesday say …", "A court document filed Thursday says …". From the sentence start (after an introductory phrase
   * and its comma) to the phrase, only noun-phrase material, prepositions and participles.
   */
  function longSubject(f: number, np: Np): Np | null {
    let s = f;
    if (doc.pos[s] === 'ADP' || doc.pos[s] === 'SCONJ' || doc.pos[s] === 'ADV') {
      let t = s;
      while (t < np.first && doc.value[t] !== ',' && t - s < 12) t++;
      if (doc.value[t] === ',') s = t + 1;
    }
    while (s < np.first && (doc.pos[s] === 'CCONJ' || doc.pos[s] === 'PUNCT')) s++;
    if (np.first - s > 15 || s >= np.first) return null;
    let sawWho = false;
    let whoAt = -1;
    for (let t = s; t < np.first; t++) {
      const p = doc.pos[t];
      if (/^(DET|ADJ|NOUN|PROPN|NUM|ADP|PART|SYM)$/.test(p)) continue;
      if (p === 'ADV' && /^(nearly|almost|about|roughly|approximately|more|less|fewer|than|just|only|over|under|some)$/.test(doc.lower[t])) continue; // "nearly two-thirds of …
      if (p === 'PRON' && /^(his|her|their|its|our|those|them|all)$/.test(doc.lower[t])) continue;
      if (p === 'PUNCT' && /^[,%/—–-]$/.test(doc.value[t])) continue;
      if (p === 'PART' && doc.lower[t] === 'to' && doc.pos[t + 1] === 'VERB') continue; // "the push to boycott …"
      if (p === 'VERB' && doc.lower[t - 1] === 'to') continue;
      if (p === 'VERB' && (/ing$/.test(doc.lower[t]) || SUBJECT_PARTICIPLE.test(doc.lower[t]))) continue;
      if (p === 'CCONJ' && doc.lower[t] === 'and') continue;
      // "Democrats in Iowa who watched the Saturday debate said …"
      if (doc.lower[t] === 'who' && t > s) {
        if (!sawWho) whoAt = t;
        sawWho = true;
        continue;
      }
      // "a young woman who had been an exchange student in Montana asked …": the relative clause's own words.
      if (sawWho && (p === 'VERB' || p === 'AUX' || p === 'ADV' || p === 'PRON')) continue;
      return null;
    }
    // The speaker is the phrase before a relative clause ("a young woman", not "Montana" at the clause's end).
    return { first: s, last: whoAt > s ? whoAt - 1 : np.last };
  }

  /** Token t starts a new clause: "; …", ", and he …", ", which …", ", as she …". */
  function clauseBreak(t: number): boolean {
    if (doc.value[t] === ';') return true;
    // "… and said it was …", "… and insisted that …", "before claiming …": a second report starts.
    // (Sets, not regexes, and no closure unless needed: this is asked at every token of a reported clause.)
    if (AND_BUT.has(doc.lower[t]) && (isCue(t + 1) || (doc.pos[t + 1] === 'ADV' && isCue(t + 2)))) return true;
    if (BEFORE_AFTER_WHILE.has(doc.lower[t]) && isCue(t + 1) && /ing$/.test(doc.lower[t + 1])) return true;
    // A dash or a relative clause closed by a second dash or comma is an aside ("Gov. García Padilla, who must make
    // the final decision, has revealed …"); left open, it ends the clause.
    const dash = doc.value[t];
    const spacedHyphen = dash === '-' && spaced(t);
    if (dash !== '—' && dash !== '--' && !spacedHyphen && dash !== ',') return false;
    const closedWithin = (closes: (u: number) => boolean) => {
      for (let u = t + 1; u < n && u - t < 20 && !sentenceEnd(u) && !breakBefore(u); u++) if (closes(u)) return true;
      return false;
    };
    if (dash === '—' || dash === '--') return !closedWithin((u) => doc.value[u] === dash);
    if (spacedHyphen) return !closedWithin((u) => doc.value[u] === '-' && spaced(u));
    const a = doc.lower[t + 1] ?? '';
    if (RELATIVE_PRONOUNS.has(a)) return !closedWithin((u) => doc.value[u] === ',');
    if (CONCESSIVES.has(a)) return true;
    if (a === 'even' && /^(though|if)$/.test(doc.lower[t + 2] ?? '')) return true;
    // ", but …" always; ", and …" when a clause with a subject of its own follows.
    return a === 'but' || (a === 'and' && (doc.pos[t + 2] === 'PRON' || doc.pos[t + 2] === 'PROPN' || doc.pos[t + 2] === 'DET'));
  }

  /** End of a reported clause starting at k: before ", adding that …" or "and added …" (a second report). */
  function clauseEnd(k: number, l: number): number {
    for (let t = k + 1; t < l; t++) {
      if (clauseBreak(t)) return t - 1; // includes "… and added …"
      if (doc.value[t] === ',' && isIndirectCue(t + 1) && /ing$/.test(doc.lower[t + 1])) return t - 1;
    }
    return l;
  }

  /** A verb or auxiliary in tokens [a, b] that can head a clause: not a participle in -ing, not after "to". */
  function finiteVerbIn(a: number, b: number): boolean {
    for (let t = a; t <= b; t++) {
      if (doc.pos[t] !== 'VERB' && doc.pos[t] !== 'AUX') continue;
      if (/ing$/.test(doc.lower[t]) || doc.lower[t - 1] === 'to') continue;
      return true;
    }
    return false;
  }

  /** An indirect quotation of the character span `span`. */
  function reported(span: [number, number], attribution: Attribution): Candidate {
    return { kind: 'indirect', start: span[0], end: span[1], outerStart: span[0], outerEnd: span[1], attribution };
  }

  function contentSpan(a: number, b: number): [number, number] | null {
    while (a <= b && (doc.pos[a] === 'PUNCT' || doc.lower[a] === 'that')) a++;
    while (b >= a && doc.pos[b] === 'PUNCT') b--;
    // At least four tokens, or three that make a clause of their own ("she supported it").
    if (b - a < 2 || (b - a === 2 && !(doc.pos[a] === 'PRON' && (doc.pos[a + 1] === 'VERB' || doc.pos[a + 1] === 'AUX')))) return null;
    return [doc.tokStart[a], doc.tokEnd[b]];
  }

  function indirectIn(f: number, l: number, s0: number, prior: Attribution | null): Candidate | null {
    for (let c = f; c <= l; c++) {
      const ph = isPhraseAt(c);
      if (ph) {
        // According to X, CLAUSE.  /  CLAUSE, according to X. The source runs to a comma, a parenthesis or the end
        // ("polling by the A.F.L.-C.I.O.", "exit polls"), whatever wink tags its words.
        let who = subjectAfter(c + ph - 1, l);
        if (!who) {
          let e = c + ph;
          while (e + 1 <= l && e - (c + ph) < 12 && doc.value[e + 1] !== ',' && doc.value[e + 1] !== '(') e++;
          let nouny = false;
          for (let t = c + ph; t <= e; t++) if (doc.pos[t] === 'NOUN' || doc.pos[t] === 'PROPN') nouny = true;
          if (e >= c + ph && nouny) who = { np: { first: c + ph, last: e }, role: '' };
        }
        if (!who) continue;
        const attr = makeAttribution(c, who, ph);
        // The source may run on ("a count by The Associated Press", "polls at the time") up to a comma.
        let k = who.np.last + 1;
        while (k <= l && doc.value[k] !== ',' && k - who.np.last < 12) k++;
        const after = doc.value[k] === ',' && l - k >= 4 ? contentSpan(k + 1, l) : null;
        const before = c - 1 > f + 2 ? contentSpan(f, doc.value[c - 1] === ',' ? c - 2 : c - 1) : null;
        // According to X, CLAUSE (also "But, according to X, …") / CLAUSE(,) according to X.
        // "At the heart of the trouble, according to X, was a decision …": a source in the middle of a sentence that
        // goes on (not with a clause of its own: ", and …", ", but …") has content on both sides.
        const goesOn = before && after && doc.value[c - 1] === ',' && !/^(and|but|while|whereas|although|though|as|so)$/.test(doc.lower[k + 1] ?? '');
        const span = c <= f + 1 ? after : goesOn ? [before[0], after[1]] as [number, number] : before ?? after;
        if (span) return reported(span, attr);
        continue;
      }
      // "(When) asked by Ingraham on Thursday about increasing …, Cruz said": the questioner asks; the question, up
      // to its comma, is the content.
      if (doc.pos[c] === 'VERB' && doc.lemma[c] === 'ask' && doc.lower[c + 1] === 'by') {
        const asker = npStartingAt(doc, c + 2, lex, l);
        if (!asker) continue;
        let k = asker.last + 1;
        if (doc.pos[k] === 'ADP' && TIME_WORD.test(doc.value[k + 1] ?? '')) k += 2;
        else if (TIME_WORD.test(doc.value[k] ?? '')) k++;
        if (!/^(whether|if|about|to|how|what|why|when|where|who)$/.test(doc.lower[k] ?? '')) continue;
        let e = k + 1;
        while (e <= l && doc.value[e] !== ',' && !sentenceEnd(e)) e++;
        const span = contentSpan(k, e - 1);
        if (span) return reported(span, makeAttribution(c, { np: asker, role: '' }));
        continue;
      }
      if (!isIndirectCue(c)) continue;
      // "Having said that, there are economists who …": a discourse marker, not a report.
      if (doc.lower[c - 1] === 'having' && /^(that|this|so)$/.test(doc.lower[c + 1] ?? '') && doc.value[c + 2] === ',') continue;
      const lemma = doc.lemma[c];
      let before = subjectBefore(c, f);
      // "X did Y and said CLAUSE" / "X did Y, saying CLAUSE": the cue shares the clause's subject.
      if (joinsEarlierClause(c) && c > f) {
        const earlier = prior?.speaker ? prior : attributeLeft(doc.tokStart[c], doc.tokStart[s0]);
        const shared = earlier?.speaker ? null : clauseSubject(s0, c);
        if (earlier?.speaker || shared) {
          let k = c + 1;
          if (lex.listenerVerbs.has(lemma)) {
            const listener = npStartingAt(doc, k, lex, l);
            if (listener) k = listener.last + 1;
          }
          if (doc.lower[k] === 'that' || callsFor(c)) k++;
          const span = contentSpan(k, clauseEnd(k, l));
          if (span) {
            const attribution = earlier?.speaker ? { ...makeAttribution(c, null), speaker: earlier.speaker } : makeAttribution(c, shared);
            return reported(span, attribution);
          }
          continue;
        }
      }
      // CLAUSE, X said [tail].
      if (before && before.np.first > f + 3) {
        let k = before.np.first - 1;
        while (k > f && doc.pos[k] === 'ADV') k--;
        let tailVerb = false;
        for (let t = c + 1; t <= l; t++) if (doc.pos[t] === 'VERB' || doc.pos[t] === 'AUX') tailVerb = true;
        if (doc.value[k] === ',' && l - c <= 8 && !tailVerb && !subordinateBefore(f, k)) {
          const span = contentSpan(f, k - 1);
          if (span) return reported(span, makeAttribution(c, before));
        }
      }
      // CLAUSE, X said(, on Saturday), CLAUSE. — a parenthetical attribution: the content is the sentence around it.
      if (before && before.np.first > f) {
        let k = before.np.first - 1;
        while (k > f && doc.pos[k] === 'ADV') k--;
        let r = c + 1;
        while (r <= l && r - c <= 5 && doc.value[r] !== ',' && !isMark(r) && doc.pos[r] !== 'VERB' && doc.pos[r] !== 'AUX') r++;
        if (doc.value[k] === ',' && doc.value[r] === ',' && l - r > 3) {
          const a = subordinateBefore(f, k) ? null : contentSpan(f, k - 1);
          // "…, KING-TV reported, while in Chicago …": a subordinate or coordinate tail is the writer's own.
          const b = /^(while|whereas|but|and|although|though|as)$/.test(doc.lower[r + 1] ?? '') && a ? null : contentSpan(r + 1, l);
          // "The solution, the partner told them, was simple": a short subject before the attribution belongs too.
          const subjectOnly = !a && b && k - 1 >= f && k - f <= 3 && !subordinateBefore(f, k);
          const span: [number, number] | null = a && b ? [a[0], b[1]] : subjectOnly ? [doc.tokStart[f], b![1]] : b ?? a;
          if (span) return reported(span, makeAttribution(c, before));
        }
      }
      // CLAUSE, said X.
      if (doc.value[c - 1] === ',' && c - 1 > f + 3 && !lex.listenerVerbs.has(lemma)) {
        const after = subjectAfter(c, l);
        let verbAfter = false;
        // "…, said Steven Taylor, a chairman of the political science department at Troy University in Alabama."
        const appositionAfter = after && doc.value[after.np.last + 1] === ',';
        // A verb after the name starts a clause of its own; in an apposition a participle ("based in Ohio") does not.
        if (after) {
          for (let t = after.np.last + 1; t <= l; t++) {
            if (appositionAfter && /^(who|whose|which)$/.test(doc.lower[t])) break; // "…, a debt expert who has written …"
            const participle = appositionAfter && doc.pos[t] === 'VERB' && /(ed|ing)$/.test(doc.lower[t]);
            if ((doc.pos[t] === 'VERB' || doc.pos[t] === 'AUX') && !participle) verbAfter = true;
          }
        }
        if (after && (l - after.np.last <= 6 || appositionAfter) && !verbAfter) {
          const span = contentSpan(f, c - 2);
          if (span) return reported(span, makeAttribution(c, after));
        }
      }
      // "…, which the campaign says includes 2.7 million contributors": the relative clause is the content (the
      // attribution inside it is kept in the span, as in split quotations).
      // Also "moves that he said improved Indiana's economy", "what she said is growing demand".
      // (wink may take the relative "that" for the subject's determiner: "that company executives said could …".)
      const relAt = !before ? -1 : /^(which|that|what)$/.test(doc.lower[before.np.first]) && before.np.first < before.np.last ? before.np.first : before.np.first - 1;
      if (before && relAt >= f && /^(which|that|what)$/.test(doc.lower[relAt]) && (doc.pos[c + 1] === 'VERB' || doc.pos[c + 1] === 'AUX')) {
        if (relAt === before.np.first) before = { np: { first: relAt + 1, last: before.np.last }, role: before.role };
        const span = contentSpan(relAt, clauseEnd(c + 1, l));
        if (span) return reported(span, makeAttribution(c, before));
      }
      // X said (that) CLAUSE. — X opens the sentence, or follows an introductory phrase or a conjunction.
      const lead = before ? before.np.first - 1 : -1;
      // A dash opens a clause only when spaced ("WASHINGTON (Reuters) - U.S. …"), not inside a name ("KING-TV").
      const opensClauseAt = (i: number) => /^[,:;]$/.test(doc.value[i]) || (/^[—–-]$/.test(doc.value[i]) && spaced(i)) || doc.pos[i] === 'CCONJ' || doc.pos[i] === 'SCONJ' || SUBORDINATOR.test(doc.lower[i] ?? '');
      if (before && !(before.np.first <= f + 3 || opensClauseAt(lead))) {
        const whole = longSubject(f, before.np);
        if (whole) before = { np: whole, role: before.role };
      }
      if (before && (before.np.first <= f + 3 || opensClauseAt(before.np.first - 1))) {
        let k = c + 1;
        if (lex.listenerVerbs.has(lemma)) {
          const listener = npStartingAt(doc, k, lex, l);
          // "told Jeb Bush to quiet down": a directive, whose content includes the one told.
          if (listener && !(doc.lower[listener.last + 1] === 'to' && doc.pos[listener.last + 2] === 'VERB')) k = listener.last + 1;
          else if (listener) {
            const span = contentSpan(k, clauseEnd(k, l));
            if (span) return reported(span, makeAttribution(c, before));
          }
        }
        // Skip "in a statement", "on Sunday", "in an interview with X" up to "that" or a comma.
        let thatAt = -1;
        for (let t = k; t <= Math.min(l, k + 8) && !callsFor(c); t++) {
          if (doc.lower[t] === 'that' && (doc.pos[t] === 'SCONJ' || doc.pos[t] === 'PRON' || doc.pos[t] === 'DET')) {
            // "said of a list that included …": after a noun, "that" and a verb make a relative clause, not the report.
            if (t > k && doc.pos[t - 1] === 'NOUN' && (doc.pos[t + 1] === 'VERB' || doc.pos[t + 1] === 'AUX')) break;
            thatAt = t;
            break;
          }
          if (doc.pos[t] === 'VERB' && t > k) break;
        }
        // "said on Friday he met …", "said Wednesday the plan …": a time adjunct without a comma.
        let adj = k;
        if (doc.pos[adj] === 'ADP' && TIME_WORD.test(doc.value[adj + 1] ?? '')) adj += 2;
        else if (TIME_WORD.test(doc.value[adj])) adj += 1;
        if (TIME_PART.test(doc.lower[adj] ?? '')) adj++;
        if (callsFor(c)) {
          k = c + 2;
          thatAt = c + 1; // the object is the content, whatever it opens with
        } else if (lemma === 'ask' && /^(whether|if|about)$/.test(doc.lower[k])) {
          // "asked whether …", "asked Carson about his relationship with …": the question is the content.
          if (doc.lower[k] === 'about') k++;
          thatAt = k - 1;
        } else if (thatAt < 0 && adj > k && adj <= l && /^(PRON|DET|PROPN)$/.test(doc.pos[adj]) && !/^['’]s$/.test(doc.value[k + 1] ?? '')) k = adj;
        else if (thatAt >= 0) k = thatAt + 1;
        else if (doc.pos[k] === 'ADP' && doc.value[k + 1] === '-') {
          // "said down-ballot races …": a hyphenated word, not a preposition.
        } else if ((doc.pos[k] === 'ADP' && !(doc.lower[k] === 'at' && /^(least|most)$/.test(doc.lower[k + 1] ?? ''))) || doc.pos[k] === 'PROPN' && /day$/i.test(doc.value[k]) && !/^['’]s$/.test(doc.value[k + 1] ?? '')) {
          let t = k;
          while (t <= l && doc.value[t] !== ',' && t - k < 8) t++;
          // "said of Apple in February, when the company balked …": a clause of time after the adjunct sets the scene.
          if (doc.value[t] === ',' && /^(when|while|as|after|before|since)$/.test(doc.lower[t + 1] ?? '')) continue;
          if (doc.value[t] === ',') k = t + 1;
          else {
            // "said in a statement Thursday night they pulled …": the clause starts at a subject pronoun.
            let p = k + 1;
            while (p <= l && p - k < 9 && !(SUBJECT_PRONOUN.test(doc.lower[p]) && (doc.pos[p + 1] === 'VERB' || doc.pos[p + 1] === 'AUX'))) p++;
            if (p <= l && p - k < 9) k = p;
            else continue;
          }
        }
        // "“…,” Maddow said, another reference to the film", "…,” Fiorina told the crowd, her voice drowned out": after a
        // comma, words without a verb of their own, or opening with "a"/"another", describe the quotation or the
        // scene; they are not a report.
        const afterComma = doc.value[k] === ',' && thatAt < 0;
        const commaAfterCue = afterComma && k === c + 1;
        if (doc.value[k] === ':' || doc.value[k] === ',') k++;
        if (afterComma && /^(a|an|another)$/.test(doc.lower[k] ?? '')) continue;
        // "he said, crediting the software that …" (wink may tag the participle a noun): the writer's comment.
        if (commaAfterCue && /^[a-z]+ing$/.test(doc.value[k] ?? '') && !/thing$/.test(doc.lower[k]) && !isCue(k)) continue;
        // "X said, while arguing …": the second cue reports (it shares the subject).
        if (/^(while|before|after|when)$/.test(doc.lower[k] ?? '') && isCue(k + 1) && /ing$/.test(doc.lower[k + 1])) continue;
        // "“You bet I would,” Christie said when asked whether he would …", "Le Pen told CNN when asked which candidate
        // she would back": what follows is the question put to the speaker, not what the speaker said.
        if (askedBetween(c + 1, Math.min(k + 1, l))) continue;
        // "Asked if he was ever bullied, the candidate said no.", "55 percent said so in December."
        if (/^(yes|no|so)$/.test(doc.lower[k]) && (k === l || doc.value[k + 1] === ',' || sentenceEnd(k + 1))) {
          return reported([doc.tokStart[k], doc.tokEnd[k]], makeAttribution(c, before));
        }
        // "Barkley, who said he typically votes democratic, said …": a relative clause ends at its closing comma.
        let end = clauseEnd(k, l);
        // "When Trump announced his candidacy in June 2015, he …": a subordinate clause ends at its comma.
        if (SUBORDINATOR.test(doc.lower[before.np.first - 1] ?? '')) {
          for (let t = k + 1; t < end; t++) if (doc.value[t] === ',') {
            end = t - 1;
            break;
          }
        }
        if (/^(who|which)$/.test(doc.lower[before.np.first]) && doc.value[before.np.first - 1] === ',') {
          for (let t = k + 1; t < end; t++) if (doc.value[t] === ',' && (doc.pos[t + 1] === 'VERB' || doc.pos[t + 1] === 'AUX')) end = t - 1;
        }
        const span = contentSpan(k, end);
        // The reported clause opens with its subject ("he", "the plan", "none of …", "about half of …") or with a
        // subordinate clause ("if he were president, …").
        const opener = /^(PRON|DET|PROPN|NOUN|ADJ|NUM)$/.test(doc.pos[k]) || (doc.pos[k] === 'ADP' && doc.value[k + 1] === '-') || (/^\p{Lu}/u.test(doc.value[k]) && /^(VERB|AUX)$/.test(doc.pos[k + 1] ?? '')) || (doc.pos[k] === 'VERB' && /ing$/.test(doc.lower[k]) && !isCue(k) && doc.value[k - 1] !== ',') || (doc.pos[k] === 'ADV' && (/^(none|nearly|more|most)$/.test(doc.lower[k]) || doc.pos[k + 1] === 'SCONJ')) || (doc.pos[k] === 'SCONJ' && /^(if|because|when|while|although|once|unless)$/.test(doc.lower[k])) || (doc.pos[k] === 'ADP' && /^(about|around|over|nearly)$/.test(doc.lower[k])) || /^(whether|how|why|what|who|where|when)$/.test(doc.lower[k]) || (doc.lower[k] === 'at' && /^(least|most)$/.test(doc.lower[k + 1] ?? ''));
        // Without "that", the words after "write", "add", "claim" or "declare", or after a comma right after the cue,
        // must make a clause with a verb of its own: "Baker wrote the letter Feb. 2" names what was written, not what
        // was said; "Maddow said, another reference to the film" describes the quotation.
        const clause = thatAt >= 0 || !(NEEDS_CLAUSE.test(lemma) || commaAfterCue) || (span !== null && finiteVerbIn(k, tokenAt(doc, span[1] - 1)));
        if (span && (thatAt >= 0 || opener) && clause) {
          return reported(span, makeAttribution(c, before));
        }
      }
    }
    return null;
  }

  // 6. Assemble: blocks and quotes, in text order; drop anything crossing another quote.
  const all = [...out, ...blocks].sort((a, b) => a.start - b.start || b.end - a.end);
  // Sorted by start (longer first), kept quotes form a nesting: a stack of the ones still open is enough to tell
  // whether the next one crosses any (it can only cross the innermost), in linear time.
  const kept: Candidate[] = [];
  const open: Candidate[] = [];
  for (const q of all) {
    while (open.length && open[open.length - 1].end <= q.start) open.pop();
    const top = open[open.length - 1];
    const crosses = !!top && q.end > top.end;
    const last = kept[kept.length - 1];
    const duplicate = !!last && last.start === q.start && last.end === q.end;
    if (crosses || duplicate) continue;
    kept.push(q);
    open.push(q);
  }
  return kept.map((q, i) => {
    const sp = q.attribution?.speaker ?? null;
    const gaps = finalGaps(q);
    let tokens = 0;
    for (const [a, b] of quotePieces({ start: q.start, end: q.end, gaps })) tokens += wordsIn(doc, a, b);
    return {
      id: `q${i + 1}`,
      kind: q.kind,
      start: q.start,
      end: q.end,
      tokens,
      cue: q.attribution?.cue ?? '',
      cueStart: q.attribution?.cueStart ?? null,
      cueEnd: q.attribution?.cueEnd ?? null,
      speaker: sp?.canonical ?? 'UNKNOWN',
      speakerMention: sp?.mention ?? '',
      speakerStart: sp && sp.start >= 0 ? sp.start : null,
      speakerEnd: sp && sp.start >= 0 ? sp.end : null,
      speakerRole: sp?.role ?? '',
      speakerType: sp?.type ?? 'unknown',
      gaps,
    };
  });
}
