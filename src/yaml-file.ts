/**
 * The word-list files under pipeline/ (cues.yml, quote-words.yml, entities.yml, stoplist.yml) are YAML mappings of
 * lists. Reading one: the text, parsed, checked to be a mapping, and `at(offset)` for the `file:line` of each problem;
 * every problem is a UsageError (E_OPTION, exit 2) naming the file, raised before a run writes anything.
 */
import { readFileSync } from 'node:fs';
import { isMap, type Pair } from 'yaml';
import { UsageError } from './errors.js';
import { parseYaml } from './yaml-cache.js';

export interface YamlMapping {
  items: Pair[];
  /** `file:line` of a position in the text (line 1 when unknown). */
  at(offset: number | undefined): string;
}

/** The text of a data file; `what` names it in the message ("cue lexicon"). */
export function readDataFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError('E_OPTION', `${what} ${path} cannot be read: ${(e as Error).message}`);
  }
}

/** `text` (of the file `path`) parsed as a YAML mapping of lists; `what` names the file in messages. */
export function parseMapping(text: string, path: string, what: string): YamlMapping {
  const doc = parseYaml(text);
  const at = (offset: number | undefined) => `${path}:${offset === undefined ? 1 : doc.lineCounter.linePos(offset).line}`;
  if (doc.errors.length) throw new UsageError('E_OPTION', `${at(doc.errors[0].pos[0])}: ${what}: not valid YAML: ${doc.errors[0].message}`);
  if (!isMap(doc.contents)) throw new UsageError('E_OPTION', `${at(0)}: ${what} must be a mapping of lists`);
  return { items: doc.contents.items as Pair[], at };
}
