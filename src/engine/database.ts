/**
 * The embedded analytics engine (DuckDB): one working database per run or merge, with a memory limit and a folder of
 * its own to spill to, so that grouping and sorting a corpus of any size keeps memory flat. Query results are read a
 * chunk (2,048 rows) at a time. What researchers get (framelens.duckdb) is written by `saveAs` at the end.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBAppender, type DuckDBValue } from '@duckdb/node-api';

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
  ) {}

  static async open(o: EngineOptions): Promise<Engine> {
    mkdirSync(o.tempDir, { recursive: true });
    // The working database is a scratch file in `tempDir` (so that its tables, not only intermediates, can leave memory
    // beyond MEMORY_LIMIT), never checkpointed: `saveAs` writes the result to a fresh file, and the scratch is deleted.
    const instance = await DuckDBInstance.create(join(o.tempDir, 'scratch.duckdb'), {
      memory_limit: MEMORY_LIMIT,
      temp_directory: o.tempDir,
      threads: String(Math.max(1, o.threads)),
      // Nothing is downloaded at run time (the JSON and CSV readers are built in).
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      wal_autocheckpoint: '1TB',
    });
    const connection = await instance.connect();
    await connection.run(`CREATE SCHEMA IF NOT EXISTS ${WORK}`);
    return new Engine(instance, connection, o.tempDir);
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
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
        yield* chunk.getRows();
      }
    } finally {
      connection.closeSync();
    }
  }

  async appender(table: string, schema?: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table, schema);
  }

  /**
   * Write the tables of schemas `main` and `records` to a new database file at `path` (bulk copies into a fresh file:
   * quick to write, where checkpointing the working database after the reduce's many statements was not).
   */
  async saveAs(path: string): Promise<void> {
    await this.connection.run(`ATTACH ${sqlString(path)} AS saved`);
    try {
      await this.connection.run('CREATE SCHEMA saved.records');
      const tables = await this.all(`SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'scratch' AND schema_name IN ('main', 'records') ORDER BY schema_name, table_name`);
      for (const [schema, table] of tables) await this.connection.run(`CREATE TABLE saved.${schema}.${table} AS SELECT * FROM scratch.${schema}.${table}`);
    } finally {
      await this.connection.run('DETACH saved');
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
