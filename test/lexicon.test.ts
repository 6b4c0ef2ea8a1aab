import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../src/errors.js';
import { checkLexicon, convertLexicon, defaultLexiconPath, loadLexicons, parseLexicon } from '../src/framing/lexicon.js';
import { compileMatcher, findFrameHits } from '../src/framing/match.js';
import { readText } from '../src/nlp/index.js';

const FIX = 'test/fixtures/lexicons';
const fx = (name: string) => join(FIX, name);
const tmp = mkdtempSync(join(tmpdir(), 'framelens-lex-'));

/** [line, code] of every problem, in order. */
const codes = (file: string) => checkLexicon(file).map((p) => [p.line, p.code]);
const terms = (file: string) => parseLexicon(file).lexicon!.frames.map((f) => [f.name, f.terms.map((t) => (t.lemma ? `${t.pattern}~` : t.pattern))]);

describe('formats', () => {
  test('native YAML: metadata, frames in file order, plain and lemma terms with their lines', () => {
    const lex = parseLexicon(fx('native_good.yml')).lexicon!;
    expect(lex).toMatchObject({ name: 'test_native', version: '0.1', format: 'native', sources: ['Hand-written for tests.'] });
    expect(lex.frames.map((f) => [f.name, f.description])).toEqual([
      ['chaos', 'Disorder.'],
      ['cruelty', 'Cruel treatment.'],
      ['label_undocumented', 'The label "undocumented".'],
    ]);
    expect(lex.frames[1].terms).toEqual([
      { pattern: 'cruel*', lemma: false, line: 17 },
      { pattern: 'round up', lemma: true, line: 18 },
    ]);
    expect(checkLexicon(fx('native_good.yml'))).toEqual([]);
  });

  test('native JSON: same structure; a numeric-looking frame name keeps its place in the file order', () => {
    expect(terms(fx('native_good.json'))).toEqual([
      ['humane', ['humane', 'well-planned']],
      ['2016', ['election']],
      ['legality', ['illegal*', 'break the law~']],
    ]);
    expect(parseLexicon(fx('native_good.json')).lexicon!.format).toBe('native');
  });

  test('quanteda YAML: nested keys become parent.child frames; a scalar is a one-term frame', () => {
    const lex = parseLexicon(fx('quanteda_good.yml')).lexicon!;
    expect(lex.format).toBe('quanteda');
    expect(lex.name).toBe('quanteda_good');
    expect(terms(fx('quanteda_good.yml'))).toEqual([
      ['economy', ['deficit', 'austerity', 'unemploy*']],
      ['politics.domestic', ['election*', 'vote']],
      ['politics.foreign', ['nato', 'united nations']],
      ['threat', ['invasion']],
    ]);
    expect(checkLexicon(fx('quanteda_good.yml'))).toEqual([]);
  });

  test('quanteda YAML: a list may mix terms and nested categories; a pure grouping key is not a frame', () => {
    const f = join(tmp, 'mixed.yml');
    writeFileSync(f, 'politics:\n  - politic*\n  - domestic:\n      - election*\ngroup:\n  - inner:\n      - vote\n');
    expect(terms(f)).toEqual([
      ['politics', ['politic*']],
      ['politics.domestic', ['election*']],
      ['group.inner', ['vote']],
    ]);
    expect(checkLexicon(f)).toEqual([]);
  });

  test('LIWC .dic: header categories become frames; a term may belong to several; phrases are kept', () => {
    expect(terms(fx('liwc_good.dic'))).toEqual([
      ['posemo', ['happy', 'love']],
      ['negemo', ['cruel*', 'illegal alien*']],
      ['label', ['illegal alien*']],
    ]);
    expect(parseLexicon(fx('liwc_good.dic')).lexicon!.frames[2].terms[0].line).toBe(8);
    expect(checkLexicon(fx('liwc_good.dic'))).toEqual([]);
  });

  test('a lexicon named after its file keeps only name-safe characters', () => {
    const f = join(tmp, 'my dict: v2.dic');
    writeFileSync(f, readFileSync(fx('liwc_good.dic')));
    expect(parseLexicon(f).lexicon!.name).toBe('my_dict_v2');
  });

  test('format is detected by content when the extension says nothing', () => {
    const lex = parseLexicon(fx('liwc_by_content.txt')).lexicon!;
    expect(lex.format).toBe('liwc');
    expect(lex.frames.map((f) => f.name)).toEqual(['posemo', 'negemo']);
  });

  test('sha256 is of the file bytes', () => {
    const want = createHash('sha256').update(readFileSync(fx('liwc_good.dic'))).digest('hex');
    expect(parseLexicon(fx('liwc_good.dic')).lexicon!.sha256).toBe(want);
  });
});

describe('lexicon check: codes and file:line', () => {
  test('native: unknown keys, duplicate and broad terms, uncompilable patterns, empty frame, bad frame name', () => {
    expect(codes(fx('native_bad.yml'))).toEqual([
      [5, 'E_LEX_UNKNOWN_KEY'],
      [11, 'W_LEX_DUPLICATE_TERM'],
      [12, 'E_LEX_BROAD_GLOB'],
      [13, 'E_LEX_PATTERN'],
      [14, 'E_LEX_PATTERN'],
      [15, 'E_LEX_EMPTY_FRAME'],
      [18, 'E_LEX_FRAME_NAME'],
      [24, 'E_LEX_BROAD_GLOB'],
      [25, 'W_LEX_BROAD_GLOB'],
      [26, 'E_LEX_BAD_VALUE'],
      [27, 'E_LEX_UNKNOWN_KEY'],
      [27, 'W_LEX_DUPLICATE_TERM'],
      [28, 'E_LEX_UNKNOWN_KEY'],
    ]);
    const problems = checkLexicon(fx('native_bad.yml'));
    expect(problems[0]).toEqual({
      file: fx('native_bad.yml'),
      line: 5,
      code: 'E_LEX_UNKNOWN_KEY',
      severity: 'error',
      message: 'unknown key "author" (expected one of: name, version, description, sources, frames)',
    });
    expect(problems[1].message).toBe('frame "chaos": "Chaos" repeats "chaos" (line 10); a match is counted once');
    expect(problems[3].message).toContain('"(" is regular-expression syntax');
    expect(problems.filter((p) => p.code.startsWith('W_')).every((p) => p.severity === 'warning')).toBe(true);
  });

  test('LIWC: undeclared category, conditional entry, empty term, term without category, empty categories', () => {
    expect(codes(fx('liwc_bad.dic'))).toEqual([
      [3, 'E_LEX_EMPTY_FRAME'],
      [4, 'E_LEX_EMPTY_FRAME'],
      [7, 'E_LEX_DIC_CATEGORY'],
      [8, 'E_LEX_PATTERN'],
      [9, 'E_LEX_EMPTY_TERM'],
      [10, 'E_LEX_BAD_VALUE'],
    ]);
  });

  test('quanteda: broad glob, empty nested category, category defined twice', () => {
    expect(codes(fx('quanteda_bad.yml'))).toEqual([
      [3, 'E_LEX_BROAD_GLOB'],
      [5, 'E_LEX_EMPTY_FRAME'],
      [6, 'E_LEX_DUPLICATE_FRAME'],
    ]);
  });

  test('YAML syntax errors carry the line of the error', () => {
    expect(codes(fx('syntax_bad.yml'))).toEqual([[5, 'E_LEX_SYNTAX']]);
  });

  test('an unreadable file and a LIWC file without a closed header', () => {
    expect(codes(join(tmp, 'missing.yml'))).toEqual([[1, 'E_LEX_READ']]);
    const open = join(tmp, 'open.dic');
    writeFileSync(open, '%\n1\tposemo\nhappy\n');
    expect(codes(open)).toEqual([
      [1, 'E_LEX_DIC_HEADER'],
      [3, 'E_LEX_DIC_HEADER'],
    ]);
  });

  test('not a mapping, no frames at all, an empty file', () => {
    const write = (name: string, body: string) => {
      const f = join(tmp, name);
      writeFileSync(f, body);
      return f;
    };
    expect(codes(write('list.yml', '# a comment\n- chaos\n- anarchy\n'))).toEqual([[2, 'E_LEX_FORMAT']]);
    expect(codes(write('noframes.yml', 'name: n\nversion: "1"\ndescription: d\nsources: [s]\nframes: {}\n'))).toEqual([[1, 'E_LEX_NO_FRAMES']]);
    expect(codes(write('empty.yml', ''))).toEqual([[1, 'E_LEX_FORMAT']]);
    expect(codes(write('empty.dic', ''))).toEqual([[1, 'E_LEX_DIC_HEADER']]);
    const meta = 'name: n\nversion: "1"\ndescription: d\nsources: [s]\n';
    expect(codes(write('listframes.yml', meta + 'frames:\n  - chaos\n'))).toEqual([
      [1, 'E_LEX_NO_FRAMES'],
      [5, 'E_LEX_BAD_VALUE'],
    ]);
    expect(codes(write('noterm.yml', meta + 'frames:\n  f:\n    description: d\n    terms:\n      - { lemma: true }\n      - chaos\n'))).toEqual([
      [9, 'E_LEX_MISSING_KEY'],
    ]);
  });

  test('missing metadata and descriptions are warnings, not errors', () => {
    const f = join(tmp, 'bare.yml');
    writeFileSync(f, 'frames:\n  chaos: [chaos]\n');
    expect(codes(f)).toEqual([
      [1, 'W_LEX_METADATA'],
      [2, 'W_LEX_NO_DESCRIPTION'],
    ]);
    expect(loadLexicons([f]).frames).toEqual(['chaos']);
  });

  test('the default lexicon is clean: no errors, no warnings', () => {
    expect(checkLexicon(defaultLexiconPath())).toEqual([]);
  });
});

describe('loadLexicons', () => {
  test('with no paths it loads the default immigration lexicon', () => {
    const set = loadLexicons([]);
    expect(set.lexicons.map((l) => l.name)).toEqual(['immigration']);
    expect(set.frames.slice(0, 3)).toEqual(['chaos', 'humane', 'cruelty']);
    expect(set.frameInfo[0]).toMatchObject({ name: 'chaos', lexicon: 'immigration', frame: 'chaos' });
    expect(set.frameInfo[0].description).toMatch(/Disorder/);
  });

  test('several lexicons: frames qualified lexicon:frame, lexicons in the order given, frames in file order', () => {
    const set = loadLexicons([fx('quanteda_good.yml'), fx('native_good.yml')]);
    expect(set.frames).toEqual([
      'quanteda_good:economy',
      'quanteda_good:politics.domestic',
      'quanteda_good:politics.foreign',
      'quanteda_good:threat',
      'test_native:chaos',
      'test_native:cruelty',
      'test_native:label_undocumented',
    ]);
  });

  test('a bad lexicon throws UsageError E_LEXICON listing every error as file:line: code: message', () => {
    let err: unknown;
    try {
      loadLexicons([fx('native_good.yml'), fx('liwc_bad.dic')]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).code).toBe('E_LEXICON');
    const lines = (err as UsageError).message.split('\n');
    expect(lines[0]).toBe('lexicon could not be used: 6 errors');
    expect(lines[1]).toBe(`${fx('liwc_bad.dic')}:3: E_LEX_EMPTY_FRAME: frame "negemo" has no terms`);
    expect(lines[3]).toBe(`${fx('liwc_bad.dic')}:7: E_LEX_DIC_CATEGORY: term "sad": category id "9" is not declared in the % header`);
    expect(lines).toHaveLength(7);
  });

  test('warnings alone do not stop loading', () => {
    const f = join(tmp, 'warn.yml');
    writeFileSync(f, 'name: w\nversion: "1"\ndescription: d\nsources: [s]\nframes:\n  f:\n    description: d\n    terms: [chaos, Chaos, "*ing"]\n');
    expect(checkLexicon(f).map((p) => p.code)).toEqual(['W_LEX_DUPLICATE_TERM', 'W_LEX_BROAD_GLOB']);
    expect(loadLexicons([f]).frames).toEqual(['f']);
  });

  test('two lexicons with the same name are refused', () => {
    expect(() => loadLexicons([fx('native_good.yml'), fx('native_good.yml')])).toThrow(/E_LEX_DUPLICATE_NAME: lexicon name "test_native"/);
  });
});

describe('convert', () => {
  const roundTrip = (src: string, to: 'yaml' | 'json' | 'dic') => {
    const out = join(tmp, `rt_${src.replace(/\W/g, '_')}.${to === 'yaml' ? 'yml' : to}`);
    writeFileSync(out, convertLexicon(fx(src), to));
    return out;
  };

  test('native → yaml → native keeps metadata, frames, terms and lemma flags', () => {
    const back = parseLexicon(roundTrip('native_good.yml', 'yaml')).lexicon!;
    const orig = parseLexicon(fx('native_good.yml')).lexicon!;
    expect(back.format).toBe('native');
    expect([back.name, back.version, back.description, back.sources]).toEqual([orig.name, orig.version, orig.description, orig.sources]);
    expect(terms(roundTrip('native_good.yml', 'yaml'))).toEqual(terms(fx('native_good.yml')));
  });

  test('quanteda → json and LIWC → yaml load back to the same frames', () => {
    expect(terms(roundTrip('quanteda_good.yml', 'json'))).toEqual(terms(fx('quanteda_good.yml')));
    expect(terms(roundTrip('liwc_good.dic', 'yaml'))).toEqual(terms(fx('liwc_good.dic')));
    expect(JSON.parse(convertLexicon(fx('quanteda_good.yml'), 'json')).frames['politics.domestic'].terms).toEqual(['election*', 'vote']);
  });

  test('→ dic writes the % header and one line per term with all its categories; lemma loss is reported', () => {
    expect(convertLexicon(fx('liwc_good.dic'), 'dic')).toBe('%\n1\tposemo\n2\tnegemo\n3\tlabel\n%\nhappy\t1\nlove\t1\ncruel*\t2\nillegal alien*\t2\t3\n');
    const notes: string[] = [];
    const dic = convertLexicon(fx('native_good.yml'), 'dic', notes);
    expect(dic.split('\n')).toContain('round up\t2');
    expect(notes[0]).toBe('frame "cruelty": "round up" loses lemma matching in .dic (matches the word as written only)');
    expect(terms(roundTrip('native_good.yml', 'dic')).map((f) => f[0])).toEqual(['chaos', 'cruelty', 'label_undocumented']);
  });

  test('a lexicon with errors is not converted', () => {
    expect(() => convertLexicon(fx('native_bad.yml'), 'json')).toThrow(UsageError);
  });
});

describe('docs/lexicons.md: the bring-your-own-dictionary examples run', () => {
  const doc = readFileSync('docs/lexicons.md', 'utf8');
  const blocks = [...doc.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2] }));
  const sentence = 'The deficit and austerity politics split NATO; voters are happy, not cruel.';
  const run = (file: string) =>
    findFrameHits(readText(sentence), [], compileMatcher(loadLexicons([file]))).map((h) => [h.frame, sentence.slice(h.start, h.end), h.negated]);

  test('the native example loads cleanly', () => {
    const f = join(tmp, 'doc_native.yml');
    writeFileSync(f, blocks.find((b) => b.lang === 'yaml' && b.body.includes('frames:'))!.body);
    expect(checkLexicon(f)).toEqual([]);
    expect(loadLexicons([f]).frames).toEqual(['chaos', 'humane', 'label_undocumented', 'enforcement']);
  });

  test('the quanteda example', () => {
    const f = join(tmp, 'doc_quanteda.yml');
    writeFileSync(f, blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('economy:'))!.body);
    expect(checkLexicon(f)).toEqual([]);
    expect(run(f)).toEqual([
      ['economy', 'deficit', false],
      ['economy', 'austerity', false],
      ['politics.foreign', 'NATO', false],
    ]);
  });

  test('the LIWC example', () => {
    const f = join(tmp, 'doc_liwc.dic');
    writeFileSync(f, blocks.find((b) => b.body.startsWith('%\n'))!.body);
    expect(checkLexicon(f)).toEqual([]);
    expect(run(f)).toEqual([
      ['posemo', 'happy', false],
      ['negemo', 'cruel', true],
    ]);
  });
});
