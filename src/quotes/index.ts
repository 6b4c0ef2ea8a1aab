/**
 * Quotations and their speakers, from an offset-based NlpDoc. Pure: no I/O, no clock. The finder is an ordered list
 * of passes (sieves), each a module of ./passes with its name and a paragraph saying what it does; every pass reads
 * and extends the candidates of one per-article QuoteContext (./context.ts), then `assemble` keeps the quotations
 * that do not cross one another, in text order. Word lists are data: pipeline/cues.yml (cues, titles, roles, source
 * words) and pipeline/quote-words.yml (the passes' own lists). docs/quote-passes.md lists the passes and says how to
 * add a rule or a word.
 *
 * Scare quotes are partial and never attributed by themselves; their words stay in the author's voice. An opening
 * mark with no closing mark is left alone, so no runaway quote swallows an article. Linear in the article's length
 * (sorted indexes for coverage and nesting, per-surname name lookup).
 */
import type { NlpDoc } from '../nlp/index.js';
import type { Quote } from '../types.js';
import type { QuoteSettings } from './settings.js';
export type { QuoteSettings } from './settings.js';
import { QuoteContext } from './context.js';
import { quoteSentences } from './sentences.js';
import * as directQuotes from './passes/direct-quotes.js';
import * as titlesOfWorks from './passes/titles-of-works.js';
import * as fragmentSentences from './passes/fragment-sentences.js';
import * as splitQuotes from './passes/split-quotes.js';
import * as blockQuotes from './passes/block-quotes.js';
import * as attributeQuotes from './passes/attribute-quotes.js';
import * as headlines from './passes/headlines.js';
import * as indirectSpeech from './passes/indirect-speech.js';
import { assemble } from './passes/assemble.js';

export { quotePieces } from './pieces.js';
export { MAX_QUOTE_CHARS, MAX_QUOTE_PARAGRAPHS } from './passes/direct-quotes.js';

export interface QuotePass {
  readonly name: string;
  run(ctx: QuoteContext): void;
}

/**
 * The passes in the order they run. The order matters: titles are marked before split quotations are joined,
 * blocks are found before quotations are attributed (a quotation opening a block's paragraph takes the colon's
 * speaker), headlines before indirect speech (which would take a headline's "Will Say" for a cue), and indirect
 * speech last (it keeps out of every quotation found before it).
 */
export const PASSES: readonly QuotePass[] = [directQuotes, titlesOfWorks, fragmentSentences, splitQuotes, blockQuotes, attributeQuotes, headlines, indirectSpeech];

/**
 * Every quotation of an article with its speaker. Each pass is its own function: V8 optimises (and, after a
 * deoptimisation, recompiles) a function as one unit, and as one function the finder took 1.0–1.8 s to compile each
 * time.
 */
export function findQuotes(doc: NlpDoc, settings: QuoteSettings): Quote[] {
  return findQuotesWith(doc, settings, PASSES);
}

/** The quotations that the given passes find, in the order given (tests leave one pass out to see what it adds). */
export function findQuotesWith(doc: NlpDoc, settings: QuoteSettings, passes: readonly QuotePass[]): Quote[] {
  if (!doc.value.length) return [];
  const ctx = new QuoteContext(quoteSentences(doc), settings);
  for (const pass of passes) pass.run(ctx);
  return assemble(ctx);
}
