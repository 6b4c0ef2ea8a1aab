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

/** All occurrences of one wording (same content words in the same order) within an event, collapsed. */
export interface QuoteGroup {
  key: string;
  words: string[];
  texts: Set<string>;
  speakers: Map<string, number>;
  outlets: Set<string>;
  articles: Set<string>;
}

export interface SharedQuote {
  text: string;
  speaker: string;
  outlets: string[];
  articles: string[];
  variants: string[];
}

/** Add one quotation to an event's groups (identical wordings collapse: memory grows with distinct quotes only). */
export function addOccurrence(groups: Map<string, QuoteGroup>, text: string, speaker: string, outlet: string, articleId: string): void {
  const words = contentWords(text);
  if (new Set(words).size < SHARED_MIN_WORDS) return;
  const key = words.join(' ');
  let g = groups.get(key);
  if (!g) {
    g = { key, words, texts: new Set(), speakers: new Map(), outlets: new Set(), articles: new Set() };
    groups.set(key, g);
  }
  g.texts.add(text.replace(/\s+/g, ' ').trim());
  if (speaker !== 'UNKNOWN') g.speakers.set(speaker, (g.speakers.get(speaker) ?? 0) + 1);
  g.outlets.add(outlet);
  g.articles.add(articleId);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function clusterQuotes(groups: Iterable<QuoteGroup>): SharedQuote[] {
  const usable = [...groups].sort((a, b) => b.words.length - a.words.length || cmp(a.key, b.key));
  const clusters: { head: Set<string>; members: QuoteGroup[] }[] = [];
  const index = new Map<string, number[]>();
  const df = new Map<string, number>();
  for (const q of usable) for (const w of new Set(q.words)) df.set(w, (df.get(w) ?? 0) + 1);
  for (const q of usable) {
    const words = new Set(q.words);
    // A head containing SHARED_CONTAINMENT of the words must contain one of any (1 − containment)·n + 1 of them:
    // look clusters up by the rarest few words only (the common ones would make every cluster a candidate).
    const probe = [...words].sort((a, b) => df.get(a)! - df.get(b)! || cmp(a, b)).slice(0, words.size - Math.ceil(SHARED_CONTAINMENT * words.size - 1e-9) + 1);
    const candidates = new Set<number>();
    for (const w of probe) for (const c of index.get(w) ?? []) candidates.add(c);
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
    const outlets = new Set<string>();
    for (const m of c.members) for (const o of m.outlets) outlets.add(o);
    if (outlets.size < 2) continue;
    const speakers = new Map<string, number>();
    for (const m of c.members) for (const [sp, n] of m.speakers) speakers.set(sp, (speakers.get(sp) ?? 0) + n);
    const speaker = [...speakers.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? 'UNKNOWN';
    const articles = new Set<string>();
    const variants = new Set<string>();
    for (const m of c.members) {
      for (const a of m.articles) articles.add(a);
      for (const t of m.texts) variants.add(t);
    }
    out.push({
      text: [...c.members[0].texts].sort(cmp)[0],
      speaker,
      outlets: [...outlets].sort(cmp),
      articles: [...articles].sort(cmp),
      variants: [...variants].sort(cmp),
    });
  }
  return out;
}
