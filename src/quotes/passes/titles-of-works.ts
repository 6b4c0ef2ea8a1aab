/**
 * Titles of works (his 2012 book, ''An American Son.''; his radio show, “Generations with Kevin Swanson”): a
 * title-case quotation right after a word naming a work (`after_work_nouns` in pipeline/quote-words.yml) is a title,
 * a partial quotation never attributed.
 */
import type { QuoteContext } from '../context.js';
import { titleCase } from '../attribution.js';

export const name = 'titles-of-works';

export function run(ctx: QuoteContext): void {
  const { text, lex, candidates } = ctx;
  for (const c of candidates) {
    if (!titleCase(ctx, c)) continue;
    const before = text.slice(Math.max(0, c.outerStart - 30), c.outerStart);
    if (lex.w.afterWorkNoun.test(before)) {
      c.kind = 'partial';
      c.title = true;
    }
  }
}
