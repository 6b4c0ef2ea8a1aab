/**
 * Assembly: block quotations and the others in text order; a quotation crossing another, or repeating one, is
 * dropped (nesting is kept); each kept quotation becomes a `Quote` with its speaker and the words of its pieces.
 */
import { wordsIn } from '../../nlp/index.js';
import type { Quote } from '../../types.js';
import { finalGaps, paragraphOf, type Candidate, type QuoteContext } from '../context.js';
import { quotePieces } from '../pieces.js';

/** Offset `at` is in an editor's notice: a paragraph opening "CORRECTION:" or "Correction." (notice_labels). */
function inNotice(ctx: QuoteContext, at: number): boolean {
  const from = ctx.paras[paragraphOf(ctx.paras, at)];
  const head = /^([\p{L}'’]+)\s*[:.]/u.exec(ctx.text.slice(from, from + 40));
  return !!head && ctx.lex.w.noticeLabels.has(head[1].toLowerCase());
}

export function assemble(ctx: QuoteContext): Quote[] {
  const { doc, blocks, out } = ctx;
  const all = [...out, ...blocks].filter((q) => !inNotice(ctx, q.start)).sort((a, b) => a.start - b.start || b.end - a.end);
  // Sorted by start (longer first), kept quotes form a nesting: a stack of the ones still open is enough to tell
  // whether the next one crosses any (it can only cross the innermost), in linear time.
  const kept: Candidate[] = [];
  const open: Candidate[] = [];
  for (const q of all) {
    while (open.length && open[open.length - 1].end <= q.start) open.pop();
    const top = open[open.length - 1];
    const crosses = !!top && q.end > top.end;
    const last = kept[kept.length - 1];
    const duplicate = !!last && last.start === q.start && last.end === q.end;
    if (crosses || duplicate) continue;
    kept.push(q);
    open.push(q);
  }
  return kept.map((q, i) => {
    const sp = q.attribution?.speaker ?? null;
    const gaps = finalGaps(q);
    let tokens = 0;
    for (const [a, b] of quotePieces({ start: q.start, end: q.end, gaps })) tokens += wordsIn(doc, a, b);
    return {
      id: `q${i + 1}`,
      kind: q.kind,
      start: q.start,
      end: q.end,
      tokens,
      cue: q.attribution?.cue ?? '',
      cueStart: q.attribution?.cueStart ?? null,
      cueEnd: q.attribution?.cueEnd ?? null,
      speaker: sp?.canonical ?? 'UNKNOWN',
      speakerMention: sp?.mention ?? '',
      speakerStart: sp && sp.start >= 0 ? sp.start : null,
      speakerEnd: sp && sp.start >= 0 ? sp.end : null,
      speakerRole: sp?.role ?? '',
      speakerType: sp?.type ?? 'unknown',
      gaps,
    };
  });
}
