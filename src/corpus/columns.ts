/**
 * Which column (CSV header cell or .jsonl key) feeds each article field. The names researchers' exports use (Media
 * Cloud, Nexis Uni, common scraped-corpus names) are data in pipeline/columns.yml, matched case-insensitively; the
 * first listed name present in a file wins, and `--columns field=name,…` overrides.
 */
import { readFileSync } from 'node:fs';
import { parseYamlValue } from '../yaml-cache.js';
import { packageFile } from '../paths.js';
import { UsageError } from '../errors.js';

export const FIELDS = ['text', 'id', 'outlet', 'date', 'title', 'url', 'event'] as const;
export type Field = (typeof FIELDS)[number];
/** field → the column name as written in the file. */
export type ColumnMap = Partial<Record<Field, string>>;
/** field → the column name the user gave with --columns. */
export type ColumnOverrides = Partial<Record<Field, string>>;

export const COLUMNS_FILE = 'pipeline/columns.yml';

let accepted: Record<Field, string[]> | null = null;

/** The recognised names per field, from pipeline/columns.yml (read once). */
export function acceptedNames(): Record<Field, string[]> {
  if (accepted) return accepted;
  const data = parseYamlValue(readFileSync(packageFile(COLUMNS_FILE), 'utf8')) as Record<string, unknown>;
  const out = {} as Record<Field, string[]>;
  for (const f of FIELDS) {
    const names = data[f];
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error(`${COLUMNS_FILE}: "${f}" must be a list of names`);
    out[f] = names.map(normaliseName);
  }
  accepted = out;
  return out;
}

/** Case, surrounding spaces, and spaces or dashes inside ("Publish Date", "publish-date") do not matter. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Parse `--columns text=body,outlet=source`; a UsageError names what is wrong. */
export function parseColumnsOption(raw: unknown): ColumnOverrides {
  if (raw === undefined) return {};
  const out: ColumnOverrides = {};
  for (const part of String(raw).split(',')) {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(part);
    const field = m?.[1].toLowerCase() as Field | undefined;
    if (!m || !field || !(FIELDS as readonly string[]).includes(field)) {
      throw new UsageError('E_OPTION', `Expected \`--columns\` to be field=column pairs separated by commas, fields among ${FIELDS.join(', ')}; got ${JSON.stringify(raw)}`);
    }
    out[field] = m[2];
  }
  return out;
}

/** The column feeding each field, among the `names` a file has. */
export function resolveColumns(names: string[], overrides: ColumnOverrides = {}): ColumnMap {
  const byNorm = new Map<string, string>();
  for (const n of names) if (!byNorm.has(normaliseName(n))) byNorm.set(normaliseName(n), n);
  const lists = acceptedNames();
  const map: ColumnMap = {};
  for (const f of FIELDS) {
    const wanted = overrides[f];
    if (wanted !== undefined) {
      const hit = names.includes(wanted) ? wanted : byNorm.get(normaliseName(wanted));
      if (hit !== undefined) map[f] = hit;
      continue;
    }
    for (const n of lists[f]) {
      const hit = byNorm.get(n);
      if (hit !== undefined) {
        map[f] = hit;
        break;
      }
    }
  }
  return map;
}

/** "text=Body, outlet=Source, date=Date": which column fed each field, for the summary and manifest.json. */
export function describeColumns(map: ColumnMap): string {
  const used = FIELDS.filter((f) => map[f] !== undefined);
  return used.length ? used.map((f) => `${f}=${map[f]}`).join(', ') : 'none recognised';
}

/** The message for a file with no column for `field`: the columns it has and the names accepted. */
export function missingColumnMessage(field: Field, names: string[], overrides: ColumnOverrides, what: string): string {
  const seen = names.length ? names.map((n) => JSON.stringify(n)).join(', ') : 'none';
  const wanted = overrides[field] !== undefined ? `--columns asked for ${JSON.stringify(overrides[field])}` : `names accepted: ${acceptedNames()[field].join(', ')}`;
  return `no ${field} column (${what}): columns seen: ${seen}; ${wanted} (case-insensitive); name yours with --columns ${field}=COLUMN`;
}

/**
 * What reading found out about the input's layout, filled in by the reader: the columns that fed each field (per
 * file), the files with no outlet column and the number of dates that could not be read. The run prints it and
 * writes it to manifest.json.
 */
export class IntakeReport {
  private readonly maps = new Map<string, Set<string>>();
  readonly noOutlet: string[] = [];
  datesNotRead = 0;

  noteColumns(input: string, map: ColumnMap): void {
    const d = describeColumns(map);
    let set = this.maps.get(d);
    if (!set) this.maps.set(d, (set = new Set()));
    set.add(input);
  }

  /** One entry per distinct mapping, with the files that used it, in a stable order. */
  columns(): { fields: string; files: string[] }[] {
    return [...this.maps.entries()]
      .map(([fields, files]) => ({ fields, files: [...files].sort() }))
      .sort((a, b) => (a.files[0] < b.files[0] ? -1 : a.files[0] > b.files[0] ? 1 : 0));
  }
}
