/** Right-person accuracy and merge precision/recall against speaker labels (src/eval/speakers.ts), on tiny fixtures. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateSpeakers, isRightPerson, labelIdentities, loadSpeakerLabels, parseSpeakerLabels, scoreSpeakers, type SpeakerLabel, type SpeakerPrediction } from '../src/eval/speakers.js';
import { loadEntitySettings } from '../src/entities/settings.js';
import { findQuotes } from '../src/quotes/index.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import { readText } from '../src/nlp/index.js';
import { UsageError } from '../src/errors.js';
import { framelens } from './helpers/cli.js';
import { evaluate } from '../src/eval/index.js';
import { packageFile } from '../src/paths.js';

const label = (doc: string, content: [number, number], speaker: string, kind = 'full_name', type = speaker ? 'person' : 'anonymous'): SpeakerLabel => ({
  doc_id: doc, attribution: 'E1', content, source: [0, 1], mention_kind: kind, speaker, speaker_type: type,
});
const pred = (doc: string, start: number, end: number, speakerId: string, names: string[], speakerType = 'person'): SpeakerPrediction => ({
  docId: doc, start, end, gaps: [], speakerId, speakerType, names,
});

test('scoring by hand: matching by overlap, right person by name or variant, merge pairs', () => {
  const labels = [
    label('d1', [0, 100], 'Donald Trump'), // matched, canonical equal → right
    label('d1', [200, 300], 'Donald Trump', 'pronoun'), // matched to an entity none of whose names is Donald Trump → wrong
    label('d2', [0, 100], 'Donald Trump', 'surname'), // matched to the Trump entity via variant → right
    label('d2', [200, 300], 'Hillary Clinton', 'pronoun'), // predicted under Trump's id → wrong, and a false-positive pair
    label('d3', [0, 100], '', 'role'), // unnamed, predicted anonymous → right
    label('d3', [500, 600], 'Bernie Sanders'), // no predicted quote → unmatched
    label('d3', [700, 800], 'The F.B.I.', 'organization', 'organization'), // "FBI" after normalisation → right
  ];
  const trump = ['Donald Trump', 'Donald Trump', 'Trump', 'Mr. Trump'];
  const predicted = [
    pred('d1', 10, 95, 's_t', trump),
    pred('d1', 210, 290, 's_x', ['Donald J Trumpp']),
    pred('d2', 0, 60, 's_t', trump), // 60 of 100 label chars, all its own: a match
    pred('d2', 250, 300, 's_t', trump),
    pred('d3', 0, 100, '', ['a spokesman'], 'anonymous'),
    pred('d3', 400, 505, 's_s', ['Bernie Sanders']), // shares 5 of 100: under 30%, no match
    pred('d3', 700, 800, 's_f', ['FBI'], 'organization'),
  ];
  const s = scoreSpeakers(labels, predicted);
  expect(s).toMatchObject({ labels: 7, matched: 6, right: 4, unmatched: 1 });
  expect(s.accuracy).toBeCloseTo(4 / 6);
  expect(s.byKind.pronoun).toMatchObject({ labels: 2, matched: 2, right: 0, accuracy: 0 });
  expect(s.byKind.surname).toMatchObject({ labels: 1, matched: 1, right: 1 });
  expect(s.byKind.full_name).toMatchObject({ labels: 2, matched: 1, right: 1 });
  // Named matched labels: Trump ×3 (ids t, x, t), Clinton (t), FBI (f). Same person: 3 pairs, of which (1,3) share an
  // id: TP 1, FN 2. Same id t: Trump×2 + Clinton → 3 pairs, 1 TP, so FP 2.
  expect(s.pairs).toMatchObject({ truePositive: 1, falseNegative: 2, falsePositive: 2 });
  expect(s.pairs.precision).toBeCloseTo(1 / 3);
  expect(s.pairs.recall).toBeCloseTo(1 / 3);
  // The merging alone: only labels whose quote names the labelled person (d1's pronoun went to "Donald J Trumpp",
  // d2's Clinton to Trump: both left out) — the two Trump labels under one id, FBI alone.
  expect(s.attributedPairs).toMatchObject({ truePositive: 1, falsePositive: 0, falseNegative: 0, precision: 1, recall: 1 });
});

test('right person: a label without middle names matches a written name with them, not another first name', () => {
  const l = label('d', [0, 10], 'Steven Warren');
  expect(isRightPerson(l, pred('d', 0, 10, 's_w', ['Steven H. Warren', 'Col. Steven H. Warren']))).toBe(true);
  expect(isRightPerson(l, pred('d', 0, 10, 's_w', ['Steve Warren']))).toBe(false);
  expect(isRightPerson(label('d', [0, 10], 'George H.W. Bush'), pred('d', 0, 10, 's_b', ['George W. Bush']))).toBe(false);
});

test('right person: a written name opening with an initial is the person known by the middle name the label gives', () => {
  expect(isRightPerson(label('d', [0, 10], 'Stewart Verdery'), pred('d', 0, 10, 's_v', ['C. Stewart Verdery Jr.']))).toBe(true);
  expect(isRightPerson(label('d', [0, 10], 'Stewart Verdery'), pred('d', 0, 10, 's_v', ['C. Stuart Verdery']))).toBe(false);
  expect(isRightPerson(label('d', [0, 10], 'Charles Verdery'), pred('d', 0, 10, 's_v', ['C. Stewart Verdery']))).toBe(false);
});

test('right person: a campaign labelled "<surname> campaign" is the quote finder\'s "<full name>\'s campaign"', () => {
  const campaign = (speaker: string) => label('d', [0, 10], speaker, 'role', 'organization');
  expect(isRightPerson(campaign('Huckabee campaign'), pred('d', 0, 10, '', ["Mike Huckabee's campaign"], 'organization'))).toBe(true);
  expect(isRightPerson(campaign('Huckabee campaign'), pred('d', 0, 10, '', ["Mike Pence's campaign"], 'organization'))).toBe(false);
  expect(isRightPerson(campaign('Huckabee Foundation'), pred('d', 0, 10, '', ["Mike Huckabee's foundation"], 'organization'))).toBe(false);
  expect(isRightPerson(campaign('Ryan’s office'), pred('d', 0, 10, '', ["Paul Ryan's office"], 'organization'))).toBe(true);
});

test('right person: labels leave suffixes out, so a label without one fits a name with one, not the reverse', () => {
  expect(isRightPerson(label('d', [0, 10], 'Joseph Biden'), pred('d', 0, 10, 's_b', ['Joseph R. Biden Jr.']))).toBe(true);
  expect(isRightPerson(label('d', [0, 10], 'Donald Trump Jr.'), pred('d', 0, 10, 's_t', ['Donald J. Trump']))).toBe(false);
  expect(isRightPerson(label('d', [0, 10], 'Donald Trump Jr.'), pred('d', 0, 10, 's_j', ['Donald Trump Jr.']))).toBe(true);
});

test('label identities: a surname-only label is the one labelled person of that last name, or the one holding 90% of its labels', () => {
  const ls = [label('d1', [0, 1], 'Obama'), label('d2', [0, 1], 'Barack Obama'), label('d3', [0, 1], 'Clinton'), label('d4', [0, 1], 'Bill Clinton'), label('d5', [0, 1], 'Hillary Clinton'), label('d6', [0, 1], 'The F.B.I.', 'organization', 'organization')];
  expect(labelIdentities(ls)).toEqual(['barack obama', 'barack obama', 'clinton', 'bill clinton', 'hillary clinton', 'fbi']);
  const trumps = (donald: number) => [label('t', [0, 1], 'Trump'), ...Array.from({ length: donald }, (_, i) => label(`d${i}`, [0, 1], 'Donald Trump')), label('e', [0, 1], 'Eric Trump')];
  expect(labelIdentities(trumps(9))[0]).toBe('donald trump');
  expect(labelIdentities(trumps(8))[0]).toBe('trump');
  // A label's `person` names the labelled person where articles write the name differently.
  const rendell = [label('r1', [0, 1], 'Ed Rendell'), { ...label('r2', [0, 1], 'Edward Rendell'), person: 'Ed Rendell' }, label('r3', [0, 1], 'Edward Rendell')];
  expect(labelIdentities(rendell)).toEqual(['ed rendell', 'ed rendell', 'edward rendell']);
});

test('label file: malformed lines are usage errors with file:line', () => {
  const good = JSON.stringify(label('d', [1, 2], 'A B'));
  expect(parseSpeakerLabels(`${good}\n\n${good}\n`, 'l.jsonl')).toHaveLength(2);
  expect(() => parseSpeakerLabels(`${good}\n{oops\n`, 'l.jsonl')).toThrow(/^l\.jsonl:2: not a JSON line/);
  expect(() => parseSpeakerLabels(JSON.stringify({ ...label('d', [1, 2], 'A'), mention_kind: 'nickname' }), 'l.jsonl')).toThrow(UsageError);
  expect(() => parseSpeakerLabels(JSON.stringify({ ...label('d', [1, 2], 'A'), content: [5, 2] }), 'l.jsonl')).toThrow(/^l\.jsonl:1: expected/);
  expect(() => parseSpeakerLabels(JSON.stringify({ ...label('d', [1, 2], 'A B'), person: '' }), 'l.jsonl')).toThrow(/^l\.jsonl:1: "person" must be/);
});

// Hand-written articles: the quote finder names "Mr. Rubio" alone in the second (no full name there); merging across
// the corpus makes it Marco Rubio (quoted by full name in three articles), which is what the labels say.
const A1 = 'Senator Marco Rubio spoke in Miami on Monday. "We will win Florida," Marco Rubio said. "It is our state," he added.';
const A2 = 'The debate ended late. "I am proud of this campaign," Mr. Rubio said. A spokesman said, "The numbers are good."';
const A3 = 'Marco Rubio visited Tampa. "Taxes are too high," Marco Rubio said.';
const A4 = 'In Orlando, Marco Rubio spoke to donors. "We need your help," Marco Rubio said.';
const at = (text: string, piece: string): [number, number] => [text.indexOf(piece), text.indexOf(piece) + piece.length];

test('end to end on hand-written articles: the quote finder, the merging across articles, the score', () => {
  const settings = loadQuoteSettings();
  const articles = [
    { docId: 'a1', outlet: 'o1', quotes: findQuotes(readText(A1), settings) },
    { docId: 'a2', outlet: 'o2', quotes: findQuotes(readText(A2), settings) },
    { docId: 'a3', outlet: 'o1', quotes: findQuotes(readText(A3), settings) },
    { docId: 'a4', outlet: 'o2', quotes: findQuotes(readText(A4), settings) },
  ];
  expect(articles[1].quotes.map((q) => q.speaker)).toContain('Rubio');
  const labels = [
    label('a1', at(A1, 'We will win Florida,'), 'Marco Rubio'),
    label('a1', at(A1, 'It is our state,'), 'Marco Rubio', 'pronoun'),
    label('a2', at(A2, 'I am proud of this campaign,'), 'Marco Rubio', 'surname'),
    label('a2', at(A2, 'The numbers are good.'), '', 'role'),
  ];
  const s = evaluateSpeakers(labels, articles, loadEntitySettings(settings.titles));
  expect(s).toMatchObject({ labels: 4, matched: 4, right: 4, unmatched: 0 });
  expect(s.pairs).toMatchObject({ truePositive: 3, falsePositive: 0, falseNegative: 0 });
  // Named in one article only, Marco Rubio does not take "Mr. Rubio" in another: the surname label is wrong.
  const fewer = evaluateSpeakers(labels, articles.slice(0, 2), loadEntitySettings(settings.titles));
  expect(fewer.byKind.surname).toMatchObject({ matched: 1, right: 0 });
  // Nor when an alias sends "Rubio" to another name.
  const apart = evaluateSpeakers(labels, articles, { ...loadEntitySettings(settings.titles), aliases: new Map([['rubio', 'Somebody Else']]) });
  expect(apart.byKind.surname).toMatchObject({ matched: 1, right: 0 });
  expect(apart.pairs).toMatchObject({ truePositive: 1, falseNegative: 2 });
  // Labels about other articles: counted apart; none at all in the gold file is a usage error.
  const other = evaluateSpeakers([...labels, label('zz', [0, 5], 'Somebody')], articles, loadEntitySettings(settings.titles));
  expect(other).toMatchObject({ labels: 5, unmatched: 1, notInGold: 1 });
  expect(() => evaluateSpeakers([label('zz', [0, 5], 'Somebody')], articles, loadEntitySettings(settings.titles))).toThrow(/none of the 1 speaker labels/);
});

test('framelens eval --speaker-labels prints the table by mention kind', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-evalsp-'));
  const gold = join(dir, 'gold.jsonl');
  const labels = join(dir, 'labels.jsonl');
  writeFileSync(gold, [A1, A2, A3, A4].map((text, i) => JSON.stringify({ doc_id: `a${i + 1}`, publisher: `o${i + 1}`, text, attributions: [] })).join('\n') + '\n');
  writeFileSync(labels, [label('a1', at(A1, 'We will win Florida,'), 'Marco Rubio'), label('a2', at(A2, 'I am proud of this campaign,'), 'Marco Rubio', 'surname')].map((l) => JSON.stringify(l)).join('\n') + '\n');
  const r = framelens(['eval', '--gold', gold, '--speaker-labels', labels]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/quote F1/);
  expect(r.stdout).toMatch(/^surname\s+1\s+1\s+1\s+100\.0$/m);
  expect(r.stdout).toMatch(/^ALL\s+2\s+2\s+2\s+100\.0$/m);
  expect(r.stdout).toMatch(/^merging, all matched labels.*precision 1\.000 .*recall 1\.000 \(1 of 1 pairs/m);
  expect(r.stdout).toMatch(/^merging, labels whose quote names the labelled person: precision 1\.000 .*recall 1\.000 \(1 of 1 pairs/m);
  writeFileSync(join(dir, 'bad.csv'), 'alias,speaker\nRubio\n');
  const bad = framelens(['eval', '--gold', gold, '--speaker-labels', labels, '--aliases', join(dir, 'bad.csv')]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/bad\.csv:2: expected 2 fields/);
});

// The merging on PolNeAR train with the train speaker labels (test/fixtures/speakers/train.jsonl; PolNeAR read from
// ../shared at run time). Skipped, and says so, without either.
const trainLabels = packageFile('test/fixtures/speakers/train.jsonl');
const trainGold = packageFile('../shared/eval/polnear/train.jsonl');
const haveTrain = existsSync(trainLabels) && existsSync(trainGold);
if (!haveTrain) console.log('eval-speakers.test.ts: PolNeAR train check skipped — needs test/fixtures/speakers/train.jsonl and ../shared');
/** PolNeAR train's labelled evaluation, run once for the two tests that read it. */
let trainRun: ReturnType<typeof evaluate> | null = null;
function trainEvaluation(): ReturnType<typeof evaluate> {
  if (!trainRun) {
    const settings = loadQuoteSettings();
    trainRun = evaluate(trainGold, settings, { labels: loadSpeakerLabels(trainLabels), entities: loadEntitySettings(settings.titles) });
  }
  return trainRun;
}

(haveTrain ? test : test.skip)('PolNeAR train: the merging keeps people apart and brings each one together', async () => {
  const s = (await trainEvaluation()).speakers!;
  expect(s.labels).toBe(1948);
  // Measured over the 1,948 labels: 0.999 and 0.990 (12,206 of 12,335 pairs) in 0.3.14; 0.999 and 0.989 (12,099 of
  // 12,228) in 0.3.12; over 1,899 with 0.3.11's
  // code: 0.999 and 0.989 (11,251 of 11,374); over its 1,811: 0.999 and 0.988 (9,979 of 10,099 pairs); over the 1,464 of 0.3.10:
  // 0.999 and 0.985; over the 965 of 0.3.8: 0.999 and 0.975.
  expect(s.attributedPairs.precision).toBeGreaterThanOrEqual(0.99);
  expect(s.attributedPairs.recall).toBeGreaterThanOrEqual(0.95);
  // Over all matched labels a quotation given to the wrong person makes pairs of different people under one id. A
  // count of them grows when a right attribution joins an id that also holds a wrong one, so the rate is asserted:
  // precision 0.880 (1,670 wrong pairs of 1,948 labels) in 0.3.14; 0.866 (1,889 of 1,948; 1,780 of 1,899) in 0.3.12; 0.838 (2,184 of 1,899; 1,944 of 1,811) in 0.3.11;
  // 0.881 (848 of 1,464 labels) in 0.3.10; over the 965 labels before, 0.92796 (212) in 0.3.9, 0.92681 (211) in 0.3.8,
  // 0.904 (254) with 0.3.7's quote finder.
  expect(s.pairs.precision).toBeGreaterThanOrEqual(0.878);
}, 300_000);

// The right-person figures the README publishes (PolNeAR dev labels, read last; train for tuning), as floors: a change
// that attributes fewer labelled quotations to the right person fails here. Skipped, and says so, without ../shared.
const devLabels = packageFile('test/fixtures/speakers/dev.jsonl');
const devGold = packageFile('../shared/eval/polnear/dev.jsonl');
const haveDev = existsSync(devLabels) && existsSync(devGold);
if (!haveDev) console.log('eval-speakers.test.ts: PolNeAR dev check skipped — needs test/fixtures/speakers/dev.jsonl and ../shared');
(haveDev && haveTrain ? test : test.skip)('PolNeAR: right person on the labelled quotations, overall and for pronouns, no lower than published', async () => {
  const settings = loadQuoteSettings();
  const entities = loadEntitySettings(settings.titles);
  const dev = (await evaluate(devGold, settings, { labels: loadSpeakerLabels(devLabels), entities })).speakers!;
  // Published (0.3.14): dev 145 of 172 matched (0.843), pronouns 43 of 55. Train (1,948 labels): 1,368 of 1,566,
  // pronouns 695 of 764.
  expect(dev.matched).toBe(172);
  expect(dev.right).toBeGreaterThanOrEqual(145);
  expect(dev.byKind.pronoun.right).toBeGreaterThanOrEqual(43);
  const train = (await trainEvaluation()).speakers!;
  expect(train.right).toBeGreaterThanOrEqual(1368);
  expect(train.byKind.pronoun.right).toBeGreaterThanOrEqual(695);
}, 300_000);
