/**
 * The quote finder's passes (src/quotes/passes/, in the order of PASSES) and their word lists
 * (pipeline/quote-words.yml). Each pass has example sentences, most taken from its own comments: every example is run
 * through findQuotes and must give the span and speaker written here, and leaving that pass out must change the
 * result (so the example shows what the pass adds). The word lists are data: a word added to a list changes what the
 * rule that uses it finds; a bad file stops the run with its file and line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText } from '../src/nlp/index.js';
import { findQuotes, findQuotesWith, PASSES, type QuoteSettings } from '../src/quotes/index.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import { loadQuoteWords } from '../src/quotes/settings.js';
import { packageFile } from '../src/paths.js';

const settings = loadQuoteSettings();

interface Found {
  kind: string;
  text: string;
  speaker: string;
}
const found = (text: string, s: QuoteSettings = settings): Found[] =>
  findQuotes(readText(text), s).map((q) => ({ kind: q.kind, text: text.slice(q.start, q.end), speaker: q.speaker }));
const foundWithout = (pass: string, text: string): Found[] =>
  findQuotesWith(readText(text), settings, PASSES.filter((p) => p.name !== pass)).map((q) => ({ kind: q.kind, text: text.slice(q.start, q.end), speaker: q.speaker }));

/** Example sentences by pass, with the quotations (kind, span, speaker) each must give. */
const EXAMPLES: Record<string, { text: string; quotes: Found[] }[]> = {
  'direct-quotes': [
    { text: '“We will finish the wall,” Gov. Ana Ruiz said on Monday.', quotes: [{ kind: 'direct', text: 'We will finish the wall', speaker: 'Ana Ruiz' }] },
    // A fragment right after a cue, that its sentence goes on past, is partial (and its clause the content).
    { text: 'Ruiz said “there could be” a line that nobody crosses.', quotes: [{ kind: 'partial', text: '“there could be” a line that nobody crosses', speaker: 'Ruiz' }] },
  ],
  'titles-of-works': [
    { text: 'Ruiz wrote in his 2012 book, “An American Son,” that the border matters.', quotes: [{ kind: 'partial', text: 'An American Son', speaker: 'UNKNOWN' }] },
  ],
  'fragment-sentences': [
    { text: 'Golf clubs are “just scratching out a profit,” Mr. Hedge said.', quotes: [{ kind: 'partial', text: 'Golf clubs are “just scratching out a profit', speaker: 'Hedge' }] },
    { text: 'He would begin “building bridges” to Mr. Sanders, said David Axelrod.', quotes: [{ kind: 'partial', text: 'He would begin “building bridges” to Mr. Sanders', speaker: 'David Axelrod' }] },
  ],
  'split-quotes': [
    {
      text: '“We must act now,” said Ana Ruiz, an advocate for immigrants, “before the border closes.”',
      quotes: [{ kind: 'direct', text: 'We must act now,” said Ana Ruiz, an advocate for immigrants, “before the border closes.', speaker: 'Ana Ruiz' }],
    },
    {
      text: '“A wall is not a plan,” Ruiz said on CNN’s “State of the Union.” “It is a slogan.”',
      quotes: [
        { kind: 'direct', text: 'A wall is not a plan,” Ruiz said on CNN’s “State of the Union.” “It is a slogan.', speaker: 'Ruiz' },
        { kind: 'partial', text: 'State of the Union.', speaker: 'UNKNOWN' },
      ],
    },
  ],
  'block-quotes': [
    {
      text: 'Gov. Ana Ruiz wrote in a statement:\n\nThe border will stay open to every traveller who carries the right papers, and we will not change that.',
      quotes: [{ kind: 'block', text: 'The border will stay open to every traveller who carries the right papers, and we will not change that.', speaker: 'Ana Ruiz' }],
    },
  ],
  'attribute-quotes': [
    { text: 'Trump went even further: “If he goes forward with this, we will sue.”', quotes: [{ kind: 'direct', text: 'If he goes forward with this, we will sue.', speaker: 'Trump' }] },
    {
      text: 'Iowa State University’s Dianne Bystrom agreed. “Mainstream Republicans are running out of time.”',
      quotes: [{ kind: 'direct', text: 'Mainstream Republicans are running out of time.', speaker: 'Dianne Bystrom' }],
    },
    { text: 'Trump mocked Rubio for “having a tough night” on Tuesday.', quotes: [{ kind: 'partial', text: 'Rubio for “having a tough night” on Tuesday', speaker: 'Trump' }] },
    // The reported clause around a fragment is one quotation with the fragment (not indirect speech beside it).
    { text: 'Ruiz said the plan was “a disaster” for families.', quotes: [{ kind: 'partial', text: 'the plan was “a disaster” for families', speaker: 'Ruiz' }] },
    { text: '“We will win,” Ruiz said.\n\n“The border closes in June.”', quotes: [{ kind: 'direct', text: 'We will win,” Ruiz said.\n\n“The border closes in June.', speaker: 'Ruiz' }] },
  ],
  headlines: [
    {
      text: 'Obama: I’m Optimistic Americans Will Say No to Trump\n\nBarack Obama spoke on Tuesday in Ohio.',
      quotes: [{ kind: 'indirect', text: 'I’m Optimistic Americans Will Say No to Trump', speaker: 'Barack Obama' }],
    },
    {
      text: 'KATE BOULDUAN: Welcome back to the show.\n\nBOULDUAN: Let us talk about the border today.',
      quotes: [
        { kind: 'indirect', text: 'Welcome back to the show', speaker: 'Kate Boulduan' },
        { kind: 'indirect', text: 'Let us talk about the border today', speaker: 'Kate Boulduan' },
      ],
    },
  ],
  'indirect-speech': [
    { text: 'Gov. Ana Ruiz said the border will stay open to every traveller.', quotes: [{ kind: 'indirect', text: 'the border will stay open to every traveller', speaker: 'Ana Ruiz' }] },
    { text: 'The border will stay open to every traveller, according to Gov. Ana Ruiz.', quotes: [{ kind: 'indirect', text: 'The border will stay open to every traveller', speaker: 'Ana Ruiz' }] },
    {
      text: 'Ana Ruiz spoke in Madrid on Monday. The streets were deserted, she added, “but people need to connect.”',
      quotes: [{ kind: 'direct', text: 'The streets were deserted, she added, “but people need to connect.', speaker: 'Ana Ruiz' }],
    },
  ],
};

test('every pass has examples, and the passes run in the order docs/quote-passes.md lists them', () => {
  expect(Object.keys(EXAMPLES).sort()).toEqual(PASSES.map((p) => p.name).sort());
  const doc = readFileSync(packageFile('docs/quote-passes.md'), 'utf8');
  const listed = [...doc.matchAll(/^\d+\. `([a-z-]+)`:/gm)].map((m) => m[1]);
  expect(listed).toEqual(PASSES.map((p) => p.name));
});

describe.each(PASSES.map((p) => p.name))('pass %s', (pass) => {
  test.each(EXAMPLES[pass].map((e) => [e.text, e.quotes] as const))('%j', (text, quotes) => {
    expect(found(text)).toEqual(quotes);
    expect(foundWithout(pass, text)).not.toEqual(quotes);
  });
});

describe('word lists (pipeline/quote-words.yml)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-words-'));
  const shipped = readFileSync(packageFile('pipeline/quote-words.yml'), 'utf8');
  const withFile = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('a word added to a list widens the rule that uses it: "podcast" as a work noun makes its quoted name a title', () => {
    const text = 'Ruiz wrote in her podcast, “An American Son,” that the border matters.';
    expect(found(text)).toEqual([{ kind: 'direct', text: 'An American Son', speaker: 'Ruiz' }]);
    const widened = withFile('podcast.yml', shipped.replace('work_nouns: [book,', 'work_nouns: [podcast, book,'));
    expect(found(text, loadQuoteSettings(undefined, widened))).toEqual([{ kind: 'partial', text: 'An American Son', speaker: 'UNKNOWN' }]);
  });

  test('a negated report is no quotation (report_negations), nor a refused one; "would only say" still reports', () => {
    const negated = [
      'Still, Reid would not say whether he would prefer that Democrats face Trump.',
      'Sanders hasn’t said whether he has a strategy for the convention.',
      'The campaign has not yet said who will speak at the convention.',
      'Mrs. Clinton did not explicitly say that Mr. Sanders was not qualified.',
      'Ruiz declined to say whether the border would stay open.',
      'Ruiz refused to say whether the border would stay open.',
    ];
    expect(negated.map((text) => found(text))).toEqual(negated.map(() => []));
    expect(found('Still, Reid would only say that he would prefer that Democrats face Trump.')).toEqual([
      { kind: 'indirect', text: 'he would prefer that Democrats face Trump', speaker: 'Reid' },
    ]);
    expect(found('Ruiz did not only say that the border would stay open.')).toEqual([
      { kind: 'indirect', text: 'the border would stay open', speaker: 'Ruiz' },
    ]);
    const narrowed = withFile('negations.yml', shipped.replace('report_negations: [not, ', 'report_negations: ['));
    expect(found(negated[0], loadQuoteSettings(undefined, narrowed))).toEqual([
      { kind: 'indirect', text: 'he would prefer that Democrats face Trump', speaker: 'Reid' },
    ]);
  });

  test('a line opening with a label of headline_labels is not a headline attribution, in any case', () => {
    const text = 'VIDEO: Ana Ruiz Visits the Border Crossing in Texas\n\nVIDEO shows Ana Ruiz at the border crossing on Tuesday.';
    expect(found(text)).toEqual([]);
    const narrowed = withFile('labels.yml', shipped.replace('photo, photos, video, note,', 'photo, photos, note,'));
    expect(found(text, loadQuoteSettings(undefined, narrowed))).toEqual([{ kind: 'indirect', text: 'Ana Ruiz Visits the Border Crossing in Texas', speaker: 'Video' }]);
  });

  test('the shipped file has every list, each entry a word, kept as written', () => {
    const lists = loadQuoteWords(packageFile('pipeline/quote-words.yml'));
    expect(lists.time_words).toContain('Mon.');
    expect(lists.headline_labels).toContain("editor's note");
    expect(lists.title_spellings).toMatchObject({ 'rep.': ['representative', 'congressman', 'congresswoman'] });
    expect(Object.keys(lists)).toHaveLength(99);
  });

  test('an unknown list, a missing list or an entry that is not a word stops the run with file:line', () => {
    const unknown = withFile('unknown.yml', shipped + '\nspeech_nouns: [remark]\n');
    expect(() => loadQuoteWords(unknown)).toThrow(expect.objectContaining({ code: 'E_OPTION', message: expect.stringMatching(new RegExp(`^${unknown}:\\d+: unknown list "speech_nouns"`)) }));
    const missing = withFile('missing.yml', shipped.replace(/\ncopulas: \[was, is, were, are\]\n/, '\n'));
    expect(() => loadQuoteWords(missing)).toThrow(expect.objectContaining({ code: 'E_OPTION', message: expect.stringContaining('lack "copulas"') }));
    const number = withFile('number.yml', shipped.replace('copulas: [was, is, were, are]', 'copulas: [was, is, 12, are]'));
    const line = shipped.split('\n').findIndex((l) => l.startsWith('copulas:')) + 1;
    expect(() => loadQuoteWords(number)).toThrow(expect.objectContaining({ code: 'E_OPTION', message: expect.stringContaining(`${number}:${line}: entries of "copulas" must be non-empty words`) }));
  });

  test('the word lists are part of the quote settings (and so of what --resume compares)', () => {
    const other = withFile('other.yml', shipped.replace('copulas: [was, is, were, are]', 'copulas: [was, is, were, are, seemed]'));
    expect(JSON.stringify(loadQuoteSettings(undefined, other))).not.toEqual(JSON.stringify(settings));
    expect(JSON.stringify(loadQuoteSettings())).toEqual(JSON.stringify(settings));
  });
});
