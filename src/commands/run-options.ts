/**
 * `framelens run`'s options: the settings a run is made with, their defaults, and the one normaliser from the raw CLI
 * values. Kept apart from the run itself (run.ts) so that the command line reads its options, and starts an analysis
 * worker, before the rest of the program is loaded.
 */
import { availableParallelism } from 'node:os';
import { optionError } from '../errors.js';
import { checkWorkers } from '../runtime/limits.js';
import type { EventMode } from '../events/grouping.js';
import { packageFile } from '../paths.js';
import { parseColumnsOption, type ColumnOverrides } from '../corpus/columns.js';
import { isDateOrder, type DateOrder } from '../corpus/dates.js';

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
  columns: ColumnOverrides;
  dateOrder: DateOrder | null;
  /** `--aliases FILE`: CSV alias,speaker applied before speakers are merged across the corpus; null when not given. */
  aliases: string | null;
}

export const DEFAULT_LEXICON = 'pipeline/lexicons/immigration.yml';
export const DEFAULT_CUES = 'pipeline/cues.yml';
export const DEFAULT_MAX_CHARS = 1_000_000;
/** The database every run leaves in `--out`: the records (schema `records`) and every table. */
export const DATABASE = 'framelens.duckdb';
/** Under `--out`: the part-file folders of runs not yet committed (one numbered folder per run). */
export const PARTS = '.framelens-parts';

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
    columns: parseColumnsOption(raw.columns),
    dateOrder: dateOrderOption(raw.dateOrder),
    aliases: raw.aliases === undefined ? null : String(raw.aliases),
  });
}

function dateOrderOption(v: unknown): DateOrder | null {
  if (v === undefined) return null;
  if (!isDateOrder(v)) throw optionError('--date-order', 'dmy or mdy', v);
  return v;
}
