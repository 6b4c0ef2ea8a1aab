/**
 * Shared quotations: the same quotation carried by several outlets in an event, matched despite wording variants
 * ("a goal of a minimum of 3,000 arrests" vs "minimum 3,000 arrests"). A quote's key is its content words
 * (natural's AggressiveTokenizer, lowercased, stopwords dropped); two quotes are the same quotation when the
 * content words of the shorter are at least SHARED_CONTAINMENT contained in the longer, and the shorter has at least
 * SHARED_MIN_WORDS content words. Quotes are clustered greedily against each cluster's first (longest) member, in a
 * deterministic order (longest first, then text), so the result never depends on the order articles were added.
 */
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import { STOPWORDS } from './terms.js';

export const SHARED_CONTAINMENT = 0.8;
export const SHARED_MIN_WORDS = 3;

const tokenizer = new AggressiveTokenizer();

export function contentWords(text: string): string[] {
  return tokenizer
    .tokenize(text.toLowerCase().replace(/[’‘]/g, "'"))
    .filter((w) => !STOPWORDS.has(w) && w.length > 0);
}

export interface QuoteOccurrence {
  text: string;
  speaker: string;
  outlet: string;
  articleId: string;
  words: string[];
}

export interface SharedQuote {
  text: string;
  speaker: string;
  outlets: string[];
  articles: string[];
  variants: string[];
}

export function clusterQuotes(quotes: QuoteOccurrence[]): SharedQuote[] {
  const usable = quotes.filter((q) => new Set(q.words).size >= SHARED_MIN_WORDS);
  usable.sort((a, b) => b.words.length - a.words.length || (a.text < b.text ? -1 : a.text > b.text ? 1 : a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
  const clusters: { head: Set<string>; members: QuoteOccurrence[] }[] = [];
  const index = new Map<string, number[]>();
  for (const q of usable) {
    const words = new Set(q.words);
    const candidates = new Set<number>();
    for (const w of words) for (const c of index.get(w) ?? []) candidates.add(c);
    let joined = -1;
    for (const c of [...candidates].sort((a, b) => a - b)) {
      let shared = 0;
      for (const w of words) if (clusters[c].head.has(w)) shared++;
      if (shared / words.size >= SHARED_CONTAINMENT) {
        joined = c;
        break;
      }
    }
    if (joined < 0) {
      clusters.push({ head: words, members: [q] });
      const id = clusters.length - 1;
      for (const w of words) {
        if (!index.has(w)) index.set(w, []);
        index.get(w)!.push(id);
      }
    } else clusters[joined].members.push(q);
  }
  const out: SharedQuote[] = [];
  for (const c of clusters) {
    const outlets = [...new Set(c.members.map((m) => m.outlet))].sort();
    if (outlets.length < 2) continue;
    const speakers = new Map<string, number>();
    for (const m of c.members) if (m.speaker !== 'UNKNOWN') speakers.set(m.speaker, (speakers.get(m.speaker) ?? 0) + 1);
    const speaker = [...speakers.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'UNKNOWN';
    out.push({
      text: c.members[0].text,
      speaker,
      outlets,
      articles: [...new Set(c.members.map((m) => m.articleId))].sort(),
      variants: [...new Set(c.members.map((m) => m.text.replace(/\s+/g, ' ').trim()))].sort(),
    });
  }
  return out;
}
