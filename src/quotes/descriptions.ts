/**
 * Definite descriptions of people ("the senator", "the Florida senator", "the former secretary of state", "the
 * billionaire businessman"): the person named in the article each one stands for, by the roles the article wrote
 * with its names and by who was the subject just before (docs/quote-passes.md, "Descriptions"). Pure functions of the
 * article's person registry (speakers.ts); `personWithRole` is the entry point (speaker-from-np.ts, and the registry
 * for a description that opens a pronoun's sentence).
 */
import { tokenAt } from '../nlp/index.js';
import { countBefore } from '../search.js';
import { isCap } from './pieces.js';
import { nlSpan, possessiveMark } from './phrases.js';
import { classify, taggedState } from './speaker-types.js';
import { cleftFocus, subjectAt, subordinateSubject } from './name-roles.js';
import { pronounGender, type Gender } from './mentions.js';
import type { PersonRegistry } from './speakers.js';

/**
 * The person a definite description refers back to ("the senator", "the Florida senator", "the former president"):
 * the last person named before `at`, when that person was named with `role` and every one of `modifiers` (in any
 * mention before `at`); else null. (The latest person *with* the role is often not the one meant: "World Bank
 * President Jim Yong Kim" named after Obama, then "the president said".)
 */
export function personWithRole(people: PersonRegistry, role: string, modifiers: string[], at: number): string | null {
  const staff = people.lex.w.staffRoles.has(role);
  if (!people.lex.w.referringRoles.has(role) && !staff) return null;
  const who = people.lastNamed(at);
  if (!who) return null;
  const lo = countBefore(people.mentions.length, (i) => people.mentions[i].at < at);
  // Failing that, the one person the article named before with the role and modifiers ("Indiana Gov. Mike Pence",
  // then other names, then "the governor said"); failing that, the one person named with the role and no other
  // modifier ("Sen. Bernie Sanders" is "the Vermont senator"). Two such people leave the description unnamed.
  const strict = new Set<string>();
  const loose = new Set<string>();
  for (let i = lo - 1; i >= 0; i--) {
    const roles = people.rolesOf(i);
    if (!roles.includes(role)) continue;
    const name = people.resolvedName(i);
    // The state of a party-state tag counts for a state modifier ("Sen. Bernie Sanders (I-Vt.)" is "the Vermont
    // senator"), not as a role of its own.
    const state = modifiers.length ? taggedState(people.doc, people.mentions[i].lastToken, people.lex) : [];
    if (modifiers.every((w) => roles.includes(w) || state.includes(w))) {
      if (name === who) return who;
      strict.add(name);
    }
    // Loosely: a person named with no modifiers at all ("Sen. Bernie Sanders" for "the Vermont senator"; not
    // "Florida Sen. Ana Ruiz" for "the Texas senator"), and the required modifiers.
    const bare = roles.every((x) => people.lex.titles.has(x) || people.lex.roleNouns.has(x) || people.lex.w.referringRoles.has(x));
    if (bare && modifiers.every((w) => roles.includes(w) || !people.lex.w.requiredModifiers.has(w))) loose.add(name);
  }
  if (strict.size === 1) return [...strict][0];
  if (strict.size === 0 && loose.size === 1) return [...loose][0];
  // Several people named with the role alone ("Sen. Marco Rubio", "Sen. Ted Cruz", "Sen. Bernie Sanders"): the one who
  // is the subject just before the description ("Sen. Bernie Sanders on Wednesday also called … the independent
  // Vermont senator told …").
  if (strict.size === 0 && loose.size > 1) {
    const subject = subjectOfSentenceBefore(people, at, null);
    if (subject && loose.has(subject)) return subject;
  }
  if (strict.size === 0 && loose.size === 0 && !staff && !modifiers.some((w) => people.lex.w.officeModifiers.has(w))) return describedSubject(people, role, modifiers, at);
  return null;
}

/**
 * "Donald Trump is telling supporters … The billionaire businessman says …": a description that no named person was
 * written with stands for the person who is the subject of a main clause in the sentence before it (the latest
 * such), of the gender a gendered role noun shows; else null. Not a name inside a quotation, nor a person the
 * article names with another party ("the Republican nominee" is not "Democratic nominee Hillary Clinton") or, for an
 * office ("the judge", "the ambassador"; not campaign_roles), with another office ("F.B.I. Director James Comey").
 */
function describedSubject(people: PersonRegistry, role: string, modifiers: string[], at: number): string | null {
  const doc = people.doc;
  const reach = reachBack(people, at);
  const gender: Gender | null = people.lex.w.maleNouns.has(role) ? 'm' : people.lex.w.femaleNouns.has(role) ? 'f' : null;
  const subject = subjectOfSentenceBefore(people, at, gender);
  if (subject) return describable(people, subject, role, modifiers, at) ? subject : null;
  // No one named there: the person the last subject pronoun of those sentences stands for ("“Really,” she added. …
  // The actress said she was tired of the status quo").
  const w = people.lex.w;
  const first = doc.sentences[reach].firstToken;
  for (let t = tokenAt(doc, at) - 1; t >= first; t--) {
    const l = doc.lower[t];
    // A gendered subject pronoun ("he", "she"), of the description's gender if it has one, with its verb.
    const g = w.pronounSubjects.has(l) ? pronounGender(people.lex, l) : null;
    if (!g || (gender && g !== gender) || people.inQuote(doc.tokStart[t]) || !/^(VERB|AUX)$/.test(doc.pos[t + 1] ?? '')) continue;
    const name = people.lastPerson(doc.tokStart[t], g);
    return name && describable(people, name, role, modifiers, at) ? name : null;
  }
  return topicPerson(people, role, modifiers, gender, at);
}

/**
 * The person (of `gender`, if given) named as a main clause's subject, or a cleft's focus, in the sentence before the
 * one at `at` (sentences that open inside a quotation passed over), the latest such; null when there is none. Not a
 * name in the sentence at `at` itself, in a quotation, or one of two subjects ("he and Brafman had said …").
 */
function subjectOfSentenceBefore(people: PersonRegistry, at: number, gender: Gender | null): string | null {
  const doc = people.doc;
  const refs = people.buildRefs();
  const r = countBefore(refs.length, (i) => refs[i].at < at);
  const reach = reachBack(people, at);
  const own = doc.sentenceOf[Math.min(tokenAt(doc, at), doc.value.length - 1)];
  for (let i = r - 1; i >= 0; i--) {
    const ref = refs[i];
    if (doc.sentenceOf[ref.first] < reach) break;
    // A name in the description's own sentence is someone else ("Mr. Trump took on Hillary Clinton after the
    // Democratic front-runner had said …").
    if (doc.sentenceOf[ref.first] === own) continue;
    if (/^(and|or)$/.test(doc.lower[ref.first - 1] ?? '')) continue;
    const subject = cleftFocus(doc, people.lex, ref.first, ref.last) || (subjectAt(doc, people.lex, ref.first, ref.last) && !subordinateSubject(doc, people.lex, ref.first, ref.last));
    if (people.inQuote(ref.at) || !subject) continue;
    const name = people.refName(ref);
    if (people.personLike(name) && people.fits(name, gender)) return name;
  }
  return null;
}

/**
 * "The businessman said …" a few paragraphs after the article last made Donald Trump a subject: for a description by
 * a candidate's epithet (`topic_roles`), the person the article has named most before `at`, at least twice as often
 * as anyone else and three times in all, if the description fits that person (describable); else null.
 */
function topicPerson(people: PersonRegistry, role: string, modifiers: string[], gender: Gender | null, at: number): string | null {
  if (!people.lex.w.topicRoles.has(role)) return null;
  const counts = new Map<string, number>();
  for (const ref of people.buildRefs()) {
    if (ref.at >= at) break;
    if (people.inQuote(ref.at)) continue;
    const name = people.refName(ref);
    if (people.personLike(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length || ranked[0][1] < 3 || (ranked.length > 1 && ranked[0][1] < 2 * ranked[1][1])) return null;
  const name = ranked[0][0];
  return people.fits(name, gender) && describable(people, name, role, modifiers, at) ? name : null;
}

/**
 * The first sentence a description at offset `at` reaches back to: the sentence before its own, sentences that open
 * inside a quotation not counted ("Clinton proclaimed, “… . …” The presidential candidate reiterated: …").
 */
function reachBack(people: PersonRegistry, at: number): number {
  const doc = people.doc;
  let s = doc.sentenceOf[Math.min(tokenAt(doc, at), doc.value.length - 1)] - 1;
  while (s > 0 && people.inQuote(doc.tokStart[doc.sentences[s].firstToken])) s--;
  return Math.max(0, s);
}

/**
 * No mention of `name` before `at` carries the role (personWithRole's rules judge those), another party than
 * `modifiers`, or, for an office, another office.
 */
function describable(people: PersonRegistry, name: string, role: string, modifiers: string[], at: number): boolean {
  const w = people.lex.w;
  const party = modifiers.find((x) => w.partyWords.has(x));
  const office = !w.campaignRoles.has(role);
  const lo = countBefore(people.mentions.length, (i) => people.mentions[i].at < at);
  for (let i = 0; i < lo; i++) {
    if (people.resolvedName(i) !== name) continue;
    // "CNN's Gloria Borger": a journalist is not "the senator".
    if (office && outletPossessed(people, i)) return false;
    for (const x of people.rolesOf(i)) {
      // Named with the role itself: the rules of personWithRole have judged them ("Florida Sen. Ana Ruiz" is not
      // "the Texas senator").
      if (x === role) return false;
      if (party && w.partyWords.has(x) && x !== party) return false;
      if (office && x !== role && (w.referringRoles.has(x) || people.lex.roleNouns.has(x)) && !w.campaignRoles.has(x)) return false;
    }
  }
  return true;
}

/** Mention k is written after an outlet's possessive ("CNN's Gloria Borger", "Fox News’ Bret Baier"). */
function outletPossessed(people: PersonRegistry, k: number): boolean {
  const doc = people.doc;
  let t = people.mentions[k].first - 1;
  if (t > 0 && possessiveMark(doc, t)) t--;
  else return false;
  let a = t;
  while (a > 0 && t - a < 4 && isCap(doc.value[a - 1]) && !nlSpan(doc, a - 1, a)) a--;
  return isCap(doc.value[t]) && classify(doc, { first: a, last: t }, people.lex) === 'outlet';
}
