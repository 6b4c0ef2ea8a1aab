/**
 * Small facts about text that the quote finder, the speaker registry and the tables all need: kept apart from the quote
 * finder so that the tables can read them without loading it.
 */
import type { Quote } from '../types.js';

/** Starts with a capital letter. ASCII is decided by its code (asked at almost every token); the rest by \p{Lu}. */
export function isCap(s: string): boolean {
  const c = s ? s.charCodeAt(0) : 0;
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(s);
}

/** A letter (ASCII by arithmetic, others by the Unicode property). */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(String.fromCharCode(c));
}

/**
 * The title-case rule over text[from, to): null as soon as a word's first letter is not a capital and it has four
 * letters or more (running text fails within a few words), else the number of white-space separated chunks, of words
 * among them (chunks with a letter: not "-" or "301") and of words of four letters or more. One scan, no allocation:
 * the name registry asks it of paragraphs (`inTitleCaseLine` in speakers.ts).
 */
export function titleCaseWords(text: string, from: number, to: number): { chunks: number; words: number; long: number } | null {
  let chunks = 0; // white-space separated
  let words = 0; // those with a letter ("-" and "301" are not words)
  let long = 0;
  for (let k = from; k < to; ) {
    while (k < to && /\s/.test(text[k])) k++;
    if (k >= to) break;
    let first = '';
    let letters = 0;
    for (; k < to && !/\s/.test(text[k]); k++) {
      if (!isLetter(text.charCodeAt(k))) continue;
      if (letters++ === 0) first = text[k];
    }
    chunks++;
    if (letters > 0) words++;
    if (letters >= 4) {
      if (!isCap(first)) return null;
      long++;
    }
  }
  return { chunks, words, long };
}

/**
 * 2–8 words, all capitalised but short ones ("The Late Show With Stephen Colbert", "Make America Great Again"): the
 * name of a work, show, slogan or organisation rather than something someone said.
 */
export function isTitleCase(text: string): boolean {
  const end = text.replace(/[.,!?]+$/, '').length;
  const from = text.length - text.trimStart().length;
  const found = titleCaseWords(text, 0, end);
  return found !== null && found.chunks >= 2 && found.chunks <= 8 && isCap(text[from] ?? '');
}

/** The speaker's words of a quote: [start, end) less its gaps, as sorted disjoint [start, end) pieces. */
export function quotePieces(q: Pick<Quote, 'start' | 'end' | 'gaps'>): [number, number][] {
  const pieces: [number, number][] = [];
  let from = q.start;
  for (const [a, b] of q.gaps) {
    if (a > from) pieces.push([from, a]);
    from = b;
  }
  if (q.end > from) pieces.push([from, q.end]);
  return pieces;
}
