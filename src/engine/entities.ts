/**
 * Corpus-level speakers in the reduce: the distinct (speaker, speaker_type) of records.quotes, with their quotes,
 * article ids and outlets, go through the pure resolver (src/entities/resolve.ts; docs/speakers.md), and its
 * assignments come back as a table SQL joins:
 *  - `work.entity` (speaker, speaker_type → speaker_id, canonical): one row per distinct written speaker and type;
 *  - `work.quotes`: records.quotes with `speaker` replaced by the canonical name and `speaker_id` added, which the
 *    comparison tables read instead of records.quotes (records.quotes keeps the names as written: `merge` and
 *    `--resume` recompute the entities from them, never from an earlier run's entities).
 * entities.csv is written from the resolver's entity rows. The entities use the whole corpus (every article, every
 * shard): the resolver's `event` is left empty, so a speaker's id is the same in every event.
 */
import type { SpeakerType } from '../types.js';
import { CsvWriter, type CsvOptions } from '../export/csv.js';
import type { Staging } from '../export/atomic.js';
import { resolveEntities, ENTITY_COLUMNS, type EntityOptions, type EntityRow, type SpeakerRow } from '../entities/resolve.js';
import type { Engine } from './database.js';
import { compareStrings } from '../search.js';

export const ENTITY_TABLE_COLUMNS: string[] = [...ENTITY_COLUMNS];

/** Resolve the corpus's speakers and load `work.entity` and `work.quotes`; returns entities.csv's rows. */
export async function loadEntities(db: Engine, options: EntityOptions): Promise<EntityRow[]> {
  // One row per written speaker and type, with the ids of its articles and its outlets, each once and sorted, so that
  // the input does not depend on the row order (the resolver does not depend on it either). Read as one row per
  // speaker × article, grouped here: DuckDB's list aggregates are held whole in memory (the corpus's most quoted
  // speaker's list exhausted the memory limit at 84,000 articles), where this grouping and sort spill to disk.
  const input: SpeakerRow[] = [];
  let row: SpeakerRow | null = null;
  let outlets = new Set<string>();
  const finish = () => {
    if (row) input.push({ ...row, outlets: [...outlets].sort(compareStrings) });
  };
  for await (const [speaker, type, id, outlet, quotes] of db.rows(`
    SELECT q.speaker, q.speaker_type, a.id, a.outlet, count(*)::INTEGER
    FROM records.quotes q JOIN records.articles a USING (seq)
    GROUP BY q.speaker, q.speaker_type, a.seq, a.id, a.outlet ORDER BY q.speaker, q.speaker_type, a.id, a.seq`)) {
    if (!row || row.speaker !== String(speaker) || row.speakerType !== String(type)) {
      finish();
      row = { event: '', speaker: String(speaker), speakerType: String(type) as SpeakerType, quotes: 0, articles: [], outlets: [] };
      outlets = new Set();
    }
    row.quotes += Number(quotes);
    (row.articles as string[]).push(String(id));
    outlets.add(String(outlet));
  }
  finish();
  const resolved = resolveEntities(input, options);

  await db.run('CREATE OR REPLACE TABLE work.entity (speaker VARCHAR, speaker_type VARCHAR, speaker_id VARCHAR, canonical VARCHAR)');
  const appender = await db.appender('entity', 'work');
  for (const r of input) {
    const a = resolved.lookup('', r.speaker, r.speakerType);
    if (!a) throw new Error(`entities: no assignment for speaker ${JSON.stringify(r.speaker)} (${r.speakerType})`);
    appender.appendVarchar(r.speaker);
    appender.appendVarchar(r.speakerType);
    appender.appendVarchar(a.speakerId);
    // A speaker with no id (anonymous, unknown, a description) keeps its name as written.
    appender.appendVarchar(a.speakerId ? a.canonical : r.speaker);
    appender.endRow();
  }
  appender.closeSync();
  await db.run(`
    CREATE OR REPLACE TABLE work.quotes AS
    SELECT q.* REPLACE (coalesce(en.canonical, q.speaker) AS speaker), coalesce(en.speaker_id, '') AS speaker_id
    FROM records.quotes q LEFT JOIN work.entity en ON en.speaker = q.speaker AND en.speaker_type = q.speaker_type`);
  return resolved.entities;
}

/** entities.csv, in the resolver's order (quotes descending, then speaker, then speaker_id); returns its row count. */
export function writeEntities(entities: readonly EntityRow[], staging: Staging, csv: CsvOptions): number {
  const out = new CsvWriter(staging.path('entities.csv'), ENTITY_TABLE_COLUMNS, csv);
  for (const e of entities) out.write([e.speaker_id, e.speaker, e.speaker_type, e.variants, e.quotes, e.articles, e.outlets]);
  out.close();
  return out.rows;
}
