/**
 * The cue lexicon (pipeline/cues.yml) and the quote finder's word lists (pipeline/quote-words.yml): loaded once at the
 * edge, validated with file:line, frozen, and sent as plain data to the worker threads. Both are part of the settings
 * that `--resume` compares.
 */
import { isMap, isSeq, isScalar } from 'yaml';
import { parseMapping, readDataFile } from '../yaml-file.js';
import { UsageError } from '../errors.js';
import { packageFile } from '../paths.js';
import { WORD_LISTS, type WordLists } from './words.js';

export interface QuoteSettings {
  verbs: string[];
  listenerVerbs: string[];
  /** Verbs that introduce indirect speech (no quotation marks); empty in the file = all of `verbs`. */
  indirectVerbs: string[];
  phrases: string[];
  blockWords: string[];
  titles: string[];
  roleNouns: string[];
  orgWords: string[];
  outletWords: string[];
  anonymous: string[];
  /** The passes' word lists, as written in pipeline/quote-words.yml (see words.ts). */
  words: WordLists;
}

/** The cue lexicon's lists (everything but the word lists, which have a file of their own). */
type CueList = Exclude<keyof QuoteSettings, 'words'>;

const KEYS: Record<string, CueList> = {
  verbs: 'verbs',
  listener_verbs: 'listenerVerbs',
  indirect_verbs: 'indirectVerbs',
  phrases: 'phrases',
  block_words: 'blockWords',
  titles: 'titles',
  role_nouns: 'roleNouns',
  org_words: 'orgWords',
  outlet_words: 'outletWords',
  anonymous: 'anonymous',
};

export const DEFAULT_CUES_FILE = 'pipeline/cues.yml';
export const DEFAULT_WORDS_FILE = 'pipeline/quote-words.yml';

export function loadQuoteSettings(cuesPath?: string, wordsPath?: string): QuoteSettings {
  const path = cuesPath ?? packageFile(DEFAULT_CUES_FILE);
  const { items, at } = parseMapping(readDataFile(path, 'cue lexicon'), path, 'cue lexicon');
  const out: QuoteSettings = { verbs: [], listenerVerbs: [], indirectVerbs: [], phrases: [], blockWords: [], titles: [], roleNouns: [], orgWords: [], outletWords: [], anonymous: [], words: {} };
  for (const item of items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const field = KEYS[key];
    if (!field) throw new UsageError('E_OPTION', `${at(isScalar(item.key) ? item.key.range?.[0] : undefined)}: unknown key "${key}" in cue lexicon (expected ${Object.keys(KEYS).join(', ')})`);
    if (!isSeq(item.value)) throw new UsageError('E_OPTION', `${at(isScalar(item.key) ? item.key.range?.[0] : undefined)}: "${key}" must be a list`);
    for (const v of item.value.items) {
      if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) {
        throw new UsageError('E_OPTION', `${at((v as { range?: number[] }).range?.[0])}: entries of "${key}" must be non-empty words`);
      }
      out[field].push(v.value.trim().toLowerCase());
    }
  }
  if (!out.verbs.length) throw new UsageError('E_OPTION', `${at(0)}: cue lexicon has no verbs`);
  if (!out.indirectVerbs.length) out.indirectVerbs = [...out.verbs];
  for (const k of Object.values(KEYS)) out[k] = [...new Set(out[k])].sort();
  out.words = loadQuoteWords(wordsPath ?? packageFile(DEFAULT_WORDS_FILE));
  return Object.freeze(out);
}

/**
 * pipeline/quote-words.yml: a mapping of every list of WORD_LISTS to a list of words (title_spellings: to a mapping of
 * lists), entries kept as written and in order.
 */
export function loadQuoteWords(path: string): WordLists {
  const { items, at } = parseMapping(readDataFile(path, 'quote word lists'), path, 'quote word lists');
  const words = (key: string, node: unknown): string[] => {
    if (!isSeq(node)) throw new UsageError('E_OPTION', `${at((node as { range?: number[] } | null)?.range?.[0])}: "${key}" must be a list of words`);
    return node.items.map((v) => {
      if (!isScalar(v) || typeof v.value !== 'string' || !v.value.trim()) {
        throw new UsageError('E_OPTION', `${at((v as { range?: number[] }).range?.[0])}: entries of "${key}" must be non-empty words (quote numbers and signs: "%")`);
      }
      return v.value.trim();
    });
  };
  const out: WordLists = {};
  for (const item of items) {
    const key = isScalar(item.key) ? String(item.key.value) : '';
    const keyAt = at(isScalar(item.key) ? item.key.range?.[0] : undefined);
    const kind = WORD_LISTS[key];
    if (!kind) throw new UsageError('E_OPTION', `${keyAt}: unknown list "${key}" in quote word lists (expected ${Object.keys(WORD_LISTS).join(', ')})`);
    if (key in out) throw new UsageError('E_OPTION', `${keyAt}: list "${key}" is given twice`);
    if (kind !== 'map') {
      out[key] = words(key, item.value);
      continue;
    }
    if (!isMap(item.value)) throw new UsageError('E_OPTION', `${keyAt}: "${key}" must be a mapping of lists`);
    const byTitle: Record<string, string[]> = {};
    for (const sub of item.value.items) byTitle[isScalar(sub.key) ? String(sub.key.value) : ''] = words(`${key}: ${isScalar(sub.key) ? String(sub.key.value) : ''}`, sub.value);
    out[key] = byTitle;
  }
  const missing = Object.keys(WORD_LISTS).filter((k) => !(k in out));
  if (missing.length) throw new UsageError('E_OPTION', `${at(0)}: quote word lists lack ${missing.map((k) => `"${k}"`).join(', ')}`);
  return Object.freeze(out);
}
