/**
 * report.html's rows: what the page shows (src/export/report/model.ts's ReportInput), read from the records with SQL
 * (articles and their headlines, frame counts by voice, keyword-in-context lines) and from the tables the reduce has
 * just computed (events, speakers, distinctive terms, shared quotations, the statistics), which the reduce collects as
 * it writes them (`ReportRows`).
 */
import type { Cell } from '../export/csv.js';
import { KWIC_PER_CELL, listedSpeaker, listedTerm, Quota, SHARED_PER_EVENT, SPEAKERS_PER_OUTLET, TERMS_PER_OUTLET, type ReportInput, type ReportVoice } from '../export/report/model.js';
import type { Engine } from './database.js';

/**
 * Rows of the written tables, kept by the reduce for the page (by column name, so column order may change): only
 * what the page can show, so that memory does not grow with the tables (at 84,000 articles speakers_by_outlet has
 * 320,000 rows).
 */
export class ReportRows {
  readonly eventInfo = new Map<string, { label: string; date: string }>();
  readonly speakers: ReportInput['speakers'] = [];
  readonly terms: ReportInput['terms'] = [];
  readonly shared: ReportInput['shared'] = [];
  corpusRates: ReportInput['corpusRates'] = [];
  contrasts: ReportInput['contrasts'] = [];
  warnings: string[] = [];
  /** Rows kept so far per event × outlet (speakers, terms) and per event (shared quotations), as the page takes them. */
  private readonly speakersKept = new Quota(SPEAKERS_PER_OUTLET);
  private readonly termsKept = new Quota(TERMS_PER_OUTLET);
  private readonly sharedKept = new Quota(SHARED_PER_EVENT);

  /** outlet_rates.csv (the corpus rates' CIs), outlet_contrasts.csv and lexicon_fit's warnings. */
  statistics(rates: { columns: string[]; rows: Cell[][] }, contrasts: { columns: string[]; rows: Cell[][] }, warnings: string[]): void {
    const n = (c: Cell | undefined) => (c === null || c === undefined || c === '' ? null : Number(c));
    this.corpusRates = rates.rows.map((row) => {
      const get = picker(rates.columns, row);
      return { frame: String(get('frame')), voice: String(get('voice')) as ReportVoice, outlet: String(get('outlet')), hits: Number(get('hits')), tokens: Number(get('tokens')), ciLow: n(get('ci_low')), ciHigh: n(get('ci_high')) };
    });
    this.contrasts = contrasts.rows.map((row) => {
      const get = picker(contrasts.columns, row);
      return {
        frame: String(get('frame')), voice: String(get('voice')) as ReportVoice, outletA: String(get('outlet_a')), outletB: String(get('outlet_b')),
        events: Number(get('events')), diff: Number(get('diff_per_10k')), ciLow: n(get('ci_low')), ciHigh: n(get('ci_high')), p: n(get('p_value')), q: n(get('q_value')),
      };
    });
    this.warnings = warnings;
  }

  /** A row of events.csv. */
  event(columns: string[], row: Cell[]): void {
    const get = picker(columns, row);
    this.eventInfo.set(String(get('event')), { label: String(get('label')), date: String(get('first_date') ?? '') });
  }

  /**
   * Rows of speakers_by_outlet.csv, per event and outlet most-quoted first: the named speakers the page can show
   * (SPEAKERS_PER_OUTLET per event × outlet), not the whole table.
   */
  speakerRows(columns: string[], rows: Cell[][]): void {
    for (const row of rows) {
      const get = picker(columns, row);
      const [event, outlet, speaker] = [String(get('event')), String(get('outlet')), String(get('speaker'))];
      if (!listedSpeaker(speaker) || !this.speakersKept.take(`${event}\u0000${outlet}`)) continue;
      this.speakers.push({ event, outlet, speaker, quotes: Number(get('quotes')) });
    }
  }

  /** Rows of distinctive_terms.csv, most distinctive first: those with z > 0 the page can show (TERMS_PER_OUTLET). */
  termRows(columns: string[], rows: Cell[][]): void {
    for (const row of rows) {
      const get = picker(columns, row);
      const [event, outlet, z] = [String(get('event')), String(get('outlet')), Number(get('z'))];
      if (!listedTerm(z) || !this.termsKept.take(`${event}\u0000${outlet}`)) continue;
      this.terms.push({ event, outlet, term: String(get('term')), count: Number(get('count')), z, significant: get('significant') === true });
    }
  }

  /** A shared quotation of shared_quotes.csv, most widely carried first: the SHARED_PER_EVENT the page can show. */
  sharedQuote(event: string, speaker: string, wordings: ReportInput['shared'][number]['wordings']): void {
    if (this.sharedKept.take(event)) this.shared.push({ event, speaker, wordings });
  }
}

function picker(columns: string[], row: Cell[]): (name: string) => Cell | undefined {
  return (name) => {
    const i = columns.indexOf(name);
    return i < 0 ? undefined : row[i];
  };
}

const VOICE_OF: Record<string, Exclude<ReportVoice, 'all'>> = { author: 'author', quote: 'quote', paraphrase: 'paraphrase' };

/** The page's input: the records' side read here, the tables' side from `rows`. */
export async function reportInput(db: Engine, rows: ReportRows, frames: string[], version: string): Promise<ReportInput> {
  const articles: ReportInput['articles'] = (
    await db.all(`SELECT a.id, a.outlet, a.date, ev.event, a.title, a.url, a.tokens FROM records.articles a JOIN work.ev ev USING (seq) ORDER BY a.seq`)
  ).map(([id, outlet, date, event, title, url, tokens]) => ({ id: String(id), outlet: String(outlet), date: String(date), event: String(event), title: String(title), url: String(url), tokens: Number(tokens) }));
  const frameCounts: ReportInput['frameCounts'] = (
    await db.all(`
      SELECT ev.event, ev.outlet, h.frame,
        count(*) FILTER (WHERE h.voice = 'author')::INTEGER, count(*) FILTER (WHERE h.voice = 'quote')::INTEGER,
        count(*) FILTER (WHERE h.voice = 'paraphrase')::INTEGER
      FROM records.hits h JOIN work.ev ev USING (seq) GROUP BY ALL ORDER BY ALL`)
  ).map(([event, outlet, frame, a, q, p]) => ({ event: String(event), outlet: String(outlet), frame: String(frame), hitsAuthor: Number(a), hitsQuote: Number(q), hitsParaphrase: Number(p) }));
  // The first few hits of each event × frame × outlet, in text order.
  const kwic: ReportInput['kwic'] = (
    await db.all(`
      SELECT event, frame, outlet, voice, left_context, match, right_context FROM (
        SELECT ev.event, h.frame, ev.outlet, h.voice, h.left_context, h.match, h.right_context, h.seq, h.ord,
          row_number() OVER (PARTITION BY ev.event, h.frame, ev.outlet ORDER BY h.seq, h.ord) AS n
        FROM records.hits h JOIN work.ev ev USING (seq))
      WHERE n <= ${KWIC_PER_CELL} ORDER BY event, frame, outlet, seq, ord`)
  ).map(([event, frame, outlet, voice, left, match, right]) => ({ event: String(event), frame: String(frame), outlet: String(outlet), voice: VOICE_OF[String(voice)] ?? 'author', left: String(left), match: String(match), right: String(right) }));
  return {
    title: 'framelens report',
    version,
    frames,
    articles,
    frameCounts,
    corpusRates: rows.corpusRates,
    contrasts: rows.contrasts,
    warnings: rows.warnings,
    terms: rows.terms,
    speakers: rows.speakers,
    shared: rows.shared,
    kwic,
    eventInfo: rows.eventInfo,
  };
}
