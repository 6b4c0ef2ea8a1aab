/**
 * `framelens eval`: score quote and speaker extraction against gold attributions in the PolNeAR JSONL form, with the
 * protocol of ../shared/eval/polnear/README.md:
 *  - gold = attributions of type `Attribution` with a source and a content, whose cue is a speech cue (SPEECH_CUE) or
 *    a colon, or whose content contains a quotation mark (straight, curly, or the two apostrophes that PolNeAR's
 *    New York Times articles use for one); every inflection of a speech verb counts ("argues", "is declaring");
 *  - predicted = the quotes framelens writes to quotes.csv, except unattributed ones (no cue and no speaker mention:
 *    scare quotes and quoted titles are not claims that someone spoke, and PolNeAR annotates only attributions);
 *  - a prediction matches a gold content when their shared characters cover at least 30% of each (gold spans may be
 *    discontinuous), one-to-one, greedily by shared characters;
 *  - a matched quote's speaker is right when the predicted mention span overlaps the gold source span, or the
 *    predicted canonical speaker's last name occurs (as a word, case-insensitively) in the gold source text.
 */
import { createReadStream, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { getWink, readText } from '../nlp/index.js';
import { maskBoilerplate } from '../corpus/clean.js';
import { findQuotes, quotePieces, type QuoteSettings } from '../quotes/index.js';
import type { Quote } from '../types.js';
import { UsageError } from '../errors.js';
import { toCsv } from '../export/csv.js';
import { evaluateSpeakers, type ArticlePredictions, type SpeakerLabel, type SpeakerScore } from './speakers.js';
import type { EntityOptions } from '../entities/resolve.js';

type Spans = { spans: [number, number][]; text: string } | null;
interface GoldAttribution {
  id: string;
  type: string;
  source: Spans;
  cue: Spans;
  content: Spans;
}
interface GoldArticle {
  doc_id?: string;
  id?: string;
  publisher?: string;
  outlet?: string;
  text: string;
  attributions: GoldAttribution[];
}

/**
 * Speech cues, every inflection of each verb (the list of the protocol's examples: say, tell, add, according to, write,
 * ask, announce, tweet, note, warn, …, and the other plain verbs of saying).
 */
export const SPEECH_CUE =
  /\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|according|write|writes|wrote|written|writing|ask|asks|asked|asking|announce|announces|announced|announcing|tweet|tweets|tweeted|tweeting|note|notes|noted|noting|warn|warns|warned|warning|state|states|stated|stating|declare|declares|declared|declaring|explain|explains|explained|explaining|argue|argues|argued|arguing|claim|claims|claimed|claiming|insist|insists|insisted|insisting|respond|responds|responded|responding|reply|replies|replied|replying|continue|continues|continued|continuing|report|reports|reported|reporting|call|calls|called|calling|post|posts|posted|posting)\b/i;

export function isGold(a: GoldAttribution): boolean {
  if (a.type !== 'Attribution' || !a.source || !a.content) return false;
  const cue = a.cue?.text ?? '';
  return SPEECH_CUE.test(cue) || cue.includes(':') || /["“”]|''/.test(a.content.text);
}

export function isClaimedSpeech(q: Quote): boolean {
  return q.cue !== '' || q.speakerStart !== null || q.speaker !== 'UNKNOWN';
}

export interface MatchDetail {
  article: string;
  outlet: string;
  gold: string;
  goldSource: string;
  predicted: string;
  speaker: string;
  mention: string;
  kind: string;
  status: 'match' | 'missed' | 'spurious';
  speakerRight: boolean | null;
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
  speakerRight: number;
}

export interface EvalReport {
  goldPath: string;
  articles: number;
  total: Tally & { precision: number; recall: number; f1: number; speakerAccuracy: number };
  byOutlet: Record<string, Tally & { precision: number; recall: number; f1: number; speakerAccuracy: number }>;
  articlesPerSecond: number;
  details: MatchDetail[];
  /** With speaker labels: the right-person and merging scores (src/eval/speakers.ts). */
  speakers?: SpeakerScore;
}

function overlap(spans: [number, number][], s: number, e: number): number {
  let shared = 0;
  for (const [a, b] of spans) shared += Math.max(0, Math.min(b, e) - Math.max(a, s));
  return shared;
}

/** Characters two sets of spans share (each set disjoint). */
function sharedChars(gold: [number, number][], pieces: [number, number][]): number {
  let shared = 0;
  for (const [s, e] of pieces) shared += overlap(gold, s, e);
  return shared;
}

function finish(t: Tally) {
  const precision = t.predicted ? t.matched / t.predicted : 0;
  const recall = t.gold ? t.matched / t.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...t, precision, recall, f1, speakerAccuracy: t.matched ? t.speakerRight / t.matched : 0 };
}

export function speakerIsRight(q: Quote, source: NonNullable<Spans>): boolean {
  if (q.speakerStart !== null && q.speakerEnd !== null && overlap(source.spans, q.speakerStart, q.speakerEnd) > 0) return true;
  if (q.speaker === 'UNKNOWN' || !q.speaker) return false;
  const last = q.speaker.trim().split(/\s+/).pop()!.toLowerCase().replace(/['’]s$/, '');
  if (!last) return false;
  const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}([^\\p{L}]|$)`, 'iu').test(source.text);
}

/** Score one article: greedy one-to-one matching by shared characters. */
export function scoreArticle(gold: GoldAttribution[], predicted: Quote[]): { pairs: [number, number][]; speakerRight: boolean[] } {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, gi) => {
    const glen = g.content!.spans.reduce((s, [a, b]) => s + (b - a), 0);
    predicted.forEach((p, pi) => {
      // A joined quotation is its pieces: the attribution between them ("“A,” he said, “B”") is not content, as in
      // PolNeAR's discontinuous content spans.
      const pieces = quotePieces(p);
      const shared = sharedChars(g.content!.spans, pieces);
      const plen = pieces.reduce((s, [a, b]) => s + (b - a), 0);
      if (shared > 0 && shared >= 0.3 * glen && shared >= 0.3 * plen) candidates.push([shared, gi, pi]);
    });
  });
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, gi, pi] of candidates) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    pairs.push([gi, pi]);
  }
  return { pairs, speakerRight: pairs.map(([gi, pi]) => speakerIsRight(predicted[pi], gold[gi].source!)) };
}

export async function evaluate(goldPath: string, settings: QuoteSettings, speakerLabels?: { labels: SpeakerLabel[]; entities: EntityOptions }): Promise<EvalReport> {
  const forSpeakers: ArticlePredictions[] = [];
  const total: Tally = { gold: 0, predicted: 0, matched: 0, speakerRight: 0 };
  const byOutlet: Record<string, Tally> = {};
  const details: MatchDetail[] = [];
  let articles = 0;
  let lineNo = 0;
  let analysisMs = 0;
  getWink(); // load the model before timing: the rate is the analysis's, not the model loading's
  let rl;
  try {
    rl = createInterface({ input: createReadStream(goldPath, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      let rec: GoldArticle;
      try {
        rec = JSON.parse(line) as GoldArticle;
      } catch (e) {
        throw new UsageError('E_OPTION', `${goldPath}:${lineNo}: not a JSON line (${(e as Error).message})`);
      }
      if (typeof rec.text !== 'string' || !Array.isArray(rec.attributions)) {
        throw new UsageError('E_OPTION', `${goldPath}:${lineNo}: expected {text, attributions:[…]} (PolNeAR JSONL form)`);
      }
      articles++;
      const outlet = rec.publisher ?? rec.outlet ?? 'unknown';
      const t0 = performance.now();
      const doc = readText(maskBoilerplate(rec.text).masked);
      const predicted = findQuotes(doc, settings).filter(isClaimedSpeech);
      analysisMs += performance.now() - t0;
      const gold = rec.attributions.filter(isGold);
      const { pairs, speakerRight } = scoreArticle(gold, predicted);
      const o = (byOutlet[outlet] ??= { gold: 0, predicted: 0, matched: 0, speakerRight: 0 });
      for (const t of [total, o]) {
        t.gold += gold.length;
        t.predicted += predicted.length;
        t.matched += pairs.length;
        t.speakerRight += speakerRight.filter(Boolean).length;
      }
      const id = rec.doc_id ?? rec.id ?? `${lineNo}`;
      if (speakerLabels) forSpeakers.push({ docId: id, outlet, quotes: predicted });
      const slice = (s: number, e: number) => rec.text.slice(s, e);
      const matchedG = new Map(pairs.map(([g, p], k) => [g, [p, k] as const]));
      const matchedP = new Set(pairs.map(([, p]) => p));
      gold.forEach((g, gi) => {
        const m = matchedG.get(gi);
        const p = m ? predicted[m[0]] : null;
        details.push({
          article: id, outlet, gold: g.content!.text, goldSource: g.source!.text, predicted: p ? slice(p.start, p.end) : '',
          speaker: p?.speaker ?? '', mention: p?.speakerMention ?? '', kind: p?.kind ?? '', status: p ? 'match' : 'missed', speakerRight: m ? speakerRight[m[1]] : null,
        });
      });
      predicted.forEach((p, pi) => {
        if (matchedP.has(pi)) return;
        details.push({ article: id, outlet, gold: '', goldSource: '', predicted: slice(p.start, p.end), speaker: p.speaker, mention: p.speakerMention, kind: p.kind, status: 'spurious', speakerRight: null });
      });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError('E_INPUT_MISSING', `gold file ${goldPath} cannot be read: ${(e as Error).message}`);
  }
  return {
    goldPath,
    articles,
    total: finish(total),
    byOutlet: Object.fromEntries(Object.keys(byOutlet).sort().map((k) => [k, finish(byOutlet[k])])),
    articlesPerSecond: analysisMs > 0 ? articles / (analysisMs / 1000) : 0,
    details,
    ...(speakerLabels ? { speakers: evaluateSpeakers(speakerLabels.labels, forSpeakers, speakerLabels.entities) } : {}),
  };
}

export function formatEvalReport(r: EvalReport): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const lines = [
    `framelens eval: ${r.goldPath} (${r.articles} articles; analysis ${r.articlesPerSecond.toFixed(1)} articles/s)`,
    `${'outlet'.padEnd(14)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'match'.padStart(6)}     P      R     F1  speaker`,
  ];
  const row = (name: string, t: EvalReport['total']) =>
    `${name.padEnd(14)} ${String(t.gold).padStart(6)} ${String(t.predicted).padStart(6)} ${String(t.matched).padStart(6)} ${pct(t.precision)}  ${pct(t.recall)}  ${pct(t.f1)}  ${pct(t.speakerAccuracy)}`;
  for (const [k, t] of Object.entries(r.byOutlet)) lines.push(row(k, t));
  lines.push(row('ALL', r.total));
  lines.push(`quote F1 ${r.total.f1.toFixed(3)}, speaker accuracy ${r.total.speakerAccuracy.toFixed(3)} (P ${r.total.precision.toFixed(3)}, R ${r.total.recall.toFixed(3)})`);
  return lines.join('\n');
}

/** eval_details.csv (one row per gold quote and per unmatched prediction) and eval_summary.json, written atomically. */
export function writeEvalOutputs(r: EvalReport, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const cols = ['article', 'outlet', 'status', 'kind', 'gold', 'gold_source', 'predicted', 'speaker', 'mention', 'speaker_right'];
  const rows = r.details.map((d) => [d.article, d.outlet, d.status, d.kind, d.gold, d.goldSource, d.predicted, d.speaker, d.mention, d.speakerRight]);
  const write = (name: string, content: string) => {
    const tmp = join(outDir, `.${name}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, join(outDir, name));
  };
  write('eval_details.csv', toCsv(cols, rows, { excel: false }));
  if (r.speakers) {
    const sc = ['doc_id', 'attribution', 'mention_kind', 'label_speaker', 'predicted_speaker', 'speaker_id', 'right'] as const;
    write('eval_speakers.csv', toCsv([...sc], r.speakers.details.map((d) => sc.map((c) => d[c])), { excel: false }));
  }
  const { details: _details, ...summary } = r;
  void _details;
  if (summary.speakers) summary.speakers = { ...summary.speakers, details: [] };
  write('eval_summary.json', JSON.stringify(summary, null, 2) + '\n');
}
