/** The eval scorer on tiny hand-made gold (P/R/F1 computed by hand), and on the hand-annotated gold set. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, isGold, scoreArticle, speakerIsRight } from '../src/eval/index.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import type { Quote } from '../src/types.js';
import { framelens } from './helpers/cli.js';
import { packageFile } from '../src/paths.js';

const span = (s: number, e: number, text = '') => ({ spans: [[s, e]] as [number, number][], text });
function pred(start: number, end: number, extra: Partial<Quote> = {}): Quote {
  return { id: 'q', kind: 'direct', start, end, tokens: 1, cue: 'said', cueStart: null, cueEnd: null, speaker: 'UNKNOWN', speakerMention: '', speakerStart: null, speakerEnd: null, speakerRole: '', speakerType: 'unknown', gaps: [], ...extra };
}
const gold = (content: [number, number][], source = span(0, 5, 'Smith'), cue = 'said') => ({
  id: 'E', type: 'Attribution', source, cue: { spans: [[0, 0]] as [number, number][], text: cue }, content: { spans: content, text: 'x' },
});

test('gold filter: speech cue, colon or quotation mark; needs a source and a content', () => {
  expect(isGold(gold([[0, 10]]))).toBe(true);
  expect(isGold({ ...gold([[0, 10]]), cue: { spans: [[0, 0]], text: 'believes' } })).toBe(false);
  expect(isGold({ ...gold([[0, 10]]), cue: { spans: [[0, 0]], text: 'believes' }, content: { spans: [[0, 10]], text: '“x”' } })).toBe(true);
  expect(isGold({ ...gold([[0, 10]]), source: null })).toBe(false);
  expect(isGold({ ...gold([[0, 10]]), type: 'Attribution-no-source' })).toBe(false);
});

test('gold filter: every inflection of a speech verb is a speech cue; doubled apostrophes are quotation marks', () => {
  const withCue = (cue: string) => isGold({ ...gold([[0, 10]]), cue: { spans: [[0, 0]], text: cue } });
  for (const cue of ['argues', 'arguing', 'is declaring', 'insists', 'claiming', 'reporting', 'explains', 'replies']) expect(withCue(cue)).toBe(true);
  for (const cue of ['believes', 'supported', 'thinks']) expect(withCue(cue)).toBe(false);
  // The New York Times in PolNeAR renders quotation marks as two apostrophes.
  expect(isGold({ ...gold([[0, 10]]), cue: { spans: [[0, 0]], text: 'believes' }, content: { spans: [[0, 10]], text: "''x''" } })).toBe(true);
  expect(isGold({ ...gold([[0, 10]]), cue: { spans: [[0, 0]], text: 'believes' }, content: { spans: [[0, 10]], text: "Trump's" } })).toBe(false);
});

test('30% of each span, one-to-one, greedy by shared characters (hand-computed)', () => {
  // gold A = [0,100), gold B = [200,210); predictions: p0 = [0,40) shares 40 (40% of A, 100% of p0) → match;
  // p1 = [0,300) shares 100 with A but that is 33% of p1 (ok) — greedy takes the larger overlap first: p1–A (100),
  // then p0 cannot take A; p1 also covers B (10 of 300 = 3% of p1 < 30%) → B unmatched; p2 = [205,260) shares 5 of 10
  // (50% of B) but 5 of 55 = 9% of p2 → no. So: 1 match of 2 gold, 3 predictions: P = 1/3, R = 1/2.
  const g = [gold([[0, 100]]), gold([[200, 210]])];
  const r = scoreArticle(g, [pred(0, 40), pred(0, 300), pred(205, 260)]);
  expect(r.pairs).toEqual([[0, 1]]);
});

test('discontinuous gold content: shared characters are summed over its spans', () => {
  // gold spans [0,10) and [20,30) = 20 characters; prediction [0,30) shares 20 = 100% of gold, 67% of prediction.
  expect(scoreArticle([gold([[0, 10], [20, 30]])], [pred(0, 30)]).pairs).toEqual([[0, 0]]);
  // prediction [25,30) shares 5 = 25% of gold → no match.
  expect(scoreArticle([gold([[0, 10], [20, 30]])], [pred(25, 30)]).pairs).toEqual([]);
});

test('a joined prediction is scored by its pieces: the attribution between them is not content (hand-computed)', () => {
  // Text: “A…A,” said X, a long description of X, “B…B.” Gold content [0,40) and [150,200) = 90 characters.
  // Prediction [0,200) with gap [40,150): pieces 40 + 50 = 90 characters, all shared → 100% of each → match.
  expect(scoreArticle([gold([[0, 40], [150, 200]])], [pred(0, 200, { gaps: [[40, 150]] })]).pairs).toEqual([[0, 0]]);
  // The same span read whole: 90 shared of 200 = 45% → still a match; with gold only the first piece, [0,40):
  // whole span 40/200 = 20% < 30% → no match; by pieces 40/90 = 44% → match.
  expect(scoreArticle([gold([[0, 40], [150, 200]])], [pred(0, 200)]).pairs).toEqual([[0, 0]]);
  expect(scoreArticle([gold([[0, 40]])], [pred(0, 200)]).pairs).toEqual([]);
  expect(scoreArticle([gold([[0, 40]])], [pred(0, 200, { gaps: [[40, 150]] })]).pairs).toEqual([[0, 0]]);
});

test('speaker rule: mention span overlaps the gold source, or the canonical last name is in the source text', () => {
  const source = span(50, 64, 'Sen. Ted Cruz,');
  expect(speakerIsRight(pred(0, 1, { speakerStart: 55, speakerEnd: 58 }), source)).toBe(true);
  expect(speakerIsRight(pred(0, 1, { speaker: 'Ted Cruz', speakerStart: 0, speakerEnd: 2 }), source)).toBe(true);
  expect(speakerIsRight(pred(0, 1, { speaker: 'Ted Cruzado' }), source)).toBe(false);
  expect(speakerIsRight(pred(0, 1, { speaker: 'UNKNOWN' }), source)).toBe(false);
});

test('evaluate() on the hand-annotated gold set (test/gold/quotes.jsonl)', async () => {
  const r = await evaluate(packageFile('test/gold/quotes.jsonl'), loadQuoteSettings());
  expect(r.articles).toBe(30);
  expect(r.total.gold).toBe(32);
  // Measured 2026-11-22: 32 gold, 32 predicted, 32 matched, speaker accuracy 1.000. The 23 'gold' articles were
  // written with the fixes; the 9 'fresh' ones afterwards (7/9 matched at first; the two shapes missed were fixed
  // later, so that subset no longer checks independently). Margin: a miss, a spurious quote or a wrong speaker or two
  // before failing.
  expect(r.total.recall).toBeGreaterThanOrEqual(29 / 32);
  expect(r.total.precision).toBeGreaterThanOrEqual(29 / 30);
  expect(r.total.f1).toBeGreaterThanOrEqual(0.93);
  expect(r.total.speakerAccuracy).toBeGreaterThanOrEqual(29 / 30);
  expect(r.byOutlet.gold).toMatchObject({ gold: 23, matched: 23 });
  expect(r.byOutlet.fresh.gold).toBe(9);
});

test('framelens eval prints the table and writes eval_details.csv and eval_summary.json', () => {
  const out = mkdtempSync(join(tmpdir(), 'framelens-eval-'));
  const r = framelens(['eval', '--gold', 'test/gold/quotes.jsonl', '--out', out]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^ALL\s+32\s+/m);
  expect(r.stdout).toMatch(/quote F1 \d\.\d{3}, speaker accuracy \d\.\d{3}/);
  expect(readFileSync(join(out, 'eval_details.csv'), 'utf8').split('\n')[0]).toBe('article,outlet,status,kind,gold,gold_source,predicted,speaker,mention,speaker_right');
  expect(JSON.parse(readFileSync(join(out, 'eval_summary.json'), 'utf8')).total.gold).toBe(32);
  expect(framelens(['eval', '--gold', join(out, 'missing.jsonl')]).status).toBe(2);
});

test('evaluate() on tiny hand-made gold: P/R/F1 and speaker accuracy by hand; unattributed quotes are not predictions', async () => {
  const at = (text: string, s: string) => { const i = text.indexOf(s); if (i < 0) throw new Error(s); return { spans: [[i, i + s.length]] as [number, number][], text: s }; };
  const att = (text: string, source: string, cue: string, content: string) => ({ id: 'E', type: 'Attribution', source: at(text, source), cue: at(text, cue), content: at(text, content) });
  const a = '“We are ready,” Ana Ruiz said. The “chaos” was real.';
  const b = 'Rep. Dan Cole said that taxes would rise next year. Critics argued otherwise.';
  const c = '“Prices will fall,” Mark Dunn said. Lisa Hale agreed.';
  const d = '“Stay home,” Gov. Ana Ruiz said.';
  const lines = [
    // a: 1 gold, matched, speaker right (mention overlaps); the scare quote “chaos” has no cue and no speaker → not a prediction.
    { doc_id: 'a', publisher: 'x', text: a, attributions: [att(a, 'Ana Ruiz', 'said', 'We are ready')] },
    // b: 2 gold (the 'believes' one is not gold: no speech cue, no mark); "taxes would rise next year" matched, speaker
    // right; "otherwise" (argued) missed.
    { doc_id: 'b', publisher: 'x', text: b, attributions: [att(b, 'Rep. Dan Cole', 'said', 'taxes would rise next year'), att(b, 'Critics', 'argued', 'otherwise'), { ...att(b, 'Critics', 'Critics', 'taxes would rise'), cue: { spans: [[0, 0]], text: 'believes' } }] },
    // c: the annotator gives the quote to Lisa Hale: matched, speaker wrong (mention "Mark Dunn" does not overlap,
    // "dunn" is not in "Lisa Hale").
    { doc_id: 'c', publisher: 'y', text: c, attributions: [att(c, 'Lisa Hale', 'said', 'Prices will fall')] },
    // d: no gold; the attributed quote is spurious.
    { doc_id: 'd', publisher: 'y', text: d, attributions: [] },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'framelens-evalgold-'));
  const file = join(dir, 'g.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const r = await evaluate(file, loadQuoteSettings());
  // gold 4, predicted 4 (a, b, c, d; not “chaos”), matched 3, speakers right 2:
  // P = 3/4, R = 3/4, F1 = 0.75, speaker accuracy = 2/3.
  expect(r.total).toMatchObject({ gold: 4, predicted: 4, matched: 3, speakerRight: 2 });
  expect(r.total.precision).toBeCloseTo(0.75, 6);
  expect(r.total.recall).toBeCloseTo(0.75, 6);
  expect(r.total.f1).toBeCloseTo(0.75, 6);
  expect(r.total.speakerAccuracy).toBeCloseTo(2 / 3, 6);
  // by outlet: x = gold 3, predicted 2, matched 2 (P 1, R 2/3, F1 0.8, speaker 1); y = gold 1, predicted 2, matched 1 (P 0.5, R 1, speaker 0).
  expect(r.byOutlet.x).toMatchObject({ gold: 3, predicted: 2, matched: 2, speakerRight: 2 });
  expect(r.byOutlet.x.f1).toBeCloseTo(0.8, 6);
  expect(r.byOutlet.y).toMatchObject({ gold: 1, predicted: 2, matched: 1, speakerRight: 0, precision: 0.5, recall: 1, speakerAccuracy: 0 });
  expect(r.details.filter((x) => x.status === 'spurious').map((x) => x.predicted)).toEqual(['Stay home']);
  expect(r.details.filter((x) => x.status === 'missed').map((x) => x.gold)).toEqual(['otherwise']);
});

test('greedy matching (hand-computed) gives P 1/3, R 1/2 through the tallies', () => {
  // Same case as above: 1 pair of 2 gold and 3 predictions.
  const g = [gold([[0, 100]]), gold([[200, 210]])];
  const { pairs } = scoreArticle(g, [pred(0, 40), pred(0, 300), pred(205, 260)]);
  const P = pairs.length / 3, R = pairs.length / 2;
  expect(P).toBeCloseTo(1 / 3, 9);
  expect(R).toBe(0.5);
  expect((2 * P * R) / (P + R)).toBeCloseTo(0.4, 9);
});

const polnearDev = packageFile('../shared/eval/polnear/dev.jsonl');
(existsSync(polnearDev) ? test : test.skip)('PolNeAR dev (../shared, read at run time): quote F1 and speaker accuracy at or above target', async () => {
  const r = await evaluate(polnearDev, loadQuoteSettings());
  // Measured 2026-11-24 (0.2.9): 1,200 gold, 1,040 predicted, 968 matched: P 0.931, R 0.807, F1 0.864; speaker
  // accuracy 0.945 (0.2.8: 1,039 predicted, 967 matched, speaker 0.943; 0.2.7: the same counts, speaker 0.942) — 0.855 before the quotation-signature rule, which was found by reading dev's misses (README)
  // (0.2.6: 1,022 predicted, 948 matched, F1 0.853, 0.940). The targets of issue #3 are F1 >= 0.85 and speaker accuracy >= 0.90;
  // issue #23 keeps F1 at or above 0.864. 0.3.8: 1,035 predicted, 965 matched, F1 0.8635 (negated reports left out);
  // 0.3.9: 1,036 predicted, 967 matched, F1 0.865 (scene-setting phrases left out, colon lead-ins, "by saying").
  expect(r.articles).toBe(84);
  expect(r.total.f1).toBeGreaterThanOrEqual(0.864);
  expect(r.total.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
}, 60_000);
