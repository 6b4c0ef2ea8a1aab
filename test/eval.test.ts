/** The eval scorer on tiny hand-made gold (P/R/F1 computed by hand), and on the hand-annotated gold set. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, isGold, scoreArticle, speakerIsRight } from '../src/eval/index.js';
import { loadQuoteSettings } from '../src/quotes/index.js';
import type { Quote } from '../src/types.js';
import { framelens } from './helpers/cli.js';
import { packageFile } from '../src/paths.js';

const span = (s: number, e: number, text = '') => ({ spans: [[s, e]] as [number, number][], text });
function pred(start: number, end: number, extra: Partial<Quote> = {}): Quote {
  return { id: 'q', kind: 'direct', start, end, tokens: 1, cue: 'said', cueStart: null, cueEnd: null, speaker: 'UNKNOWN', speakerMention: '', speakerStart: null, speakerEnd: null, speakerRole: '', speakerType: 'unknown', ...extra };
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

test('speaker rule: mention span overlaps the gold source, or the canonical last name is in the source text', () => {
  const source = span(50, 64, 'Sen. Ted Cruz,');
  expect(speakerIsRight(pred(0, 1, { speakerStart: 55, speakerEnd: 58 }), source)).toBe(true);
  expect(speakerIsRight(pred(0, 1, { speaker: 'Ted Cruz', speakerStart: 0, speakerEnd: 2 }), source)).toBe(true);
  expect(speakerIsRight(pred(0, 1, { speaker: 'Ted Cruzado' }), source)).toBe(false);
  expect(speakerIsRight(pred(0, 1, { speaker: 'UNKNOWN' }), source)).toBe(false);
});

test('evaluate() on the hand-annotated gold set (test/gold/quotes.jsonl)', async () => {
  const r = await evaluate(packageFile('test/gold/quotes.jsonl'), loadQuoteSettings());
  expect(r.articles).toBe(22);
  expect(r.total.gold).toBe(23);
  // Measured 2026-11-22: P 1.000, R 1.000, speaker accuracy 1.000; allow one miss before failing.
  expect(r.total.recall).toBeGreaterThanOrEqual(22 / 23);
  expect(r.total.precision).toBeGreaterThanOrEqual(0.95);
  expect(r.total.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
});

test('framelens eval prints the table and writes eval_details.csv and eval_summary.json', () => {
  const out = mkdtempSync(join(tmpdir(), 'framelens-eval-'));
  const r = framelens(['eval', '--gold', 'test/gold/quotes.jsonl', '--out', out]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^ALL\s+23\s+/m);
  expect(r.stdout).toMatch(/quote F1 \d\.\d{3}, speaker accuracy \d\.\d{3}/);
  expect(readFileSync(join(out, 'eval_details.csv'), 'utf8').split('\n')[0]).toBe('article,outlet,status,kind,gold,gold_source,predicted,speaker,mention,speaker_right');
  expect(JSON.parse(readFileSync(join(out, 'eval_summary.json'), 'utf8')).total.gold).toBe(23);
  expect(framelens(['eval', '--gold', join(out, 'missing.jsonl')]).status).toBe(2);
});
