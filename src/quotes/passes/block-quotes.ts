/**
 * Block quotations: the paragraph after a sentence ending in a colon, with a cue or a block word (`block_words` in
 * pipeline/cues.yml) and a speaker ("The statement read:"). A quotation opening that paragraph is attributed to the
 * colon's speaker instead (remembered for attribute-quotes).
 */
import { tokenAt } from '../../nlp/index.js';
import { OPEN, type Attribution, type QuoteContext } from '../context.js';
import { makeAttribution } from '../attribution.js';
import { clauseSubject, subjectBefore, subjectAfter } from '../subjects.js';

export const name = 'block-quotes';

export function run(ctx: QuoteContext): void {
  const { doc, text, lex, paras, blocks, colonAttr } = ctx;
  for (let p = 0; p + 1 < paras.length; p++) {
    const paraEnd = paras[p + 1];
    const body = text.slice(paras[p], paraEnd).trimEnd();
    if (!body.endsWith(':')) continue;
    const colon = paras[p] + body.length - 1;
    const colonTok = tokenAt(doc, colon);
    let s = colonTok;
    while (s > 0 && !ctx.sentenceEnd(s - 1) && doc.tokStart[s - 1] >= paras[p] && colonTok - s < 40) s--;
    let attr: Attribution | null = null;
    for (let c = colonTok - 1; c >= s && !attr; c--) {
      const isBlockWord = lex.blockWords.has(doc.lower[c]);
      if (!ctx.isCue(c) && !isBlockWord) continue;
      // "The New York Times confirmed that observation, reporting:": a participle after a comma shares its clause's
      // subject.
      const before = (ctx.joinsEarlierClause(c) ? clauseSubject(ctx, s, c) : null) ?? subjectBefore(ctx, c, s);
      if (before) attr = makeAttribution(ctx, c, before);
      else if (ctx.isCue(c) && !lex.listenerVerbs.has(doc.lemma[c])) {
        const after = subjectAfter(ctx, c, colonTok - 1);
        if (after) attr = makeAttribution(ctx, c, after);
      }
      // "he said, adding:" — the speaker is with the earlier cue.
      if (attr && !attr.speaker) attr = null;
    }
    if (!attr) continue;
    const nextStart = paras[p + 1];
    const nextEnd = (p + 2 < paras.length ? paras[p + 2] : text.length);
    const first = text[nextStart];
    if (OPEN.has(first) || first === '"') {
      colonAttr.set(p + 1, attr);
      continue;
    }
    let end = nextEnd;
    while (end > nextStart && /\s/.test(text[end - 1])) end--;
    if (end - nextStart < 20) continue;
    blocks.push({ kind: 'block', start: nextStart, end, outerStart: nextStart, outerEnd: end, attribution: attr, block: true });
  }
}
