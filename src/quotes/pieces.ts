/** A quotation's pieces: kept apart from the quote finder so that the tables can read them without loading it. */
import type { Quote } from '../types.js';

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
