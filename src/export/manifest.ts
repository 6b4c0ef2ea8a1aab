/**
 * manifest.json: what was run, on what, with what, and how long it took. The only output that carries times, so
 * every other file is byte-identical across runs, worker counts and shard merges.
 */
import type { Staging } from './atomic.js';
import { VERSION } from '../version.js';

export interface ManifestData {
  command: string[];
  settings: object;
  lexicons: { name: string; version: string; path: string; sha256: string }[];
  inputs: { path: string; sha256: string; bytes: number }[];
  counts: Record<string, unknown>;
  problems: object[];
  started: Date;
  finished: Date;
  timingsMs: Record<string, number>;
  settingsKey: string;
  shards?: object[];
  /** What reading found about the input's layout (columns per field, files with no outlet column). */
  intake?: object;
}

export function writeManifest(staging: Staging, m: ManifestData): void {
  const manifest = {
    tool: 'framelens',
    version: VERSION,
    node: process.version,
    command: m.command,
    settings: m.settings,
    settings_key: m.settingsKey,
    lexicons: m.lexicons,
    inputs: m.inputs,
    counts: m.counts,
    errors: m.problems.length,
    problems: m.problems,
    started: m.started.toISOString(),
    finished: m.finished.toISOString(),
    seconds: (m.finished.getTime() - m.started.getTime()) / 1000,
    timings_ms: m.timingsMs,
    ...(m.intake ? { intake: m.intake } : {}),
    ...(m.shards ? { shards: m.shards } : {}),
  };
  staging.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
}
