/**
 * Split quotations (“A,” he said, “B.”) join into one quotation, its attribution a gap, across long speaker
 * descriptions and quoted titles ("said on CNN’s “State of the Union.”"), but not across a second cue ("she added")
 * or a clause with a subject of its own ("and her husband cut in"). Quoted titles are set aside, then put back in text
 * order.
 */
import { tokenAt, wordsIn } from '../../nlp/index.js';
import { npStartingAt } from '../phrases.js';
import { addGap, type Candidate, type QuoteContext } from '../context.js';
import { attributeRight, introducesNext, titleCase } from '../attribution.js';

export const name = 'split-quotes';

export function run(ctx: QuoteContext): void {
  const { doc, text, n, lex, candidates, merged } = ctx;
  // A quoted title in an attribution (Sanders said on CNN’s “State of the Union.” / on “Meet the Press”) does not
  // end the speaker's quotation: it is set aside while split quotes are joined.
  const titles: Candidate[] = [];
  const isTitle = (q: Candidate) => q.kind === 'partial' && wordsIn(doc, q.start, q.end) <= 6 && /^\p{Lu}/u.test(text[q.start] ?? '') && (/(\bon|\bin|['’]s)\s*$/.test(text.slice(Math.max(0, q.outerStart - 12), q.outerStart)) || lex.w.afterWorkNoun.test(text.slice(Math.max(0, q.outerStart - 30), q.outerStart)) || titleCase(ctx, q));
  const markOutsideTitles = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (/[“”"]/.test(text[i]) && !titles.some((t) => i >= t.outerStart && i < t.outerEnd)) return true;
    return false;
  };
  for (const c of candidates) {
    const prev = merged[merged.length - 1];
    if (c.title || (prev && isTitle(c) && c.outerStart - prev.outerEnd < 120)) {
      titles.push({ ...c, title: true });
      continue;
    }
    // A quotation that opens its sentence counts even when short (“I’m honored!” she said. “…”).
    const opensSentence = (q: Candidate) => q.kind === 'direct' || !/[\p{L}\p{N},;]/u.test(text.slice(Math.max(0, q.outerStart - 3), q.outerStart).trim().slice(-1));
    if (prev && (opensSentence(prev) || prev.attribution) && (c.kind !== 'partial' || wordsIn(doc, c.start, c.end) >= 3)) {
      const gap = text.slice(prev.outerEnd, c.outerStart);
      if (gap.length <= 250 && !/\n/.test(gap)) {
        const attr = attributeRight(ctx, prev.outerEnd);
        // After the attribution ("Rep. Dan Cole said", "said Bob Mason, a retired letter carrier who …") no
        // further quotation mark; a long description of the speaker is allowed.
        const tail = attr && attr.cueEnd !== null ? text.slice(Math.max(attr.cueEnd, attr.speaker?.end ?? 0), c.outerStart) : '';
        // “A,” she said. “B,” she added: B has its own attribution and stays a quotation of its own.
        const after = attr ? attributeRight(ctx, c.outerEnd) : null;
        // (“B.” Mr. Zahed said: “C.”: an attribution introducing the next quotation is not B's.)
        const own = after && !introducesNext(ctx, after) ? after : null;
        // “A,” Anderson said, adding that …: a second cue in between starts something else.
        let cueInTail = false;
        // A cue inside a description of the speaker ("…, who said she planned to demonstrate.", "he said when asked
        // about …") does not start a new report.
        if (attr?.cueEnd != null) {
          for (let t = tokenAt(doc, attr.cueEnd); t < n && doc.tokStart[t] < c.outerStart; t++) {
            const described = lex.w.descriptionOpeners.has(doc.lower[t - 1]) || (doc.pos[t - 1] === 'AUX' && /^(who|which|that)$/.test(doc.lower[t - 2]));
            if (ctx.isCue(t) && !described && doc.tokStart[t] >= Math.max(attr.cueEnd, attr.speaker?.end ?? 0)) cueInTail = true;
            // “A,” Ebeling said, and her husband cut in. “B”: a clause with a subject of its own (not a pronoun
            // that may be the speaker) starts someone else's turn.
            if (lex.w.andBut.has(doc.lower[t]) && doc.value[t - 1] === ',' && !lex.w.pronounSubjects.has(doc.lower[t + 1] ?? '')) {
              const np = npStartingAt(doc, t + 1, lex, n - 1);
              if (np && doc.pos[np.last + 1] === 'VERB' && doc.tokStart[np.last + 1] < c.outerStart) cueInTail = true;
            }
          }
        }
        const tailOk = !cueInTail && (c.kind === 'partial' ? /^[^.!?]{0,60}$/.test(tail) : tail.length <= 60 || (!!attr?.speaker && (/^\s*[,.]/.test(tail) || tail.length <= 160)));
        const tailStart = attr && attr.cueEnd !== null ? Math.max(attr.cueEnd, attr.speaker?.end ?? 0) : c.outerStart;
        // “A.” Eva-Maria Schultheis posted: “B.”: an attribution ending in a colon introduces B, not A. The whole gap is
        // read, not only the attribution's end as introducesNext does: in “A,” Trump said before adding: “B.” and
        // “A,” said X, …: “B.” the colon comes after more words.
        const leadIn = /:\s*$/.test(gap);
        if (attr && attr.cueEnd !== null && attr.cueEnd <= c.outerStart && !markOutsideTitles(tailStart, c.outerStart) && tailOk && !own && !leadIn) {
          addGap(prev, prev.end, c.start);
          prev.end = c.end;
          prev.outerEnd = c.outerEnd;
          prev.attribution = attr;
          continue;
        }
      }
    }
    merged.push(c);
  }
  merged.push(...titles);
  merged.sort((a, b) => a.outerStart - b.outerStart);
}
