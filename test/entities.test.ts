/** Speaker entities across the corpus: merging rules, aliases, determinism (src/entities/). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseVariants, resolveEntities, type EntityOptions, type SpeakerRow } from '../src/entities/resolve.js';
import { loadAliases, parseAliases } from '../src/entities/aliases.js';
import { loadEntitySettings } from '../src/entities/settings.js';
import { suggestAliases } from '../src/entities/suggest.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import { UsageError } from '../src/errors.js';
import type { SpeakerType } from '../src/types.js';

const settings = loadEntitySettings(loadQuoteSettings().titles);
const opts = (extra: Partial<EntityOptions> = {}): EntityOptions => ({ ...settings, ...extra });

let n = 0;
function row(speaker: string, quotes = 1, type: SpeakerType = 'person', event = 'e1', outlet = 'o1'): SpeakerRow {
  n++;
  return { event, speaker, speakerType: type, quotes, articles: Array.from({ length: quotes }, (_, i) => `a${n}-${i}`), outlets: [outlet] };
}
/** speaker_id of each written name (first event it appears in). */
function ids(rows: SpeakerRow[], extra: Partial<EntityOptions> = {}) {
  const r = resolveEntities(rows, opts(extra));
  const id = (speaker: string, type: SpeakerType = 'person', event = 'e1') => r.lookup(event, speaker, type)!.speakerId;
  const canonical = (speaker: string, type: SpeakerType = 'person', event = 'e1') => r.lookup(event, speaker, type)!.canonical;
  return { r, id, canonical };
}

test('Trump variants merge into the most quoted full form; the suffix Jr. and another first name stay apart', () => {
  const { r, id, canonical } = ids([
    row('Donald Trump', 131), row('Trump', 148), row('Donald J. Trump', 22), row('Donald John Trump', 14), row('President Trump', 5),
    row('Mr. Trump', 3), row('Donald Trump Jr.', 6), row('Eric Trump', 4),
  ]);
  const t = id('Donald Trump');
  for (const v of ['Trump', 'Donald J. Trump', 'Donald John Trump', 'President Trump', 'Mr. Trump']) expect(id(v)).toBe(t);
  expect(canonical('Trump')).toBe('Donald Trump');
  expect(id('Donald Trump Jr.')).not.toBe(t);
  expect(id('Eric Trump')).not.toBe(t);
  expect(id('Eric Trump')).not.toBe(id('Donald Trump Jr.'));
  const e = r.entities.find((x) => x.speaker_id === t)!;
  expect(e.quotes).toBe(131 + 148 + 22 + 14 + 5 + 3);
  expect(parseVariants(e.variants)).toEqual([['Trump', 148], ['Donald Trump', 131], ['Donald J. Trump', 22], ['Donald John Trump', 14], ['President Trump', 5], ['Mr. Trump', 3]]);
  expect(e.speaker_id).toMatch(/^s_[0-9a-f]{10}$/);
});

test('never merges different first names: Bill vs Hillary Clinton; "Clinton" alone stays itself when neither dominates', () => {
  const { id, canonical } = ids([row('Hillary Clinton', 60), row('Bill Clinton', 40), row('Clinton', 10), row('Hillary Rodham Clinton', 5)]);
  expect(id('Hillary Clinton')).not.toBe(id('Bill Clinton'));
  expect(id('Hillary Rodham Clinton')).toBe(id('Hillary Clinton'));
  expect(id('Clinton')).not.toBe(id('Hillary Clinton'));
  expect(id('Clinton')).not.toBe(id('Bill Clinton'));
  expect(canonical('Clinton')).toBe('Clinton');
});

test('a surname alone: one person of that surname merges; two comparable people do not; strict share 1 needs exactly one', () => {
  const one = ids([row('Marco Rubio', 10), row('Rubio', 3)]);
  expect(one.id('Rubio')).toBe(one.id('Marco Rubio'));
  const two = ids([row('Jeb Bush', 10), row('George Bush', 8), row('Bush', 3)]);
  expect(two.id('Bush')).not.toBe(two.id('Jeb Bush'));
  expect(two.id('Bush')).not.toBe(two.id('George Bush'));
  const dominant = [row('Ted Cruz', 95), row('Rafael Cruz', 5), row('Cruz', 4)];
  expect(ids(dominant).id('Cruz')).toBe(ids(dominant).id('Ted Cruz'));
  const strict = ids(dominant, { surnameShare: 1 });
  expect(strict.id('Cruz')).not.toBe(strict.id('Ted Cruz'));
});

test('a surname alone in another article needs a person quoted in SURNAME_MIN_ARTICLES articles', () => {
  const rows: SpeakerRow[] = [
    { event: 'e1', speaker: 'Roberta A. Kaplan', speakerType: 'person', quotes: 1, articles: ['a1'], outlets: ['o'] },
    { event: 'e1', speaker: 'Kaplan', speakerType: 'person', quotes: 2, articles: ['a2'], outlets: ['o'] },
    { event: 'e2', speaker: 'Kaplan', speakerType: 'person', quotes: 1, articles: ['a1'], outlets: ['o'] },
  ];
  const r = resolveEntities(rows, opts());
  const roberta = r.lookup('e1', 'Roberta A. Kaplan', 'person')!.speakerId;
  expect(r.lookup('e1', 'Kaplan', 'person')!.speakerId).not.toBe(roberta);
  expect(r.lookup('e2', 'Kaplan', 'person')!.speakerId).toBe(roberta); // named in the same article
  const loose = resolveEntities(rows, opts({ surnameMinArticles: 1 }));
  expect(loose.lookup('e1', 'Kaplan', 'person')!.speakerId).toBe(roberta);
});

test('middle names and initials: compatible forms merge, different ones (George H.W. vs George W. Bush) do not', () => {
  const { id } = ids([row('George H.W. Bush', 5), row('George W. Bush', 7), row('George Herbert Walker Bush', 1), row('George Bush', 2)]);
  expect(id('George H.W. Bush')).not.toBe(id('George W. Bush'));
  expect(id('George Herbert Walker Bush')).toBe(id('George H.W. Bush'));
  // Without a middle name, "George Bush" could be either: a speaker of its own.
  expect(id('George Bush')).not.toBe(id('George W. Bush'));
  expect(id('George Bush')).not.toBe(id('George H.W. Bush'));
  const one = ids([row('James B. Comey', 10), row('James Comey', 17), row('James Brien Comey', 1)]);
  expect(one.id('James B. Comey')).toBe(one.id('James Comey'));
  expect(one.id('James Brien Comey')).toBe(one.id('James Comey'));
  expect(one.canonical('James B. Comey')).toBe('James Comey');
});

test('accented, hyphenated and apostrophe forms merge; titles are removed', () => {
  const { id, canonical } = ids([
    row('José Núñez', 3), row('Jose Nunez', 2), row('Douglas Holtz-Eakin', 3), row('Douglas Holtz Eakin', 1), row('Holtz-Eakin', 1),
    row('Brett O’Donnell', 2), row("Brett O'Donnell", 1), row('Sen. Ted Cruz', 2), row('Ted Cruz', 3), row('Attorney General Loretta Lynch', 2), row('Loretta Lynch', 1),
  ]);
  expect(id('Jose Nunez')).toBe(id('José Núñez'));
  expect(canonical('Jose Nunez')).toBe('José Núñez');
  expect(id('Douglas Holtz Eakin')).toBe(id('Douglas Holtz-Eakin'));
  expect(id('Holtz-Eakin')).toBe(id('Douglas Holtz-Eakin'));
  expect(id("Brett O'Donnell")).toBe(id('Brett O’Donnell'));
  expect(id('Sen. Ted Cruz')).toBe(id('Ted Cruz'));
  expect(canonical('Sen. Ted Cruz')).toBe('Ted Cruz');
  expect(id('Attorney General Loretta Lynch')).toBe(id('Loretta Lynch'));
});

test('organisations and outlets merge only on equal normalised forms; anonymous speakers get no id', () => {
  const { r, id, canonical } = ids([
    row('The New York Times', 5, 'outlet'), row('New York Times', 13, 'outlet'), row('New York Post', 2, 'outlet'),
    row('F.B.I.', 2, 'organization'), row('FBI', 4, 'organization'), row('Federal Bureau of Investigation', 1, 'organization'),
    row('officials', 9, 'anonymous'), row('UNKNOWN', 50, 'unknown'),
    row('His campaign', 2, 'organization'), row('some Democrats', 2, 'organization'), row('Police', 3, 'organization'), row('police', 1, 'organization'),
    row('Democratic National Committee', 2, 'organization'),
  ]);
  for (const common of ['His campaign', 'some Democrats', 'Police', 'police']) expect(id(common, 'organization')).toBe('');
  expect(id('Democratic National Committee', 'organization')).toMatch(/^s_/);
  expect(id('The New York Times', 'outlet')).toBe(id('New York Times', 'outlet'));
  expect(canonical('The New York Times', 'outlet')).toBe('New York Times');
  expect(id('New York Post', 'outlet')).not.toBe(id('New York Times', 'outlet'));
  expect(id('F.B.I.', 'organization')).toBe(id('FBI', 'organization'));
  expect(id('Federal Bureau of Investigation', 'organization')).toBe(id('FBI', 'organization'));
  expect(canonical('Federal Bureau of Investigation', 'organization')).toBe('FBI');
  expect(id('officials', 'anonymous')).toBe('');
  expect(id('UNKNOWN', 'unknown')).toBe('');
  expect(r.entities.map((e) => e.speaker)).not.toContain('officials');
  expect(r.entities.find((e) => e.speaker === 'New York Times')).toMatchObject({ speaker_type: 'outlet', quotes: 18, articles: 18, outlets: 1 });
});

test('an acronym joins the one organisation whose initials spell it; two such names leave it apart', () => {
  const one = ids([row('AP', 3, 'outlet'), row('The Associated Press', 5, 'outlet'), row('DOJ', 1, 'organization'), row('Department of Justice', 2, 'organization'), row('NRA', 2, 'organization')]);
  expect(one.id('AP', 'outlet')).toBe(one.id('The Associated Press', 'outlet'));
  expect(one.canonical('AP', 'outlet')).toBe('The Associated Press');
  expect(one.id('DOJ', 'organization')).toBe(one.id('Department of Justice', 'organization'));
  expect(one.canonical('DOJ', 'organization')).toBe('Department of Justice');
  expect(one.id('NRA', 'organization')).toMatch(/^s_/);
  const two = ids([row('AP', 3, 'outlet'), row('Associated Press', 5, 'outlet'), row('American Party', 2, 'organization')]);
  expect(two.id('AP', 'outlet')).not.toBe(two.id('Associated Press', 'outlet'));
  expect(two.id('AP', 'outlet')).not.toBe(two.id('American Party', 'organization'));
});

test('of two names an acronym spells, it joins the one quoted in the same articles, and none on a tie', () => {
  const rowIn = (speaker: string, articles: string[]): SpeakerRow => ({ event: 'e1', speaker, speakerType: 'organization', quotes: articles.length, articles, outlets: ['o1'] });
  const shared = ids([rowIn('DNC', ['a1', 'a2']), rowIn('Democratic National Committee', ['a1', 'a3']), rowIn('Democratic National Convention', ['a4'])]);
  expect(shared.id('DNC', 'organization')).toBe(shared.id('Democratic National Committee', 'organization'));
  expect(shared.id('DNC', 'organization')).not.toBe(shared.id('Democratic National Convention', 'organization'));
  const tied = ids([rowIn('DNC', ['a1', 'a2']), rowIn('Democratic National Committee', ['a1']), rowIn('Democratic National Convention', ['a2'])]);
  expect(tied.id('DNC', 'organization')).not.toBe(tied.id('Democratic National Committee', 'organization'));
  expect(tied.id('DNC', 'organization')).not.toBe(tied.id('Democratic National Convention', 'organization'));
  const apart = ids([rowIn('DNC', ['a1']), rowIn('Democratic National Committee', ['a2']), rowIn('Democratic National Convention', ['a3'])]);
  expect(apart.id('DNC', 'organization')).not.toBe(apart.id('Democratic National Committee', 'organization'));
});

test("a person's campaign written with the forms of one name is one campaign; another first name's is another", () => {
  const { id, canonical } = ids([
    row("Hillary Clinton's campaign", 20, 'organization'), row("Hillary Rodham Clinton's campaign", 2, 'organization'),
    row("Bill Clinton's campaign", 1, 'organization'), row("Hillary Clinton's presidential campaign", 1, 'organization'),
  ]);
  expect(id("Hillary Rodham Clinton's campaign", 'organization')).toBe(id("Hillary Clinton's campaign", 'organization'));
  expect(canonical("Hillary Rodham Clinton's campaign", 'organization')).toBe("Hillary Clinton's campaign");
  expect(id("Bill Clinton's campaign", 'organization')).not.toBe(id("Hillary Clinton's campaign", 'organization'));
  expect(id("Hillary Clinton's presidential campaign", 'organization')).not.toBe(id("Hillary Clinton's campaign", 'organization'));
});

test('entity rows count distinct articles and outlets across events', () => {
  const rows: SpeakerRow[] = [
    { event: 'e1', speaker: 'Ted Cruz', speakerType: 'person', quotes: 3, articles: ['a1', 'a1', 'a2'], outlets: ['nyt', 'nyt', 'fox'] },
    { event: 'e1', speaker: 'Cruz', speakerType: 'person', quotes: 1, articles: ['a2'], outlets: ['fox'] },
    { event: 'e2', speaker: 'Ted Cruz', speakerType: 'person', quotes: 2, articles: ['a3', 'a4'], outlets: ['cnn', 'nyt'] },
  ];
  const r = resolveEntities(rows, opts());
  expect(r.entities).toEqual([{ speaker_id: r.lookup('e2', 'Ted Cruz', 'person')!.speakerId, speaker: 'Ted Cruz', speaker_type: 'person', variants: 'Ted Cruz (5); Cruz (1)', quotes: 6, articles: 4, outlets: 3 }]);
});

test('aliases apply before merging: force a merge, rename; canonical is the alias target', () => {
  const aliases = parseAliases('alias,speaker\nThe Donald,Donald Trump\nClinton,Hillary Clinton\n', 'aliases.csv');
  const { id, canonical } = ids([row('Donald J. Trump', 50), row('The Donald', 2), row('Hillary Clinton', 5), row('Bill Clinton', 5), row('clinton', 3)], { aliases });
  expect(id('The Donald')).toBe(id('Donald J. Trump'));
  expect(canonical('Donald J. Trump')).toBe('Donald Trump');
  expect(id('clinton')).toBe(id('Hillary Clinton'));
  expect(id('Bill Clinton')).not.toBe(id('Hillary Clinton'));
});

test('alias file errors are usage errors naming file:line', () => {
  const bad = (text: string, line: number, what: RegExp) => {
    let err: unknown;
    try {
      parseAliases(text, 'a.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).code).toBe('E_OPTION');
    expect((err as Error).message).toMatch(new RegExp(`^a\\.csv:${line}: `));
    expect((err as Error).message).toMatch(what);
  };
  bad('', 1, /empty/);
  bad('name,who\nA,B\n', 1, /header alias,speaker/);
  bad('alias,speaker\nA,B\nC\n', 3, /2 fields/);
  bad('alias,speaker\nA,B\n,D\n', 3, /non-empty/);
  bad('alias,speaker\nA,B\na,C\n', 3, /already maps to "B" \(line 2\)/);
  bad('alias,speaker\nA,B\nB,C\n', 2, /itself an alias/);
  bad('alias,speaker\nA;x,B\n', 2, /";"/);
  bad('alias,speaker\n"A,B\n', 2, /not valid CSV/);
  const dir = mkdtempSync(join(tmpdir(), 'fl-alias-'));
  expect(() => loadAliases(join(dir, 'missing.csv'))).toThrow(/missing\.csv:1: alias file cannot be read/);
  writeFileSync(join(dir, 'ok.csv'), '\uFEFFalias,speaker\r\n"Trump, Donald",Donald Trump\r\n');
  expect([...loadAliases(join(dir, 'ok.csv'))]).toEqual([['trump, donald', 'Donald Trump']]);
});

test('deterministic: the same ids, canonicals and rows whatever the row order or split', () => {
  const rows = [
    row('Donald Trump', 10), row('Trump', 8), row('Donald J. Trump', 10), row('Hillary Clinton', 4), row('Clinton', 1, 'person', 'e2'),
    row('Hillary Clinton', 3, 'person', 'e2'), row('New York Times', 2, 'outlet'), row('The New York Times', 2, 'outlet', 'e2'), row('a spokesman', 1, 'anonymous'),
    row('Bill Clinton', 2), row('George Bush', 1), row('George W. Bush', 1),
  ];
  const base = resolveEntities(rows, opts());
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let k = 0; k < 5; k++) {
    const shuffled = [...rows].sort(() => rand() - 0.5);
    // A split: the same (event, speaker) reported in two pieces, as two shards would.
    const split = shuffled.flatMap((r) => (r.quotes > 1 ? [{ ...r, quotes: 1, articles: r.articles.slice(0, 1) }, { ...r, quotes: r.quotes - 1, articles: r.articles.slice(1) }] : [r]));
    const again = resolveEntities(split, opts());
    expect(again.entities).toEqual(base.entities);
    expect(again.assignments).toEqual(base.assignments);
  }
  // A tie between two full forms is broken the same way whatever the order.
  const tie = [row('Paul D. Ryan', 5), row('Paul Ryan', 5)];
  expect(resolveEntities(tie, opts()).entities[0].speaker).toBe('Paul Ryan');
  expect(resolveEntities([...tie].reverse(), opts()).entities[0].speaker).toBe('Paul Ryan');
});

test('alias suggestions: close first names with one last name are suggested, never merged', () => {
  const r = resolveEntities([row('Kristen Gillibrand', 3), row('Kirsten Gillibrand', 1), row('Jon Tester', 2), row('John Tester', 2), row('Bill Clinton', 5), row('Hillary Clinton', 9)], opts());
  expect(r.lookup('e1', 'Kristen Gillibrand', 'person')!.speakerId).not.toBe(r.lookup('e1', 'Kirsten Gillibrand', 'person')!.speakerId);
  const s = suggestAliases(r.entities, { titles: new Set(settings.titles), suffixes: new Set(settings.suffixes) });
  expect(s.map((x) => [x.alias, x.speaker])).toEqual([['Kirsten Gillibrand', 'Kristen Gillibrand'], ['Jon Tester', 'John Tester']]);
  expect(s[0].similarity).toBeGreaterThan(s[1].similarity);
});

test('forms of one given name (given_names) are one first name; other first names, and forms not listed, stay apart', () => {
  const { r, id, canonical } = ids([
    row('Ed Rendell', 12), row('Edward G. Rendell', 5), row('Gov. Ed Rendell', 1),
    row('Matt Morrison', 3), row('Matthew Morrison', 1),
    // "Ted" stands for Edward and for Theodore: not listed, so "Ted Kennedy" is not "Edward Kennedy".
    row('Ted Kennedy', 2), row('Edward Kennedy', 2),
    // "Pat" stands for Patrick and Patricia: not listed.
    row('Pat Murphy', 1), row('Patricia Murphy', 1),
    // The suffix still decides: "Joe Biden" is not "Joseph R. Biden Jr." (an alias file merges them).
    row('Joe Biden', 6), row('Joseph R. Biden Jr.', 3),
  ]);
  expect(id('Edward G. Rendell')).toBe(id('Ed Rendell'));
  expect(id('Gov. Ed Rendell')).toBe(id('Ed Rendell'));
  expect(canonical('Edward G. Rendell')).toBe('Ed Rendell');
  expect(id('Matthew Morrison')).toBe(id('Matt Morrison'));
  expect(id('Ted Kennedy')).not.toBe(id('Edward Kennedy'));
  expect(id('Pat Murphy')).not.toBe(id('Patricia Murphy'));
  expect(id('Joe Biden')).not.toBe(id('Joseph R. Biden Jr.'));
  expect(r.entities.find((e) => e.speaker === 'Ed Rendell')!.variants).toBe('Ed Rendell (12); Edward G. Rendell (5); Gov. Ed Rendell (1)');
  // Without the lists, the first names differ and nothing merges.
  const bare = resolveEntities([row('Ed Rendell', 1), row('Edward G. Rendell', 1)], opts({ givenNames: [] }));
  expect(bare.lookup('e1', 'Ed Rendell', 'person')!.speakerId).not.toBe(bare.lookup('e1', 'Edward G. Rendell', 'person')!.speakerId);
});

test('entity word lists: pipeline/entities.yml loads; a bad file is a usage error with file:line', () => {
  expect(settings.suffixes).toEqual(['ii', 'iii', 'iv', 'jr', 'sr']);
  expect(settings.titles).toEqual(expect.arrayContaining(['president', 'mr.', 'co-anchor']));
  expect(settings.descriptionWords).toContain('his');
  const dir = mkdtempSync(join(tmpdir(), 'fl-entyml-'));
  writeFileSync(join(dir, 'e.yml'), 'titles: [a]\nnicknames: [b]\n');
  expect(() => loadEntitySettings([], join(dir, 'e.yml'))).toThrow(/e\.yml:2: unknown key "nicknames"/);
  writeFileSync(join(dir, 'f.yml'), 'suffixes:\n  - jr\n  - ""\n');
  expect(() => loadEntitySettings([], join(dir, 'f.yml'))).toThrow(/f\.yml:3: entries of "suffixes" must be non-empty/);
  expect(settings.givenNames).toContainEqual(['edward', 'ed', 'eddie']);
  writeFileSync(join(dir, 'g.yml'), 'given_names:\n  - [joseph, joe]\n  - [josephine, joe]\n');
  expect(() => loadEntitySettings([], join(dir, 'g.yml'))).toThrow(/g\.yml:3: "joe" is already a form of "joseph"/);
  writeFileSync(join(dir, 'h.yml'), 'given_names: [joe]\n');
  expect(() => loadEntitySettings([], join(dir, 'h.yml'))).toThrow(/h\.yml:1: each entry of "given_names" must be a list of two or more forms/);
  writeFileSync(join(dir, 'i.yml'), 'given_names:\n  - [mary ann, mary]\n');
  expect(() => loadEntitySettings([], join(dir, 'i.yml'))).toThrow(/i\.yml:2: the forms in "given_names" must be single words/);
});
