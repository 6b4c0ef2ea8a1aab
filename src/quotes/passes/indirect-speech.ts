/**
 * Indirect speech, in sentences (or their parts) with no attributed quotation, outside block quotes, with the
 * `indirect_verbs` of pipeline/cues.yml and its phrases: X said (that) …; …, X said; …, X said, …; according to X;
 * X told CNN …; X called for …; X asked whether …; "moves that he said improved …"; with long and quantified subjects;
 * several per sentence. Words beside a quotation that share its cue ("The streets were deserted, he added,
 * “but …”") join that quotation.
 */
import { tokenAt } from '../../nlp/index.js';
import { IntervalIndex } from '../../search.js';
import { APOS, npEndingAt, npStartingAt, type Np } from '../phrases.js';
import { addGap, type QuoteContext, type Candidate, type Attribution } from '../context.js';
import { makeAttribution, attributeLeft, clauseEnd } from '../attribution.js';
import { subjectBefore, subjectAfter, clauseSubject, longSubject } from '../subjects.js';
import { authorAt, authorNamedBefore, authorPreposition } from '../document-authors.js';

export const name = 'indirect-speech';

export function run(ctx: QuoteContext): void {
  const { doc, blocks, out } = ctx;
  // Quotations by the token of their cue, for indirect speech that shares a quotation's cue.
  const quoteByCue = new Map<number, Candidate>();
  for (const q of out) if (q.attribution?.speaker && q.attribution.cueStart != null) quoteByCue.set(q.attribution.cueStart, q);
  // Headline attributions count as found; unattributed fragments do not stop indirect speech. Sorted, for overlap
  // queries in logarithmic time (a long article has thousands).
  const claimed = new IntervalIndex([...out.filter((q) => q.kind !== 'partial' || q.attribution), ...blocks], (q) => q.outerStart, (q) => q.outerEnd);
  for (const s of joinedSentences(ctx)) {
    if (s.end <= s.start) continue;
    // The sentence splitter can glue a headline or a quote-ending paragraph to the next one: split at line breaks.
    let f = s.firstToken;
    for (let t = s.firstToken; t <= s.lastToken + 1; t++) {
      const breakHere = t > s.lastToken || (t > f && ctx.breakBefore(t));
      if (!breakHere) continue;
      let l = t - 1;
      while (l > f && (doc.pos[l] === 'PUNCT' || doc.pos[l] === 'SPACE')) l--;
      while (f < l && doc.pos[f] === 'SPACE') f++;
      const introducesBlock = doc.value[t - 1] === ':' || doc.value[l + 1] === ':';
      if (l - f >= 4 && !introducesBlock) {
        for (const [a, b] of freeSegments(ctx, claimed, f, l)) indirectsIn(ctx, quoteByCue, a, b, f);
      }
      f = t;
    }
  }
}

// wink ends a sentence at "(I-Vt.)"; a sentence that ends in ")" or is followed by one opening in lower case
// continues.
function joinedSentences(ctx: QuoteContext): { firstToken: number; lastToken: number; start: number; end: number }[] {
  const { doc } = ctx;
  const sentences: { firstToken: number; lastToken: number; start: number; end: number }[] = [];
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
    if (prev && !ctx.breakBefore(s.firstToken) && (doc.value[prev.lastToken] === ')' || /^\p{Ll}/u.test(firstWord) || openParen(prev.firstToken, prev.lastToken))) {
      prev.lastToken = s.lastToken;
      prev.end = s.end;
    } else sentences.push({ firstToken: s.firstToken, lastToken: s.lastToken, start: s.start, end: s.end });
  }
  return sentences;
}

/**
 * The parts of tokens [f, l] that indirect speech may use: all of it if no quotation lies there; else the part before
 * the first one (up to its last comma: "X said A, telling Y that “…”") and the part after the last one ("“…,” he
 * said, adding that B"). Unattributed scare quotes do not count; an indirect content may contain them.
 */
function freeSegments(ctx: QuoteContext, claimed: IntervalIndex<Candidate>, f: number, l: number): [number, number][] {
  const { doc } = ctx;
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
function indirectsIn(ctx: QuoteContext, quoteByCue: Map<number, Candidate>, f: number, l: number, s0: number): void {
  const { doc, out } = ctx;
  let from = f;
  let prior: Attribution | null = null;
  for (let guard = 0; guard < 4 && l - from >= 3; guard++) {
    const found = indirectIn(ctx, from, l, s0, prior);
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

/**
 * The cue at c is negated, so it reports that nothing was said ("would not say whether", "has not yet said who",
 * "never said that"; up to two adverbs or auxiliaries between): `report_negations`. "not only said" still reports.
 */
function negatedReport(ctx: QuoteContext, c: number): boolean {
  const { doc, lex } = ctx;
  for (let t = c - 1, adverbs = 0; t >= 0 && adverbs <= 2; t--, adverbs++) {
    if (lex.w.reportNegations.has(doc.lower[t])) return doc.lower[t + 1] !== 'only';
    if (doc.pos[t] !== 'ADV' && doc.pos[t] !== 'AUX' && doc.pos[t] !== 'PART') return false;
  }
  return false;
}

/** "when asked", "after being asked", … among tokens [a, b]. */
function askedBetween(ctx: QuoteContext, a: number, b: number): boolean {
  const { doc, lex } = ctx;
  for (let t = Math.max(a, 1); t <= b; t++) if (doc.lower[t] === 'asked' && lex.w.askedOpeners.has(doc.lower[t - 1])) return true;
  return false;
}

/**
 * "In February, as a protester was being removed, Mr. Trump said, “…”": the clause right before the comma at k is
 * subordinate (its last comma-separated part opens with "as", "when", …, or the sentence with "Asked"), so it sets
 * the scene; it is not reported.
 */
function subordinateBefore(ctx: QuoteContext, f: number, k: number): boolean {
  const { doc, lex } = ctx;
  let t = k - 1;
  while (t > f && doc.value[t] !== ',') t--;
  const first = doc.value[t] === ',' ? t + 1 : f;
  // "Asked what he would like in a nominee, Adelson said …": the question put to the speaker sets the scene too.
  if (doc.lower[first] === 'asked' && first === f) return true;
  return lex.w.subordinators.has(doc.lower[first] ?? '') && doc.lower[first] !== 'where';
}

/**
 * "On the same day that footage emerged of …, Mr. Trump said of the episode, “…”": tokens [f, k) are one prepositional
 * phrase (its verbs, if any, in a clause it opens with "that", "which", …), the time or place of the report, not what
 * was reported. Asked only where the phrase opens the sentence and nothing of it follows the attribution: in "In any
 * case, Mr. DiPietro said, the golf industry was …" the phrase belongs to the reported clause.
 */
function prepositionalOpener(ctx: QuoteContext, f: number, k: number): boolean {
  const { doc, lex } = ctx;
  if (doc.pos[f] !== 'ADP') return false;
  // A clause opener after a noun of the phrase ("day that …"), not a determiner ("In that last step").
  const opensClause = (t: number) => t > f + 1 && (lex.w.descriptionOpeners.has(doc.lower[t]) || lex.w.relativePronouns.has(doc.lower[t]));
  let clause = f + 1;
  while (clause < k && doc.value[clause] !== ',' && !opensClause(clause)) clause++;
  if (doc.value[clause] === ',' && clause < k) return false;
  return !finiteVerbIn(ctx, f + 1, clause - 1);
}

/** A verb or auxiliary in tokens [a, b] that can head a clause: not a participle in -ing, not after "to". */
function finiteVerbIn(ctx: QuoteContext, a: number, b: number): boolean {
  const { doc } = ctx;
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

function contentSpan(ctx: QuoteContext, a: number, b: number): [number, number] | null {
  const { doc } = ctx;
  while (a <= b && (doc.pos[a] === 'PUNCT' || doc.lower[a] === 'that')) a++;
  while (b >= a && doc.pos[b] === 'PUNCT') b--;
  // At least four tokens, or three that make a clause of their own ("she supported it", "Trump can win").
  if (b - a < 2 || (b - a === 2 && !((doc.pos[a] === 'PRON' || doc.pos[a] === 'PROPN') && (doc.pos[a + 1] === 'VERB' || doc.pos[a + 1] === 'AUX')))) return null;
  return [doc.tokStart[a], doc.tokEnd[b]];
}

/**
 * The author named after a document ("a recent report from Bloomberg New Energy Finance", "a 2013 study by economists
 * Peter Schott and Justin Pierce", "exit polls conducted by Edison Research"): a capitalised noun phrase after by/from
 * that follows a word of authored_documents ending (or inside) `np`, or a participle of document_participles after it;
 * or the capitalised words right before the document word ("an NBC report"); else null.
 */
function authorOf(ctx: QuoteContext, np: Np, l: number): Np | null {
  const { doc, lex } = ctx;
  for (let h = np.first; h <= np.last; h++) {
    if (!lex.w.authoredDocuments.has(doc.lower[h])) continue;
    const by = authorPreposition(doc, lex, h);
    if (by < 0) continue;
    const author = authorAt(doc, lex, h, by, l);
    if (author) return author;
    // No name after a participle ("a New Jersey Watchdog report released by the governor's office"): the name before
    // the document may still be its author.
    if (by === h + 1) return null;
  }
  // "an NBC report", "the NBC-Wall Street Journal analysis": the capitalised words right before the document word,
  // written in lower case ("The Washington Post" names an outlet), other than a month ("a February survey"); the
  // document word may be followed by what it is of ("a POLITICO analysis of FEC records").
  let h = np.last;
  for (let k = np.first + 1; k < np.last; k++) {
    if (doc.lower[k + 1] === 'of' && lex.w.authorNamedDocuments.has(doc.value[k])) {
      h = k;
      break;
    }
  }
  const named = h > np.first ? authorNamedBefore(doc, lex, np.first, h) : null;
  if (named) return named;
  // "according to Lazar's plea agreement", "HuffPost Pollster’s polling average": the possessor of a document (or of
  // what the phrase stops before: "polling" is tagged a verb).
  if (np.last > np.first && APOS.test(doc.value[np.last])) return { first: np.first, last: np.last - 1 };
  for (let k = np.first + 1; k < np.last; k++) {
    if (!APOS.test(doc.value[k]) || !lex.w.possessedDocuments.has(doc.lower[np.last])) continue;
    const owner = npEndingAt(doc, k - 1, lex, np.first);
    return owner && /^\p{Lu}/u.test(doc.value[owner.last]) ? owner : null;
  }
  return null;
}

function indirectIn(ctx: QuoteContext, f: number, l: number, s0: number, prior: Attribution | null): Candidate | null {
  const { doc, lex } = ctx;
  for (let c = f; c <= l; c++) {
    const ph = ctx.isPhraseAt(c);
    if (ph) {
      // According to X, CLAUSE.  /  CLAUSE, according to X. The source runs to a comma, a parenthesis or the end
      // ("polling by the A.F.L.-C.I.O.", "exit polls"), whatever wink tags its words.
      let who = subjectAfter(ctx, c + ph - 1, l);
      if (!who) {
        let e = c + ph;
        while (e + 1 <= l && e - (c + ph) < 12 && doc.value[e + 1] !== ',' && doc.value[e + 1] !== '(') e++;
        let nouny = false;
        for (let t = c + ph; t <= e; t++) if (doc.pos[t] === 'NOUN' || doc.pos[t] === 'PROPN') nouny = true;
        if (e >= c + ph && nouny) who = { np: { first: c + ph, last: e }, role: '' };
      }
      if (!who) continue;
      // "according to a count by The Associated Press": the document's author speaks.
      const author = authorOf(ctx, who.np, l);
      if (author) who = { np: author, role: '' };
      const attr = makeAttribution(ctx, c, who, ph);
      // The source may run on ("a count by The Associated Press", "polls at the time") up to a comma.
      let k = who.np.last + 1;
      while (k <= l && doc.value[k] !== ',' && k - who.np.last < 12) k++;
      const after = doc.value[k] === ',' && l - k >= 4 ? contentSpan(ctx, k + 1, l) : null;
      const before = c - 1 > f + 2 ? contentSpan(ctx, f, doc.value[c - 1] === ',' ? c - 2 : c - 1) : null;
      // According to X, CLAUSE (also "But, according to X, …") / CLAUSE(,) according to X.
      // "At the heart of the trouble, according to X, was a decision …": a source in the middle of a sentence that
      // goes on (not with a clause of its own: ", and …", ", but …") has content on both sides.
      const goesOn = before && after && doc.value[c - 1] === ',' && !lex.w.clauseConjunctions.has(doc.lower[k + 1] ?? '');
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
      if (doc.pos[k] === 'ADP' && lex.w.timeWords.has(doc.value[k + 1] ?? '')) k += 2;
      else if (lex.w.timeWords.has(doc.value[k] ?? '')) k++;
      if (!lex.w.questionOpeners.has(doc.lower[k] ?? '')) continue;
      let e = k + 1;
      while (e <= l && doc.value[e] !== ',' && !ctx.sentenceEnd(e)) e++;
      const span = contentSpan(ctx, k, e - 1);
      if (span) return reported(span, makeAttribution(ctx, c, { np: asker, role: '' }));
      continue;
    }
    if (!ctx.isIndirectCue(c)) continue;
    if (negatedReport(ctx, c)) continue;
    // "Having said that, there are economists who …": a discourse marker, not a report.
    if (doc.lower[c - 1] === 'having' && /^(that|this|so)$/.test(doc.lower[c + 1] ?? '') && doc.value[c + 2] === ',') continue;
    const lemma = doc.lemma[c];
    let before = subjectBefore(ctx, c, f);
    // "X did Y and said CLAUSE" / "X did Y, saying CLAUSE": the cue shares the clause's subject.
    if (ctx.joinsEarlierClause(c) && c > f) {
      const earlier = prior?.speaker ? prior : attributeLeft(ctx, doc.tokStart[c], doc.tokStart[s0]);
      const shared = earlier?.speaker ? null : clauseSubject(ctx, s0, c);
      if (earlier?.speaker || shared) {
        let k = c + 1;
        if (lex.listenerVerbs.has(lemma)) {
          const listener = npStartingAt(doc, k, lex, l);
          if (listener) k = listener.last + 1;
        }
        if (doc.lower[k] === 'that' || ctx.callsFor(c)) k++;
        const span = contentSpan(ctx, k, clauseEnd(ctx, k, l));
        if (span) {
          const attribution = earlier?.speaker ? { ...makeAttribution(ctx, c, null), speaker: earlier.speaker } : makeAttribution(ctx, c, shared);
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
      if (doc.value[k] === ',' && l - c <= 8 && !tailVerb && !subordinateBefore(ctx, f, k) && !(f === s0 && prepositionalOpener(ctx, f, k))) {
        const span = contentSpan(ctx, f, k - 1);
        if (span) return reported(span, makeAttribution(ctx, c, before));
      }
    }
    // CLAUSE, X said(, on Saturday), CLAUSE. — a parenthetical attribution: the content is the sentence around it.
    if (before && before.np.first > f) {
      let k = before.np.first - 1;
      while (k > f && doc.pos[k] === 'ADV') k--;
      let r = c + 1;
      while (r <= l && r - c <= 5 && doc.value[r] !== ',' && !ctx.isMark(r) && doc.pos[r] !== 'VERB' && doc.pos[r] !== 'AUX') r++;
      if (doc.value[k] === ',' && doc.value[r] === ',' && l - r > 3) {
        const a = subordinateBefore(ctx, f, k) ? null : contentSpan(ctx, f, k - 1);
        // "…, KING-TV reported, while in Chicago …": a subordinate or coordinate tail is the writer's own.
        const b = lex.w.writerTailOpeners.has(doc.lower[r + 1] ?? '') && a ? null : contentSpan(ctx, r + 1, l);
        // "The solution, the partner told them, was simple": a short subject before the attribution belongs too.
        const subjectOnly = !a && b && k - 1 >= f && k - f <= 3 && !subordinateBefore(ctx, f, k);
        const span: [number, number] | null = a && b ? [a[0], b[1]] : subjectOnly ? [doc.tokStart[f], b![1]] : b ?? a;
        if (span) return reported(span, makeAttribution(ctx, c, before));
      }
    }
    // CLAUSE, said X.
    if (doc.value[c - 1] === ',' && c - 1 > f + 3 && !lex.listenerVerbs.has(lemma)) {
      const after = subjectAfter(ctx, c, l);
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
      // "Sen. Ted Cruz (R-Tex.), a Republican candidate …, tweeted a warning": with no verb before the comma and no
      // name after the cue, a subject and its verb and object, not a report by "a warning".
      const objectAfter = after && !/^\p{Lu}/u.test(doc.value[after.np.last]) && !finiteVerbIn(ctx, f, c - 2);
      if (after && (l - after.np.last <= 6 || appositionAfter) && !verbAfter && !objectAfter) {
        const span = contentSpan(ctx, f, c - 2);
        if (span) return reported(span, makeAttribution(ctx, c, after));
      }
    }
    // "…, which the campaign says includes 2.7 million contributors": the relative clause is the content (the
    // attribution inside it is kept in the span, as in split quotations).
    // Also "moves that he said improved Indiana's economy", "what she said is growing demand".
    // (wink may take the relative "that" for the subject's determiner: "that company executives said could …".)
    const relAt = !before ? -1 : /^(which|that|what)$/.test(doc.lower[before.np.first]) && before.np.first < before.np.last ? before.np.first : before.np.first - 1;
    if (before && relAt >= f && /^(which|that|what)$/.test(doc.lower[relAt]) && (doc.pos[c + 1] === 'VERB' || doc.pos[c + 1] === 'AUX')) {
      if (relAt === before.np.first) before = { np: { first: relAt + 1, last: before.np.last }, role: before.role };
      const span = contentSpan(ctx, relAt, clauseEnd(ctx, c + 1, l));
      if (span) return reported(span, makeAttribution(ctx, c, before));
    }
    // X said (that) CLAUSE. — X opens the sentence, or follows an introductory phrase or a conjunction.
    const lead = before ? before.np.first - 1 : -1;
    // A dash opens a clause only when spaced ("WASHINGTON (Reuters) - U.S. …"), not inside a name ("KING-TV").
    const opensClauseAt = (i: number) => /^[,:;]$/.test(doc.value[i]) || (/^[—–-]$/.test(doc.value[i]) && ctx.spaced(i)) || doc.pos[i] === 'CCONJ' || doc.pos[i] === 'SCONJ' || lex.w.subordinators.has(doc.lower[i] ?? '');
    if (before && !(before.np.first <= f + 3 || opensClauseAt(lead))) {
      const whole = longSubject(ctx, f, before.np);
      if (whole) before = { np: whole, role: before.role };
    }
    if (before && (before.np.first <= f + 3 || opensClauseAt(before.np.first - 1))) {
      let k = c + 1;
      if (lex.listenerVerbs.has(lemma)) {
        const listener = npStartingAt(doc, k, lex, l);
        // "told Jeb Bush to quiet down": a directive, whose content includes the one told.
        if (listener && !(doc.lower[listener.last + 1] === 'to' && doc.pos[listener.last + 2] === 'VERB')) k = listener.last + 1;
        else if (listener) {
          const span = contentSpan(ctx, k, clauseEnd(ctx, k, l));
          if (span) return reported(span, makeAttribution(ctx, c, before));
        }
      }
      // Skip "in a statement", "on Sunday", "in an interview with X" up to "that" or a comma.
      let thatAt = -1;
      for (let t = k; t <= Math.min(l, k + 8) && !ctx.callsFor(c); t++) {
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
      if (doc.pos[adj] === 'ADP' && lex.w.timeWords.has(doc.value[adj + 1] ?? '')) adj += 2;
      else if (lex.w.timeWords.has(doc.value[adj])) adj += 1;
      if (lex.w.timesOfDay.has(doc.lower[adj] ?? '')) adj++;
      if (ctx.callsFor(c)) {
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
        if (doc.value[t] === ',' && lex.w.sceneClauseOpeners.has(doc.lower[t + 1] ?? '')) continue;
        if (doc.value[t] === ',') k = t + 1;
        else {
          // "said in a statement Thursday night they pulled …": the clause starts at a subject pronoun.
          let p = k + 1;
          while (p <= l && p - k < 9 && !(lex.w.clauseSubjectPronouns.has(doc.lower[p]) && (doc.pos[p + 1] === 'VERB' || doc.pos[p + 1] === 'AUX'))) p++;
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
      if (commaAfterCue && /^[a-z]+ing$/.test(doc.value[k] ?? '') && !/thing$/.test(doc.lower[k]) && !ctx.isCue(k)) continue;
      // "X said, while arguing …": the second cue reports (it shares the subject).
      if (lex.w.gerundOpeners.has(doc.lower[k] ?? '') && ctx.isCue(k + 1) && /ing$/.test(doc.lower[k + 1])) continue;
      // "“You bet I would,” Christie said when asked whether he would …", "Le Pen told CNN when asked which candidate
      // she would back": what follows is the question put to the speaker, not what the speaker said.
      if (askedBetween(ctx, c + 1, Math.min(k + 1, l))) continue;
      // "Asked if he was ever bullied, the candidate said no.", "55 percent said so in December."
      if (/^(yes|no|so)$/.test(doc.lower[k]) && (k === l || doc.value[k + 1] === ',' || ctx.sentenceEnd(k + 1))) {
        return reported([doc.tokStart[k], doc.tokEnd[k]], makeAttribution(ctx, c, before));
      }
      // "Barkley, who said he typically votes democratic, said …": a relative clause ends at its closing comma.
      let end = clauseEnd(ctx, k, l);
      // "When Trump announced his candidacy in June 2015, he …": a subordinate clause ends at its comma.
      if (lex.w.subordinators.has(doc.lower[before.np.first - 1] ?? '')) {
        for (let t = k + 1; t < end; t++) if (doc.value[t] === ',') {
          end = t - 1;
          break;
        }
      }
      if (/^(who|which)$/.test(doc.lower[before.np.first]) && doc.value[before.np.first - 1] === ',') {
        for (let t = k + 1; t < end; t++) if (doc.value[t] === ',' && (doc.pos[t + 1] === 'VERB' || doc.pos[t + 1] === 'AUX')) end = t - 1;
      }
      const span = contentSpan(ctx, k, end);
      // The reported clause opens with its subject ("he", "the plan", "none of …", "about half of …") or with a
      // subordinate clause ("if he were president, …").
      const opener = /^(PRON|DET|PROPN|NOUN|ADJ|NUM)$/.test(doc.pos[k]) || (doc.pos[k] === 'ADP' && doc.value[k + 1] === '-') || (/^\p{Lu}/u.test(doc.value[k]) && /^(VERB|AUX)$/.test(doc.pos[k + 1] ?? '')) || (doc.pos[k] === 'VERB' && /ing$/.test(doc.lower[k]) && !ctx.isCue(k) && doc.value[k - 1] !== ',') || (doc.pos[k] === 'ADV' && (lex.w.clauseAdverbs.has(doc.lower[k]) || doc.pos[k + 1] === 'SCONJ')) || (doc.pos[k] === 'SCONJ' && lex.w.clauseSubordinators.has(doc.lower[k])) || (doc.pos[k] === 'ADP' && lex.w.approximators.has(doc.lower[k])) || lex.w.whWords.has(doc.lower[k]) || (doc.lower[k] === 'at' && /^(least|most)$/.test(doc.lower[k + 1] ?? ''));
      // Without "that", the words after "write", "add", "claim" or "declare", or after a comma right after the cue,
      // must make a clause with a verb of its own: "Baker wrote the letter Feb. 2" names what was written, not what
      // was said; "Maddow said, another reference to the film" describes the quotation.
      const clause = thatAt >= 0 || !(lex.w.needsClauseVerbs.has(lemma) || commaAfterCue) || (span !== null && finiteVerbIn(ctx, k, tokenAt(doc, span[1] - 1)));
      if (span && (thatAt >= 0 || opener) && clause) {
        return reported(span, makeAttribution(ctx, c, before));
      }
    }
  }
  return null;
}
