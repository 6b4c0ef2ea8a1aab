/**
 * Shared quotations: the same quotation carried by several outlets in an event, matched despite wording variants
 * ("a goal of a minimum of 3,000 arrests" vs "minimum 3,000 arrests"). A quote's key is its content words
 * (src/analysis/share-key.ts); two quotes are the same quotation when
 * the content words of the shorter are at least SHARED_CONTAINMENT contained in the longer and at least SHARED_PHRASES
 * of its pairs of consecutive content words (and at least two: `phrasesNeeded`) are pairs of the longer too — there
 * consecutive or one word apart (`headPairSet`) — and the shorter has at least SHARED_MIN_WORDS
 * content words (titles — title-case fragments — and indirect speech are left out before: src/analysis/share-key.ts). Quotes
 * are clustered greedily against each cluster's first (longest) member, in a deterministic order (longest first, then
 * text), so the result never depends on the order articles were added.
 */
import { compareStrings as cmp } from '../search.js';

export const SHARED_CONTAINMENT = 0.8;
/**
 * Share of a quotation's pairs of consecutive content words that the cluster's first quotation must also have as
 * consecutive content words: a variant keeps most of its phrases ("minimum 3,000 arrests" in "a goal of a minimum of
 * 3,000 arrests"), while a short fragment is not the same quotation as a long one that merely holds its words apart
 * ("President Bernie Sanders." and "… Bernie Sanders announcing … whose husband was president …").
 */
export const SHARED_PHRASES = 0.5;

/**
 * Pairs of consecutive content words that a quotation with `pairs` of them must share with a cluster's first
 * quotation: SHARED_PHRASES of them, and at least two (all of a three-word fragment's) — one shared pair is a name
 * ("Donald Trump", "Bernie Sanders") or a stock phrase ("never, ever") in a short fragment as often as a variant.
 */
export function phrasesNeeded(pairs: number): number {
  return Math.max(SHARED_PHRASES * pairs, Math.min(pairs, 2));
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
  /** Each wording (one per group of identical content words) with the outlets that printed it: the report's side-by-side view. */
  wordings: { text: string; outlets: string[] }[];
}

/**
 * Add one quotation (its `quoteKey`, not null, and `quoteVariant`) to an event's groups. Identical wordings collapse:
 * memory grows with distinct quotes only. Key and variant are computed as each article is analysed
 * (src/analysis/share-key.ts), so the reduce only groups.
 */
export function addOccurrence(groups: Map<string, QuoteGroup>, key: string, variant: string, speaker: string, outlet: string, articleId: string): void {
  let g = groups.get(key);
  if (!g) {
    g = { key, words: key.split(' '), texts: new Set(), speakers: new Map(), outlets: new Set(), articles: new Set() };
    groups.set(key, g);
  }
  g.texts.add(variant);
  if (speaker !== 'UNKNOWN') g.speakers.set(speaker, (g.speakers.get(speaker) ?? 0) + 1);
  g.outlets.add(outlet);
  g.articles.add(articleId);
}

/**
 * A cluster head's pairs, one number per pair (first × V + second): each content word with the next one and with the
 * one after that, so that a variant that leaves out or repeats a word still shares its pairs ("What difference at
 * this point does it make?" and "What difference - at this point, what difference does it make?").
 */
export function headPairSet(seq: number[], V: number): Set<number> {
  const pairs = new Set<number>();
  for (let k = 1; k < seq.length; k++) {
    pairs.add(seq[k - 1] * V + seq[k]);
    if (k >= 2) pairs.add(seq[k - 2] * V + seq[k]);
  }
  return pairs;
}

export function clusterQuotes(groups: Iterable<QuoteGroup>): SharedQuote[] {
  const usable = [...groups].sort((a, b) => b.words.length - a.words.length || cmp(a.key, b.key));
  // Speed: the event's words numbered once; each quote as its distinct word numbers, document frequencies in an array
  // (string-keyed Sets and Maps were most of the reduce's time in shared quotes).
  const numberOf = new Map<string, number>();
  const sequences = usable.map((q) =>
    q.words.map((w) => {
      let id = numberOf.get(w);
      if (id === undefined) numberOf.set(w, (id = numberOf.size));
      return id;
    }),
  );
  const wordSets = sequences.map((seq) => [...new Set(seq)]);
  const df = new Int32Array(numberOf.size);
  for (const ids of wordSets) for (const id of ids) df[id]++;
  // Each quote's distinct pairs of consecutive content words, one number per pair.
  const V = numberOf.size;
  const pairSets = sequences.map((seq) => {
    const pairs = new Set<number>();
    for (let k = 1; k < seq.length; k++) pairs.add(seq[k - 1] * V + seq[k]);
    return pairs;
  });
  const heads: Set<number>[] = [];
  const headPairs: Set<number>[] = [];
  const members: QuoteGroup[][] = [];
  const index: number[][] = Array.from({ length: numberOf.size }, () => []);
  const seenFor: number[] = [];
  for (let qi = 0; qi < usable.length; qi++) {
    const ids = wordSets[qi];
    const n = ids.length;
    // A head containing SHARED_CONTAINMENT of the words must contain one of any (1 − containment)·n + 1 of them:
    // look clusters up by the rarest few words only (the common ones would make every cluster a candidate). Which
    // words are probed does not change the result, only how many clusters are checked.
    const probe = [...ids].sort((a, b) => df[a] - df[b] || a - b).slice(0, n - Math.ceil(SHARED_CONTAINMENT * n - 1e-9) + 1);
    const candidates: number[] = [];
    for (const w of probe) {
      for (const c of index[w]) {
        if (seenFor[c] !== qi) {
          seenFor[c] = qi;
          candidates.push(c);
        }
      }
    }
    // The earliest cluster (longest head) that holds enough of the words.
    let joined = -1;
    for (const c of candidates.sort((a, b) => a - b)) {
      let shared = 0;
      for (const w of ids) if (heads[c].has(w)) shared++;
      if (shared / n < SHARED_CONTAINMENT) continue;
      let phrases = 0;
      for (const p of pairSets[qi]) if (headPairs[c].has(p)) phrases++;
      if (phrases >= phrasesNeeded(pairSets[qi].size)) {
        joined = c;
        break;
      }
    }
    if (joined < 0) {
      heads.push(new Set(ids));
      headPairs.push(headPairSet(sequences[qi], V));
      members.push([usable[qi]]);
      for (const w of ids) index[w].push(heads.length - 1);
    } else members[joined].push(usable[qi]);
  }
  const out: SharedQuote[] = [];
  for (const group of members) {
    const outlets = new Set<string>();
    for (const m of group) for (const o of m.outlets) outlets.add(o);
    if (outlets.size < 2) continue;
    const speakers = new Map<string, number>();
    for (const m of group) for (const [sp, n] of m.speakers) speakers.set(sp, (speakers.get(sp) ?? 0) + n);
    const speaker = [...speakers.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? 'UNKNOWN';
    const articles = new Set<string>();
    const variants = new Set<string>();
    const wordings = new Map<string, Set<string>>();
    for (const m of group) {
      for (const a of m.articles) articles.add(a);
      for (const t of m.texts) variants.add(t);
      const text = [...m.texts].sort(cmp)[0];
      const seen = wordings.get(text) ?? new Set<string>();
      for (const o of m.outlets) seen.add(o);
      wordings.set(text, seen);
    }
    out.push({
      text: [...group[0].texts].sort(cmp)[0],
      speaker,
      outlets: [...outlets].sort(cmp),
      articles: [...articles].sort(cmp),
      variants: [...variants].sort(cmp),
      wordings: [...wordings]
        .map(([text, outlets]) => ({ text, outlets: [...outlets].sort(cmp) }))
        .sort((a, b) => cmp(a.outlets[0], b.outlets[0]) || cmp(a.text, b.text)),
    });
  }
  return out;
}
