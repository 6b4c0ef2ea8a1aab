/**
 * The entity word lists (pipeline/entities.yml): loaded once at the edge, validated with file:line, and passed to the
 * pure resolver as plain data (with the cue lexicon's titles).
 */
import { isSeq, isScalar } from 'yaml';
import { UsageError } from '../errors.js';
import { parseMapping, readDataFile } from '../yaml-file.js';
import { packageFile } from '../paths.js';

export interface EntitySettings {
  /** Lowercased words written before a name that are not part of it ("mr.", "president"). */
  titles: string[];
  /** Lowercased generational suffixes without their period ("jr", "iii"). */
  suffixes: string[];
  /** Lowercased first words that make an organisation's name a description ("his campaign", "some Democrats"). */
  descriptionWords: string[];
}

export const DEFAULT_ENTITIES_FILE = 'pipeline/entities.yml';

/** Read pipeline/entities.yml (or `path`); `extraTitles` (the cue lexicon's titles) are added to its titles. */
export function loadEntitySettings(extraTitles: readonly string[] = [], path?: string): EntitySettings {
  const file = path ?? packageFile(DEFAULT_ENTITIES_FILE);
  const { items, at } = parseMapping(readDataFile(file, 'entity word lists'), file, 'entity word lists (titles, suffixes, description_words)');
  const out: EntitySettings = { titles: [...extraTitles], suffixes: [], descriptionWords: [] };
  const keys: Record<string, keyof EntitySettings> = { titles: 'titles', suffixes: 'suffixes', description_words: 'descriptionWords' };
  for (const item of items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const where = at(isScalar(item.key) ? item.key.range?.[0] : undefined);
    const field = keys[key];
    if (!field) throw new UsageError('E_OPTION', `${where}: unknown key "${key}" (expected ${Object.keys(keys).join(', ')})`);
    if (!isSeq(item.value)) throw new UsageError('E_OPTION', `${where}: "${key}" must be a list`);
    for (const v of item.value.items) {
      if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) {
        throw new UsageError('E_OPTION', `${at((v as { range?: number[] }).range?.[0])}: entries of "${key}" must be non-empty words`);
      }
      out[field].push(v.value.trim().toLowerCase().replace(field === 'suffixes' ? /\.$/ : /^$/, ''));
    }
  }
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return Object.freeze({ titles: sorted(out.titles), suffixes: sorted(out.suffixes), descriptionWords: sorted(out.descriptionWords) });
}
