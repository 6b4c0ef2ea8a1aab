/**
 * Alias suggestions: pairs of person entities the rules keep apart because their first names differ, although the
 * first names are close (Jaro–Winkler) and the last names and suffixes are equal — "Matt Morrison" and "Matthew
 * Morrison", "Kristen Gillibrand" and "Kirsten Gillibrand", but also "Ivana Trump" and "Ivanka Trump". Never applied:
 * a researcher reads them and puts the right ones in an alias file. (Jaro–Winkler is not used to merge: on PolNeAR
 * train every pair of same-first-name speakers it scores 0.93 or more is two people, e.g. Richard Cross and Richard
 * Ross; docs/speakers.md.)
 */
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { parsePerson, type NameWords } from './names.js';
import type { EntityRow } from './resolve.js';

/** First names at least this similar are suggested (0.85: "Joe"/"Joseph" 0.88, "Pete"/"Peter" 0.96). */
export const SUGGEST_SIMILARITY = 0.85;

export interface AliasSuggestion {
  /** The less quoted entity's canonical name: the alias. */
  alias: string;
  /** The more quoted entity's canonical name: the speaker it may stand for. */
  speaker: string;
  similarity: number;
}

/** Suggestions sorted by similarity (descending), then alias. */
export function suggestAliases(entities: readonly EntityRow[], words: NameWords): AliasSuggestion[] {
  const byLast = new Map<string, { e: EntityRow; first: string }[]>();
  for (const e of entities) {
    if (e.speaker_type !== 'person') continue;
    const p = parsePerson(e.speaker, words);
    if (!p || p.units < 2) continue;
    const k = `${p.last}|${p.suffix}`;
    if (!byLast.has(k)) byLast.set(k, []);
    byLast.get(k)!.push({ e, first: p.first });
  }
  const out: AliasSuggestion[] = [];
  for (const group of byLast.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (a.first === b.first || a.first.length < 2 || b.first.length < 2) continue;
        const similarity = JaroWinklerDistance(a.first, b.first);
        if (similarity < SUGGEST_SIMILARITY) continue;
        const [more, less] = a.e.quotes > b.e.quotes || (a.e.quotes === b.e.quotes && a.e.speaker < b.e.speaker) ? [a.e, b.e] : [b.e, a.e];
        out.push({ alias: less.speaker, speaker: more.speaker, similarity: Math.round(similarity * 1000) / 1000 });
      }
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || (x.alias < y.alias ? -1 : x.alias > y.alias ? 1 : 0));
}
