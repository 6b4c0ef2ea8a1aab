/**
 * What report.html shows, as plain data: built in Node from the tables' rows (`buildReportData`) and embedded in the
 * page as JSON, which the page's script draws from. Kept compact, because the page must stay small on large corpora:
 * names (outlets, frames) are listed once and referred to by index; frame rates are sent as integer hit counts and
 * token counts (the page divides), and only the non-zero ones (a missing count is a zero, and is drawn as one).
 */
import { compareStrings as cmp } from '../../search.js';

/** Voices of a frame hit, in the order the page shows them (`all` first). */
export const VOICES = ['all', 'author', 'quote', 'paraphrase'] as const;
export type ReportVoice = (typeof VOICES)[number];

/** Lines of keyword-in-context kept per event × frame × outlet (the CSV frame_hits.csv has them all). */
export const KWIC_PER_CELL = 3;
/** Characters of context kept on each side of a keyword in the page. */
export const KWIC_CONTEXT = 60;
/** Distinctive terms kept per event and outlet, speakers per event and outlet, shared quotations per event. */
export const TERMS_PER_OUTLET = 10;
export const SPEAKERS_PER_OUTLET = 8;
export const SHARED_PER_EVENT = 10;

/** Counts the rows kept per key up to a limit: how the page takes the first rows of each event × outlet (or cell). */
export class Quota {
  private readonly kept = new Map<string, number>();
  constructor(private readonly limit: number) {}
  /** Whether `key` has room for one more row; counts it if so. */
  take(key: string): boolean {
    const n = this.kept.get(key) ?? 0;
    if (n >= this.limit) return false;
    this.kept.set(key, n + 1);
    return true;
  }
}

/** The speakers the page lists (named ones) and the terms (over-represented: z above 0). */
export const listedSpeaker = (speaker: string): boolean => speaker !== 'UNKNOWN';
export const listedTerm = (z: number): boolean => !(z <= 0);

export interface ReportData {
  title: string;
  version: string;
  /** Names referred to by index below. */
  outlets: string[];
  frames: string[];
  corpus: {
    /** Per frame × voice × outlet over all the outlet's articles: [frame, voice index in VOICES, outlet, hits, tokens, ciLow, ciHigh]. */
    rates: [number, number, number, number, number, number | null, number | null][];
    /** Outlet contrasts with q < 0.05, as sentences' parts. */
    contrasts: ReportContrast[];
    /** How many contrasts were tested (rows with a p-value). */
    contrastsTested: number;
    /** Lexicon-fit warnings, as sentences. */
    warnings: string[];
    articles: number;
  };
  /** Every event, in index order (date, then label). */
  events: ReportEvent[];
}

export interface ReportContrast {
  frame: string;
  voice: ReportVoice;
  a: string;
  b: string;
  events: number;
  diff: number;
  ciLow: number;
  ciHigh: number;
  q: number;
  /** q as the page writes it (formatP). */
  qText: string;
}

export interface ReportEvent {
  id: string;
  label: string;
  date: string;
  /** Outlet indices. */
  outlets: number[];
  articles: number;
  /** The frame whose rate differs most across the event's outlets ('' with fewer than two outlets or no hits), and by how much (per 10k). */
  topFrame: string;
  topSpread: number;
  /** Headlines: [outlet, date, title, url]. */
  headlines: [number, string, string, string][];
  /** Word tokens per outlet index (same order as `outlets`). */
  tokens: number[];
  /** Non-zero frame counts: [frame, outlet, author, quote, paraphrase]. */
  hits: [number, number, number, number, number][];
  /** Over-represented terms: [outlet, term, count, z, significant 0/1]. */
  terms: [number, string, number, number, number][];
  /** True when some term of the event reaches |z| ≥ 1.96. */
  anySignificant: boolean;
  /** Speakers by outlet (merged entities): [outlet, speaker, quotes]. */
  speakers: [number, string, number][];
  /** Quotations carried by more than one outlet: speaker and each wording with the outlets that printed it. */
  shared: { speaker: string; wordings: { outlets: number[]; text: string }[] }[];
  /** Keyword in context: [frame, outlet, voice index, left, match, right]. */
  kwic: [number, number, number, string, string, string][];
}

/** Rows the builder reads, as the tables hold them (SPEC column names, camel-cased). */
export interface ReportInput {
  title: string;
  version: string;
  frames: string[];
  articles: { id: string; outlet: string; date: string; event: string; title: string; url: string; tokens: number }[];
  /** event × outlet × frame counts (frames_by_outlet.csv). */
  frameCounts: { event: string; outlet: string; frame: string; hitsAuthor: number; hitsQuote: number; hitsParaphrase: number }[];
  /** Per-outlet corpus rates' 95% CIs, voice `all` and the three (the rates themselves are summed from the rows). */
  corpusRates: { frame: string; voice: ReportVoice; outlet: string; hits: number; tokens: number; ciLow: number | null; ciHigh: number | null }[];
  contrasts: { frame: string; voice: ReportVoice; outletA: string; outletB: string; events: number; diff: number; ciLow: number | null; ciHigh: number | null; p: number | null; q: number | null }[];
  warnings: string[];
  terms: { event: string; outlet: string; term: string; count: number; z: number; significant: boolean }[];
  speakers: { event: string; outlet: string; speaker: string; quotes: number }[];
  shared: { event: string; speaker: string; wordings: { outlets: string[]; text: string }[] }[];
  kwic: { event: string; frame: string; outlet: string; voice: Exclude<ReportVoice, 'all'>; left: string; match: string; right: string }[];
  /** Event labels and dates (events.csv), by event id. */
  eventInfo: Map<string, { label: string; date: string }>;
}

/** A number rounded for the page (6 significant digits are more than a chart needs; keeps the JSON small). */
const round = (x: number) => Number(x.toPrecision(6));

/** Put every table's rows in the page's compact form. Deterministic: the same rows give the same data. */
export function buildReportData(input: ReportInput): ReportData {
  const outlets = [...new Set(input.articles.map((a) => a.outlet))].sort(cmp);
  const oi = new Map(outlets.map((o, i) => [o, i]));
  const fi = new Map(input.frames.map((f, i) => [f, i]));
  const byEvent = new Map<string, ReportEvent>();
  const tokens = new Map<string, Map<number, number>>();
  const eventOf = (id: string): ReportEvent => {
    let e = byEvent.get(id);
    if (!e) {
      const info = input.eventInfo.get(id);
      e = { id, label: info?.label || id, date: info?.date ?? '', outlets: [], articles: 0, topFrame: '', topSpread: 0, headlines: [], tokens: [], hits: [], terms: [], anySignificant: false, speakers: [], shared: [], kwic: [] };
      byEvent.set(id, e);
      tokens.set(id, new Map());
    }
    return e;
  };
  for (const a of input.articles) {
    const e = eventOf(a.event);
    const o = oi.get(a.outlet)!;
    e.articles++;
    e.headlines.push([o, a.date, a.title, a.url]);
    const t = tokens.get(a.event)!;
    t.set(o, (t.get(o) ?? 0) + a.tokens);
  }
  for (const [id, e] of byEvent) {
    const t = tokens.get(id)!;
    e.outlets = [...t.keys()].sort((a, b) => a - b);
    e.tokens = e.outlets.map((o) => t.get(o)!);
    e.headlines.sort((x, y) => x[0] - y[0] || cmp(x[1], y[1]) || cmp(x[2], y[2]));
  }
  for (const r of input.frameCounts) {
    if (r.hitsAuthor + r.hitsQuote + r.hitsParaphrase === 0) continue;
    const e = byEvent.get(r.event);
    const f = fi.get(r.frame);
    const o = oi.get(r.outlet);
    if (!e || f === undefined || o === undefined) continue;
    e.hits.push([f, o, r.hitsAuthor, r.hitsQuote, r.hitsParaphrase]);
  }
  for (const e of byEvent.values()) {
    e.hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    [e.topFrame, e.topSpread] = mostDifferent(e, input.frames);
  }
  const terms = new Quota(TERMS_PER_OUTLET);
  for (const t of input.terms) {
    const e = byEvent.get(t.event);
    if (!e || !listedTerm(t.z) || !terms.take(`${t.event}\u0000${t.outlet}`)) continue;
    e.terms.push([oi.get(t.outlet)!, t.term, t.count, round(t.z), t.significant ? 1 : 0]);
    if (t.significant) e.anySignificant = true;
  }
  const speakers = new Quota(SPEAKERS_PER_OUTLET);
  for (const s of input.speakers) {
    const e = byEvent.get(s.event);
    if (!e || !listedSpeaker(s.speaker) || !speakers.take(`${s.event}\u0000${s.outlet}`)) continue;
    e.speakers.push([oi.get(s.outlet)!, s.speaker, s.quotes]);
  }
  for (const s of input.shared) {
    const e = byEvent.get(s.event);
    if (!e || e.shared.length >= SHARED_PER_EVENT) continue;
    e.shared.push({ speaker: s.speaker, wordings: s.wordings.map((w) => ({ outlets: w.outlets.map((o) => oi.get(o)!).sort((a, b) => a - b), text: w.text })) });
  }
  const kwic = new Quota(KWIC_PER_CELL);
  for (const k of input.kwic) {
    const e = byEvent.get(k.event);
    const f = fi.get(k.frame);
    if (!e || f === undefined || !kwic.take(`${k.event}\u0000${k.frame}\u0000${k.outlet}`)) continue;
    e.kwic.push([f, oi.get(k.outlet)!, VOICES.indexOf(k.voice), k.left.slice(-KWIC_CONTEXT), k.match, k.right.slice(0, KWIC_CONTEXT)]);
  }
  const events = [...byEvent.values()].sort((a, b) => cmp(a.date, b.date) || cmp(a.label, b.label) || cmp(a.id, b.id));
  const significant = input.contrasts
    .filter((c) => c.q !== null && c.q < 0.05 && c.ciLow !== null && c.ciHigh !== null)
    .sort((a, b) => a.q! - b.q! || Math.abs(b.diff) - Math.abs(a.diff) || cmp(a.frame, b.frame) || cmp(a.voice, b.voice) || cmp(a.outletA, b.outletA) || cmp(a.outletB, b.outletB));
  return {
    title: input.title,
    version: input.version,
    outlets,
    frames: input.frames,
    corpus: {
      rates: corpusRates(input, outlets, oi, fi),
      contrasts: significant.map((c) => ({ frame: c.frame, voice: c.voice, a: c.outletA, b: c.outletB, events: c.events, diff: round(c.diff), ciLow: round(c.ciLow!), ciHigh: round(c.ciHigh!), q: c.q!, qText: formatP(c.q) })),
      contrastsTested: input.contrasts.filter((c) => c.p !== null).length,
      warnings: input.warnings,
      articles: input.articles.length,
    },
    events,
  };
}

/**
 * Per frame × voice × outlet over all the outlet's articles: hits and tokens summed from the rows, the 95% CI from
 * `corpusRates` where the statistics gave one (else none). Every outlet × frame × voice is listed, zeros included.
 */
function corpusRates(input: ReportInput, outlets: string[], oi: Map<string, number>, fi: Map<string, number>): ReportData['corpus']['rates'] {
  const tokens = new Array<number>(outlets.length).fill(0);
  for (const a of input.articles) tokens[oi.get(a.outlet)!] += a.tokens;
  const hits = new Map<string, number>();
  const add = (f: number, v: number, o: number, n: number) => hits.set(`${f},${v},${o}`, (hits.get(`${f},${v},${o}`) ?? 0) + n);
  for (const r of input.frameCounts) {
    const f = fi.get(r.frame);
    const o = oi.get(r.outlet);
    if (f === undefined || o === undefined) continue;
    add(f, 0, o, r.hitsAuthor + r.hitsQuote + r.hitsParaphrase);
    add(f, 1, o, r.hitsAuthor);
    add(f, 2, o, r.hitsQuote);
    add(f, 3, o, r.hitsParaphrase);
  }
  const ci = new Map(input.corpusRates.map((r) => [`${fi.get(r.frame)},${VOICES.indexOf(r.voice)},${oi.get(r.outlet)}`, r]));
  const rows: ReportData['corpus']['rates'] = [];
  for (let f = 0; f < input.frames.length; f++) {
    for (let v = 0; v < VOICES.length; v++) {
      for (let o = 0; o < outlets.length; o++) {
        const c = ci.get(`${f},${v},${o}`);
        rows.push([f, v, o, hits.get(`${f},${v},${o}`) ?? 0, tokens[o], c?.ciLow == null ? null : round(c.ciLow), c?.ciHigh == null ? null : round(c.ciHigh)]);
      }
    }
  }
  return rows;
}

/** The frame whose rate (all voices, per 10k tokens) differs most between the event's outlets, and the difference. */
function mostDifferent(e: ReportEvent, frames: string[]): [string, number] {
  if (e.outlets.length < 2) return ['', 0];
  const tokensOf = new Map(e.outlets.map((o, i) => [o, e.tokens[i]]));
  let best = -1;
  let spread = 0;
  for (let f = 0; f < frames.length; f++) {
    const rates = e.outlets.map((o) => {
      const h = e.hits.find((x) => x[0] === f && x[1] === o);
      const t = tokensOf.get(o)!;
      return h && t ? ((h[2] + h[3] + h[4]) / t) * 10_000 : 0;
    });
    const s = Math.max(...rates) - Math.min(...rates);
    if (s > spread) [best, spread] = [f, s];
  }
  return best < 0 ? ['', 0] : [frames[best], round(spread)];
}

/** A p- or q-value as people read it: `< 0.001`, else three decimals. */
export function formatP(p: number | null): string {
  if (p === null || Number.isNaN(p)) return '';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}
