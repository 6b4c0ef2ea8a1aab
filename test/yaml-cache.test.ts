/**
 * The bundled YAML files' parsed trees, written by `npm run build` (src/yaml-cache.ts): a run that takes them from the
 * cache gets the nodes, the line numbers and the settings a parse gives; any other text is parsed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parse, parseDocument } from 'yaml';
import { packageFile } from '../src/paths.js';
import { buildYamlCache, bundledYamlFiles, parseYaml, parseYamlValue, toTree, YAML_CACHE_FILE } from '../src/yaml-cache.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import { loadEntitySettings } from '../src/entities/settings.js';
import { loadStoplist } from '../src/engine/statistics/distinctive.js';
import { loadLexicons, defaultLexiconPath } from '../src/framing/lexicon.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-yamlcache-'));

test('the build cached every bundled YAML file, and the cache is current', () => {
  const files = bundledYamlFiles();
  expect(files).toEqual(expect.arrayContaining(['pipeline/cues.yml', 'pipeline/quote-words.yml', 'pipeline/entities.yml', 'pipeline/stoplist.yml', 'pipeline/columns.yml', 'pipeline/lexicons/immigration.yml']));
  const built = JSON.parse(readFileSync(packageFile(YAML_CACHE_FILE), 'utf8'));
  expect(built).toEqual(buildYamlCache()); // `npm run build` wrote it from the files as they are now
  expect(Object.keys(built)).toHaveLength(files.length);
});

test.each(bundledYamlFiles())('%s: the cached nodes and line numbers are the parser\'s', (file) => {
  const text = readFileSync(packageFile(file), 'utf8');
  const lc = new LineCounter();
  const parsed = parseDocument(text, { lineCounter: lc });
  const fromCache = parseYaml(text);
  expect(fromCache.cached).toBe(true);
  expect(fromCache.errors).toEqual([]);
  expect(toTree(fromCache.contents)).toEqual(toTree(parsed.contents));
  expect(fromCache.lineCounter.lineStarts).toEqual(lc.lineStarts);
});

test('a text not in the cache is parsed, with its errors and their lines', () => {
  const edited = parseYaml('verbs: [say, tell]\nbad: [unclosed\n');
  expect(edited.cached).toBe(false);
  expect(edited.errors.length).toBeGreaterThan(0);
  expect(edited.lineCounter.linePos(edited.errors[0].pos[0]).line).toBeGreaterThanOrEqual(2);
});

test('plain values from the cache are those yaml\'s parse gives; a broken text throws the parser\'s first error', () => {
  const text = readFileSync(packageFile('pipeline/columns.yml'), 'utf8');
  expect(parseYaml(text).cached).toBe(true);
  expect(parseYamlValue(text)).toEqual(parse(text));
  expect(() => parseYamlValue('a: [unclosed\n')).toThrow(/flow sequence/i);
});

test('settings loaded from the cache equal those parsed from the same lists in an edited file', () => {
  // A comment added: the same lists, another text, so parsed rather than taken from the cache.
  const copy = (file: string) => {
    const path = join(dir, file.replace(/\//g, '_'));
    writeFileSync(path, readFileSync(packageFile(file), 'utf8') + '\n# edited\n');
    expect(parseYaml(readFileSync(path, 'utf8')).cached).toBe(false);
    return path;
  };
  const cues = copy('pipeline/cues.yml');
  const words = copy('pipeline/quote-words.yml');
  expect(loadQuoteSettings(cues, words)).toEqual(loadQuoteSettings());
  expect(loadEntitySettings(['mr.'], copy('pipeline/entities.yml'))).toEqual(loadEntitySettings(['mr.']));
  expect(loadStoplist(copy('pipeline/stoplist.yml'))).toEqual(loadStoplist());
  const lexicon = copy('pipeline/lexicons/immigration.yml');
  const strip = (set: ReturnType<typeof loadLexicons>) => set.lexicons.map(({ sha256: _s, path: _p, ...rest }) => rest);
  expect(strip(loadLexicons([lexicon]))).toEqual(strip(loadLexicons([defaultLexiconPath()])));
});
