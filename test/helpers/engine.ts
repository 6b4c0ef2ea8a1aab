/**
 * The engine's path over hand-built records, for unit tests: the records written as part files (as the analysis
 * workers write them), loaded into an in-memory DuckDB, events assigned and the comparison tables computed by the same
 * code as `run` and `merge` (src/engine/), the rows collected instead of written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyzedArticle } from '../../src/types.js';
import { Engine } from '../../src/engine/database.js';
import { PartFiles } from '../../src/engine/parts.js';
import { createRecordTables, loadParts } from '../../src/engine/part-tables.js';
import { assignEvents } from '../../src/engine/events.js';
import { loadEntities } from '../../src/engine/entities.js';
import { loadEntitySettings } from '../../src/entities/settings.js';
import type { EventMode } from '../../src/events/grouping.js';
import {
  eventRows, EVENT_COLUMNS, frameComparisonColumns, frameTables, FRAMES_BY_OUTLET_COLUMNS, prepareAggregates,
  SHARED_COLUMNS, sharedQuoteTable, SPEAKER_COLUMNS, speakerTable, type Table, type Tables,
} from '../../src/engine/tables.js';
import { runStatistics } from '../../src/engine/statistics-run.js';
import { DISTINCTIVE_COLUMNS, loadStoplist } from '../../src/engine/statistics/distinctive.js';

/** Run `fn` on an engine holding `records` (written in the given order, by `writers` part-file writers in turn). */
export async function withRecords<T>(records: AnalyzedArticle[], fn: (db: Engine) => Promise<T>, writers = 1): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-engine-'));
  const files = Array.from({ length: writers }, (_, w) => new PartFiles(dir, w));
  records.forEach((r, i) => files[i % writers].write([r]));
  for (const f of files) f.close();
  const db = await Engine.open({ tempDir: join(dir, 'tmp'), threads: 1 });
  try {
    await createRecordTables(db);
    await loadParts(db, dir);
    return await fn(db);
  } finally {
    db.discard();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each article's event (by id), as the engine assigns it. */
export async function eventsOf(db: Engine, mode: EventMode | null): Promise<Map<string, string>> {
  await assignEvents(db, mode);
  const rows = await db.all('SELECT a.id, e.event FROM records.articles a JOIN article_events e USING (seq)');
  return new Map(rows.map(([id, event]) => [String(id), String(event)]));
}

/** Every comparison table and events.csv's rows, as the engine computes them. */
export async function engineTables(db: Engine, frames: string[], mode: EventMode | null = null): Promise<Tables & { events: Table }> {
  await assignEvents(db, mode);
  await loadEntities(db, loadEntitySettings());
  await prepareAggregates(db, frames);
  const outlets = (await db.all('SELECT DISTINCT outlet FROM records.articles')).map((r) => String(r[0])).sort();
  const t: Tables & { events: Table } = {
    frames_by_outlet: { columns: FRAMES_BY_OUTLET_COLUMNS, rows: [] },
    frame_comparison: { columns: frameComparisonColumns(outlets), rows: [] },
    speakers_by_outlet: { columns: SPEAKER_COLUMNS, rows: [] },
    distinctive_terms: { columns: DISTINCTIVE_COLUMNS, rows: [] },
    shared_quotes: { columns: SHARED_COLUMNS, rows: [] },
    events: { columns: EVENT_COLUMNS, rows: [] },
  };
  for await (const { byOutlet, comparison } of frameTables(db, outlets, frames)) {
    t.frames_by_outlet.rows.push(...byOutlet);
    t.frame_comparison.rows.push(...(await comparison));
  }
  for await (const [, rows] of speakerTable(db)) t.speakers_by_outlet.rows.push(...rows);
  t.distinctive_terms.rows.push(...(await runStatistics(db, frames, loadStoplist())).distinctive_terms.rows);
  for await (const [, rows] of sharedQuoteTable(db)) t.shared_quotes.rows.push(...rows);
  for await (const row of eventRows(db)) t.events.rows.push(row);
  return t;
}

/** A record with only what event assignment and events.csv read (no quotes, hits or notes). */
export function eventRecord(it: { id: string; seq: number; outlet: string; date: string; title: string; event: string; terms: [string, number][] }): AnalyzedArticle {
  return { id: it.id, seq: it.seq, outlet: it.outlet, date: it.date, event: it.event, title: it.title, url: '', source: '', key: '', chars: 0, tokens: 0, sentences: 0, quotes: [], quotedTokens: 0, hits: [], terms: it.terms, notes: [] };
}

/** Each item's event (by id) as the engine assigns it; items in the order given (their seqs kept). */
export function assignedEvents(items: Parameters<typeof eventRecord>[0][], mode: EventMode | null): Promise<Map<string, string>> {
  return withRecords(items.map(eventRecord), (db) => eventsOf(db, mode));
}
