/**
 * The engine's side of the part files (parts.ts): the record tables in DuckDB and the SQL that reads a folder of part
 * files into them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlList, type Engine } from './database.js';
import { RECORD_TABLES, RECORD_TYPES, type RecordType } from './parts.js';

/** Create the (empty) record tables in schema `records`. */
export async function createRecordTables(db: Engine): Promise<void> {
  await db.run('CREATE SCHEMA IF NOT EXISTS records');
  for (const t of RECORD_TYPES) {
    await db.run(`CREATE TABLE records.${t} (${RECORD_TABLES[t].map(([c, type]) => `"${c}" ${type}`).join(', ')})`);
  }
}

/**
 * A SQL table expression reading a folder's part files of one type (torn or unreadable lines skipped: a run killed
 * mid-write), or null if the folder has none.
 */
export function partsQuery(dir: string, type: RecordType): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${type}-`))
    .sort()
    .map((f) => join(dir, f));
  if (!files.length) return null;
  const cols = RECORD_TABLES[type];
  const spec = cols.map(([c, t]) => `'${c}': '${t}'`).join(', ');
  if (type === 'terms') {
    return `read_csv(${sqlList(files)}, delim = '\t', quote = '', escape = '', header = false, columns = {${spec}}, ignore_errors = true, null_padding = false)`;
  }
  return `read_json(${sqlList(files)}, format = 'newline_delimited', columns = {${spec}}, ignore_errors = true)`;
}

/** Every complete record in a folder of part files, into the record tables; `filter` restricts by seq (a SQL condition on `seq`). */
export async function loadParts(db: Engine, dir: string, filter = 'true'): Promise<void> {
  const articles = partsQuery(dir, 'articles');
  if (articles === null) return;
  await db.run(`CREATE OR REPLACE TABLE work.part_seqs AS SELECT seq FROM ${articles} WHERE ${filter}`);
  for (const t of RECORD_TYPES) {
    const q = partsQuery(dir, t);
    if (q === null) continue;
    // Rows of an article whose own row is missing (a run killed between files) are left out.
    await db.run(`INSERT INTO records.${t} SELECT * FROM ${q} WHERE seq IN (SELECT seq FROM work.part_seqs)`);
  }
  await db.run('DROP TABLE work.part_seqs');
}
