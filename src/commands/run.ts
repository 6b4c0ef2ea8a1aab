/**
 * `framelens run`: read → (shard filter) → (resume) → worker pool, whose workers write the records to part files →
 * DuckDB loads them → tables (src/engine/reduce.ts) → atomic commit.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RunError, UsageError } from '../errors.js';
import { writeFailure } from '../runtime/fs-errors.js';
import { expandInputs, readCorpus, type InputFile } from '../corpus/read.js';
import { loadLexicons } from '../framing/lexicon.js';
import { loadQuoteSettings } from '../quotes/settings.js';
import { Staging, STAGING } from '../export/atomic.js';
import { acquireOutLock } from '../runtime/lock.js';
import { nothingToAnalyse } from '../errors.js';
import { articleKey, emptyStageTimes, STAGES, type AnalysisSettings, type StageTimes } from '../analysis/analyze.js';
import type { KeyedArticle } from '../runtime/pool.js';
import { startAnalysisWorkers, type AnalysisWorkers } from '../analysis/workers.js';
import { createProgress } from '../runtime/progress.js';
import type { ResumeSource } from '../engine/resume.js';
import type { SeqProblem, TableCounts } from '../engine/reduce.js';
import { loadEntitySettings } from '../entities/settings.js';
import { loadAliases } from '../entities/aliases.js';
import type { EntityOptions } from '../entities/resolve.js';
import { VERSION } from '../version.js';
import { writeManifest } from '../export/manifest.js';
import { IntakeReport } from '../corpus/columns.js';
import { DATABASE, PARTS, type RunSettings } from './run-options.js';
import { compareStrings } from '../search.js';

/**
 * The speaker-merging settings (src/engine/entities.ts): the entity word lists with the cue lexicon's titles, and the
 * alias file if one is given, read and validated here (a broken file: exit 2, file:line, nothing written).
 */
export function entityOptions(titles: readonly string[], aliases: string | null): EntityOptions {
  return { ...loadEntitySettings(titles), aliases: aliases === null ? undefined : loadAliases(aliases) };
}

/** The alias file's SHA-256 for manifest.json (the file was read and checked by `entityOptions`); null without one. */
export function aliasesSha256(aliases: string | null): string | null {
  return aliases === null ? null : createHash('sha256').update(readFileSync(aliases)).digest('hex');
}

/** Stable shard of a key: the first 48 bits of its sha256, modulo N. */
export function shardOf(key: string, n: number): number {
  const h = createHash('sha256').update(key).digest();
  return h.readUIntBE(0, 6) % n;
}

export interface RunSummary {
  counts: TableCounts;
  analysed: number;
  reused: number;
  seconds: number;
  exitCode: number;
  /** Lines for stderr before the summary: which columns fed which fields, warnings about the input's layout. */
  notices?: string[];
}

/** Count the records a run will see, cheaply, for the progress bar (jsonl lines, csv lines, one per .txt). */
function estimateTotal(files: InputFile[]): number {
  let total = 0;
  for (const f of files) {
    if (f.path.endsWith('.txt')) total++;
    else if (f.path.endsWith('.jsonl') || f.path.endsWith('.csv')) {
      try {
        const n = countNewlines(f.path);
        total += f.path.endsWith('.csv') ? Math.max(0, n - 1) : n;
      } catch {
        total++;
      }
    }
  }
  return total;
}

/** Newlines in a file, read 1 MiB at a time (a whole large corpus file in memory would set the run's peak). */
function countNewlines(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n = 0;
    for (let got = readSync(fd, buf); got > 0; got = readSync(fd, buf)) {
      for (let i = buf.indexOf(0x0a); i >= 0 && i < got; i = buf.indexOf(0x0a, i + 1)) n++;
    }
    return n;
  } finally {
    closeSync(fd);
  }
}

/**
 * One run. `workers`: the analysis workers if the caller started them already (the command line starts the first before
 * it loads the rest of the program, so that it loads wink's model meanwhile); the run ends them in any case.
 */
export async function runPipeline(settings: RunSettings, commandLine: string[], workers?: AnalysisWorkers): Promise<RunSummary> {
  const started = new Date();
  const t0 = performance.now();
  const pool = workers ?? startAnalysisWorkers(settings.workers);
  try {
    return await runWith(pool, settings, commandLine, started, t0);
  } finally {
    await pool.terminate();
  }
}

async function runWith(pool: AnalysisWorkers, settings: RunSettings, commandLine: string[], started: Date, t0: number): Promise<RunSummary> {
  // Everything that can fail on settings fails here, before anything is written (exit 2).
  const lexicons = loadLexicons(settings.lexicons);
  const quotes = loadQuoteSettings(settings.cues);
  const entities = entityOptions(quotes.titles, settings.aliases);
  const out = resolve(settings.out);
  const files = expandInputs(settings.inputs, { out }); // never reads --out or other output folders
  const settingsKey = createHash('sha256')
    .update(JSON.stringify({ version: VERSION, quotes, lexicons: lexicons.lexicons.map((l) => l.sha256), maxChars: settings.maxChars }))
    .digest('hex');
  const analysis: AnalysisSettings = { version: VERSION, quotes, lexicons, settingsKey };

  // Output folder: the tables are staged and committed at the end; the records are written to a part-file folder of
  // this run's own under PARTS, kept until the commit (an interrupted run's records are what --resume reuses).
  // One run per --out (exit 2 if held); should this process end without committing, the staging folder goes with the
  // lock, while this run's part files stay for --resume.
  const lock = acquireOutLock(out, commandLine, [STAGING]);
  if (lock.tookOver && !settings.quiet) process.stderr.write(`framelens: note: took over the lock of a run into ${out} that is no longer running\n`);
  const staging = new Staging(out);
  const partsRoot = join(out, PARTS);
  if (!settings.resume) rmSync(partsRoot, { recursive: true, force: true });
  const sources = settings.resume ? resumeSources(join(out, DATABASE), partsRoot) : [];
  const parts = newPartsFolder(partsRoot);
  // DuckDB's binding and the reduce's modules load, and the scratch database opens, while the workers analyse the
  // first articles (awaited where first needed: before reading when resuming, else after the analysis).
  const engine = openEngine(join(staging.dir, 'engine-tmp'), settings.workers);
  engine.catch(() => undefined);

  const times: StageTimes = emptyStageTimes();
  const inputHashes: { path: string; sha256: string; bytes: number }[] = [];
  const intake = new IntakeReport();
  const problems: SeqProblem[] = [];
  const progress = createProgress(estimateTotal(files), { quiet: settings.quiet, tty: Boolean(process.stderr.isTTY) });
  let done = 0;
  let analysed = 0;
  let reused = 0;
  let accepted = 0; // articles read and not rejected, before the shard filter: none is "nothing to analyse"
  const mine = (key: string) => !settings.shard || shardOf(key, settings.shard.n) === settings.shard.k;

  // Batches go to the workers as they fill; each one's result is counted when it comes back (the records are in the
  // part files already). `inFlight` holds the batches not back yet, so that a failure surfaces.
  const inFlight = new Set<Promise<void>>();
  let batch: KeyedArticle[] = [];
  let batchChars = 0;
  const submit = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    batchChars = 0;
    await pool.ready();
    const p = pool.run(items).then((res) => {
      for (const k of STAGES) times[k] += res.times[k];
      problems.push(...res.problems);
      done += items.length;
      progress.update(done + problems.length);
    });
    inFlight.add(p);
    p.then(() => inFlight.delete(p), () => undefined);
  };

  let counts: TableCounts;
  let tablesMs: number;
  let saveMs = 0;
  try {
    await pool.setUp({ init: { settings: analysis, parts } });
    const resume = sources.length ? await (await engine).openResume(sources) : null;
    for await (const item of readCorpus(files, { maxChars: settings.maxChars, columns: settings.columns, dateOrder: settings.dateOrder ?? undefined, intake }, (f, sha256, bytes) => inputHashes.push({ path: f.display, sha256, bytes }))) {
      if (item.problem) {
        const p = item.problem;
        if (!mine(p.articleId || `${p.input}:${p.line}`)) continue;
        // Problems carry the seq of their place in the input so errors.csv follows input order.
        problems.push({ ...p, seq: item.seq });
        continue;
      }
      const a = item.article;
      accepted++;
      if (!mine(a.id)) continue;
      const key = articleKey(a, settingsKey);
      if (resume && (await resume.take(a.seq, key))) {
        reused++;
        done++;
        continue;
      }
      analysed++;
      batch.push({ article: a, key });
      batchChars += a.text.length;
      if (batch.length >= settings.batchSize || batchChars >= 400_000) await submit();
    }
    await submit();
    await Promise.all(inFlight);
    await pool.close({ close: true });
    progress.stop();
    if (!accepted) throw nothingToAnalyse(settings.inputs, out, problems); // the previous tables are kept

    const { db, loadParts, eventsMissing, writeTables } = await engine;
    const tTables = performance.now();
    await loadParts(db, parts);
    if (resume) await resume.copy();
    if (!settings.quiet) {
      // The step after the analysis takes a while on a large corpus: say what it is doing.
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      const grouping = settings.events === 'auto' || (settings.events === null && (await eventsMissing(db)));
      process.stderr.write(`framelens: ${done} articles done in ${secs} s; writing the tables${grouping ? ' (grouping events first)' : ''}\n`);
    }
    db.startSave(staging.path(DATABASE));
    counts = await writeTables(db, problems, { events: settings.events, excel: settings.excel, frames: lexicons.frames, version: VERSION, entities, threads: settings.workers }, staging);
    const tSave = performance.now();
    await db.finishSave(staging.path(DATABASE));
    saveMs = performance.now() - tSave;
    db.close();
    tablesMs = performance.now() - tTables;
  } catch (e) {
    progress.stop();
    await pool.terminate().catch(() => undefined);
    (await engine.catch(() => null))?.db.discard();
    // A run that fails removes its temporary files (a full disk gets its space back), this run's part files too; a
    // run that is killed leaves them, and --resume reuses them (docs/exit-codes.md). So does a run that fails with an
    // internal error once articles were analysed (DuckDB out of its memory limit, a bug): hours of analysis are not
    // thrown away for a failure after it.
    const kept = done - reused;
    if (kept > 0 && !(e instanceof UsageError || e instanceof RunError) && writeFailure(e) === undefined) {
      process.stderr.write(`framelens: note: the ${kept} articles analysed are kept in ${parts}; run again with --resume to reuse them\n`);
    } else {
      rmSync(parts, { recursive: true, force: true });
      removeIfEmpty(partsRoot);
    }
    throw e;
  }

  const finished = new Date();
  writeManifest(staging, {
    command: commandLine,
    settings: { ...settings, frames: lexicons.frames, aliases_sha256: aliasesSha256(settings.aliases) },
    lexicons: lexicons.lexicons.map((l) => ({ name: l.name, version: l.version, path: l.path, sha256: l.sha256 })),
    inputs: inputHashes.sort((a, b) => compareStrings(a.path, b.path)),
    counts: { ...tableCounts(counts), analysed, reused },
    problems,
    started,
    finished,
    timingsMs: { ...roundTimes(times), tables: Math.round(tablesMs), ...tableSteps(counts, saveMs), total: Math.round(performance.now() - t0) },
    settingsKey,
    intake: { columns: intake.columns(), no_outlet_column: intake.noOutlet, dates_not_read: intake.datesNotRead },
  });
  staging.commit();
  // Committed: the records are in framelens.duckdb now.
  rmSync(partsRoot, { recursive: true, force: true });
  lock.release();
  const seconds = (performance.now() - t0) / 1000;
  const strictFail = counts.rejected > 0 || intake.noOutlet.length > 0;
  return { counts, analysed, reused, seconds, exitCode: settings.strict && strictFail ? 1 : 0, notices: [...intakeNotices(intake), ...counts.warnings] };
}

/**
 * The engine's side of a run: its modules (DuckDB's binding and the reduce, about 0.4 s to load, so loaded only when
 * a run starts) and the scratch database with the empty record tables.
 */
async function openEngine(tempDir: string, threads: number) {
  const [{ Engine }, { createRecordTables, loadParts }, { Resume }, { eventsMissing }, { writeTables }] = await Promise.all([
    import('../engine/database.js'),
    import('../engine/part-tables.js'),
    import('../engine/resume.js'),
    import('../engine/events.js'),
    import('../engine/reduce.js'),
  ]);
  const db = await Engine.open({ tempDir, threads });
  try {
    await createRecordTables(db);
  } catch (e) {
    db.discard();
    throw e;
  }
  return { db, loadParts, eventsMissing, writeTables, openResume: (sources: ResumeSource[]) => Resume.open(db, sources) };
}

/** The table counts for manifest.json (the warnings go to stderr). */
export function tableCounts(counts: TableCounts): Omit<TableCounts, 'warnings' | 'steps'> {
  const { warnings: _warnings, steps: _steps, ...rest } = counts;
  return rest;
}

/** The reduce's steps as manifest timings (`tables_<step>`), with the copy into framelens.duckdb. */
export function tableSteps(counts: TableCounts, saveMs: number): Record<string, number> {
  return { ...Object.fromEntries(Object.entries(counts.steps).map(([k, v]) => [`tables_${k}`, v])), tables_save_database: Math.round(saveMs) };
}

/** What the summary says about the input's layout: the columns read per field, and what could not be read. */
function intakeNotices(intake: IntakeReport): string[] {
  const lines = intake.columns().map((c) => `framelens: columns read: ${c.fields}${c.files.length > 1 ? ` (${c.files.length} files)` : ` (${c.files[0]})`}`);
  for (const f of intake.noOutlet) lines.push(`framelens: warning W_NO_OUTLET: ${f} has no outlet column, so its articles' outlet is "unknown" (see errors.csv; --columns outlet=COLUMN)`);
  if (intake.datesNotRead) lines.push(`framelens: warning: ${intake.datesNotRead} date(s) could not be read and were left empty (W_DATE / W_DATE_AMBIGUOUS in errors.csv)`);
  return lines;
}

function removeIfEmpty(dir: string): void {
  try {
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
  } catch {
    /* already gone */
  }
}

/** The sources in an output folder: part-file folders under `partsRoot` (oldest first), then the finished database. */
function resumeSources(database: string, partsRoot: string): ResumeSource[] {
  const sources: ResumeSource[] = [];
  if (existsSync(partsRoot)) {
    const dirs = readdirSync(partsRoot).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b));
    for (const d of dirs) sources.push({ parts: join(partsRoot, d) });
  }
  if (existsSync(database)) sources.push({ database });
  return sources;
}

/** A fresh numbered folder under `root` for this run's part files. */
function newPartsFolder(root: string): string {
  mkdirSync(root, { recursive: true });
  const taken = readdirSync(root).filter((d) => /^\d+$/.test(d)).map(Number);
  const dir = join(root, String(taken.length ? Math.max(...taken) + 1 : 0));
  mkdirSync(dir);
  return dir;
}

function roundTimes(t: StageTimes): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
}
