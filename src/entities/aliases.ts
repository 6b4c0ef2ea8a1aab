/**
 * `--aliases FILE`: a CSV with the header `alias,speaker`, one name variant per line and the speaker it stands for
 * ("Trump,Donald Trump"; "The Donald,Donald Trump"). Applied before automatic merging (src/entities/resolve.ts), so a
 * researcher can force a merge the rules do not make, or rename a speaker, and re-run. Aliases are matched folded
 * (case, accents, apostrophe forms, whitespace). Any problem is a usage error (exit 2, nothing written) naming
 * file:line.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../errors.js';
import { cleanWritten, foldName } from './names.js';

/** Parse alias CSV text; `file` names it in errors. Returns folded alias → speaker (whitespace collapsed). */
export function parseAliases(text: string, file: string): Map<string, string> {
  let records: { record: string[]; line: number }[];
  try {
    records = (parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[]).map(
      (r) => ({ record: r.record, line: r.info.lines }),
    );
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    throw new UsageError('E_OPTION', `${file}:${line}: alias file is not valid CSV: ${(e as Error).message}`);
  }
  if (!records.length) throw new UsageError('E_OPTION', `${file}:1: alias file is empty (expected the header alias,speaker)`);
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  if (header.length !== 2 || header[0] !== 'alias' || header[1] !== 'speaker') {
    throw new UsageError('E_OPTION', `${file}:${records[0].line}: expected the header alias,speaker, got ${JSON.stringify(records[0].record.join(','))}`);
  }
  const out = new Map<string, string>();
  const lineOf = new Map<string, number>();
  for (const { record, line } of records.slice(1)) {
    if (record.length !== 2) throw new UsageError('E_OPTION', `${file}:${line}: expected 2 fields (alias,speaker), got ${record.length}`);
    const alias = cleanWritten(record[0]);
    const speaker = cleanWritten(record[1]);
    if (!alias || !speaker) throw new UsageError('E_OPTION', `${file}:${line}: alias and speaker must both be non-empty`);
    // entities.csv lists variants separated by "; ": a name containing ";" could not be read back.
    if (alias.includes(';') || speaker.includes(';')) throw new UsageError('E_OPTION', `${file}:${line}: names may not contain ";"`);
    const key = foldName(alias);
    const before = out.get(key);
    if (before !== undefined && before !== speaker) {
      throw new UsageError('E_OPTION', `${file}:${line}: alias "${alias}" already maps to "${before}" (line ${lineOf.get(key)})`);
    }
    out.set(key, speaker);
    lineOf.set(key, line);
  }
  // A chain (A → B, B → C) is ambiguous about which name is meant: the file must name the final speaker directly.
  for (const [key, speaker] of out) {
    const next = out.get(foldName(speaker));
    if (next !== undefined && foldName(speaker) !== key && foldName(next) !== foldName(speaker)) {
      throw new UsageError('E_OPTION', `${file}:${lineOf.get(key)}: speaker "${speaker}" is itself an alias (of "${next}", line ${lineOf.get(foldName(speaker))}); name the final speaker`);
    }
  }
  return out;
}

/** Read and validate an alias file (the only file the entity stage reads). */
export function loadAliases(file: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError('E_OPTION', `${file}:1: alias file cannot be read: ${(e as Error).message}`);
  }
  if (text.includes('\uFFFD') || text.includes('\u0000')) throw new UsageError('E_OPTION', `${file}:1: alias file is not UTF-8 text`);
  return parseAliases(text, file);
}
