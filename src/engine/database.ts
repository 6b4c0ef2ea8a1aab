/**
 * The embedded analytics engine (DuckDB): one working database per run or merge, with a memory limit and a folder of
 * its own to spill to, so that grouping and sorting a corpus of any size keeps memory flat. Query results are read a
 * chunk (2,048 rows) at a time. What researchers get (framelens.duckdb) is written by `startSave` and `finishSave`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBAppender, DuckDBDataChunk, DuckDBValue } from '@duckdb/node-api';

// Loaded with require, not import: importing this CommonJS package from an ES module makes Node scan its 60 files
// for their export names first, which cost 0.2 s of CPU per process (docs/performance.md, "0.3.6").
const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
type DuckDBInstance = InstanceType<typeof DuckDBInstance>;

/** DuckDB's own memory cap: its buffers spill to `tempDir` beyond this. */
export const MEMORY_LIMIT = '160MB';

/** The schema of intermediate tables (not saved). */
export const WORK = 'work';

export interface EngineOptions {
  /** Spill folder, created here and removed by `close`. */
  tempDir: string;
  threads: number;
}

/** A value as a query hands it back: numbers, strings, booleans, null (BIGINTs are cast in the SQL). */
export type Value = DuckDBValue;

export class Engine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly tempDir: string,
    private readonly threads: number,
  ) {}

  static async open(o: EngineOptions): Promise<Engine> {
    mkdirSync(o.tempDir, { recursive: true });
    // The working database is a scratch file in `tempDir`, so that its tables, not only intermediates, can leave
    // memory beyond the limit (an in-memory database ran out of its limit at 84,000 articles where this one did not).
    // It is never checkpointed: `startSave`/`finishSave` write the result to a fresh file, and the scratch is deleted.
    const instance = await DuckDBInstance.create(join(o.tempDir, 'scratch.duckdb'), {
      // FRAMELENS_ENGINE_MEMORY (e.g. "2GB") for large corpora: docs/large-corpora.md.
      memory_limit: process.env.FRAMELENS_ENGINE_MEMORY || MEMORY_LIMIT,
      temp_directory: o.tempDir,
      threads: String(Math.max(1, o.threads)),
      // Nothing is downloaded at run time (the JSON and CSV readers are built in).
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      wal_autocheckpoint: '1TB',
      // DuckDB's allocator (jemalloc) keeps the memory it frees for reuse, and returns it to the system only after a
      // task whose allocations passed a threshold (128 MB by default). A background thread that returns freed pages
      // as they age, and a 32 MB threshold, took the peak of an 8,400-article run from 488-519 MB to 412-426 MB, in no
      // more time (docs/performance.md, "0.3.5").
      allocator_background_threads: 'true',
      allocator_flush_threshold: '32MB',
    });
    const connection = await instance.connect();
    // Closing would checkpoint the scratch database (1.5 s at 8,400 articles) for a file deleted right after.
    await connection.run('PRAGMA disable_checkpoint_on_shutdown');
    await connection.run(`CREATE SCHEMA IF NOT EXISTS ${WORK}`);
    return new Engine(instance, connection, o.tempDir, Math.max(1, o.threads));
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /**
   * A COPY of a stored table's rows, rendered by a projection alone (no join, no filter), in the table's order: on
   * one DuckDB thread (with more, DuckDB wrote some 2,048-row chunks of a large table — 1 million rows at 84,000
   * articles — out of place although insertion order is to be preserved; one thread scans the table in order) and
   * without the query optimizer (nothing to optimise in a projection of literals and columns; planning the CSV
   * rendering of 20 columns took about 100 ms a table, against 20 ms without it, and the same time per row after).
   */
  async copyInOrder(sql: string): Promise<void> {
    if (this.threads > 1) await this.connection.run('SET threads = 1');
    await this.connection.run('PRAGMA disable_optimizer');
    try {
      await this.connection.run(sql);
    } finally {
      await this.connection.run('PRAGMA enable_optimizer');
      if (this.threads > 1) await this.connection.run(`SET threads = ${this.threads}`);
    }
  }

  /** Every row of a small result. */
  async all(sql: string): Promise<Value[][]> {
    return (await this.connection.runAndReadAll(sql)).getRows();
  }

  /** The first column of the first row. */
  async scalar(sql: string): Promise<Value> {
    const rows = await this.all(sql);
    return rows[0]?.[0] ?? null;
  }

  /**
   * The rows of a result, a chunk at a time. Each stream has a connection of its own, so several can be read side by
   * side (tables they read must not be TEMP tables, which only their own connection sees: see WORK).
   */
  async *rows(sql: string): AsyncGenerator<Value[]> {
    const connection = await this.instance.connect();
    try {
      const result = await connection.stream(sql);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) return;
        yield* rowsOf(chunk);
      }
    } finally {
      connection.closeSync();
    }
  }

  async appender(table: string, schema?: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table, schema);
  }

  /** The save under way (startSave): its own connection, once the tables queued so far are written. */
  private saving: Promise<DuckDBConnection> | null = null;
  /** Tables of schema `main` already queued for the save. */
  private readonly queued = new Set<string>();

  /**
   * Start writing framelens.duckdb at `path`: the record tables (schema `records`, complete once loaded) are copied on
   * a connection of their own while the reduce goes on (the copy is DuckDB's work, the reduce's statistics are
   * JavaScript's: on two cores they overlap); `saveTables` queues finished tables of schema `main`, `finishSave` adds
   * the rest. Bulk copies into a fresh file: quick to write, where checkpointing a working database after the reduce's
   * many statements was not.
   */
  startSave(path: string): void {
    this.saving = (async () => {
      const c = await this.instance.connect();
      await c.run(`ATTACH ${sqlString(path)} AS saved`);
      await c.run('CREATE SCHEMA saved.records');
      for (const table of await tablesOf(c, 'records')) await c.run(`CREATE TABLE saved.records.${table} AS SELECT * FROM records.${table}`);
      return c;
    })();
    // A failure surfaces in finishSave; a run that fails before then discards the database and never asks.
    this.saving.catch(() => undefined);
  }

  /** Queue tables of schema `main` that will not change any more for the save (nothing when no save was started). */
  saveTables(tables: string[]): void {
    if (!this.saving) return;
    for (const t of tables) this.queued.add(t);
    this.saving = this.saving.then(async (c) => {
      for (const t of tables) await c.run(`CREATE TABLE saved.main.${t} AS SELECT * FROM main.${t}`);
      return c;
    });
    this.saving.catch(() => undefined);
  }

  /**
   * Queue a finished CSV file of the staging folder for the save, as table `table` of schema `main`: read by DuckDB
   * straight into framelens.duckdb on the save's connection (while the reduce goes on), with no copy in the working
   * database. `sql` is the table expression that reads it (reduce.ts's saveCsvTable). Without a save started (a
   * reduce called alone, as in tests) the table is made in the working database, where a later finishSave finds it.
   */
  async saveCsv(table: string, sql: string): Promise<void> {
    if (!this.saving) {
      await this.run(`CREATE OR REPLACE TABLE main.${table} AS SELECT * FROM ${sql}`);
      return;
    }
    this.queued.add(table);
    this.saving = this.saving.then(async (c) => {
      await c.run(`CREATE TABLE saved.main.${table} AS SELECT * FROM ${sql}`);
      return c;
    });
    this.saving.catch(() => undefined);
  }

  /** Complete the save begun by startSave (started now if it was not): the other tables of schema `main`, then the file is closed. */
  async finishSave(path: string): Promise<void> {
    if (!this.saving) this.startSave(path);
    const c = await this.saving!;
    try {
      for (const table of await tablesOf(c, 'main')) {
        if (!this.queued.has(table)) await c.run(`CREATE TABLE saved.main.${table} AS SELECT * FROM main.${table}`);
      }
      // Written out now: checkpoints are otherwise off (the scratch database is never checkpointed, see open).
      await c.run('CHECKPOINT saved');
    } finally {
      await c.run('DETACH saved');
      c.closeSync();
      this.saving = null;
      this.queued.clear();
    }
  }

  /** Release the database and the spill folder. */
  close(): void {
    this.discard();
  }

  /** Release without writing (a failed run). */
  discard(): void {
    try {
      this.connection.closeSync();
      this.instance.closeSync();
    } finally {
      rmSync(this.tempDir, { recursive: true, force: true });
    }
  }
}

/**
 * A chunk's rows, read a column at a time (each column's vector decoded in one pass: a third less time than the
 * package's row-by-row getRows, which looks up every column's vector and type again for each cell).
 */
function rowsOf(chunk: DuckDBDataChunk): Value[][] {
  const columns = chunk.getColumns();
  const n = chunk.rowCount;
  const rows: Value[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row: Value[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}

/** The tables of a schema of the working database, read on connection `c` (the save's own). */
async function tablesOf(c: DuckDBConnection, schema: string): Promise<string[]> {
  const rows = (await c.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ${sqlString(schema)} ORDER BY table_name`)).getRows();
  return rows.map((r) => String(r[0]));
}

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A SQL list of string literals (for file lists). */
export function sqlList(items: string[]): string {
  return `[${items.map(sqlString).join(', ')}]`;
}

/**
 * Lookahead over an async row stream, for reading two ordered results side by side (rows of one key in each).
 */
export class Cursor {
  private head: Value[] | null | undefined;
  constructor(private readonly it: AsyncGenerator<Value[]>) {}
  async peek(): Promise<Value[] | null> {
    if (this.head === undefined) {
      const n = await this.it.next();
      this.head = n.done ? null : n.value;
    }
    return this.head;
  }
  async next(): Promise<Value[] | null> {
    const h = await this.peek();
    this.head = undefined;
    return h;
  }
  /** Stop reading (the stream's connection is closed). */
  async close(): Promise<void> {
    await this.it.return(undefined);
  }
}
