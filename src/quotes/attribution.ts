/**
 * Attributions shared by the passes: a cue and its speaker found right after a closing mark, right before an opening
 * mark, or (for verbs outside the cue lexicon) in a short "X quipped" after a quotation; the clause boundaries of a
 * reported clause; whether a quotation is a title-case name of a work.
 */
import { tokenAt, isSpaceCode } from '../nlp/index.js';
import { isNameToken, npStartingAt, textOf, type Np } from './phrases.js';
import { speakerFromNp } from './speaker-from-np.js';
import type { QuoteContext, Candidate, Attribution } from './context.js';
import { isCap, isTitleCase } from './pieces.js';
import { subjectBefore, subjectAfter, clauseSubject } from './subjects.js';

/** Dashes that sign a quotation with the name after them (“…” ― Sonya Herridge). */
const SIGNATURE_DASH = new Set(['―', '—', '–']);

/** Speaker types that can be quoted on their own: named people, organisations, outlets (and, where allowed, unnamed
 * sources). */
export function speaks(type: string | undefined, anonymousToo = false): boolean {
  return type === 'person' || type === 'organization' || type === 'outlet' || (anonymousToo && type === 'anonymous');
}

export function makeAttribution(ctx: QuoteContext, c: number, found: { np: Np; role: string } | null, cueLen = 1): Attribution {
  const { doc, lex, people } = ctx;
  const who = found ? (messageSender(ctx, c, found.np) ?? found) : null;
  const speaker = who ? speakerFromNp(doc, who.np, lex, people, ctx.lastSpeaker, who.role) : null;
  return { cue: textOf(doc, c, c + cueLen - 1), cueStart: doc.tokStart[c], cueEnd: doc.tokEnd[c + cueLen - 1], speaker };
}

/**
 * "Martin Andanar released a statement saying …", "She also sent a tweet saying …": before a participle cue (token c),
 * a phrase ending in a message (`messages`; or in its recipients: "a text message to supporters", whether the phrase
 * holds the message or starts after "to") that is the object of an author verb (`author_verbs`, lemmas) within six
 * words before it reports the words of that verb's subject; so do unnamed recipients right after such a verb ("The
 * Vermont senator emailed supporters saying …"); else null.
 */
function messageSender(ctx: QuoteContext, c: number, np: Np): { np: Np; role: string } | null {
  const { doc, lex } = ctx;
  if (!/ing$/.test(doc.lower[c])) return null;
  // The message ends the phrase, or its recipients follow it ("a text message to supporters"), or the phrase is
  // recipients in lowercase right after the verb ("emailed supporters").
  let m = np.last;
  if (!lex.w.messages.has(doc.lower[m])) {
    const recipients = np.last < c && doc.value.slice(np.first, np.last + 1).every((v) => /^\p{Ll}/u.test(v));
    if (recipients && doc.lower[np.first - 1] === 'to' && lex.w.messages.has(doc.lower[np.first - 2] ?? '')) m = np.first - 2;
    else if (recipients && doc.pos[np.first - 1] === 'VERB' && lex.w.authorVerbs.has(doc.lemma[np.first - 1])) m = np.first;
    else {
      for (m = np.last - 1; m > np.first && doc.lower[m + 1] !== 'to'; m--);
      if (!lex.w.messages.has(doc.lower[m])) return null;
    }
  }
  const first = doc.sentences[doc.sentenceOf[m]].firstToken;
  for (let v = m - 1; v >= Math.max(first, m - 6); v--) {
    if (doc.pos[v] !== 'VERB' || !lex.w.authorVerbs.has(doc.lemma[v])) continue;
    const subject = subjectBefore(ctx, v, first);
    // (Not two senders, "Trump and Ryan released a statement saying …": no one speaker.)
    if (!subject || subject.np.last >= v || doc.lower.slice(subject.np.first, subject.np.last + 1).includes('and')) return null;
    return subject;
  }
  return null;
}

/** Attribution in the tokens right after a closing mark: “…,” Homan said / “…,” said Homan / “…,” he told CNN. */
export function attributeRight(ctx: QuoteContext, afterOffset: number): Attribution | null {
  const { doc, text, n, lex } = ctx;
  const first = tokenAt(doc, afterOffset);
  let last = first;
  while (last < n && last - first < 40 && !ctx.sentenceEnd(last) && !(ctx.isMark(last) && last > first) && !(last > first && ctx.breakBefore(last))) last++;
  if (first < n && /\n/.test(text.slice(afterOffset, doc.tokStart[first]))) return null;
  // “…” ― Sonya Herridge / “…” — Jacklyn Ashley.: a dash and a name that ends the line or sentence sign the quotation.
  if (first < n && SIGNATURE_DASH.has(doc.value[first])) {
    let k = first + 1;
    while (k < n && k - first <= 5 && (isNameToken(doc, k, lex) || (doc.value[k] === '.' && k > first + 1 && /^\p{Lu}\p{Ll}?$/u.test(doc.value[k - 1])))) k++;
    const ends = k >= n || (doc.pos[k] === 'SPACE' && doc.value[k].includes('\n')) || (doc.value[k] === '.' && (k + 1 >= n || doc.pos[k + 1] === 'SPACE')) || ctx.isMark(k);
    if (k - first >= 2 && ends) return makeAttribution(ctx, first, { np: { first: first + 1, last: k - 1 }, role: '' });
  }
  for (let c = first; c < last && c - first < 30; c++) {
    if (!ctx.isCue(c)) continue;
    const ph = ctx.isPhraseAt(c);
    if (ph) return makeAttribution(ctx, c, subjectAfter(ctx, c + ph - 1, last - 1), ph);
    if (doc.lower[c + 1] === 'by') return null; // passive: "a strategy emphasized by X"
    // "… to Mr. Sanders, said David Axelrod": after a comma the cue is inverted and its subject follows it.
    if (c > first && doc.value[c - 1] === ',' && !lex.listenerVerbs.has(doc.lemma[c])) {
      const inverted = subjectAfter(ctx, c, last - 1);
      if (inverted && /^\p{Lu}/u.test(doc.value[inverted.np.last]) && doc.pos[inverted.np.last + 1] !== 'VERB' && doc.pos[inverted.np.last + 1] !== 'AUX') return makeAttribution(ctx, c, inverted);
    }
    const before = subjectBefore(ctx, c, first);
    // “… campaign.” She said she admires …: after a quotation that ends its sentence, a new sentence whose cue
    // reports a clause of its own is another report.
    // ("“…!” Trump told ITV in an interview." is not: the name after "told" is the listener.)
    let ownClause = last - c > 4 && /[.!?]\s*(["”»]|'')$/.test(text.slice(Math.max(0, afterOffset - 4), afterOffset));
    if (ownClause) {
      const clauseAt = lex.listenerVerbs.has(doc.lemma[c]) ? (npStartingAt(doc, c + 1, lex, last - 1)?.last ?? c) + 1 : c + 1;
      ownClause = /^(PRON|DET|PROPN|NOUN)$/.test(doc.pos[clauseAt] ?? '');
    }
    if (before && (before.np.first <= first + 2 || doc.value[before.np.first - 1] === ',') && !ownClause) return makeAttribution(ctx, c, before);
    // “How big is that wall?” asked the boy: right after the quotation, "asked" is inverted (the asker follows).
    // Not "…,” and said that Trump “…”": "and" shares an earlier subject, "that" opens a reported clause.
    const inverted = doc.lower[c + 1] !== 'that' && !/^(and|but)$/.test(doc.lower[c - 1] ?? '');
    if (c <= first + 2 && inverted && (!lex.listenerVerbs.has(doc.lemma[c]) || (c === first && doc.lemma[c] === 'ask'))) {
      // “…,” said Bob Mason / said the candidate could …: a verb after the phrase makes it a clause, not a speaker.
      const after = subjectAfter(ctx, c, last - 1);
      if (after && (doc.pos[after.np.last + 1] === 'VERB' || doc.pos[after.np.last + 1] === 'AUX')) return null;
      return makeAttribution(ctx, c, after);
    }
    return null;
  }
  return unlistedVerbRight(ctx, afterOffset, first, last);
}

/**
 * “This is fantastic!” beamed Donald Hartley / “…,” Trump quipped. : a quotation that ends its clause (comma, ! or ?
 * before the closing mark) followed at once by a name and a past-tense verb, in either order, with nothing after
 * but punctuation or a short adjunct, is attributed even when the verb is not in the cue lexicon.
 */
export function unlistedVerbRight(ctx: QuoteContext, afterOffset: number, first: number, last: number): Attribution | null {
  const { doc, text, lex } = ctx;
  if (!/[,!?]\s*(["”»]|'')$/.test(text.slice(Math.max(0, afterOffset - 4), afterOffset))) return null;
  // "quipped", "shot", "reads", and "read" ("the statement read").
  const pastVerb = (t: number) => doc.pos[t] === 'VERB' && /^\p{Ll}/u.test(doc.value[t]) && (/ed$/.test(doc.lower[t]) || doc.lemma[t] !== doc.lower[t] || doc.lower[t] === 'read');
  // Nothing after the verb but punctuation, an adverb or a short time adjunct ("on Tuesday", "Tuesday night").
  const ends = (t: number): boolean => {
    if (t >= last || ctx.sentenceEnd(t) || doc.value[t] === ',') return true;
    if (doc.pos[t] === 'ADV') return t + 1 >= last || ctx.sentenceEnd(t + 1) || doc.value[t + 1] === ',';
    if (lex.w.timeWords.has(doc.value[t])) return ends(lex.w.timesOfDay.has(doc.lower[t + 1] ?? '') ? t + 2 : t + 1);
    if (doc.lower[t] === 'on' && lex.w.timeWords.has(doc.value[t + 1] ?? '')) return ends(t + 1);
    return false;
  };
  // VERB NAME: "beamed Donald Hartley of Madison"; "reads a Wednesday editorial in The Des Moines Register".
  if (pastVerb(first) || /^reads?$/.test(doc.lower[first])) {
    const after = subjectAfter(ctx, first, last - 1);
    const reads = /^reads?$/.test(doc.lower[first]) && after && lex.w.descriptionDeterminers.has(doc.lower[after.np.first]);
    if (after && (/^\p{Lu}/u.test(doc.value[after.np.last]) || reads) && (ends(after.np.last + 1) || /^(of|in|on)$/.test(doc.lower[after.np.last + 1]))) return makeAttribution(ctx, first, after);
  }
  // NAME VERB: "Trump quipped", "he shot back"
  // wink may tag such a verb as a noun or an adjective ("Trump shot back", "Toomey fumed").
  const verbAt = (t: number) => pastVerb(t) || (/^\p{Ll}/u.test(doc.value[t] ?? '') && (lex.w.irregularPast.has(doc.lower[t]) || (/ed$/.test(doc.lower[t]) && /^(ADJ|NOUN)$/.test(doc.pos[t]))));
  let np = npStartingAt(doc, first, lex, last - 1);
  if (np && np.last > np.first && /^\p{Lu}/u.test(doc.value[np.last - 1]) && verbAt(np.last)) np = { first: np.first, last: np.last - 1 };
  if (np && (lex.w.pronounSubjects.has(doc.lower[np.first]) || doc.lower[np.first] === 'it' || /^\p{Lu}/u.test(doc.value[np.last]) || doc.pos[np.first] === 'DET') && verbAt(np.last + 1)) {
    let t = np.last + 2;
    if (lex.w.verbParticles.has(doc.lower[t])) t++;
    if (ends(t)) return makeAttribution(ctx, np.last + 1, { np, role: '' });
  }
  return null;
}

/** Attribution before an opening mark: Leavitt said in an email that, “…” / Cruz continued: “…” / X says the plan “…”. */
/** How many tokens attributeLeft reads back from a quotation for its cue: a long sentence's subject is in reach. */
const LEFT_REACH = 60;

export function attributeLeft(ctx: QuoteContext, beforeOffset: number, floorOffset: number): Attribution | null {
  const { doc, text, lex } = ctx;
  const end = tokenAt(doc, beforeOffset) - 1;
  if (end < 0 || ctx.sentenceEnd(end) || /\n/.test(text.slice(doc.tokEnd[end], beforeOffset))) return null;
  // The sentence's start, or the reach's limit: a floor at the limit is not a clause's start, so no subject may
  // begin there ("Roy M. Neel, who managed Al Gore's campaign, said …" cut at "Al Gore's").
  let floor = end;
  while (floor > 0 && end - floor < LEFT_REACH && !ctx.sentenceEnd(floor - 1) && !ctx.isMark(floor - 1) && doc.tokStart[floor - 1] >= floorOffset && !ctx.breakBefore(floor)) floor--;
  const cut = end - floor >= LEFT_REACH;
  for (let c = end; c >= floor; c--) {
    if (!ctx.isCue(c)) continue;
    const ph = ctx.isPhraseAt(c);
    if (ph) return makeAttribution(ctx, c, subjectAfter(ctx, c + ph - 1, end));
    // "X said A, adding that “…”" / "X did Y and said “…”": the cue shares the subject of the clause before.
    if (c > floor && ctx.joinsEarlierClause(c)) {
      const earlier = attributeLeft(ctx, doc.tokStart[c - 1], floorOffset);
      const shared = earlier?.speaker || cut ? null : clauseSubject(ctx, floor, c);
      if (earlier?.speaker) return { ...makeAttribution(ctx, c, null), speaker: earlier.speaker };
      if (shared) return makeAttribution(ctx, c, shared);
    }
    // "When Trump suggested …, Rubio fired back: “…”": a cue in an opening subordinate clause does not report what
    // the main clause after it says.
    if (!cut && subordinateOpening(ctx, c, floor, end)) return null;
    const before = subjectBefore(ctx, c, floor);
    if (before && !(cut && before.np.first === floor)) return makeAttribution(ctx, c, before);
    // "said Sen. X: “…”": a named speaker right after the cue, then punctuation or the quotation itself (not "said
    // that Trump “melted down”": subjectAfter never reads "that" as a speaker).
    if (!lex.listenerVerbs.has(doc.lemma[c])) {
      const after = subjectAfter(ctx, c, end);
      if (after && /^\p{Lu}/u.test(doc.value[after.np.last]) && (after.np.last === end || doc.pos[after.np.last + 1] === 'PUNCT')) return makeAttribution(ctx, c, after);
    }
  }
  return null;
}

/**
 * Cue c is in a subordinate clause that opens the sentence at `floor` ("When …", "After …") and that a comma closes
 * before `end`, where a main clause with a subject and a verb of its own follows.
 */
function subordinateOpening(ctx: QuoteContext, c: number, floor: number, end: number): boolean {
  const { doc, lex } = ctx;
  if (!lex.w.subordinators.has(doc.lower[floor]) || floor >= c) return false;
  for (let t = floor + 1; t < c; t++) if (doc.value[t] === ',') return false;
  for (let k = c + 1; k < end; k++) {
    if (doc.value[k] !== ',') continue;
    const main = clauseSubject(ctx, k + 1, end + 1);
    if (main && main.verb <= end) return true;
  }
  return false;
}

/** Two to eight words, every word of four letters or more capitalised ("Eye of the Tiger", "Crooked Hillary"). */
export function titleCase(ctx: QuoteContext, q: Candidate): boolean {
  const { text } = ctx;
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

/** Token t starts a new clause: "; …", ", and he …", ", which …", ", as she …". */
export function clauseBreak(ctx: QuoteContext, t: number): boolean {
  const { doc, n, lex } = ctx;
  if (doc.value[t] === ';') return true;
  // "… and said it was …", "… and insisted that …", "before claiming …": a second report starts.
  // (Sets, not regexes, and no closure unless needed: this is asked at every token of a reported clause.)
  if (lex.w.andBut.has(doc.lower[t]) && (ctx.isCue(t + 1) || (doc.pos[t + 1] === 'ADV' && ctx.isCue(t + 2)))) return true;
  if (lex.w.beforeAfterWhile.has(doc.lower[t]) && ctx.isCue(t + 1) && /ing$/.test(doc.lower[t + 1])) return true;
  // A dash or a relative clause closed by a second dash or comma is an aside ("Gov. García Padilla, who must make
  // the final decision, has revealed …"); left open, it ends the clause.
  const dash = doc.value[t];
  const spacedHyphen = dash === '-' && ctx.spaced(t);
  if (dash !== '—' && dash !== '--' && !spacedHyphen && dash !== ',') return false;
  const closedWithin = (closes: (u: number) => boolean) => {
    for (let u = t + 1; u < n && u - t < 20 && !ctx.sentenceEnd(u) && !ctx.breakBefore(u); u++) if (closes(u)) return true;
    return false;
  };
  if (dash === '—' || dash === '--') return !closedWithin((u) => doc.value[u] === dash);
  if (spacedHyphen) return !closedWithin((u) => doc.value[u] === '-' && ctx.spaced(u));
  const a = doc.lower[t + 1] ?? '';
  if (lex.w.relativePronouns.has(a)) return !closedWithin((u) => doc.value[u] === ',');
  if (lex.w.concessives.has(a)) return true;
  if (a === 'even' && /^(though|if)$/.test(doc.lower[t + 2] ?? '')) return true;
  // ", but …" always; ", and …" when a clause with a subject of its own follows.
  return a === 'but' || (a === 'and' && (doc.pos[t + 2] === 'PRON' || doc.pos[t + 2] === 'PROPN' || doc.pos[t + 2] === 'DET'));
}

/** End of a reported clause starting at k: before ", adding that …" or "and added …" (a second report). */
export function clauseEnd(ctx: QuoteContext, k: number, l: number): number {
  const { doc } = ctx;
  for (let t = k + 1; t < l; t++) {
    if (clauseBreak(ctx, t)) return t - 1; // includes "… and added …"
    if (doc.value[t] === ',' && ctx.isIndirectCue(t + 1) && /ing$/.test(doc.lower[t + 1])) return t - 1;
  }
  return l;
}

/** The attribution (after a quotation) ends in a colon and a quotation opens: "Mr. Zahed said: “…”". */
export function introducesNext(ctx: QuoteContext, a: Attribution): boolean {
  const end = Math.max(a.cueEnd ?? 0, a.speaker && a.speaker.start >= 0 ? a.speaker.end : 0);
  return /^\s*:\s*(?:[“"«]|'')/.test(ctx.text.slice(end, end + 8));
}
