/**
 * `framelens run`: read → (shard filter) → (resume) → worker pool → ordered articles.jsonl → tables → atomic commit.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { AnalyzedArticle } from '../types.js';
import { optionError } from '../errors.js';
import { expandInputs, readCorpus, type InputFile } from '../corpus/read.js';
import { loadLexicons } from '../framing/lexicon.js';
import { loadQuoteSettings } from '../quotes/index.js';
import { Staging, STAGING } from '../export/atomic.js';
// reliability: the --out lock, the workers limit, the nothing-to-analyse outcome
import { acquireOutLock } from '../runtime/lock.js';
import { checkWorkers } from '../runtime/limits.js';
import { nothingToAnalyse } from '../errors.js';
import { articleKey, emptyStageTimes, STAGES, type AnalysisSettings, type StageTimes } from './analyze.js';
import { WorkerPool, type KeyedArticle } from './pool.js';
import type { AnalyzedLine } from './worker.js';
import { readRecords } from './records.js';
import { ReportRenderer, StreamingTables, type EventMode, type SeqProblem, type TableCounts } from './tables.js';
import { createProgress } from './progress.js';
import { packageFile } from '../paths.js';
import { VERSION } from '../version.js';
import { writeManifest } from '../export/manifest.js';

export interface RunSettings {
  inputs: string[];
  out: string;
  lexicons: string[];
  cues: string;
  workers: number;
  events: EventMode | null;
  excel: boolean;
  resume: boolean;
  shard: { k: number; n: number } | null;
  strict: boolean;
  quiet: boolean;
  maxChars: number;
  batchSize: number;
}

export const DEFAULT_LEXICON = 'pipeline/lexicons/immigration.yml';
export const DEFAULT_CUES = 'pipeline/cues.yml';
export const DEFAULT_MAX_CHARS = 1_000_000;
export const PARTIAL = '.articles.jsonl.partial';
const RESUME = '.articles.jsonl.resume';

/** A whole-number option (`--workers`, `--batch-size`, …): its value, `fallback` when not given, or a UsageError. */
export function intOption(name: string, value: unknown, min: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < min) throw optionError(`--${name}`, `a whole number from ${min} and up`, value);
  return n;
}

/** Worker threads when `--workers` is not given: one per available core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** The one normaliser for run options: raw CLI values → complete, frozen settings, or a UsageError naming the option. */
export function normaliseRunOptions(raw: Record<string, unknown>): RunSettings {
  const inputs = (raw.inputs as string[] | undefined) ?? [];
  if (!inputs.length) throw optionError('input', 'at least one file or directory', inputs);
  const events = raw.events === undefined ? null : String(raw.events);
  if (events !== null && !['metadata', 'auto', 'none'].includes(events)) {
    throw optionError('--events', 'one of metadata, auto, none', raw.events);
  }
  let shard: RunSettings['shard'] = null;
  if (raw.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(String(raw.shard));
    if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) {
      throw optionError('--shard', 'K/N with 0 <= K < N (e.g. 0/4)', raw.shard);
    }
    shard = { k: Number(m[1]), n: Number(m[2]) };
  }
  const lexicons = (raw.lexicon as string[] | undefined)?.length ? (raw.lexicon as string[]) : [packageFile(DEFAULT_LEXICON)];
  return Object.freeze({
    inputs,
    out: String(raw.out ?? 'output/'),
    lexicons,
    cues: raw.cues ? String(raw.cues) : packageFile(DEFAULT_CUES),
    workers: checkWorkers(intOption('workers', raw.workers, 1, defaultWorkers())),
    events: events as EventMode | null,
    excel: Boolean(raw.excel),
    resume: Boolean(raw.resume),
    shard,
    strict: Boolean(raw.strict),
    quiet: Boolean(raw.quiet),
    maxChars: intOption('max-chars', raw.maxChars, 1, DEFAULT_MAX_CHARS),
    batchSize: intOption('batch-size', raw.batchSize, 1, 16),
  });
}

/** Stable shard of a key: the first 48 bits of its sha256, modulo N. */
export function shardOf(key: string, n: number): number {
  const h = createHash('sha256').update(key).digest();
  return h.readUIntBE(0, 6) % n;
}

/** Walks an earlier articles.jsonl in seq order, handing back records whose key still matches. */
class ResumeSource {
  private it: AsyncGenerator<AnalyzedArticle>;
  private current: AnalyzedArticle | null | undefined;
  constructor(path: string) {
    this.it = readRecords(path, true);
  }
  async take(seq: number, key: string): Promise<AnalyzedArticle | null> {
    for (;;) {
      if (this.current === undefined) {
        const n = await this.it.next();
        this.current = n.done ? null : n.value;
      }
      if (this.current === null || this.current.seq > seq) return null;
      const rec: AnalyzedArticle = this.current;
      this.current = undefined;
      if (rec.seq === seq) return rec.key === key ? rec : null;
    }
  }
}

export interface RunSummary {
  counts: TableCounts;
  analysed: number;
  reused: number;
  seconds: number;
  exitCode: number;
}

/** A finished article as its articles.jsonl line; a reused one (`--resume`) also as the record it was read as. */
type Entry = { analyzed: AnalyzedLine; record?: AnalyzedArticle } | { problem: SeqProblem };
/** Articles to analyse go to the workers with their resume key, computed here (the reading thread has time to spare). */
const isPending = (x: Entry | KeyedArticle): x is KeyedArticle => 'article' in x;
interface Slot {
  done: boolean;
  entries: Entry[];
  promise: Promise<void>;
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

export async function runPipeline(settings: RunSettings, commandLine: string[]): Promise<RunSummary> {
  const started = new Date();
  const t0 = performance.now();
  // Everything that can fail on settings fails here, before anything is written (exit 2).
  const lexicons = loadLexicons(settings.lexicons);
  const quotes = loadQuoteSettings(settings.cues);
  const out = resolve(settings.out);
  const files = expandInputs(settings.inputs, { out }); // reliability: never reads --out or other output folders
  const settingsKey = createHash('sha256')
    .update(JSON.stringify({ version: VERSION, quotes, lexicons: lexicons.lexicons.map((l) => l.sha256), maxChars: settings.maxChars }))
    .digest('hex');
  const analysis: AnalysisSettings = { version: VERSION, quotes, lexicons, settingsKey };

  // reliability: one run per --out (exit 2 if held); on failure the staging folder and partial file are removed
  const lock = acquireOutLock(out, commandLine, [STAGING, PARTIAL]);
  if (lock.tookOver && !settings.quiet) process.stderr.write(`framelens: note: took over the lock of a run into ${out} that is no longer running\n`);
  const staging = new Staging(out);
  const partialPath = join(out, PARTIAL);
  const resumePath = join(out, RESUME);
  const sources: ResumeSource[] = [];
  if (settings.resume) {
    if (existsSync(partialPath)) renameSync(partialPath, resumePath);
    if (existsSync(resumePath)) sources.push(new ResumeSource(resumePath));
    if (existsSync(join(out, 'articles.jsonl'))) sources.push(new ResumeSource(join(out, 'articles.jsonl')));
  }
  const partial = openSync(partialPath, 'w');
  const pool = new WorkerPool(settings.workers, analysis);
  // The report's worker loads vega while the analysis runs; it renders report.html at the end.
  const report = new ReportRenderer();
  report.start();
  const times: StageTimes = emptyStageTimes();
  const inputHashes: { path: string; sha256: string; bytes: number }[] = [];
  const problems: SeqProblem[] = [];
  const progress = createProgress(estimateTotal(files), { quiet: settings.quiet, tty: Boolean(process.stderr.isTTY) });
  let emitted = 0;
  const reduce = new StreamingTables(
    { events: settings.events, excel: settings.excel, frames: lexicons.frames, version: VERSION, report, workers: settings.workers },
    staging,
  );
  let analysed = 0;
  let reused = 0;
  let accepted = 0; // articles read and not rejected, before the shard filter (reliability: nothing to analyse)
  const mine = (key: string) => !settings.shard || shardOf(key, settings.shard.n) === settings.shard.k;

  const slots: Slot[] = [];
  const emit = (entries: Entry[]) => {
    for (const e of entries) {
      if ('analyzed' in e) {
        writeSync(partial, e.analyzed.line + '\n');
        emitted++;
        const { line } = e.analyzed;
        const record = e.record;
        reduce.add(e.analyzed.event, () => record ?? (JSON.parse(line) as AnalyzedArticle));
      } else problems.push(e.problem);
    }
    progress.update(emitted + problems.length);
  };
  const drain = async (all: boolean) => {
    while (slots.length && (all || slots[0].done)) {
      const s = slots.shift()!;
      await s.promise;
      emit(s.entries);
    }
  };

  let batch: (Entry | KeyedArticle)[] = [];
  let batchChars = 0;
  const submit = async () => {
    if (!batch.length) return;
    const items = batch;
    batch = [];
    batchChars = 0;
    const articles = items.filter(isPending);
    const slot: Slot = { done: false, entries: [], promise: Promise.resolve() };
    if (!articles.length) {
      slot.done = true;
      slot.entries = items as Entry[];
    } else {
      await pool.ready();
      slot.promise = pool.run(articles).then((res) => {
        for (const k of STAGES) times[k] += res.times[k];
        const bySeq = new Map<number, Entry>();
        for (const r of res.results) bySeq.set('analyzed' in r ? r.analyzed.seq : r.problem.seq, r as Entry);
        slot.entries = items.map((x) => (isPending(x) ? bySeq.get(x.article.seq)! : x));
        slot.done = true;
      });
    }
    slots.push(slot);
    await drain(false);
  };

  try {
    for await (const item of readCorpus(files, { maxChars: settings.maxChars }, (f, sha256, bytes) => inputHashes.push({ path: f.display, sha256, bytes }))) {
      if (item.problem) {
        const p = item.problem;
        if (!mine(p.articleId || `${p.input}:${p.line}`)) continue;
        // Problems carry the seq of their place in the input so errors.csv follows input order.
        batch.push({ problem: { ...p, seq: item.seq } });
        continue;
      }
      const a = item.article;
      accepted++;
      if (!mine(a.id)) continue;
      const key = articleKey(a, settingsKey);
      if (sources.length) {
        let hit: AnalyzedArticle | null = null;
        for (const s of sources) if (!hit) hit = await s.take(a.seq, key);
        if (hit) {
          reused++;
          batch.push({ analyzed: { seq: hit.seq, event: hit.event, line: JSON.stringify(hit) }, record: hit });
          continue;
        }
      }
      analysed++;
      batch.push({ article: a, key });
      batchChars += a.text.length;
      if (batch.length >= settings.batchSize || batchChars >= 400_000) await submit();
    }
    await submit();
    await drain(true);
    await pool.close();
    if (!accepted) throw nothingToAnalyse(settings.inputs, out, problems); // reliability: keep the previous tables
  } catch (e) {
    await pool.close().catch(() => undefined);
    await report.close().catch(() => undefined);
    reduce.discard();
    closeSync(partial);
    throw e;
  }
  closeSync(partial);
  progress.stop();
  if (!settings.quiet) {
    // The step after the analysis takes minutes on a large corpus: say what it is doing.
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stderr.write(`framelens: ${emitted} articles done in ${secs} s; writing the tables${reduce.grouping ? ' (grouping events first)' : ''}\n`);
  }

  const tTables = performance.now();
  let counts: TableCounts;
  try {
    counts = await reduce.finish(partialPath, problems);
  } finally {
    await report.close();
  }
  renameSync(partialPath, staging.path('articles.jsonl'));
  const tablesMs = performance.now() - tTables;
  const finished = new Date();
  writeManifest(staging, {
    command: commandLine,
    settings: { ...settings, frames: lexicons.frames },
    lexicons: lexicons.lexicons.map((l) => ({ name: l.name, version: l.version, path: l.path, sha256: l.sha256 })),
    inputs: inputHashes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    counts: { ...counts, analysed, reused },
    problems,
    started,
    finished,
    timingsMs: { ...roundTimes(times), tables: Math.round(tablesMs), total: Math.round(performance.now() - t0) },
    settingsKey,
  });
  staging.commit();
  if (existsSync(resumePath)) rmSync(resumePath);
  lock.release();
  const seconds = (performance.now() - t0) / 1000;
  return { counts, analysed, reused, seconds, exitCode: settings.strict && counts.rejected > 0 ? 1 : 0 };
}

function roundTimes(t: StageTimes): Record<string, number> {
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)]));
}
