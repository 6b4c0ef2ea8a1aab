/**
 * The per-article context every quote pass reads and writes: the NlpDoc, the compiled cue lexicon, the article's
 * paragraphs, its person registry, token facts computed once (sentence ends, quotation marks, line breaks,
 * parentheses) or remembered when first asked (cue phrases, cue flags), and the candidate quotations the passes build
 * up, in the lists each pass hands on to the next.
 */
import type { NlpDoc } from '../nlp/index.js';
import { isSpaceCode, tokenAt } from '../nlp/index.js';
import type { QuoteKind } from '../types.js';
import type { QuoteSettings } from './settings.js';
import { compileSettings, type Lexicon } from './lexicon.js';
import { PersonRegistry, type Speaker } from './speakers.js';

/** Opening and closing curly quotation marks and guillemets (straight marks open or close by position). */
export const OPEN = new Set(['“', '„', '‟', '«']);
export const CLOSE = new Set(['”', '»']);

/** Token t opens a quotation: “ or «, or a straight mark (" or a doubled apostrophe) written before a word. */
export function opensQuotation(doc: NlpDoc, t: number): boolean {
  const v = doc.value[t];
  if (OPEN.has(v)) return true;
  return t + 1 < doc.value.length && doc.tokEnd[t] === doc.tokStart[t + 1] && (v === '"' || (v === "'" && doc.value[t + 1] === "'"));
}

/** Token t closes a quotation: ” or », or a straight mark (" or a doubled apostrophe) written right after a word. */
export function closesQuotation(doc: NlpDoc, t: number): boolean {
  const v = doc.value[t];
  if (CLOSE.has(v)) return true;
  return t > 0 && doc.tokEnd[t - 1] === doc.tokStart[t] && (v === '"' || (v === "'" && doc.value[t - 1] === "'"));
}

export interface Attribution {
  cue: string;
  cueStart: number | null;
  cueEnd: number | null;
  speaker: Speaker | null;
}

export interface Candidate {
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

export function addGap(q: Candidate, start: number, end: number): void {
  if (end > start) (q.gaps ??= []).push([start, end]);
}

/**
 * A kept quote's gaps: inside its final [start, end) (later passes may move its edges), sorted, overlaps merged; []
 * when there are none.
 */
export function finalGaps(q: Candidate): [number, number][] {
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

export function paragraphStarts(text: string): number[] {
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

export function paragraphOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export class QuoteContext {
  readonly doc: NlpDoc;
  readonly text: string;
  /** Number of tokens. */
  readonly n: number;
  readonly lex: Lexicon;
  /** Offsets where paragraphs start. */
  readonly paras: number[];
  readonly people: PersonRegistry;
  /** Canonical name of the last person quoted, in text order (for "he said" with no other antecedent). */
  lastSpeaker: string | null = null;

  /** Quotations from paired marks, in text order (direct-quotes; changed by the passes after it). */
  readonly candidates: Candidate[] = [];
  /** The candidates after split quotations are joined, quoted titles set back among them (split-quotes). */
  readonly merged: Candidate[] = [];
  /** Block quotations (block-quotes). */
  readonly blocks: Candidate[] = [];
  /** Paragraph index → the colon introduction of a quotation that opens that paragraph (block-quotes). */
  readonly colonAttr = new Map<number, Attribution>();
  /** Attributed quotations and kept fragments (attribute-quotes), headlines and indirect speech added after them. */
  readonly out: Candidate[] = [];

  // Remembered per token, -1 (phrases) or 0 (cue flags) until asked: tokens inside quotations mostly never are.
  private readonly phraseLen: Int16Array;
  // 0 not yet known, 1 not a cue, 2 a cue, 3 a cue that may introduce indirect speech (without quotation marks only
  // the plainer speech verbs count).
  private readonly cueFlags: Uint8Array;
  // Computed once per article (asked for many times per token by the passes).
  private readonly lineBreakBefore: Uint8Array;
  private readonly endsSentence: Uint8Array;
  private readonly markAt: Uint8Array;

  constructor(doc: NlpDoc, settings: QuoteSettings) {
    this.doc = doc;
    this.text = doc.text;
    const n = (this.n = doc.value.length);
    this.lex = compileSettings(settings);
    this.paras = paragraphStarts(this.text);
    this.people = new PersonRegistry(doc, this.lex);
    this.phraseLen = new Int16Array(n).fill(-1);
    this.cueFlags = new Uint8Array(n);
    // A line break between token t-1 and token t (in the gap, or as a SPACE token of wink's), from the text's newlines.
    const lineBreakBefore = (this.lineBreakBefore = new Uint8Array(n + 1));
    const text = this.text;
    for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) {
      const t = tokenAt(doc, p);
      lineBreakBefore[t] = 1; // the newline is in the gap before token t, or inside it (a SPACE token) …
      if (t < n && doc.tokStart[t] <= p) lineBreakBefore[t + 1] = 1; // … and then also before the token after it
    }
    // "(D-Ore.) said", "(D-N.Y.) said", "McConnell, R-Ky., said": a full stop inside parentheses or before a comma
    // does not end the sentence.
    // In the same pass: the tokens that end a sentence and the quotation marks. Both are one character long, which
    // rules out most tokens at once.
    const inParens = new Uint8Array(n);
    const endsSentence = (this.endsSentence = new Uint8Array(n));
    const markAt = (this.markAt = new Uint8Array(n));
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
  }

  /** Length (tokens) of the multi-word cue phrase starting at token i, 0 if none. */
  isPhraseAt(i: number): number {
    if (i < 0 || i >= this.n) return 0;
    if (this.phraseLen[i] < 0) this.phraseLen[i] = this.phraseAt(i);
    return this.phraseLen[i];
  }

  private phraseAt(i: number): number {
    const { doc, lex } = this;
    // The first letter rules out most tokens before a Map lookup.
    if (!lex.phraseFirstCodes[doc.lower[i].charCodeAt(0)]) return 0;
    for (const ph of lex.phrasesByFirst.get(doc.lower[i]) ?? []) {
      let k = 1;
      while (k < ph.length && doc.lower[i + k] === ph[k]) k++;
      if (k === ph.length) return k;
    }
    return 0;
  }

  /** "X called for a ban on …", "called on Congress to …": a demand reported with its object as the content. */
  callsFor(i: number): boolean {
    const { doc } = this;
    return doc.lemma[i] === 'call' && doc.pos[i] === 'VERB' && this.lex.w.callPrepositions.has(doc.lower[i + 1]);
  }

  /** Token i is a speech cue (cueAt is run at most once per token; the passes ask isCue many times). */
  isCue(i: number): boolean {
    return i >= 0 && i < this.n && this.cueFlag(i) >= 2;
  }

  /** A cue that may introduce indirect speech. */
  isIndirectCue(i: number): boolean {
    return i >= 0 && i < this.n && this.cueFlag(i) === 3;
  }

  private cueFlag(i: number): number {
    const { doc, lex } = this;
    if (this.cueFlags[i] === 0) {
      if (!this.cueAt(i)) this.cueFlags[i] = 1;
      else this.cueFlags[i] = this.isPhraseAt(i) > 0 || lex.indirectVerbs.has(doc.lemma[i]) || lex.indirectVerbs.has(doc.lower[i]) || this.callsFor(i) ? 3 : 2;
    }
    return this.cueFlags[i];
  }

  private cueAt(i: number): boolean {
    const { doc, lex } = this;
    const w = lex.w;
    const p = doc.pos[i];
    // A word of the cue lexicon that wink tagged a noun (the rules below decide when it is a verb after all).
    const nounCue = p === 'NOUN' && (lex.verbs.has(doc.lower[i]) || lex.verbs.has(doc.lemma[i]));
    // "One in five say that …": wink tags "say" a noun after a number; followed by a clause it is the verb.
    if (p === 'NOUN' && CLAUSE_OPENER_POS.has(doc.pos[i + 1]) && w.sayForms.has(doc.lower[i])) return true;
    // "“…,” Conway notes." / "“…,” the Saudis state in …": right after a quotation and its speaker.
    if (nounCue && i > 1) {
      let t = i - 1;
      while (t > 0 && i - t <= 4 && SPEAKER_POS.has(doc.pos[t])) t--;
      if (t < i - 1 && closesQuotation(doc, t)) return true;
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
    if (p !== 'VERB' && p !== 'AUX' && p !== 'NOUN') return this.isPhraseAt(i) > 0;
    if (p === 'NOUN') return false;
    // A word of the lexicon first: it rules out most verbs before the passive tests.
    if (!(lex.verbs.has(doc.lemma[i]) || lex.verbs.has(doc.lower[i]) || this.isPhraseAt(i) > 0)) return false;
    // A passive ("she was told that …", "it is said") reports what someone else said: not the subject's speech.
    if (doc.lower[i + 1] === 'by') return false; // "a strategy emphasized by X"
    if (i > 0 && w.passiveAuxiliaries.has(doc.lower[i - 1]) && w.passiveParticiple.test(doc.lower[i])) return false;
    return true;
  }

  /** A line break between token t-1 and token t. */
  breakBefore(t: number): boolean {
    return t > 0 && t < this.n && this.lineBreakBefore[t] === 1;
  }

  /** A token with whitespace before it ("Reuters) - U.S.", not "KING-TV"). */
  spaced(t: number): boolean {
    return t > 0 && this.doc.tokStart[t] > this.doc.tokEnd[t - 1];
  }

  sentenceEnd(i: number): boolean {
    return i >= 0 && i < this.n && this.endsSentence[i] === 1;
  }

  /** Token i is a quotation mark (a doubled apostrophe counts). */
  isMark(i: number): boolean {
    return i >= 0 && i < this.n && this.markAt[i] === 1;
  }

  /**
   * "X said A, adding that …", "X did Y and (also) said …", "…, X said, while arguing …", "…, alternately shouting
   * …": a cue that shares the subject of the clause before.
   */
  joinsEarlierClause(c: number): boolean {
    const { doc, lex } = this;
    if (/ing$/.test(doc.lower[c])) {
      const b = doc.pos[c - 1] === 'ADV' && /^\p{Ll}/u.test(doc.value[c - 1]) ? c - 2 : c - 1;
      if (doc.value[b] === ',' || lex.w.gerundOpeners.has(doc.lower[b] ?? '')) return true;
    }
    return /^(and|but)$/.test(doc.lower[c - 1]) || (/^(and|but)$/.test(doc.lower[c - 2] ?? '') && doc.pos[c - 1] === 'ADV');
  }

  /** "Rep. Elijah Cummings (D-Md.)": the token before a parenthesis that token t closes, else t itself. */
  beforeParenthesis(t: number, floor: number): number {
    const { doc } = this;
    if (doc.value[t] !== ')') return t;
    let k = t - 1;
    while (k >= floor && doc.value[k] !== '(' && t - k < 12) k--;
    return k >= floor && doc.value[k] === '(' ? k - 1 : t;
  }
}

// Sets of part-of-speech tags (wink's universal tags), not words.
const CLAUSE_OPENER_POS = new Set(['PRON', 'DET', 'SCONJ']);
const SPEAKER_POS = new Set(['PROPN', 'NOUN', 'DET', 'PRON']);
