/**
 * Direct and partial quotations from paired quotation marks: curly, straight and mixed marks, guillemets, doubled
 * apostrophes, an opening mark typed for a closing one (‘here,“ said Jim Clyburn’); a quotation over several
 * paragraphs (an opening mark per paragraph, one closing mark). A quotation of fewer than three words, one written
 * inside a sentence after a word, or one right after a cue that its sentence goes on past ("said “there could be” a
 * line …") is partial; the others are direct. An opening mark with no closing mark is left alone, so no runaway
 * quotation swallows an article.
 */
import { tokenAt, wordsIn } from '../../nlp/index.js';
import type { QuoteKind } from '../../types.js';
import { OPEN, CLOSE, type QuoteContext } from '../context.js';

export const name = 'direct-quotes';

/** Longest direct quotation we accept, in characters (longer: a missing closing mark). */
export const MAX_QUOTE_CHARS = 6000;
/** Paragraphs a multi-paragraph quotation may continue over. */
export const MAX_QUOTE_PARAGRAPHS = 8;

/**
 * Pair quotation marks into spans [open, close, openLength, closeLength], paragraph by paragraph. Marks: curly
 * double quotes, guillemets, straight double quotes and doubled apostrophes ('' as some archives render quotes).
 */
function directSpans(text: string, paras: number[]): [number, number, number, number][] {
  const spans: [number, number, number, number][] = [];
  let open = -1;
  let openLen = 1;
  let openPara = -1;
  let para = 0;
  // Visit only the quotation marks (a regex scan is much faster than a loop over every character).
  const marks = /[“”„‟«»"]|''/g;
  let mk: RegExpExecArray | null;
  while ((mk = marks.exec(text))) {
    const i = mk.index;
    const ch = text[i];
    while (para + 1 < paras.length && paras[para + 1] <= i) {
      para++;
      // A quote still open at a paragraph break continues only if the new paragraph opens with a mark.
      if (open >= 0) {
        const first = text[paras[para]];
        const opens = OPEN.has(first) || first === '"' || text.startsWith("''", paras[para]);
        if (!opens || para - openPara >= MAX_QUOTE_PARAGRAPHS) open = -1;
      }
    }
    const doubled = ch === "'" && text[i + 1] === "'";
    // An opening mark typed where a closing one belongs (‘here,“ said Jim Clyburn’): after a word or punctuation
    // and before a space, inside an open quotation, it closes it.
    const misTyped = open >= 0 && OPEN.has(ch) && i > 0 && /[\p{L}\p{N}.,!?]/u.test(text[i - 1]) && (i + 1 >= text.length || /\s/.test(text[i + 1]));
    const isOpen = OPEN.has(ch) && !misTyped;
    const isClose = CLOSE.has(ch) || misTyped;
    const straight = ch === '"' || doubled;
    if (!isOpen && !isClose && !straight) continue;
    const len = doubled ? 2 : 1;
    marks.lastIndex = i + len;
    if (open < 0) {
      if (isOpen || straight) {
        open = i;
        openLen = len;
        openPara = para;
      }
      continue;
    }
    // Inside a quotation: the per-paragraph opening mark of a continuation is not a closing mark.
    if ((isOpen || straight) && i === paras[para] && para > openPara) {
      continue;
    }
    if (isClose || straight) {
      if (i - open <= MAX_QUOTE_CHARS) spans.push([open, i, openLen, len]);
      open = -1;
      continue;
    }
    // A second opening mark before any closing one: the first was never closed; start again here.
    open = i;
    openLen = len;
    openPara = para;
  }
  return spans;
}

export function run(ctx: QuoteContext): void {
  const { doc, text, paras, candidates } = ctx;
  for (const [open, close, openLen, closeLen] of directSpans(text, paras)) {
    let start = open + openLen;
    let end = close;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /[\s,]/.test(text[end - 1])) end--;
    if (end <= start) continue;
    const words = wordsIn(doc, start, end);
    let prev = open - 1;
    while (prev >= 0 && (text[prev] === ' ' || text[prev] === '\t')) prev--;
    const prevCh = prev >= 0 ? text[prev] : '\n';
    const afterCue = /[\p{L}\p{N}]/u.test(prevCh) && ctx.isCue(tokenAt(doc, prev));
    const embedded = /[\p{L}\p{N}]/u.test(prevCh) && !afterCue;
    // said ''there could be'' a line that …: a quotation right after a cue that the sentence goes on past is a
    // fragment of the reported clause.
    let next = close + closeLen;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
    const clauseGoesOn = afterCue && /[\p{Ll}\p{N}]/u.test(text[next] ?? '');
    const kind: QuoteKind = embedded || clauseGoesOn || words < 3 ? 'partial' : 'direct';
    candidates.push({ kind, start, end, outerStart: open, outerEnd: close + closeLen, attribution: null });
  }
  ctx.people.setQuoted(candidates.map((c) => [c.outerStart, c.outerEnd]));
}
