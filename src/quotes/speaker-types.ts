/**
 * What kind of speaker a noun phrase names, from POS, capitalisation and the cue lexicon's words: its role and name
 * parts ("border czar" / "Tom Homan"), its type (person, organization, outlet, anonymous, unknown), and the title and
 * role words written with a name ("Florida Sen. Marco Rubio", "Rubio, the Florida senator,").
 */
import type { NlpDoc } from '../nlp/index.js';
import type { SpeakerType } from '../types.js';
import { isCap } from './pieces.js';
import type { Lexicon } from './lexicon.js';
import { firstNameGender } from './mentions.js';
import { brandName, honorific, hyphenatedStart, isNameToken, joinsWords, possessiveMark, textOf, type Np } from './phrases.js';

/**
 * Title and role words written with the name in tokens [i, j]: up to five before it ("Republican presidential candidate
 * Donald Trump", "Florida Sen. Marco Rubio") and an apposition after it ("Marco Rubio, the Florida senator,").
 */
export function rolesAround(doc: NlpDoc, i: number, j: number, lex: Lexicon, spell = true): string[] {
  const roles: string[] = [];
  const add = (t: number) => {
    const l = doc.lower[t];
    const spelled = spell ? lex.w.titleSpellings.get(l) : undefined;
    if (spelled) roles.push(...spelled);
    else roles.push(l.replace(/\.$/, ''));
  };
  for (let t = i - 1; t >= 0 && i - t <= 5; t--) {
    // A role written with a hyphen ("GOP front-runner Donald Trump") is one word.
    const s = hyphenatedStart(doc, t);
    if (s < t) {
      const word = textOf(doc, s, t).toLowerCase();
      if (!lex.w.referringRoles.has(word)) break;
      roles.push(word);
      t = s;
      continue;
    }
    const l = doc.lower[t];
    if (!(lex.titles.has(l) || lex.roleNouns.has(l) || isCap(doc.value[t]) || doc.pos[t] === 'ADJ') || doc.pos[t] === 'PUNCT' || doc.pos[t] === 'DET') break;
    // "her chief rival Bernie Sanders": a modifier of the role word after it is no role of its own.
    if (lex.w.roleModifiers.has(l) && t + 1 < i && (lex.titles.has(doc.lower[t + 1]) || lex.roleNouns.has(doc.lower[t + 1]))) continue;
    add(t);
  }
  if (doc.value[j + 1] === ',' && /^(the|a|an)$/.test(doc.lower[j + 2] ?? '')) {
    let t = j + 3;
    while (t < doc.value.length && t - j <= 9 && doc.value[t] !== ',' && doc.pos[t] !== 'PUNCT' && doc.pos[t] !== 'VERB') t++;
    // Only an apposition a comma or the sentence's end closes: in "… and Mika Brzezinski, the Democratic candidate
    // stated …" the phrase is the next clause's subject.
    if (doc.pos[t] !== 'VERB' && (doc.pos[t] === 'PUNCT' || t >= doc.value.length)) {
      for (let k = j + 3; k < t; k++) {
        let e = k;
        while (e + 2 < t && joinsWords(doc, e + 1)) e += 2;
        if (e > k) roles.push(textOf(doc, k, e).toLowerCase());
        else add(k);
        k = e;
      }
    }
  }
  return roles;
}

/**
 * "Sen. Bernie Sanders (I-Vt.)": the state of a party-state tag right after the name ending at token j, as the words
 * of its name (`state_names`: vermont); [] without one.
 */
export function taggedState(doc: NlpDoc, j: number, lex: Lexicon): string[] {
  if (doc.value[j + 1] !== '(' || !/^[DRI]$/.test(doc.value[j + 2] ?? '') || doc.value[j + 3] !== '-') return [];
  let close = j + 4;
  while (close < doc.value.length && close - j < 9 && doc.value[close] !== ')') close++;
  if (doc.value[close] !== ')') return [];
  return lex.w.stateNames.get(doc.text.slice(doc.tokEnd[j + 3], doc.tokStart[close]).trim().toLowerCase()) ?? [];
}

/** Split an NP into role tokens (left) and name tokens (the trailing run of capitalised non-title words). */
export function splitRoleName(doc: NlpDoc, np: Np, lex: Lexicon): { roleFirst: number; nameFirst: number } {
  let nameFirst = np.last + 1;
  for (let i = np.last; i >= np.first; i--) {
    if (isNameToken(doc, i, lex) || (possessiveMark(doc, i) && i < np.last)) nameFirst = i;
    // "Douglas Holtz-Eakin", "Mohamed El-Erian": a hyphen written without spaces between two name words.
    else if (doc.value[i] === '-' && i > np.first && i < np.last && nameFirst === i + 1 && joinsWords(doc, i) && isNameToken(doc, i - 1, lex)) nameFirst = i;
    else break;
  }
  return { roleFirst: np.first, nameFirst };
}

/**
 * The phrase opens with a proportion: "4 in 10", "one in five voters", "nine out of 10 Republicans", "about six in
 * 10 voters in a New York Times poll" (a number word after "in" or "out of", within its first five words).
 */
function proportionAt(doc: NlpDoc, np: Np): boolean {
  for (let k = np.first + 1; k <= Math.min(np.last - 1, np.first + 3); k++) {
    const of = doc.lower[k] === 'out' && doc.lower[k + 1] === 'of' ? k + 1 : doc.lower[k] === 'in' ? k : -1;
    if (of > 0 && doc.pos[of + 1] === 'NUM' && doc.pos[k - 1] === 'NUM') return true;
  }
  return false;
}

export function classify(doc: NlpDoc, np: Np, lex: Lexicon): SpeakerType {
  // Groups named by proportion, share or closeness ("4 in 10", "52 percent of voters", "people close to Clinton"):
  // unnamed sources.
  const phrase = textOf(doc, np.first, np.last).toLowerCase();
  // "police said", "Police said": a body's people, unnamed (plural_bodies).
  if (lex.w.pluralBodies.has(doc.lower[np.last]) && (np.first === np.last || (np.first === np.last - 1 && /^the$/i.test(doc.value[np.first])))) return 'anonymous';
  if (proportionAt(doc, np) || lex.w.closenessPhrase.test(phrase)) return 'anonymous';
  // Poll shares: "52 percent of registered voters", "a third of Republicans".
  if (lex.w.shareOf.test(phrase)) return 'anonymous';
  // "Both Democrats and Republicans", "many local GOP officials": a quantified plural group is unnamed.
  // (wink may give a capitalised plural its own form as lemma: "Republicans".)
  if (np.last > np.first && lex.w.quantifierSubjects.has(doc.lower[np.first]) && /s$/.test(doc.lower[np.last]) && (doc.lemma[np.last] !== doc.lower[np.last] || isCap(doc.value[np.last]))) return 'anonymous';
  // "supporters of Democrat Hillary Clinton", "critics of Mayor Ana Ruiz": a group named by whom it follows is unnamed,
  // whatever name ends the phrase.
  for (let k = np.first + 1; k < np.last; k++) {
    if (doc.lower[k] !== 'of') continue;
    if (lex.anonymous.has(doc.lower[k - 1])) return 'anonymous';
    break;
  }
  // "a new Gallup poll", "a CNN/ORC poll": a poll with a name right before its word is an organisation's, an outlet's
  // poll too ("a Fox News poll").
  if (namedPollAt(doc, np, lex) >= 0) return 'organization';
  // A trailing run of two or more name words with no organisation word: a person ("White House press secretary
  // Karoline Leavitt"), whatever the role words before it say.
  const { nameFirst } = splitRoleName(doc, np, lex);
  const joined = nameFirst - 1 >= np.first && lex.w.nameJoiners.has(doc.lower[nameFirst - 1]);
  // "Rep. Joan Fox", "Sen. Ted Post": an honorific before the name makes it a person, whatever the surname.
  if (nameFirst - 1 >= np.first && nameFirst <= np.last && np.last - nameFirst <= 3 && honorific(lex, doc.lower[nameFirst - 1])) return 'person';
  // "Michael Bloomberg", "Michael R. Bloomberg": a known first name (a middle initial) and a surname, though the surname
  // is also an outlet's or organisation's.
  const initial = np.last - nameFirst === 2 && /^\p{Lu}\.$/u.test(doc.value[nameFirst + 1]);
  if (!joined && (np.last - nameFirst === 1 || initial) && firstNameGender(lex, doc.lower[nameFirst]) !== null && isCap(doc.value[np.last]) && !/^[A-Z]{2,}$/.test(doc.value[np.last])) return 'person';
  if (!joined && np.last - nameFirst >= 1 && np.last - nameFirst <= 3) {
    let orgish = false;
    for (let i = nameFirst; i <= np.last; i++) if (lex.orgWords.has(doc.lower[i]) || lex.outletWords.has(doc.lower[i]) || doc.lower[i] === 'and') orgish = true;
    if (!orgish && !/^[A-Z]{2,}$/.test(doc.value[np.last])) return 'person';
  }
  const words: string[] = [];
  for (let i = np.first; i <= np.last; i++) words.push(doc.lower[i]);
  // The head of "four people with knowledge of the briefings" is "people": the noun before the first preposition.
  let headAt = np.last;
  for (let k = np.first + 1; k < np.last; k++) if (['of', 'with', 'for'].includes(doc.lower[k])) { headAt = k - 1; break; }
  // A head written with a hyphen is one word ("the GOP front-runner").
  const head = textOf(doc, hyphenatedStart(doc, headAt, np.first), headAt).toLowerCase();
  if (words.some((w) => lex.outletWords.has(w)) && words.some((_, k) => isCap(doc.value[np.first + k]))) {
    // "The Post", "Breitbart News", "CNN"; but "press secretary" is a role.
    const capOutlet = words.some((w, k) => lex.outletWords.has(w) && isCap(doc.value[np.first + k]));
    if (capOutlet) return 'outlet';
  }
  // "White House officials", "Senate Republican leaders", "an RNC member", "a spokesman for committee Democrats", "the
  // GOP front-runner": people described by their body, unnamed (a description may still stand for a person named
  // before: speaker-from-np.ts).
  if (!isCap(doc.value[headAt]) && (lex.anonymous.has(head) || lex.roleNouns.has(head) || lex.roleNouns.has(doc.lemma[headAt]) || lex.w.campaignRoles.has(head))) return 'anonymous';
  // "Senate Democrats", "Republicans who critiqued the speech", "Democrats trying to regain control of the Senate": a
  // plural of anonymous (the parties' members) that heads or opens the phrase is a group of people, not the party.
  const plural = (t: number) => lex.anonymous.has(doc.lower[t]) && /s$/.test(doc.lower[t]);
  if (plural(headAt) || (plural(np.first) && isCap(doc.value[np.first]))) return 'anonymous';
  if (words.some((w, k) => lex.orgWords.has(w) && isCap(doc.value[np.first + k]))) return 'organization';
  if (!isCap(doc.value[headAt])) {
    if (lex.anonymous.has(head)) return 'anonymous';
    if (lex.orgWords.has(head)) return 'organization';
    if (lex.outletWords.has(head)) return 'outlet';
    if (lex.roleNouns.has(head)) return 'anonymous';
    return 'unknown';
  }
  if (/^[A-Z]{2,}$/.test(doc.value[np.last]) && np.first === np.last) return 'organization';
  // "BuzzFeed", "the celebrity press ReganBooks": a brand's name alone.
  if (nameFirst === np.last && brandName(doc.value[np.last], lex)) return 'organization';
  if (np.first === np.last && lex.anonymous.has(head)) return 'anonymous'; // "Critics call it …" at a sentence start
  if (joined) return 'organization'; // "Immigration and Customs Enforcement", "Department of Homeland Security"
  return 'person';
}

/**
 * Where the name of the poll word at token `head` starts ("a new Gallup poll": Gallup; "July's Washington Post/ABC
 * News polling": Washington; "the NBC-Wall Street Journal poll": NBC): the run of capitalised words right before it,
 * slashes and hyphens written without spaces between them, not before `floor`, without a determiner; -1 when there is
 * none or it is a month alone ("a February survey").
 */
export function pollNameStart(doc: NlpDoc, head: number, floor: number, lex: Lexicon): number {
  const name = (t: number) => t >= floor && isCap(doc.value[t]) && doc.pos[t] !== 'PUNCT' && doc.pos[t] !== 'DET' && !lex.w.determiners.has(doc.lower[t]);
  // Two names joined: by a slash or hyphen written without spaces, or by "of" ("University of Texas/Texas Tribune").
  const joins = (t: number) => joinsWords(doc, t) || doc.lower[t] === 'of';
  let a = head;
  for (;;) {
    if (name(a - 1)) a--;
    else if (a < head && joins(a - 1) && name(a - 2)) a -= 2;
    else break;
  }
  if (a === head || (a === head - 1 && lex.w.months.has(doc.lower[a]))) return -1;
  return a;
}

/**
 * The poll word heading the phrase, with a name before it (pollNameStart): its last word, or the word before "of",
 * "by" or "for" ("an Associated Press survey of Democratic superdelegates"); else -1.
 */
export function namedPollAt(doc: NlpDoc, np: Np, lex: Lexicon): number {
  let h = np.last;
  if (!lex.w.pollWords.has(doc.lower[h])) {
    h = np.first + 1;
    while (h < np.last && !/^(of|by|for)$/.test(doc.lower[h + 1])) h++;
  }
  return h > np.first && lex.w.pollWords.has(doc.lower[h]) && pollNameStart(doc, h, np.first, lex) >= 0 ? h : -1;
}
