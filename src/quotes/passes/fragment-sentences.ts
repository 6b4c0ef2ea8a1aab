/**
 * Golf clubs are ''just scratching out a profit,'' Mr. Hedge said: a fragment attributed right after its closing mark
 * (or by ", said X." ending its sentence) reports the whole sentence it ends, from the sentence's start.
 */
import { tokenAt } from '../../nlp/index.js';
import type { QuoteContext } from '../context.js';
import { attributeRight } from '../attribution.js';

export const name = 'fragment-sentences';

export function run(ctx: QuoteContext): void {
  const { doc, text, candidates } = ctx;
  for (const c of candidates) {
    if (c.kind !== 'partial' || c.title) continue;
    const after = tokenAt(doc, c.outerEnd);
    const attr = attributeRight(ctx, c.outerEnd);
    if (!attr?.speaker || attr.cueStart === null) continue;
    const cueTok = tokenAt(doc, attr.cueStart);
    const speakerTok = tokenAt(doc, attr.speaker.start);
    const comma = doc.value[after] === ',' || /,\s*(["”»]|'')$/.test(text.slice(c.start, c.outerEnd));
    // Right after the mark (“…,” Mr. Hedge said), or after the rest of the sentence's words and a comma, with the
    // attribution ending the sentence (would begin ''building bridges'' to Mr. Sanders, said David Axelrod).
    const attrFirst = Math.min(cueTok, speakerTok);
    let lateEnd = attrFirst > after && doc.value[attrFirst - 1] === ',';
    for (let t = after; t < attrFirst && lateEnd; t++) if (doc.pos[t] === 'VERB' || doc.pos[t] === 'AUX' || ctx.isMark(t)) lateEnd = false;
    const attrLast = tokenAt(doc, Math.max(attr.cueEnd ?? 0, attr.speaker.end) - 1);
    if (lateEnd && !(ctx.sentenceEnd(attrLast + 1) || doc.value[attrLast + 1] === ',')) lateEnd = false;
    if (!((attrFirst - after <= 1 && comma) || lateEnd)) continue;
    let s = tokenAt(doc, c.outerStart) - 1;
    while (s >= 0 && !ctx.sentenceEnd(s) && !ctx.breakBefore(s + 1) && !ctx.isMark(s)) s--;
    const first = s + 1;
    if (first >= tokenAt(doc, c.outerStart) || ctx.isMark(s)) continue;
    c.start = doc.tokStart[first];
    c.outerStart = c.start;
    c.attribution = attr;
    if (lateEnd && attrFirst - after > 1) {
      c.end = doc.tokEnd[attrFirst - 2];
      c.outerEnd = c.end;
    }
  }
}
