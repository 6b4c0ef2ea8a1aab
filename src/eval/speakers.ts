/**
 * `framelens eval --speaker-labels FILE`: score the speaker column researchers use — who a quotation is attributed to
 * after merging across the corpus (src/entities/) — against hand labels (test/fixtures/speakers/*.jsonl: doc_id,
 * content and source offsets, mention_kind, the speaker's fullest plain name, speaker_type).
 *  - a label's prediction is the predicted quote whose pieces share at least 30% of each with the label's content
 *    span, one-to-one, greedily by shared characters (`scoreArticle`, as quote matching in eval);
 *  - right person: the predicted entity's canonical name or one of its written variants equals the label's speaker
 *    after normalisation (case, accents, a leading "the", punctuation; for persons, titles and middle names or
 *    initials as the merging compares them), or the label is unnamed (speaker "") and the prediction names nobody
 *    (anonymous or UNKNOWN);
 *  - merging, over pairs of matched labels with a named speaker (`labelIdentities`): a pair of one labelled person with one non-empty
 *    speaker_id is a true positive, one labelled person split over two ids (or none) a false negative, two labelled
 *    persons under one id a false positive. Counted twice: over all matched labels (a quotation the quote finder gave
 *    to the wrong person makes a false pair there), and over the labels whose quote names the labelled person in some
 *    form, which measures the merging alone.
 */
import { readFileSync } from 'node:fs';
import type { Quote } from '../types.js';
import { UsageError } from '../errors.js';
import { middlesCompatible, orgKey, parsePerson, type NameWords } from '../entities/names.js';
import { resolveEntities, type EntityOptions, type SpeakerRow } from '../entities/resolve.js';
import { scoreArticle } from './index.js';

export const MENTION_KINDS = ['full_name', 'surname', 'pronoun', 'role', 'organization', 'none_nearby'] as const;

export interface SpeakerLabel {
  doc_id: string;
  attribution: string;
  content: [number, number];
  source: [number, number];
  mention_kind: string;
  speaker: string;
  speaker_type: string;
  gender?: string;
  /**
   * Who the label names when its speaker is written differently from another label's of the same person ("Edward
   * Rendell" in one article, "Ed Rendell" in another): that other label's speaker. Only the merging pairs read it.
   */
  person?: string;
}

/** A predicted quotation with its speaker after merging. */
export interface SpeakerPrediction {
  docId: string;
  start: number;
  end: number;
  gaps: [number, number][];
  /** '' for anonymous and unknown speakers. */
  speakerId: string;
  speakerType: string;
  /** The entity's canonical name and written variants (the speaker itself when it has no id). */
  names: readonly string[];
  /** The speaker as the quote finder wrote it in this article, before merging (default: names[0]). */
  written?: string;
}

/** One label and what was predicted for it (eval_speakers.csv). */
export interface SpeakerDetail {
  doc_id: string;
  attribution: string;
  mention_kind: string;
  label_speaker: string;
  /** The matched prediction's canonical speaker ('' when no predicted quote matched). */
  predicted_speaker: string;
  speaker_id: string;
  /** null when no predicted quote matched. */
  right: boolean | null;
}

export interface KindScore {
  labels: number;
  matched: number;
  right: number;
  /** right / matched (0 when nothing matched). */
  accuracy: number;
}

export interface SpeakerScore extends KindScore {
  byKind: Record<string, KindScore>;
  /** Labels with no predicted quote over their content. */
  unmatched: number;
  /** Labels about an article the gold file does not have (counted in `unmatched` too). */
  notInGold?: number;
  /** Over all matched labels with a named speaker: wrong attributions (a pronoun resolved to another person) count. */
  pairs: PairScore;
  /**
   * Over the matched labels whose predicted quote names the labelled person in some form (`namesLabelledPerson`):
   * what the merging alone does with the names it is given.
   */
  attributedPairs: PairScore;
  details: SpeakerDetail[];
}

export interface PairScore {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  precision: number;
  recall: number;
}

function isPair(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && v.every((x) => Number.isInteger(x) && x >= 0) && v[0] <= v[1];
}

/** Parse a label file (JSON lines); a malformed line is a usage error naming file:line. */
export function parseSpeakerLabels(text: string, file: string): SpeakerLabel[] {
  const out: SpeakerLabel[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError('E_OPTION', `${file}:${i + 1}: not a JSON line (${(e as Error).message})`);
    }
    const ok =
      typeof r.doc_id === 'string' && isPair(r.content) && isPair(r.source) && typeof r.speaker === 'string' &&
      typeof r.mention_kind === 'string' && (MENTION_KINDS as readonly string[]).includes(r.mention_kind) && typeof r.speaker_type === 'string';
    if (!ok) throw new UsageError('E_OPTION', `${file}:${i + 1}: expected {doc_id, content:[s,e], source:[s,e], mention_kind (${MENTION_KINDS.join(', ')}), speaker, speaker_type}`);
    if (r.person !== undefined && (typeof r.person !== 'string' || !r.person.trim() || r.speaker_type !== 'person')) {
      throw new UsageError('E_OPTION', `${file}:${i + 1}: "person" must be a non-empty name, on a person's label`);
    }
    out.push(r as unknown as SpeakerLabel);
  });
  return out;
}

export function loadSpeakerLabels(file: string): SpeakerLabel[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError('E_INPUT_MISSING', `speaker label file ${file} cannot be read: ${(e as Error).message}`);
  }
  return parseSpeakerLabels(text, file);
}

const norm = (name: string) => orgKey(name);

/** The label's prediction (index into `predicted`) by the eval's one-to-one matching, per document. */
function matchLabels(labels: readonly SpeakerLabel[], predicted: readonly SpeakerPrediction[]): (SpeakerPrediction | null)[] {
  const byDoc = new Map<string, SpeakerPrediction[]>();
  for (const p of predicted) {
    if (!byDoc.has(p.docId)) byDoc.set(p.docId, []);
    byDoc.get(p.docId)!.push(p);
  }
  const labelsByDoc = new Map<string, number[]>();
  labels.forEach((l, i) => {
    if (!labelsByDoc.has(l.doc_id)) labelsByDoc.set(l.doc_id, []);
    labelsByDoc.get(l.doc_id)!.push(i);
  });
  const out: (SpeakerPrediction | null)[] = labels.map(() => null);
  for (const [doc, idx] of labelsByDoc) {
    const preds = byDoc.get(doc) ?? [];
    const gold = idx.map((i) => ({
      id: labels[i].attribution, type: 'Attribution',
      source: { spans: [labels[i].source], text: '' }, cue: null, content: { spans: [labels[i].content], text: '' },
    }));
    const quotes = preds.map((p) => ({ start: p.start, end: p.end, gaps: p.gaps, speaker: 'UNKNOWN', speakerStart: null, speakerEnd: null }) as unknown as Quote);
    const { pairs } = scoreArticle(gold, quotes);
    for (const [g, p] of pairs) out[idx[g]] = preds[p];
  }
  return out;
}

/** Name words for comparing a label's name with a prediction's: no titles, the usual generational suffixes. */
const PLAIN_WORDS: NameWords = { titles: new Set(), suffixes: new Set(['jr', 'sr', 'ii', 'iii', 'iv']) };

/**
 * A labelled person's name and a written name are one person's by the merging rule for full names: same first name
 * and last name, the label's suffix if it has one, middle names equal, initials of each other or absent on one side
 * ("Steven Warren", as labels write names, and "Steven H. Warren", as the corpus does).
 */
function samePersonName(label: string, written: string, words: NameWords): boolean {
  const a = parsePerson(label, words);
  let b = parsePerson(written, words);
  if (!a || !b || a.units < 2 || b.units < 2) return false;
  // "C. Stewart Verdery Jr.": a person known by a middle name, which the labels write as the first (they leave out
  // initials).
  if (b.first.length === 1 && b.middles.length > 0 && a.first !== b.first) b = { ...b, first: b.middles[0], middles: b.middles.slice(1) };
  // The labels leave out generational suffixes (test/fixtures/speakers/README.md, "Name form"): a label without one
  // fits a written name with one ("Joseph Biden" is "Joseph R. Biden Jr."); a label with one needs the same.
  if (a.first !== b.first || a.last !== b.last || (a.suffix && a.suffix !== b.suffix)) return false;
  return a.middles.length === 0 || b.middles.length === 0 || middlesCompatible(a.middles, b.middles);
}

/**
 * A campaign, administration or office as the labels write it ("Huckabee campaign", "Ryan’s office") and as the quote
 * finder writes a person's ("Mike Huckabee's campaign", "Paul Ryan's office"): the same body when the written name ends
 * with the label, possessives removed from both.
 */
function sameBodyOfPerson(label: string, written: string): boolean {
  const want = norm(label.replace(/['’]s\b/g, ''));
  if (!/ (campaign|administration|office)$/.test(want)) return false;
  const got = norm(written.replace(/['’]s\b/g, ''));
  return got === want || got.endsWith(` ${want}`);
}

export function isRightPerson(label: SpeakerLabel, p: SpeakerPrediction, words: NameWords = PLAIN_WORDS): boolean {
  if (label.speaker.trim() === '') return p.speakerId === '' && (p.speakerType === 'anonymous' || p.speakerType === 'unknown');
  const want = norm(label.speaker);
  if (p.names.some((n) => norm(n) === want)) return true;
  if (label.speaker_type === 'organization' && p.names.some((n) => sameBodyOfPerson(label.speaker, n))) return true;
  return label.speaker_type === 'person' && p.speakerType === 'person' && p.names.some((n) => samePersonName(label.speaker, n, words));
}

const pairs2 = (n: number) => (n * (n - 1)) / 2;

/**
 * Share of the labels with a last name that one labelled person must hold for a one-word label of that name to be
 * that person (labelIdentities): "Trump" in an article that never writes more is Donald Trump, whose labels are 70 of
 * the 72 with that last name (Eric Trump 2), not a person of its own.
 */
export const LABEL_SURNAME_SHARE = 0.9;

/**
 * Who each label names, for the pairs: its normalised speaker (or `person`, where the labeller gave one), except that a
 * one-word person name ("Obama", where an article never gives the first name) is the labelled person with more words
 * and that last word who holds at least LABEL_SURNAME_SHARE of the labels of such persons (the only one, or the one the
 * labels overwhelmingly name).
 */
export function labelIdentities(labels: readonly SpeakerLabel[]): string[] {
  const who = (l: SpeakerLabel) => norm(l.person ?? l.speaker);
  const fullByLast = new Map<string, Map<string, number>>();
  for (const l of labels) {
    const n = who(l);
    if (l.speaker_type !== 'person' || !n.includes(' ')) continue;
    const last = n.split(' ').pop()!;
    if (!fullByLast.has(last)) fullByLast.set(last, new Map());
    const counts = fullByLast.get(last)!;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return labels.map((l) => {
    const n = who(l);
    const full = l.speaker_type === 'person' && n && !n.includes(' ') ? fullByLast.get(n) : undefined;
    if (!full) return n;
    const total = [...full.values()].reduce((a, b) => a + b, 0);
    const [top, count] = [...full.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    return count >= LABEL_SURNAME_SHARE * total ? top : n;
  });
}

export function scoreSpeakers(labels: readonly SpeakerLabel[], predicted: readonly SpeakerPrediction[], words: NameWords = PLAIN_WORDS): SpeakerScore {
  const matched = matchLabels(labels, predicted);
  const identity = labelIdentities(labels);
  const tally = (): KindScore => ({ labels: 0, matched: 0, right: 0, accuracy: 0 });
  const total = tally();
  const byKind: Record<string, KindScore> = Object.fromEntries(MENTION_KINDS.map((k) => [k, tally()]));
  const all = new PairTally();
  const attributed = new PairTally();
  const details: SpeakerDetail[] = [];
  labels.forEach((l, i) => {
    const p = matched[i];
    const right = p ? isRightPerson(l, p, words) : null;
    details.push({ doc_id: l.doc_id, attribution: l.attribution, mention_kind: l.mention_kind, label_speaker: l.speaker, predicted_speaker: p?.names[0] ?? '', speaker_id: p?.speakerId ?? '', right });
    for (const t of [total, byKind[l.mention_kind]]) {
      t.labels++;
      if (p) {
        t.matched++;
        if (right) t.right++;
      }
    }
    if (!p || l.speaker.trim() === '') return;
    all.add(identity[i], p.speakerId);
    if (namesLabelledPerson(l, p)) attributed.add(identity[i], p.speakerId);
  });
  for (const t of [total, ...Object.values(byKind)]) t.accuracy = t.matched ? t.right / t.matched : 0;
  return { ...total, byKind, unmatched: total.labels - total.matched, pairs: all.score(), attributedPairs: attributed.score(), details };
}

/**
 * The quote finder named the labelled person, in whatever form, in the article: the written speaker's last word is the
 * label's (persons), or the names are equal after normalisation (organisations, outlets).
 */
export function namesLabelledPerson(label: SpeakerLabel, p: SpeakerPrediction): boolean {
  const want = norm(label.speaker);
  const got = norm(p.written ?? p.names[0] ?? '');
  if (!want || !got) return false;
  if (label.speaker_type !== 'person') return want === got;
  return want.split(' ').pop() === got.split(' ').pop();
}

/** Pairs of labelled quotations: one labelled person under one id, split, or two people under one id. */
class PairTally {
  private readonly samePerson = new Map<string, number>();
  private readonly sameId = new Map<string, number>();
  private readonly both = new Map<string, number>();

  add(person: string, speakerId: string): void {
    const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
    bump(this.samePerson, person);
    if (!speakerId) return;
    bump(this.sameId, speakerId);
    bump(this.both, `${person}\u0000${speakerId}`);
  }

  score(): PairScore {
    const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairs2(n), 0);
    const tp = sum(this.both);
    const fp = sum(this.sameId) - tp;
    const fn = sum(this.samePerson) - tp;
    return { truePositive: tp, falsePositive: fp, falseNegative: fn, precision: tp + fp ? tp / (tp + fp) : 0, recall: tp + fn ? tp / (tp + fn) : 0 };
  }
}

/** An article's predicted quotes as eval found them. */
export interface ArticlePredictions {
  docId: string;
  outlet: string;
  quotes: readonly Quote[];
}

/**
 * Merge the speakers of every predicted quote of the gold file (one corpus; eval has no events) and score them.
 * The gold file's articles are the corpus, as `framelens run` over the same file would see them.
 */
export function evaluateSpeakers(labels: readonly SpeakerLabel[], articles: readonly ArticlePredictions[], options: EntityOptions): SpeakerScore {
  const rows = new Map<string, SpeakerRow>();
  for (const a of articles) {
    for (const q of a.quotes) {
      const k = `${q.speakerType}\u0000${q.speaker}`;
      const r = rows.get(k) ?? { event: '', speaker: q.speaker, speakerType: q.speakerType, quotes: 0, articles: [], outlets: [] };
      r.quotes++;
      (r.articles as string[]).push(a.docId);
      (r.outlets as string[]).push(a.outlet);
      rows.set(k, r);
    }
  }
  const docs = new Set(articles.map((a) => a.docId));
  const outside = labels.filter((l) => !docs.has(l.doc_id)).length;
  if (labels.length > 0 && outside === labels.length) {
    throw new UsageError('E_OPTION', `none of the ${labels.length} speaker labels is about an article of the gold file (doc_id): labels and gold are different sets`);
  }
  const resolved = resolveEntities([...rows.values()], options);
  const namesById = new Map<string, string[]>();
  for (const e of resolved.entities) namesById.set(e.speaker_id, [e.speaker, ...e.variants.split('; ').map((v) => v.replace(/ \(\d+\)$/, ''))]);
  const predicted: SpeakerPrediction[] = articles.flatMap((a) =>
    a.quotes.map((q) => {
      const as = resolved.lookup('', q.speaker, q.speakerType)!;
      return { docId: a.docId, start: q.start, end: q.end, gaps: q.gaps, speakerId: as.speakerId, speakerType: q.speakerType, names: as.speakerId ? namesById.get(as.speakerId)! : [q.speaker], written: q.speaker };
    }),
  );
  return { ...scoreSpeakers(labels, predicted, { titles: new Set(options.titles), suffixes: new Set(options.suffixes) }), notInGold: outside };
}

function pairLine(what: string, p: PairScore): string {
  return `${what}: precision ${p.precision.toFixed(3)} (${p.falsePositive} pairs of different people under one id), recall ${p.recall.toFixed(3)} (${p.truePositive} of ${p.truePositive + p.falseNegative} pairs of one person under one id)`;
}

export function formatSpeakerScore(s: SpeakerScore, file: string): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const row = (name: string, t: KindScore) => `${name.padEnd(14)} ${String(t.labels).padStart(6)} ${String(t.matched).padStart(7)} ${String(t.right).padStart(6)} ${pct(t.accuracy)}`;
  return [
    `speakers: ${file} (right person among labelled quotations with a matching predicted quote)`,
    `${'mention_kind'.padEnd(14)} ${'labels'.padStart(6)} ${'matched'.padStart(7)} ${'right'.padStart(6)} ${'acc %'.padStart(6)}`,
    ...MENTION_KINDS.filter((k) => s.byKind[k].labels > 0).map((k) => row(k, s.byKind[k])),
    row('ALL', s),
    `labelled quotations with no matching predicted quote: ${s.unmatched}${s.notInGold ? ` (${s.notInGold} about articles not in the gold file)` : ''}`,
    pairLine('merging, all matched labels (wrong attributions count)', s.pairs),
    pairLine('merging, labels whose quote names the labelled person', s.attributedPairs),
  ].join('\n');
}
