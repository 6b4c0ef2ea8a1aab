/**
 * `--resume`: per-article records of earlier runs in the same `--out` reused when an article's key (its text,
 * metadata and the analysis settings: `articleKey`) is unchanged. Sources: the finished run's framelens.duckdb
 * (its `records` schema) and the part-file folders of runs killed since (complete records only, parts.ts). The
 * sources' keys are read in seq order beside the input, which comes in seq order too, so nothing per article is held
 * but the list of reused seqs, kept in the database; at the end the reused records are copied into this run's record
 * tables with one query per source and record type.
 */
import { Cursor, sqlString, type Engine } from './database.js';
import { RECORD_TYPES, type RecordType } from './parts.js';
import { partsQuery } from './part-tables.js';
import type { DuckDBAppender } from '@duckdb/node-api';

/** A finished run's database, or a killed run's part-file folder. */
export type ResumeSource = { database: string } | { parts: string };

/** This run's reuse of earlier records: their keys read beside the input, the reused ones copied at the end. */
export class Resume {
  private constructor(
    private readonly db: Engine,
    private readonly sources: ResumeSource[],
    private readonly keys: Cursor,
    private readonly reused: DuckDBAppender,
  ) {}

  static async open(db: Engine, sources: ResumeSource[]): Promise<Resume> {
    await db.run('CREATE TABLE work.resume_keys (seq INTEGER, key VARCHAR, src INTEGER)');
    await db.run('CREATE TABLE work.reused (seq INTEGER, src INTEGER)');
    for (const [k, s] of sources.entries()) {
      if ('database' in s) await db.run(`ATTACH ${sqlString(s.database)} AS resume_${k} (READ_ONLY)`);
      const articles = Resume.table(s, k, 'articles');
      if (articles !== null) await db.run(`INSERT INTO work.resume_keys SELECT seq, key, ${k} FROM ${articles}`);
    }
    const keys = new Cursor(db.rows('SELECT seq, key, src FROM work.resume_keys ORDER BY seq, src'));
    return new Resume(db, sources, keys, await db.appender('reused', 'work'));
  }

  /** A SQL table expression for a source's records of one type (null: none). */
  private static table(s: ResumeSource, k: number, type: RecordType): string | null {
    return 'database' in s ? `resume_${k}.records.${type}` : partsQuery(s.parts, type);
  }

  /** Whether the article `seq` with `key` has a record to reuse (asked in increasing seq order); if so it is noted. */
  async take(seq: number, key: string): Promise<boolean> {
    for (let row = await this.keys.peek(); row !== null && Number(row[0]) <= seq; row = await this.keys.peek()) {
      await this.keys.next();
      if (Number(row[0]) === seq && row[1] === key) {
        this.reused.appendInteger(seq);
        this.reused.appendInteger(Number(row[2]));
        this.reused.endRow();
        // The other sources' rows for this seq are skipped by the next call.
        return true;
      }
    }
    return false;
  }

  /** The reused records, into this run's record tables; the sources are let go. */
  async copy(): Promise<void> {
    this.reused.closeSync();
    await this.keys.close();
    for (const [k, s] of this.sources.entries()) {
      for (const type of RECORD_TYPES) {
        const table = Resume.table(s, k, type);
        if (table === null) continue;
        await this.db.run(`INSERT INTO records.${type} SELECT * FROM ${table} WHERE seq IN (SELECT seq FROM work.reused WHERE src = ${k})`);
      }
      if ('database' in s) await this.db.run(`DETACH resume_${k}`);
    }
  }
}
