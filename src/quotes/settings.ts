/**
 * The cue lexicon (pipeline/cues.yml): loaded once at the edge, validated with file:line, frozen, and sent as plain
 * data to the worker threads.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar } from 'yaml';
import { UsageError } from '../errors.js';
import { packageFile } from '../paths.js';

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
}

const KEYS: Record<string, keyof QuoteSettings> = {
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

export function loadQuoteSettings(cuesPath?: string): QuoteSettings {
  const path = cuesPath ?? packageFile(DEFAULT_CUES_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError('E_OPTION', `cue lexicon ${path} cannot be read: ${(e as Error).message}`);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const at = (offset: number | undefined) => `${path}:${offset === undefined ? 1 : lc.linePos(offset).line}`;
  if (doc.errors.length) throw new UsageError('E_OPTION', `${at(doc.errors[0].pos[0])}: cue lexicon is not valid YAML: ${doc.errors[0].message}`);
  if (!isMap(doc.contents)) throw new UsageError('E_OPTION', `${at(0)}: cue lexicon must be a mapping of lists`);
  const out: QuoteSettings = { verbs: [], listenerVerbs: [], indirectVerbs: [], phrases: [], blockWords: [], titles: [], roleNouns: [], orgWords: [], outletWords: [], anonymous: [] };
  for (const item of doc.contents.items) {
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
  for (const k of Object.keys(out) as (keyof QuoteSettings)[]) out[k] = [...new Set(out[k])].sort();
  return Object.freeze(out);
}
