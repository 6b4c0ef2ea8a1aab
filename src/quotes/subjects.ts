/**
 * Finding the speaker's noun phrase around a cue: the subject before it (across adverbs, time adjuncts, appositions,
 * parentheses and dashed asides), the noun phrase after it (inverted "said X"), the subject of the clause a cue
 * belongs to, and a long subject reaching back to the sentence's start. Used by the passes through attribution.ts.
 */
import { npEndingAt, npStartingAt, opensPersonRelative, placingPreposition, statePlace, stripDet, textOf, type Np } from './phrases.js';
import type { QuoteContext } from './context.js';
import { classify } from './speaker-types.js';
import { isCap } from './pieces.js';

/** The subject NP ending just before cue token c (skipping adverbs/auxiliaries, appositions, parentheticals). */
export function subjectBefore(ctx: QuoteContext, c: number, floor: number): { np: Np; role: string } | null {
  const { doc, lex } = ctx;
  let j = c - 1;
  // "The email went on to say", "Obama goes on to say": the subject is before "go on to".
  if (j - 3 >= floor && doc.lower[j] === 'to' && doc.lower[j - 1] === 'on' && doc.lemma[j - 2] === 'go') j -= 3;
  // "Carter however said", "Trump has also said": adverbs and auxiliaries between the subject and the cue.
  for (let skipped = 0; j >= floor && skipped < 3; skipped++) {
    const listed = (lex.w.betweenSubjectAndCue.has(doc.lower[j]) && (doc.pos[j] === 'AUX' || doc.pos[j] === 'PART' || doc.pos[j] === 'VERB')) || lex.w.afterSubject.has(doc.lower[j]);
    if (!listed && !(doc.pos[j] === 'ADV' && /^\p{Ll}/u.test(doc.value[j]))) break;
    j--;
  }
  if (j < floor) return null;
  // "Hillary Clinton on Tuesday said", "Trump Wednesday said": a time adjunct between the subject and the cue.
  if (lex.w.timeWords.has(doc.value[j]) && j - 1 >= floor) {
    j--;
    if (doc.lower[j] === 'on' && j - 1 >= floor) j--;
  } else if (!/ing$/.test(doc.lower[c])) {
    // Before a finite cue, after a noun, also "Sean Spicer on Thursday evening said", "The Republican National
    // Committee this week announced" (not "Sanders started a petition this week calling on …", whose subject is
    // further back, nor "a report issued earlier this year reported").
    let t = j;
    if (lex.w.timesOfDay.has(doc.lower[t]) && lex.w.timeWords.has(doc.value[t - 1] ?? '')) {
      t -= 2;
      if (doc.lower[t] === 'on') t--;
    } else if (lex.w.timeNouns.has(doc.lower[t]) && /^(this|last|next)$/.test(doc.lower[t - 1] ?? '')) t -= 2;
    if (t < j && t >= floor && (doc.pos[t] === 'PROPN' || doc.pos[t] === 'NOUN')) j = t;
  }
  let role = '';
  if (doc.value[j] === ',' && doc.value[j - 1] === ')') j--; // "Sen. Jack Reed (D-R.I.), said"
  if (doc.value[j] === ')') {
    j = ctx.beforeParenthesis(j, floor);
    if (doc.value[j] === ')') return null; // not closed within reach
  } else if ((doc.value[j] === '—' || doc.value[j] === '–' || (doc.value[j] === '-' && ctx.spaced(j))) && j > floor) {
    // "Jason Sims — a teacher from Mount Pleasant — says": the name before the dashed aside, the aside its role.
    const dash = doc.value[j];
    let k = j - 1;
    while (k > floor && doc.value[k] !== dash && !ctx.sentenceEnd(k) && !ctx.isMark(k) && j - k < 16) k--;
    if (doc.value[k] !== dash || k >= j - 1) return null;
    const np = npEndingAt(doc, k - 1, lex, floor);
    // A name, or any noun phrase that opens the sentence ("Many speakers at the service — including … — said").
    if (!np || !(/^\p{Lu}/u.test(doc.value[np.last]) || np.first === floor || ctx.sentenceEnd(np.first - 1) || doc.pos[np.first - 1] === 'SPACE')) return null;
    return { np, role: stripDet(textOf(doc, k + 1, j - 1)) };
  } else if (doc.value[j] === ',') {
    // A phrase opens a clause: the sentence, or after punctuation, "and"/"but" or a subordinator ("… last week when
    // Mrs. Clinton, in response to …, accused him").
    const opensClause = (x: Np) => x.first === floor || /^[,;:(]$|^(and|but)$/.test(doc.lower[x.first - 1]) || lex.w.subordinators.has(doc.lower[x.first - 1]) || doc.pos[x.first - 1] === 'SPACE' || ctx.sentenceEnd(x.first - 1);
    // "Douglas Rivlin, the spokesman for America's Voice, said" / "Rep. Tom Suozzi, told"
    let k = j - 1;
    while (k >= floor && doc.value[k] !== ',' && !ctx.sentenceEnd(k) && !ctx.isMark(k) && j - k < 14) k--;
    if (k >= floor && doc.value[k] === ',' && k < j - 1) {
      const seg = npStartingAt(doc, k + 1, lex, j - 1);
      const np = npEndingAt(doc, ctx.beforeParenthesis(k - 1, floor), lex, floor);
      if (seg && seg.last === j - 1 && np && opensClause(np)) {
        // "the former aide, Kim Lee, said": the name is in the commas and the role before them; so too after a role
        // noun with a name of its own ("The director of the European Centre, Ina Kirsch, told").
        const capitalised = (a: number, b: number) => /^\p{Lu}/u.test(doc.value[b]) && /^\p{Lu}/u.test(doc.value[a]);
        const roleNoun = () => {
          for (let t = np.first; t <= np.last; t++) if (/^\p{Ll}/u.test(doc.value[t]) && lex.roleNouns.has(doc.lower[t])) return true;
          return false;
        };
        const personName = () => seg.last > seg.first && seg.last - seg.first <= 3 && classify(doc, seg, lex) === 'person';
        if (capitalised(seg.first, seg.last) && (!/^\p{Lu}/u.test(doc.value[np.last]) || (roleNoun() && personName()))) {
          return { np: seg, role: stripDet(textOf(doc, np.first, np.last)) };
        }
        role = stripDet(textOf(doc, k + 1, j - 1));
        return { np, role };
      }
    }
    // "Sandy Phillips, who lost her daughter Jessica Ghawi during the mass shooting in Aurora, Colorado, in July
    // 2012, said": a relative clause after a name that opens the sentence reaches the cue; the name speaks.
    const relative = relativeClauseSubject(ctx, j, floor);
    if (relative) return { np: relative, role: '' };
    // A longer insertion between commas ("Arturo Sarukhán, Mexico's ambassador from 2007 to 2013, said";
    // "Mr. Coffman, who represents a swing district, said"): the speaker is the name before it.
    // The insertion may hold commas of its own ("Christopher Harvey, a delegate from Houston, Texas, said"): try
    // up to three commas back.
    let k2 = j - 1;
    let placeOnly: { np: Np; role: string } | null = null;
    for (let commas = 0; commas < 4; commas++) {
      while (k2 >= floor && doc.value[k2] !== ',' && !ctx.sentenceEnd(k2) && !ctx.isMark(k2) && j - k2 < 60) k2--;
      if (!(k2 >= floor && doc.value[k2] === ',' && k2 < j - 1)) break;
      const np = npEndingAt(doc, ctx.beforeParenthesis(k2 - 1, floor), lex, floor);
      // "a Cruz supporter from Jackson, Miss., attending …, said": the state after a city is the place's, no subject;
      // the search goes on before it (finding nothing, the state stands, and names no one: speaker-from-np.ts).
      if (np && statePlace(doc, lex, np)) {
        placeOnly ??= { np, role: stripDet(textOf(doc, k2 + 1, j - 1)) };
        k2--;
        continue;
      }
      // A name, an anonymous source or a role; or any noun phrase that opens the sentence ("Powell’s office, when
      // contacted by Reuters, said").
      const opensSentence = np && (np.first === floor || ctx.sentenceEnd(np.first - 1) || doc.pos[np.first - 1] === 'SPACE');
      // "Marco Rubio, whose hometown, Miami, is projected …, argues": before a finite cue, a name followed by an
      // auxiliary is the subject of a clause inside the insertion, not the speaker ("Clinton, drew a contrast, saying"
      // shares its subject with the participle).
      const ownVerb = !/ing$/.test(doc.lower[c]) && doc.pos[k2 + 1] === 'AUX';
      const named = np && !ownVerb && (/^\p{Lu}/u.test(doc.value[np.last]) || lex.anonymous.has(doc.lower[np.last]) || lex.roleNouns.has(doc.lower[np.last]) || (opensSentence && doc.pos[np.last] === 'NOUN'));
      if (np && named && opensClause(np)) {
        // "Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said": a
        // description right after a name and its comma is the name's apposition; the name speaks.
        const described = doc.value[np.first - 1] === ',' && (/^\p{Ll}/u.test(doc.value[np.first]) || lex.w.descriptionDeterminers.has(doc.lower[np.first]));
        const name = described ? npEndingAt(doc, ctx.beforeParenthesis(np.first - 2, floor), lex, floor) : null;
        // (Past a state: "Jeffrey Salkin, a Hollywood, Fla., rabbi helping …, said" — the description runs to the cue.)
        if (name && /^\p{Lu}/u.test(doc.value[name.last]) && opensClause(name)) return { np: name, role: stripDet(textOf(doc, np.first, placeOnly ? j - 1 : np.last)) };
        const inserted = textOf(doc, k2 + 1, j - 1);
        return { np, role: /^(who|which|whose)\b/i.test(inserted) ? '' : stripDet(inserted) };
      }
      k2--;
    }
    if (placeOnly) return placeOnly;
    j = j - 1;
  }
  const found = npEndingAt(doc, j, lex, floor);
  // (Not before a participle: "people in Ohio saying, why …" is no report of the sentence before.)
  const np = /ing$/.test(doc.lower[c]) ? found : placedSubject(ctx, found, floor);
  if (!np && lex.w.quantifierSubjects.has(doc.lower[j]) && (j === floor || /^[,;:]$|^(but|and|yet|while)$/.test(doc.lower[j - 1]) || ctx.sentenceEnd(j - 1))) return { np: { first: j, last: j }, role };
  return np ? { np, role } : null;
}

/**
 * The name before ", who …" (person_relatives) when that relative clause runs, within the sentence and without a
 * quotation mark, to the comma at `comma` before the cue, and the name opens the sentence (or a clause after "that");
 * else null. (A clause may hold a verb after a comma of its own: "Mr. Slinker, whose latest start-up, Paradata, uses
 * big data …, said".)
 */
function relativeClauseSubject(ctx: QuoteContext, comma: number, floor: number): Np | null {
  const { doc, lex } = ctx;
  for (let k = comma - 1; k > floor && comma - k < 60 && !ctx.sentenceEnd(k) && !ctx.isMark(k); k--) {
    if (!opensPersonRelative(doc, lex, k)) continue;
    const np = npEndingAt(doc, ctx.beforeParenthesis(k - 1, floor), lex, floor);
    // (Or opens a clause after "that": "It was less than three years ago that Michael Bloomberg, who’s thinking about
    // running, said …".)
    if (np && /^\p{Lu}/u.test(doc.value[np.last]) && (np.first === floor || ctx.sentenceEnd(np.first - 1) || doc.pos[np.first - 1] === 'SPACE' || doc.lower[np.first - 1] === 'that')) return np;
    // "Paul Porter, a truck driver from Ava, Mo., who is a member of the Teamsters union, said": the clause follows an
    // apposition of a name that opens the sentence; that name speaks.
    const first = Math.max(floor, doc.sentences[doc.sentenceOf[k]].firstToken);
    const opening = npStartingAt(doc, first, lex, k - 1);
    // (A name: not an opening adverb, "Still, Petrilli, who thinks …, called".)
    const opener = lex.w.sentenceOpeners.has(doc.lower[first]) || lex.w.subordinators.has(doc.lower[first]);
    if (opening && opening.first === first && !opener && doc.pos[opening.last] === 'PROPN' && doc.value[opening.last + 1] === ',' && opening.last + 1 < k) return opening;
    return null;
  }
  return null;
}

/**
 * The subject right before a cue, past the place that ends it: "the senator from Vermont said", "Some delegates at the
 * convention in Philadelphia said", "a woman in Worcester, Massachusetts, told him" — a description placed by
 * prepositions (`located_prepositions`) before a name is the subject, not the place; "Stacy Baker of Columbia, South
 * Carolina says" — before a state after a city, the phrase that ends with the city.
 */
function placedSubject(ctx: QuoteContext, np: Np | null, floor: number): Np | null {
  const { doc, lex } = ctx;
  if (!np || !isCap(doc.value[np.last])) return np;
  let subject = np;
  if (statePlace(doc, lex, np)) subject = npEndingAt(doc, np.first - 2, lex, floor) ?? np;
  if (!isCap(doc.value[subject.first])) return subject;
  // Back over each placing preposition: "delegates at the convention in Philadelphia".
  for (let p = subject.first - 1; p - 1 >= floor && placingPreposition(doc, lex, p); p = subject.first - 1) {
    const described = npEndingAt(doc, p - 1, lex, floor);
    if (!described) break;
    subject = described;
  }
  return subject;
}

/** NP after cue token c ("said Homan", "says Douglas Rivlin, the spokesman for America's Voice,"). */
export function subjectAfter(ctx: QuoteContext, c: number, ceil: number): { np: Np; role: string } | null {
  const { doc, lex } = ctx;
  if (doc.lower[c + 1] === 'that' && doc.pos[c] === 'VERB') return null; // "says that Walker …" opens a clause
  const np = npStartingAt(doc, c + 1, lex, ceil);
  if (!np) return null;
  let role = '';
  if (doc.value[np.last + 1] === ',' && np.last + 2 <= ceil) {
    const app = npStartingAt(doc, np.last + 2, lex, ceil);
    if (app && /^(the|a|an)$/i.test(doc.value[np.last + 2])) role = stripDet(textOf(doc, app.first, app.last));
  }
  return { np, role };
}

/** The subject of the clause a cue belongs to when the cue has none of its own ("X did Y and said …"). */
export function clauseSubject(ctx: QuoteContext, s0: number, c: number): { np: Np; role: string; verb: number } | null {
  const { doc, lex } = ctx;
  let s = afterDateline(ctx, s0, c);
  // "Cruz sought to block refugees, while Mike Huckabee … proposed …": the last clause that opens before the cue.
  for (let t = c - 2; t > s; t--) {
    if (doc.value[t - 1] === ',' && lex.w.contrastOpeners.has(doc.lower[t]) && /^(PROPN|PRON|DET|NOUN|ADJ)$/.test(doc.pos[t + 1])) {
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
  // (Not "He pushed back Tuesday, saying …": a phrase with a verb is a clause.)
  const timePhrase = (t: number) => {
    let u = t;
    while (u < c && doc.value[u] !== ',' && u - t < 5) u++;
    if (doc.value[u] !== ',') return false;
    for (let v = t; v < u; v++) if (doc.pos[v] === 'VERB' || doc.pos[v] === 'AUX') return false;
    for (let v = t; v < u; v++) if (lex.w.timeNouns.has(doc.lower[v]) || lex.w.timeWords.has(doc.value[v])) return true;
    return false;
  };
  if (doc.pos[s] === 'ADP' || doc.pos[s] === 'SCONJ' || doc.pos[s] === 'ADV' || (doc.pos[s] !== 'PROPN' && timePhrase(s))) {
    let t = s;
    while (t < c && doc.value[t] !== ',' && t - s < 30) t++;
    if (doc.value[t] !== ',') return null;
    s = t + 1;
  }
  while (s < c && (doc.pos[s] === 'CCONJ' || doc.pos[s] === 'PUNCT' || doc.pos[s] === 'SPACE')) s++;
  const np = npStartingAt(doc, s, lex, c - 1);
  if (!np) return null;
  let v = np.last + 1;
  // "Donald Trump on Thursday ratcheted up …", "Clinton Tuesday night said …": a time adjunct after the subject.
  if (doc.pos[v] === 'ADP' && lex.w.timeWords.has(doc.value[v + 1] ?? '')) v += 2;
  else if (lex.w.timeWords.has(doc.value[v] ?? '')) v++;
  if (v > np.last + 1 && lex.w.timesOfDay.has(doc.lower[v] ?? '')) v++;
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
 * The first token after a dateline that opens a sentence at s ("WASHINGTON —", "Washington (AFP) –", "NEW YORK
 * (Reuters) -", "DECATUR, Ill. —", "WASHINGTON, Dec. 8 (UPI) —"): a few capitalised words (a date), an optional parenthesis, then a spaced dash. Else s.
 */
function afterDateline(ctx: QuoteContext, s: number, c: number): number {
  const { doc } = ctx;
  let t = s;
  // "DECATUR, Ill. —": a comma before a capitalised word (a state) belongs to the dateline.
  const word = (i: number) => /^\p{Lu}/u.test(doc.value[i]) && (doc.pos[i] === 'PROPN' || doc.pos[i] === 'NOUN');
  while (t < c && t - s < 6 && (word(t) || (t > s && doc.pos[t] === 'NUM') || (t > s && doc.value[t] === ',' && word(t + 1)))) t++;
  if (t === s) return s;
  if (doc.value[t] === '(') {
    const open = t;
    while (t < c && doc.value[t] !== ')' && t - open < 6) t++;
    if (doc.value[t] !== ')') return s;
    t++;
  }
  return /^[—–-]$/.test(doc.value[t] ?? '') && ctx.spaced(t) && t + 1 < c ? t + 1 : s;
}

/**
 * A subject longer than the noun phrase before the cue: "Majorities of Democrats in five states going to the polls
 * Tuesday say …", "A court document filed Thursday says …". From the sentence start (after an introductory phrase
 * and its comma) to the phrase, only noun-phrase material, prepositions and participles.
 */
export function longSubject(ctx: QuoteContext, f: number, np: Np): Np | null {
  const { doc, lex } = ctx;
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
    if (p === 'ADV' && lex.w.quantityAdverbs.has(doc.lower[t])) continue; // "nearly two-thirds of …
    if (p === 'PRON' && lex.w.subjectModifierPronouns.has(doc.lower[t])) continue;
    if (p === 'PUNCT' && /^[,%/—–-]$/.test(doc.value[t])) continue;
    if (p === 'PART' && doc.lower[t] === 'to' && doc.pos[t + 1] === 'VERB') continue; // "the push to boycott …"
    if (p === 'VERB' && doc.lower[t - 1] === 'to') continue;
    if (p === 'VERB' && (/ing$/.test(doc.lower[t]) || lex.w.subjectParticiples.has(doc.lower[t]))) continue;
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
