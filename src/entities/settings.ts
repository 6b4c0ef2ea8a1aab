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
  /** Forms of one given name, lowercased, the form compared first ("joseph", "joe"): pipeline/entities.yml given_names. */
  givenNames: string[][];
}

export const DEFAULT_ENTITIES_FILE = 'pipeline/entities.yml';

/** Read pipeline/entities.yml (or `path`); `extraTitles` (the cue lexicon's titles) are added to its titles. */
export function loadEntitySettings(extraTitles: readonly string[] = [], path?: string): EntitySettings {
  const file = path ?? packageFile(DEFAULT_ENTITIES_FILE);
  const { items, at } = parseMapping(readDataFile(file, 'entity word lists'), file, 'entity word lists (titles, suffixes, description_words, given_names)');
  const out: Omit<EntitySettings, 'givenNames'> = { titles: [...extraTitles], suffixes: [], descriptionWords: [] };
  const givenNames: string[][] = [];
  const keys: Record<string, keyof typeof out> = { titles: 'titles', suffixes: 'suffixes', description_words: 'descriptionWords' };
  for (const item of items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const where = at(isScalar(item.key) ? item.key.range?.[0] : undefined);
    if (key === 'given_names') {
      givenNames.push(...readGivenNames(item.value, where, at));
      continue;
    }
    const field = keys[key];
    if (!field) throw new UsageError('E_OPTION', `${where}: unknown key "${key}" (expected ${[...Object.keys(keys), 'given_names'].join(', ')})`);
    if (!isSeq(item.value)) throw new UsageError('E_OPTION', `${where}: "${key}" must be a list`);
    for (const v of item.value.items) {
      if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) {
        throw new UsageError('E_OPTION', `${at((v as { range?: number[] }).range?.[0])}: entries of "${key}" must be non-empty words`);
      }
      out[field].push(v.value.trim().toLowerCase().replace(field === 'suffixes' ? /\.$/ : /^$/, ''));
    }
  }
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  return Object.freeze({ titles: sorted(out.titles), suffixes: sorted(out.suffixes), descriptionWords: sorted(out.descriptionWords), givenNames });
}

/**
 * given_names: a list of lists, each the forms of one given name ("[joseph, joe]"), lowercased. A form may stand in
 * one list only: a form of two names ("pat": Patrick, Patricia) would merge their people.
 */
function readGivenNames(value: unknown, where: string, at: (offset: number | undefined) => string): string[][] {
  if (!isSeq(value)) throw new UsageError('E_OPTION', `${where}: "given_names" must be a list of lists`);
  const seen = new Map<string, string>();
  const groups: string[][] = [];
  for (const group of value.items) {
    const line = at((group as { range?: number[] }).range?.[0]);
    if (!isSeq(group) || group.items.length < 2) throw new UsageError('E_OPTION', `${line}: each entry of "given_names" must be a list of two or more forms of one name`);
    const forms: string[] = [];
    for (const v of group.items) {
      if (!isScalar(v) || typeof v.value !== 'string' || !/^\p{L}[\p{L}'’-]*$/u.test(v.value.trim())) {
        throw new UsageError('E_OPTION', `${line}: the forms in "given_names" must be single words`);
      }
      const form = v.value.trim().toLowerCase();
      const other = seen.get(form);
      if (other !== undefined) throw new UsageError('E_OPTION', `${line}: "${form}" is already a form of "${other}"`);
      seen.set(form, forms[0] ?? form);
      forms.push(form);
    }
    groups.push(forms);
  }
  return groups;
}
