/**
 * A quotation's identity for shared-quote matching, computed as each article is analysed (so that the reduce only
 * groups): its content words (runs of letters, marks, digits, apostrophes,
 * hyphens and slashes in any script, lowercased, stopwords and punctuation dropped) and its
 * wording. Method: docs/statistics.md (shared quotations).
 */
import type { QuoteRecord } from '../types.js';
import { isTitleCase, quotePieces } from '../quotes/pieces.js';
import { STOPWORDS } from './terms.js';

/** Fewest distinct content words a quotation needs to be matched as the same quotation in another outlet. */
export const SHARED_MIN_WORDS = 3;

/**
 * What separates words: anything but a letter or combining mark of any script, a digit, an apostrophe, a hyphen or a
 * slash ("José Núñez" is two words, "don't", "anti-war" and "9/11" one each).
 */
const WORD_SEPARATORS = /[^\p{L}\p{M}\p{N}'\-/]+/u;

export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(WORD_SEPARATORS)
    // Not dashes and other punctuation the split keeps ("What difference - at this point").
    .filter((w) => !STOPWORDS.has(w) && /[\p{L}\p{N}]/u.test(w));
}

/**
 * A quotation's identity for matching: its content words joined by single spaces (no content word holds a space), or
 * null when it has fewer than SHARED_MIN_WORDS distinct ones (too short to be matched as the same quotation).
 */
export function quoteKey(text: string): string | null {
  const words = contentWords(text);
  return new Set(words).size < SHARED_MIN_WORDS ? null : words.join(' ');
}

/** A quotation's wording as listed among the variants: white space runs as one space, trimmed. */
export function quoteVariant(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a quotation's speaker said, as text: its pieces joined by " … " — the attribution inside a quotation joined across
 * it (“A,” said X, an advocate for …, “B.”) is left out, so that two outlets carrying the same words with different
 * attributions match.
 */
export function spokenText(q: Pick<QuoteRecord, 'text' | 'start' | 'end' | 'gaps'>): string {
  if (q.gaps.length === 0) return q.text;
  return quotePieces(q)
    .map(([a, b]) => q.text.slice(a - q.start, b - q.start).trim())
    .join(' … ');
}

/**
 * The key and variant of a quotation that can be shared, null for one that cannot: indirect speech is the writer's
 * wording; a title-case fragment names a work, show or slogan; a short one has too few content words.
 */
export function shareKey(q: Pick<QuoteRecord, 'kind' | 'text' | 'start' | 'end' | 'gaps'>): { key: string; variant: string } | null {
  if (q.kind === 'indirect') return null;
  const spoken = spokenText(q);
  if (isTitleCase(spoken)) return null;
  const key = quoteKey(spoken);
  return key === null ? null : { key, variant: quoteVariant(spoken) };
}
