/**
 * The reduce: from the record tables (records.*, loaded from part files or from earlier runs' databases) and the
 * rejected inputs to every output, staged for the atomic commit. `run` and `merge` both end here, so a merge of shards
 * writes exactly what one run would. Order: events (events.ts), the per-article tables, events.csv, the comparison
 * tables (tables.ts), errors.csv, the codebook, report.html, then the tables into framelens.duckdb.
 */
import { closeSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type { Problem } from '../types.js';
import { CsvWriter, FORMULA_START_CODES, toCsv, type Cell, type CsvOptions } from '../export/csv.js';
import type { Staging } from '../export/atomic.js';
import { ARTICLE_COLUMNS, ERROR_COLUMNS, HIT_COLUMNS, QUOTE_COLUMNS } from '../export/columns.js';
import { writeCodebook } from '../export/codebook.js';
import { buildReportData } from '../export/report/model.js';
import { renderReport } from '../export/report/page.js';
import type { EventMode } from '../events/grouping.js';
import { sqlString, type Engine } from './database.js';
import { assignEvents } from './events.js';
import { reportInput, ReportRows } from './report-input.js';
import { ENTITY_TABLE_COLUMNS, loadEntities, writeEntities } from './entities.js';
import type { EntityOptions } from '../entities/resolve.js';
import { articleFramesTable, rowsByEvent, runStatistics, STATISTICS_TABLES } from './statistics-run.js';
import { statisticsPool } from './statistics/pool.js';
import { inlineStatistics, type StatisticsRunner } from './statistics/tasks.js';
import { articleFramesColumns } from './statistics/article-frames.js';
import { DISTINCTIVE_COLUMNS, loadStoplist } from './statistics/distinctive.js';
import {
  eventRows, EVENT_COLUMNS, frameComparisonColumns, frameTables, FRAMES_BY_OUTLET_COLUMNS,
  prepareAggregates, SHARED_COLUMNS, sharedQuoteTable, SPEAKER_COLUMNS, speakerTable, TABLES, type TableName,
} from './tables.js';

export interface TableSettings {
  /** `null`: metadata where every article has an event, else auto (SPEC). */
  events: EventMode | null;
  excel: boolean;
  frames: string[];
  version: string;
  /** Speaker merging across the corpus (word lists and the researcher's aliases): src/engine/entities.ts. */
  entities: EntityOptions;
  /** The run's or merge's --workers: with 2 or more, as many statistics workers (writeTables). */
  threads: number;
  /** Corpus size from which statistics workers are used (default STATISTICS_WORKERS_FROM; tests set 0). */
  statisticsWorkersFrom?: number;
}

export interface TableCounts {
  articles: number;
  quotes: number;
  frameHits: number;
  rejected: number;
  notes: number;
  events: number;
  eventMode: EventMode;
  entities: number;
  /** Milliseconds per step of the reduce (manifest.json's timings_ms.tables_steps). */
  steps: Record<string, number>;
  /** Lines for stderr (lexicon_fit's warnings), printed even under --quiet. */
  warnings: string[];
}

export type SeqProblem = Problem & { seq: number };

/** errors.csv's order: input order (seq), then code; stable, so a record's notes of one code keep their order. */
export function compareProblems(a: SeqProblem, b: SeqProblem): number {
  return a.seq - b.seq || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Every note (given in errors.csv's order) and every rejected input, in errors.csv's order (as one stable sort of the
 * problems followed by the notes): a rejected input never has a record, so no seq has both.
 */
export async function* mergeProblems(problems: SeqProblem[], notes: AsyncIterable<SeqProblem>): AsyncGenerator<SeqProblem> {
  const sorted = [...problems].sort(compareProblems);
  let k = 0;
  for await (const note of notes) {
    while (k < sorted.length && compareProblems(sorted[k], note) <= 0) yield sorted[k++];
    yield note;
  }
  while (k < sorted.length) yield sorted[k++];
}

/** The records' notes in errors.csv's order (seq, code, then their order in the record). */
async function* notesOf(db: Engine): AsyncGenerator<SeqProblem> {
  for await (const [seq, input, line, articleId, code, message] of db.rows('SELECT seq, input, line, article_id, code, message FROM records.notes ORDER BY seq, code, ord')) {
    yield { seq: Number(seq), input: String(input), line: Number(line), articleId: String(articleId), code: String(code), message: String(message) };
  }
}

/**
 * The per-article tables: their columns (SPEC order; each a SQL expression), rows in input order (seq), then text
 * order within an article. They are also framelens.duckdb's tables of the same names (with the text as analysed, not
 * neutralised as in the CSV).
 */
/** Column names beside their SQL expressions. */
function withNames(names: string[], exprs: string[]): [string, string][] {
  if (names.length !== exprs.length) throw new Error(`per-article table: ${names.length} columns, ${exprs.length} expressions`);
  return names.map((n, i) => [n, exprs[i]]);
}

const PER_ARTICLE: { name: string; file: string; columns: [string, string][]; from: string; order: string[] }[] = [
  {
    name: 'articles', file: 'articles.csv',
    columns: withNames(ARTICLE_COLUMNS, ['a.id', 'a.outlet', 'a.date', 'e.event', 'a.title', 'a.source', 'a.tokens', 'a.sentences', 'a.quotes', 'a.quoted_tokens', 'a.hits', 'a.hits_author', 'coalesce(v.quote, 0)', 'coalesce(v.paraphrase, 0)', 'a.hits - a.hits_author', 'a.url', 'a.chars']),
    from: `records.articles a JOIN article_events e USING (seq) LEFT JOIN (
      SELECT seq, count(*) FILTER (WHERE voice = 'quote')::INTEGER AS quote, count(*) FILTER (WHERE voice = 'paraphrase')::INTEGER AS paraphrase
      FROM records.hits GROUP BY seq) v USING (seq)`,
    order: ['a.seq'],
  },
  {
    name: 'quotes', file: 'quotes.csv',
    columns: withNames(QUOTE_COLUMNS, ['a.id', 'a.outlet', 'e.event', 'q.quote_id', 'q.kind', 'q.speaker', 'q.speaker_id', 'q.speaker_mention', 'q.speaker_start', 'q.speaker_end', 'q.speaker_role', 'q.speaker_type', 'q.cue', 'q.text', 'q.start', 'q."end"', 'q.tokens', 'q.cue_start', 'q.cue_end', 'q.gaps']),
    // work.quotes: speakers as canonical names, with their speaker_id (entities.ts).
    from: 'work.quotes q JOIN records.articles a USING (seq) JOIN article_events e USING (seq)', order: ['q.seq', 'q.ord'],
  },
  {
    name: 'frame_hits', file: 'frame_hits.csv',
    columns: withNames(HIT_COLUMNS, ['a.id', 'a.outlet', 'e.event', 'h.frame', 'h.term', 'h.match', 'h.voice', 'coalesce(en.canonical, h.speaker)', "coalesce(en.speaker_id, '')", 'h.quote_id', 'h.negated', 'h.sentence', 'h.start', 'h."end"', 'h.left_context', 'h.right_context']),
    // A quoted or paraphrased hit's speaker, canonical with its speaker_id (its type is its quotation's); an author
    // hit has none.
    // (Equality joins only: with the voice test in the join condition DuckDB chose a nested-loop join, 8.6 s at
    // 8,400 articles against 0.1 s.)
    from: `(SELECT h.*, CASE WHEN h.voice <> 'author' THEN q.speaker_type END AS speaker_type
        FROM records.hits h LEFT JOIN records.quotes q ON q.seq = h.seq AND q.quote_id = h.quote_id) h
      JOIN records.articles a USING (seq) JOIN article_events e USING (seq)
      LEFT JOIN work.entity en ON en.speaker = h.speaker AND en.speaker_type = h.speaker_type`,
    order: ['h.seq', 'h.ord'],
  },
];

/**
 * A CSV cell in SQL, as src/export/csv.ts writes it with csv-stringify: NULL empty; numbers and booleans as text; a
 * text cell neutralised (a leading apostrophe before FORMULA_START_CODES: =, +, -, @, tab, CR, …) and quoted when it holds a quotation mark,
 * a comma, a line feed or a carriage return, its quotation marks doubled. The characters are literals, not chr() calls:
 * the COPY runs without the optimizer (Engine.copyInOrder), which would have folded the calls into constants.
 */
const CSV_MACROS = [
  `CREATE OR REPLACE TEMP MACRO csv_quote(v) AS
    CASE WHEN contains(v, '"') OR contains(v, ',') OR contains(v, ${sqlString('\n')}) OR contains(v, ${sqlString('\r')}) THEN '"' || replace(v, '"', '""') || '"' ELSE v END`,
  `CREATE OR REPLACE TEMP MACRO csv_text(v) AS
    CASE WHEN v IS NULL THEN '' WHEN left(v, 1) IN (${FORMULA_START_CODES.map((c) => sqlString(String.fromCharCode(c))).join(', ')}) THEN csv_quote('''' || v) ELSE csv_quote(v) END`,
  `CREATE OR REPLACE TEMP MACRO csv_value(v) AS coalesce(CAST(v AS VARCHAR), '')`,
];

/**
 * The per-article tables, written by DuckDB (their rows are many: none crosses into JavaScript): each row rendered as
 * a CSV line in SQL (CSV_MACROS), after the header, copied to the file in order. Returns each table's row count.
 */
async function perArticleTables(db: Engine, staging: Staging, csv: CsvOptions): Promise<Record<string, number>> {
  for (const m of CSV_MACROS) await db.run(m);
  const counts: Record<string, number> = {};
  for (const t of PER_ARTICLE) {
    // Stored in row order, which a SELECT without ORDER BY keeps (DuckDB preserves insertion order).
    await db.run(`CREATE OR REPLACE TABLE main.${t.name} AS SELECT ${t.columns.map(([name, expr]) => `${expr} AS "${name}"`).join(', ')} FROM ${t.from} ORDER BY ${t.order.join(', ')}`);
    const types = new Map((await db.all(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = '${t.name}'`)).map(([c, type]) => [String(c), String(type)]));
    const cells = t.columns.map(([name]) => (types.get(name) === 'VARCHAR' ? `csv_text("${name}")` : `csv_value("${name}")`));
    const header = toCsv(t.columns.map(([name]) => name), [], csv).replace(/\r?\n$/, '');
    // The rows go to a file of their own and are appended after the header: with the header joined in SQL (a UNION
    // ordered as a whole) DuckDB ran out of its memory limit at 84,000 articles.
    const newline = csv.excel ? '\r\n' : '\n';
    const path = staging.path(t.file);
    const rows = `${path}.rows`;
    await db.copyInOrder(`
      COPY (SELECT concat_ws(',', ${cells.join(', ')}) FROM main.${t.name})
      TO ${sqlString(rows)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x1f', NEW_LINE ${sqlString(newline)})`);
    writeFileSync(path, header + newline);
    appendFileTo(rows, path);
    rmSync(rows);
    counts[t.name] = Number(await db.scalar(`SELECT count(*)::INTEGER FROM main.${t.name}`));
  }
  return counts;
}

/** Append file `from` to file `to`, a MiB at a time. */
function appendFileTo(from: string, to: string): void {
  const src = openSync(from, 'r');
  const dst = openSync(to, 'a');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) writeSync(dst, buf, 0, n);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
}

/**
 * articles.jsonl: each article's record as one JSON object, in input order: its metadata, counts and resume key. Its
 * quotes, frame hits, terms and notes are in framelens.duckdb (schema `records`, by `seq`), which `--resume` and
 * `merge` read: nesting them into each article's line takes DuckDB an aggregate held whole in memory (a 840-article
 * corpus exceeded a 128 MB limit), where these flat lines are a sorted copy.
 */
async function writeRecordLines(db: Engine, staging: Staging): Promise<void> {
  await db.run(`COPY (SELECT * EXCLUDE (quotes, hits, hits_author) FROM records.articles ORDER BY seq) TO ${sqlString(staging.path('articles.jsonl'))} (FORMAT json)`);
}

/** Events of frame_comparison whose exact tests may be under way at once (the rows are written in event order). */
const FRAME_EVENTS_AHEAD = 64;

/** Fewer articles than this: the statistics are computed on the main thread (they take well under a second). */
const STATISTICS_WORKERS_FROM = 2000;

/**
 * Every table, staged. With two threads or more and a corpus of STATISTICS_WORKERS_FROM articles or more, the
 * resampling statistics (frame_comparison's exact tests, outlet_contrasts, outlet_rates) are computed by as many
 * statistics workers, started now, while the main thread reads DuckDB, computes the rest and writes; otherwise
 * (`--workers 1`, a small corpus) by the main thread itself. The same bytes either way: every row seeds its own
 * generator.
 */
export async function writeTables(db: Engine, problems: SeqProblem[], settings: TableSettings, staging: Staging): Promise<TableCounts> {
  const articles = Number(await db.scalar('SELECT count(*)::INTEGER FROM records.articles'));
  const workers = settings.threads >= 2 && articles >= (settings.statisticsWorkersFrom ?? STATISTICS_WORKERS_FROM);
  if (!workers) return reduce(db, problems, settings, staging, inlineStatistics);
  const pool = statisticsPool(settings.threads);
  try {
    const counts = await reduce(db, problems, settings, staging, pool);
    await pool.close();
    return counts;
  } catch (e) {
    await pool.terminate().catch(() => undefined);
    throw e;
  }
}

async function reduce(db: Engine, problems: SeqProblem[], settings: TableSettings, staging: Staging, statisticsRunner: StatisticsRunner): Promise<TableCounts> {
  const csv: CsvOptions = { excel: settings.excel };
  const steps = new StepTimes();
  const eventMode = await assignEvents(db, settings.events);
  steps.lap('events');
  const entityCount = writeEntities(await loadEntities(db, settings.entities), staging, csv);
  await saveCsvTable(db, staging, 'entities', csv);
  steps.lap('entities');
  const counts = await perArticleTables(db, staging, csv);
  db.saveTables(PER_ARTICLE.map((t) => t.name));
  await writeRecordLines(db, staging);
  steps.lap('per_article');
  await prepareAggregates(db, settings.frames);
  const articleFrames = new CsvWriter(staging.path('article_frames.csv'), articleFramesColumns(settings.frames), csv);
  try {
    await articleFramesTable(db, settings.frames, (row) => articleFrames.write(row));
  } finally {
    articleFrames.close();
  }
  const statistics = await runStatistics(db, settings.frames, loadStoplist(), statisticsRunner);
  const statisticsColumns = writeStatisticsTables(statistics, staging, csv, settings.frames);
  for (const t of STATISTICS_TABLES) await saveCsvTable(db, staging, t, csv);
  steps.lap('statistics');
  const report = new ReportRows();
  report.statistics(statistics.outlet_rates, statistics.outlet_contrasts, statistics.warnings);

  const events = new CsvWriter(staging.path('events.csv'), EVENT_COLUMNS, csv);
  for await (const row of eventRows(db)) {
    events.write(row);
    report.event(EVENT_COLUMNS, row);
  }
  events.close();
  await saveCsvTable(db, staging, 'events', csv);
  const eventCount = events.rows;

  const outlets = (await db.all('SELECT DISTINCT outlet FROM records.articles')).map((r) => String(r[0])).sort();
  const columns: Record<TableName, string[]> = {
    frames_by_outlet: FRAMES_BY_OUTLET_COLUMNS,
    frame_comparison: frameComparisonColumns(outlets),
    speakers_by_outlet: SPEAKER_COLUMNS,
    distinctive_terms: DISTINCTIVE_COLUMNS,
    shared_quotes: SHARED_COLUMNS,
  };
  const writers = Object.fromEntries(TABLES.map((t) => [t, new CsvWriter(staging.path(`${t}.csv`), columns[t], csv)])) as Record<TableName, CsvWriter>;
  try {
    const put = (name: TableName, rows: Cell[][]) => {
      for (const r of rows) writers[name].write(r);
    };
    // An event's frame_comparison rows wait for its exact tests, computed while the next events are read.
    const ahead: { byOutlet: Cell[][]; comparison: Promise<Cell[][]> }[] = [];
    const writeFrames = async (keep: number) => {
      while (ahead.length > keep) {
        const { byOutlet, comparison } = ahead.shift()!;
        put('frames_by_outlet', byOutlet);
        put('frame_comparison', await comparison);
      }
    };
    for await (const event of frameTables(db, outlets, settings.frames, statisticsRunner)) {
      ahead.push(event);
      await writeFrames(FRAME_EVENTS_AHEAD);
    }
    await writeFrames(0);
    steps.lap('frames');
    for await (const [, rows] of speakerTable(db)) {
      put('speakers_by_outlet', rows);
      report.speakerRows(columns.speakers_by_outlet, rows);
    }
    steps.lap('speakers');
    for (const [, rows] of rowsByEvent(statistics.distinctive_terms.rows)) {
      put('distinctive_terms', rows);
      report.termRows(columns.distinctive_terms, rows);
    }
    for await (const [event, rows, shared] of sharedQuoteTable(db)) {
      put('shared_quotes', rows);
      for (const q of shared) report.sharedQuote(event, q.speaker, q.wordings);
    }
    steps.lap('shared_quotes');
  } finally {
    for (const w of Object.values(writers)) w.close();
  }
  for (const t of TABLES) await saveCsvTable(db, staging, t, csv);

  const errors = new CsvWriter(staging.path('errors.csv'), ERROR_COLUMNS, csv);
  for await (const p of mergeProblems(problems, notesOf(db))) errors.write([p.input, p.line, p.articleId, p.code, p.message]);
  errors.close();
  await saveCsvTable(db, staging, 'errors', csv);
  // W_ rows (a file with no outlet column, a date not read) are notes: their articles were kept.
  const rejected = problems.filter((p) => !p.code.startsWith('W_')).length;
  const notes = errors.rows - rejected;
  writeCodebook(staging, settings, { ...columns, ...statisticsColumns, entities: ENTITY_TABLE_COLUMNS }, EVENT_COLUMNS);
  steps.lap('errors_codebook');
  staging.write('report.html', await renderReport(buildReportData(await reportInput(db, report, settings.frames, settings.version))));
  steps.lap('report');
  await speakersTable(db);
  steps.lap('database_tables');
  return {
    articles: counts.articles, quotes: counts.quotes, frameHits: counts.frame_hits, rejected, notes, events: eventCount, eventMode,
    entities: entityCount, warnings: statistics.warnings, steps: steps.ms,
  };
}

/** Milliseconds per step of the reduce, for manifest.json (where a large corpus's time goes). */
class StepTimes {
  readonly ms: Record<string, number> = {};
  private t = performance.now();
  lap(step: string): void {
    const now = performance.now();
    this.ms[step] = Math.round(now - this.t);
    this.t = now;
  }
}

/** The statistics tables besides distinctive_terms (written with the comparison tables): their CSVs; returns their columns. */
function writeStatisticsTables(statistics: Awaited<ReturnType<typeof runStatistics>>, staging: Staging, csv: CsvOptions, frames: string[]): Record<string, string[]> {
  const columns: Record<string, string[]> = {};
  for (const name of STATISTICS_TABLES) {
    if (name === 'article_frames') {
      columns[name] = articleFramesColumns(frames); // written an article at a time (writeTables)
      continue;
    }
    const t = statistics[name];
    const w = new CsvWriter(staging.path(`${name}.csv`), t.columns, csv);
    for (const r of t.rows) w.write(r);
    w.close();
    columns[name] = t.columns;
  }
  return columns;
}

/**
 * framelens.duckdb's tables for researchers, besides the per-article tables (made with their CSVs): every other CSV
 * table as written (entities.csv included; text cells neutralised as in the CSV), each queued for the save as soon as
 * its file is closed (saveCsvTable: DuckDB reads it into framelens.duckdb on the save's connection while the reduce
 * goes on), `article_events` (each article's event, by seq) and `speakers` (one row per canonical speaker name across
 * the corpus). The records stay in schema `records`.
 */
async function saveCsvTable(db: Engine, staging: Staging, table: string, csv: CsvOptions): Promise<void> {
  // The dialect as written (detecting it took most of the time; `new_line` takes the escaped form); every row read
  // to choose the columns' types; nothing is taken as a null but an empty cell.
  await db.saveCsv(table, `read_csv(${sqlString(staging.path(`${table}.csv`))}, header = true, delim = ',', quote = '"', escape = '"',
    new_line = ${sqlString(csv.excel ? '\\r\\n' : '\\n')}, sample_size = -1, allow_quoted_nulls = false)`);
}

/** framelens.duckdb's `speakers`: one row per canonical speaker name across the corpus (copied by finishSave). */
async function speakersTable(db: Engine): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE main.speakers AS
    WITH q AS (SELECT q.*, a.outlet FROM work.quotes q JOIN records.articles a USING (seq) WHERE q.speaker <> 'UNKNOWN'),
    types AS (SELECT speaker, speaker_type, count(*) AS n FROM q GROUP BY ALL),
    type AS (SELECT speaker, min(speaker_type) AS speaker_type
      FROM types JOIN (SELECT speaker, max(n) AS n FROM types GROUP BY speaker) USING (speaker, n) GROUP BY speaker)
    SELECT speaker, type.speaker_type, count(*)::INTEGER AS quotes, sum(tokens)::INTEGER AS quoted_tokens,
      count(DISTINCT seq)::INTEGER AS articles, count(DISTINCT outlet)::INTEGER AS outlets
    FROM q JOIN type USING (speaker) GROUP BY speaker, type.speaker_type ORDER BY speaker`);
}
