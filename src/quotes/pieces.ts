/**
 * Small facts about a quotation's text that the tables need too: kept apart from the quote finder so that the tables can
 * read them without loading it.
 */
import type { Quote } from '../types.js';
import { isCap } from './speakers.js';

/**
 * 2–8 words, all capitalised but short ones ("The Late Show With Stephen Colbert", "Make America Great Again"): the
 * name of a work, show, slogan or organisation rather than something someone said.
 */
export function isTitleCase(text: string): boolean {
  const words = text.replace(/[.,!?]+$/, '').split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 8 || !isCap(words[0])) return false;
  return words.every((w) => isCap(w) || w.replace(/[^\p{L}]/gu, '').length < 4);
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
