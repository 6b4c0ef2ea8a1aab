/**
 * Attribution of each direct and partial quotation, in text order (so "he" can fall back on the last speaker): a cue
 * and subject after it or before it, shared subjects ("and said", ", adding"), colon and comma introductions ("X went
 * further: “…”", "- Philip Bump: “…”", "As X put it: “…”"), signatures (“…” ― Name), a short "X agreed." sentence
 * before it, the same speaker again ("… and insisted that his party was “…”"), the sentence's subject for a
 * fragment, the reported clause around a fragment, and a whole quoted paragraph continuing the quotation before it.
 * Title-case fragments not after a cue (works, nicknames) stay unattributed; so do scare quotes.
 */
import { tokenAt, wordsIn } from '../../nlp/index.js';
import { npEndingAt, npStartingAt } from '../phrases.js';
import { speakerFromNp } from '../speaker-from-np.js';
import type { Speaker } from '../speakers.js';
import { addGap, paragraphOf, type QuoteContext, type Candidate, type Attribution } from '../context.js';
import { speaks, makeAttribution, attributeRight, attributeLeft, titleCase, clauseBreak, introducesNext } from '../attribution.js';
import { clauseSubject } from '../subjects.js';

export const name = 'attribute-quotes';

export function run(ctx: QuoteContext): void {
  const { doc, text, paras, merged, blocks, colonAttr, out } = ctx;
  const inBlock = (c: Candidate) => blocks.find((b) => c.start >= b.start && c.end <= b.end);
  let lastAttributed: { para: number; attribution: Attribution; quote: Candidate } | null = null;
  let absorbedUntil = -1; // a reported clause may hold further fragments: “on her worst day” she’d be “an …” than …
  for (const c of merged) {
    if (c.outerEnd <= absorbedUntil) continue;
    if (c.title) {
      if (!inBlock(c)) out.push(c);
      continue;
    }
    // A title-case fragment not right after a cue (the stage to ''Eye of the Tiger'', ''Crooked Hillary'') names a
    // work, a show or a nickname: a partial quote with no speaker.
    if (!c.attribution && c.kind === 'partial' && titleCase(ctx, c) && !ctx.isCue(tokenAt(doc, c.outerStart) - 1)) {
      if (!inBlock(c)) out.push(c);
      continue;
    }
    if (!c.attribution && c.kind === 'partial') {
      // X said the plan was “a disaster” for families: a cue earlier in the sentence attributes a fragment before
      // anything after it does (“…” and that the committee would continue …).
      const left = attributeLeft(ctx, c.outerStart, 0);
      if (left?.speaker) c.attribution = left;
    }
    if (!c.attribution) {
      c.attribution = attributeRight(ctx, c.outerEnd);
      // “A.” Mr. Zahed said: “B.”: an attribution that ends in a colon introduces the next quotation, not this one.
      if (c.attribution && introducesNext(ctx, c.attribution)) c.attribution = null;
      if (!c.attribution || !c.attribution.speaker) {
        const left = attributeLeft(ctx, c.outerStart, 0);
        if (left && (left.speaker || !c.attribution)) c.attribution = left;
      }
      if (!c.attribution && paras[paragraphOf(paras, c.outerStart)] === c.outerStart) {
        c.attribution = colonAttr.get(paragraphOf(paras, c.outerStart)) ?? null;
      }
      if (!c.attribution && c.kind === 'direct') c.attribution = colonIntro(ctx, c) ?? shortSentenceIntro(ctx, c);
    }
    if (c.kind === 'partial' && !c.attribution) c.attribution = sameSpeakerAgain(ctx, c) ?? subjectOfFragment(ctx, c);
    if (c.kind === 'partial' && c.attribution?.speaker && c.attribution.cueEnd !== null && c.attribution.cueEnd <= c.outerStart) {
      extendToClause(ctx, c);
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
    if (c.attribution?.speaker?.canonical && c.attribution.speaker.type === 'person') ctx.lastSpeaker = c.attribution.speaker.canonical;
    out.push(c);
  }
}

/**
 * Rajoy said he will “try to form a government” and insisted that his party was “still the first force”: a second
 * cue joined to an attributed quotation of the same sentence by and/but/a comma reports the same speaker.
 */
function sameSpeakerAgain(ctx: QuoteContext, c: Candidate): Attribution | null {
  const { doc, out } = ctx;
  const prev = out[out.length - 1];
  if (!prev?.attribution?.speaker || prev.outerEnd > c.outerStart) return null;
  const from = tokenAt(doc, prev.outerEnd);
  const to = tokenAt(doc, c.outerStart);
  if (to - from > 25) return null;
  for (let t = from; t < to; t++) if (ctx.sentenceEnd(t) || ctx.breakBefore(t) || ctx.isMark(t)) return null;
  for (let t = from + 1; t < to; t++) {
    const joined = /^(and|but|,)$/.test(doc.lower[t - 1]) || (doc.pos[t - 1] === 'ADV' && /^(and|but|,)$/.test(doc.lower[t - 2] ?? ''));
    if (joined && ctx.isCue(t) && doc.pos[t] === 'VERB') return { ...makeAttribution(ctx, t, null), speaker: prev.attribution.speaker };
  }
  return null;
}

/**
 * Trump went even further: “If he goes forward …” / he wanted to know, “How surprised …”: a sentence whose
 * subject is a person or organisation, ending in a colon or comma right before the quotation.
 */
function colonIntro(ctx: QuoteContext, c: Candidate): Attribution | null {
  const { doc, lex, people } = ctx;
  let colon = tokenAt(doc, c.outerStart) - 1;
  while (colon >= 0 && doc.pos[colon] === 'SPACE') colon--;
  if (colon < 0 || (doc.value[colon] !== ':' && doc.value[colon] !== ',')) return null;
  let s = colon - 1;
  while (s >= 0 && !ctx.sentenceEnd(s) && !ctx.breakBefore(s + 1) && !ctx.isMark(s) && colon - s < 50) s--;
  if (s >= 0 && ctx.isMark(s)) return null;
  let subj = clauseSubject(ctx, s + 1, colon);
  // "Attorney General Ruth Mendez was direct: “…”": a copula and an adjective before the colon.
  if (!subj && colon >= 2 && doc.pos[colon - 1] === 'ADJ' && lex.w.copulas.has(doc.lower[colon - 2])) {
    const np = npEndingAt(doc, colon - 3, lex, s + 1);
    if (np && np.first === s + 1) subj = { np, role: '', verb: colon - 2 };
  }
  if (subj) {
    const attr = makeAttribution(ctx, subj.verb, subj);
    const type = attr.speaker?.type;
    return speaks(type) ? attr : null;
  }
  if (doc.value[colon] !== ':') return null;
  // "- Philip Bump: “…”", "Pew Research: “…”", "From the report: “…”": a lead-in that is just a name, or a name
  // after a spaced dash ("RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones:").
  let lead = s + 1;
  if (/^[-—–]$/.test(doc.value[lead]) || /^(from|per)$/.test(doc.lower[lead])) lead++;
  const named = npEndingAt(doc, colon - 1, lex, lead);
  if (named && (named.first === lead || (/^[-—–]$/.test(doc.value[named.first - 1]) && ctx.spaced(named.first - 1) && /^\p{Lu}/u.test(doc.value[named.last])))) {
    const speaker = speakerFromNp(doc, named, lex, people, ctx.lastSpeaker);
    if (speaks(speaker.type)) return { cue: ':', cueStart: doc.tokStart[colon], cueEnd: doc.tokEnd[colon], speaker };
  }
  // "the Illinois Board of Elections was conclusive in its findings: “…”": the sentence's subject and its verb
  // (an auxiliary counts) anywhere before the colon.
  const np = npStartingAt(doc, s + 1, lex, colon - 1);
  if (!np || (doc.pos[np.last + 1] !== 'AUX' && doc.pos[np.last + 1] !== 'VERB')) return null;
  const attr = makeAttribution(ctx, np.last + 1, { np, role: '' });
  const type = attr.speaker?.type;
  return speaks(type) ? attr : null;
}

/**
 * Iowa State University's Dianne Bystrom agreed. “Mainstream Republicans are running out of time …”: a quotation
 * that follows, in the same paragraph, a short sentence made of a named subject and its verb (an adverb or a time
 * adjunct allowed; "Trump was blunt.") quotes that subject.
 */
function shortSentenceIntro(ctx: QuoteContext, c: Candidate): Attribution | null {
  const { doc, text, lex } = ctx;
  let end = tokenAt(doc, c.outerStart) - 1;
  while (end >= 0 && doc.pos[end] === 'SPACE') end--;
  if (end < 1 || doc.value[end] !== '.' || /\n/.test(text.slice(doc.tokEnd[end], c.outerStart))) return null;
  let s = end - 1;
  while (s > 0 && !ctx.sentenceEnd(s - 1) && !ctx.breakBefore(s) && !ctx.isMark(s - 1) && end - s < 12) s--;
  if (ctx.isMark(s - 1) || (s > 0 && !ctx.sentenceEnd(s - 1) && !ctx.breakBefore(s))) return null;
  const np = npStartingAt(doc, s, lex, end - 1);
  if (!np || !(/^\p{Lu}/u.test(doc.value[np.last]) || lex.w.pronounSubjects.has(doc.lower[np.first]))) return null;
  let v = np.last + 1;
  if (doc.pos[v] === 'AUX' && doc.pos[v + 1] === 'ADJ') v++;
  else if (doc.pos[v] !== 'VERB') return null;
  let t = v + 1;
  while (t < end && (doc.pos[t] === 'ADV' || lex.w.timeWords.has(doc.value[t]) || lex.w.timesOfDay.has(doc.lower[t]))) t++;
  if (t !== end) return null;
  const attr = makeAttribution(ctx, v, { np, role: '' });
  const type = attr.speaker?.type;
  return speaks(type, true) ? attr : null;
}

/**
 * Trump mocked Rubio for “having a tough night”; Clinton decried the GOP for “turning its back”: a quoted fragment
 * in a sentence whose subject is a person or organisation quotes that subject, with its verb as the cue. A fragment of
 * one or two words (a scare quote, a title) counts only after a reporting or characterising verb from the cue list.
 */
function subjectOfFragment(ctx: QuoteContext, c: Candidate): Attribution | null {
  const { doc, lex } = ctx;
  const qt = tokenAt(doc, c.outerStart);
  let s = qt - 1;
  while (s >= 0 && !ctx.sentenceEnd(s) && !ctx.breakBefore(s + 1) && !ctx.isMark(s) && qt - s < 60) s--;
  if (s >= 0 && ctx.isMark(s)) return null;
  const subj = clauseSubject(ctx, s + 1, qt);
  if (!subj || subj.verb >= qt) return null;
  if (wordsIn(doc, c.start, c.end) < 3 && !lex.verbs.has(doc.lemma[subj.verb])) return null;
  const attr = makeAttribution(ctx, subj.verb, subj);
  const type = attr.speaker?.type;
  // "The complaint … alleged that the DNC “failed to …”", "The ad targets a “corrupt political system …”": a
  // document or group named by a definite noun phrase speaks too (speaker type unknown).
  const described = type === 'unknown' && lex.w.descriptionDeterminers.has(doc.lower[subj.np.first]) && doc.pos[subj.np.last] === 'NOUN';
  if (!speaks(type, true) && !described) return null;
  return attr;
}

/**
 * X said the plan was “a disaster” for families: the reported clause (from after the cue, its listener and "that",
 * to the end of the sentence) is the content; the quoted fragment stays inside it.
 */
function extendToClause(ctx: QuoteContext, c: Candidate): void {
  const { doc, text, n, lex } = ctx;
  const a = c.attribution!;
  const cue = tokenAt(doc, a.cueStart!);
  const quoteTok = tokenAt(doc, c.outerStart);
  for (let t = cue; t < quoteTok; t++) if (ctx.sentenceEnd(t) || /\n/.test(text.slice(doc.tokEnd[t], doc.tokStart[t + 1]))) return;
  let k = tokenAt(doc, a.cueEnd!);
  if (lex.listenerVerbs.has(doc.lemma[cue])) {
    const listener = npStartingAt(doc, k, lex, quoteTok - 1);
    if (listener) k = listener.last + 1;
  }
  // "said Monday that …": a time adjunct before the reported clause is not part of it.
  if (lex.w.timeWords.has(doc.value[k] ?? '') && k < quoteTok) k++;
  else if (doc.pos[k] === 'ADP' && lex.w.timeWords.has(doc.value[k + 1] ?? '') && k + 1 < quoteTok) k += 2;
  while (k < quoteTok && (doc.lower[k] === 'that' || doc.pos[k] === 'PUNCT')) k++;
  // The clause ends with the quotation when the quotation ends its sentence (“… momentum.”), else at the next
  // clause boundary: a sentence end, a line break, a quotation mark, or ", and he …" / ", which …" / "; ".
  let e = tokenAt(doc, c.outerEnd);
  // Naming verbs ("what Mr. Hedge called ''the prior economy model,'' the club …"): the name ends the content.
  const namingCue = lex.w.namingVerbs.has(doc.lemma[cue]);
  const naming = namingCue && (doc.value[e] === ',' || /,\W*$/.test(text.slice(c.start, c.outerEnd)));
  // "Cross called the election “a citizenship election” and likened it to …": after a naming verb's name, "and" and
  // a verb is the subject's next act, not the name.
  const nextAct = (t: number) => namingCue && lex.w.andBut.has(doc.lower[t]) && doc.pos[t + 1] === 'VERB';
  if (naming || /[.!?]\W*$/.test(text.slice(c.start, c.outerEnd))) e = tokenAt(doc, c.outerEnd);
  else while (e < n && !ctx.sentenceEnd(e) && !ctx.breakBefore(e) && !clauseBreak(ctx, e) && !nextAct(e)) e++;
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
