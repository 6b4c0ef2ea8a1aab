/**
 * The cue lexicon (pipeline/cues.yml) and the quote finder's word lists, compiled once per settings object and thread:
 * sets for word lookups, cue phrases indexed by their first word.
 */
import type { QuoteSettings } from './settings.js';
import { compileWords, type Words } from './words.js';

export interface Lexicon {
  verbs: Set<string>;
  listenerVerbs: Set<string>;
  indirectVerbs: Set<string>;
  /** Multi-word cues (split into words) by their first word, in the order of the settings. */
  phrasesByFirst: Map<string, string[][]>;
  /** 1 at the UTF-16 code of each phrase's first letter: a quick test before `phrasesByFirst`. */
  phraseFirstCodes: Uint8Array;
  blockWords: Set<string>;
  titles: Set<string>;
  roleNouns: Set<string>;
  orgWords: Set<string>;
  outletWords: Set<string>;
  anonymous: Set<string>;
  /** The word lists of the passes. */
  w: Words;
}

const compiled = new WeakMap<QuoteSettings, Lexicon>();

export function compileSettings(s: QuoteSettings): Lexicon {
  let lex = compiled.get(s);
  if (!lex) {
    const phrasesByFirst = new Map<string, string[][]>();
    const phraseFirstCodes = new Uint8Array(0x10000);
    for (const ph of s.phrases.map((p) => p.split(/\s+/))) {
      phraseFirstCodes[ph[0].charCodeAt(0)] = 1;
      if (!phrasesByFirst.has(ph[0])) phrasesByFirst.set(ph[0], []);
      phrasesByFirst.get(ph[0])!.push(ph);
    }
    lex = {
      verbs: new Set(s.verbs),
      listenerVerbs: new Set(s.listenerVerbs),
      indirectVerbs: new Set(s.indirectVerbs),
      phrasesByFirst,
      phraseFirstCodes,
      blockWords: new Set(s.blockWords),
      titles: new Set(s.titles),
      roleNouns: new Set(s.roleNouns),
      orgWords: new Set(s.orgWords),
      outletWords: new Set(s.outletWords),
      anonymous: new Set(s.anonymous),
      w: compileWords(s.words),
    };
    compiled.set(s, lex);
  }
  return lex;
}
