/**
 * `framelens merge`: combine shard runs into the tables one run would have written. Each shard's framelens.duckdb
 * holds its records (schema `records`); they are copied into one database and reduced by the same SQL as `run`
 * (src/engine/reduce.ts): every table is ordered by seq or by its keys, and statistics are computed from summed counts,
 * so the bytes are those of one run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { optionError, UsageError } from '../errors.js';
import { Staging, STAGING } from '../export/atomic.js';
import { acquireOutLock } from '../runtime/lock.js';
import { checkWorkers } from '../runtime/limits.js';
import { writeManifest } from '../export/manifest.js';
import type { EventMode } from '../events/grouping.js';
import { Engine, sqlString } from '../engine/database.js';
import { RECORD_TYPES } from '../engine/parts.js';
import { createRecordTables } from '../engine/part-tables.js';
import { writeTables, type SeqProblem } from '../engine/reduce.js';
import { VERSION } from '../version.js';
import { aliasesSha256, entityOptions, tableCounts, tableSteps, type RunSummary } from './run.js';
import { DATABASE, defaultWorkers, intOption } from './run-options.js';
import { loadQuoteSettings } from '../quotes/settings.js';
import { compareStrings } from '../search.js';

export interface MergeSettings {
  dirs: string[];
  out: string;
  strict: boolean;
  quiet: boolean;
  /** Threads of the reduce (DuckDB's). */
  workers: number;
  /** `--aliases FILE` for the speakers merged across all shards (the shards' own aliases are not reused). */
  aliases: string | null;
}

interface ShardManifest {
  version: string;
  settings_key: string;
  settings: { shard: { k: number; n: number } | null; events: EventMode | null; excel: boolean; frames: string[]; [k: string]: unknown };
  lexicons: { name: string; version: string; path: string; sha256: string }[];
  inputs: { path: string; sha256: string; bytes: number }[];
  problems: SeqProblem[];
}

export function normaliseMergeOptions(raw: Record<string, unknown>): MergeSettings {
  const dirs = (raw.dirs as string[] | undefined) ?? [];
  if (!dirs.length) throw optionError('dir', 'at least one shard output folder', dirs);
  for (const d of dirs) {
    for (const f of ['manifest.json', DATABASE]) {
      if (!existsSync(join(d, f))) throw new UsageError('E_INPUT_MISSING', `${d} is not a finished framelens run: ${f} is missing`);
    }
  }
  if (!raw.out) throw optionError('--out', 'an output folder', raw.out);
  return Object.freeze({ dirs, out: String(raw.out), strict: Boolean(raw.strict), quiet: Boolean(raw.quiet), workers: checkWorkers(intOption('workers', raw.workers, 1, defaultWorkers())), aliases: raw.aliases === undefined ? null : String(raw.aliases) });
}

export async function mergeShards(settings: MergeSettings, commandLine: string[]): Promise<RunSummary> {
  const started = new Date();
  const t0 = performance.now();
  const manifests = settings.dirs.map((d) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')) as ShardManifest);
  const first = manifests[0];
  // Records are read as this version writes them (0.2.7 added quotes' gaps): shards of another version are not merged.
  if (first.version !== VERSION) {
    throw new UsageError('E_OPTION', `${settings.dirs[0]} was written by framelens ${first.version}, this is ${VERSION}: merge shards with the version that wrote them, or run them again`);
  }
  for (const [i, m] of manifests.entries()) {
    if (m.settings_key !== first.settings_key) {
      throw new UsageError('E_OPTION', `${settings.dirs[i]} was run with other settings than ${settings.dirs[0]} (version, lexicons or cues differ): shards must share settings`);
    }
    if ((m.settings.events ?? null) !== (first.settings.events ?? null) || m.settings.excel !== first.settings.excel) {
      throw new UsageError('E_OPTION', `${settings.dirs[i]} used other --events/--excel settings than ${settings.dirs[0]}`);
    }
  }
  const shards = manifests.map((m) => m.settings.shard);
  const n = shards[0]?.n;
  if (n !== undefined) {
    const ks = shards.map((s) => (s && s.n === n ? s.k : -1)).sort((a, b) => a - b);
    const expected = Array.from({ length: n }, (_, k) => k);
    if (ks.join(',') !== expected.join(',')) {
      throw new UsageError('E_OPTION', `expected shards 0..${n - 1} of ${n} exactly once, got ${shards.map((s) => (s ? `${s.k}/${s.n}` : 'unsharded')).join(', ')}`);
    }
  }

  // The entities are recomputed from every shard's quotations (never from the shards' entities.csv), with the cue
  // lexicon's titles the shards used and this merge's --aliases.
  const entities = entityOptions(loadQuoteSettings(typeof first.settings.cues === 'string' ? first.settings.cues : undefined).titles, settings.aliases);
  const lock = acquireOutLock(resolve(settings.out), commandLine, [STAGING]);
  const staging = new Staging(resolve(settings.out));
  const db = await Engine.open({ tempDir: join(staging.dir, 'engine-tmp'), threads: settings.workers });
  let counts;
  let total = 0;
  let saveMs = 0;
  const problems = manifests.flatMap((m) => m.problems).sort((a, b) => a.seq - b.seq);
  const tTables = performance.now();
  try {
    await createRecordTables(db);
    for (const [i, dir] of settings.dirs.entries()) {
      await db.run(`ATTACH ${sqlString(resolve(dir, DATABASE))} AS shard_${i} (READ_ONLY)`);
      for (const t of RECORD_TYPES) await db.run(`INSERT INTO records.${t} SELECT * FROM shard_${i}.records.${t}`);
      await db.run(`DETACH shard_${i}`);
    }
    total = Number(await db.scalar('SELECT count(*)::INTEGER FROM records.articles'));
    db.startSave(staging.path(DATABASE));
    counts = await writeTables(db, problems, { events: first.settings.events ?? null, excel: first.settings.excel, frames: first.settings.frames, version: VERSION, entities, threads: settings.workers }, staging);
    const tSave = performance.now();
    await db.finishSave(staging.path(DATABASE));
    saveMs = performance.now() - tSave;
    db.close();
  } catch (e) {
    db.discard();
    throw e;
  }
  const inputs = new Map<string, ShardManifest['inputs'][number]>();
  for (const m of manifests) for (const f of m.inputs) inputs.set(f.path, f);
  writeManifest(staging, {
    command: commandLine,
    settings: { ...first.settings, shard: null, merged_from: settings.dirs, aliases: settings.aliases, aliases_sha256: aliasesSha256(settings.aliases) },
    lexicons: first.lexicons,
    inputs: [...inputs.values()].sort((a, b) => compareStrings(a.path, b.path)),
    counts: { ...tableCounts(counts), analysed: 0, reused: total },
    problems,
    started,
    finished: new Date(),
    timingsMs: { tables: Math.round(performance.now() - tTables), ...tableSteps(counts, saveMs), total: Math.round(performance.now() - t0) },
    settingsKey: first.settings_key,
    shards: manifests.map((m, i) => ({ dir: settings.dirs[i], shard: m.settings.shard })),
  });
  staging.commit();
  lock.release();
  return { counts, analysed: 0, reused: total, seconds: (performance.now() - t0) / 1000, exitCode: settings.strict && (counts.rejected > 0 || problems.some((p) => p.code === 'W_NO_OUTLET')) ? 1 : 0, notices: counts.warnings };
}
