/**
 * Headline attributions ("Obama: I’m Optimistic Americans Will Say No to Trump") for names the article repeats, and
 * transcript turns ("BOULDUAN: …" after "KATE BOULDUAN: …"). Before indirect speech, which would take the headline's
 * "Will Say" for a cue. Lines opening with a label that is not a name (`headline_labels` in pipeline/quote-words.yml:
 * "Related:", "Photo:") are skipped.
 */
import { tokenAt, wordsIn } from '../../nlp/index.js';
import { isNameToken, textOf, type Np } from '../phrases.js';
import { speakerFromNp } from '../speaker-from-np.js';
import type { QuoteContext } from '../context.js';
import { IntervalIndex } from '../../search.js';
import { speaks } from '../attribution.js';

export const name = 'headlines';

/** "Name: content" at the start of a line (1–4 capitalised words before the colon). */
const HEADLINE = /^((?:\p{Lu}[\p{L}.'’-]*\s){0,3}\p{Lu}[\p{L}.'’-]*):\s+(\S.{8,})$/u;

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

export function run(ctx: QuoteContext): void {
  const { doc, text, lex, people, blocks, out } = ctx;
  // The quotations found so far, sorted, for overlap queries in logarithmic time (a long article has thousands).
  const index = new IntervalIndex([...out, ...blocks], (q) => q.outerStart, (q) => q.outerEnd);
  const covered = (a: number, b: number) => index.overlapping(a, b).length > 0;
  const labels = new Map<string, string>(); // transcript labels by surname
  // HEADLINE needs a colon: only the lines holding one are read (found by searching for colons, not line by line).
  for (let colonAt = text.indexOf(':'); colonAt >= 0; ) {
    const lineStart = text.lastIndexOf('\n', colonAt) + 1;
    let lineEnd = text.indexOf('\n', colonAt);
    if (lineEnd < 0) lineEnd = text.length;
    colonAt = text.indexOf(':', lineEnd);
    const line = text.slice(lineStart, lineEnd);
    const m = HEADLINE.exec(line);
    if (!m || lex.w.headlineLabels.has(m[1].toLowerCase())) continue;
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
    let speaker = speakerFromNp(doc, np, lex, people, ctx.lastSpeaker);
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
    // An unnamed group speaks too ("Khans: Trump stirs 'ugliness'", the family the article names after).
    if (!speaks(speaker.type, true)) continue;
    out.push({ kind: 'indirect', start, end, outerStart: start, outerEnd: end, attribution: { cue: ':', cueStart: doc.tokStart[colon], cueEnd: doc.tokEnd[colon], speaker } });
  }
}
