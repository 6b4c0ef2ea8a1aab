/**
 * The streamed auto grouping (src/pipeline/event-groups.ts) against the in-memory one (assignEvents): the same events
 * whatever the size of its sorted runs, and the line reader under it, across refill boundaries.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignEvents, type EventInput } from '../src/aggregate/events.js';
import { articleTerms } from '../src/aggregate/terms.js';
import { readText } from '../src/nlp/index.js';
import { packageFile } from '../src/paths.js';
import { EventGrouper } from '../src/pipeline/event-groups.js';
import { LineReader } from '../src/pipeline/lines.js';

interface Fixture { id: string; outlet: string; date: string; title: string; text: string }
const fixture = readFileSync(packageFile('test/fixtures/events/articles.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Fixture);
// Two undated copies too: undated articles are visited last and may join groups still open then.
const items: EventInput[] = [...fixture, ...fixture.slice(0, 2).map((f) => ({ ...f, id: `${f.id}-undated`, date: '' }))].map((f, i) => ({
  id: f.id, seq: i, outlet: f.outlet, date: f.date, title: f.title, event: '', terms: articleTerms(readText(f.text)),
}));

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'framelens-groups-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function streamed(runTerms: number, order: EventInput[]): Map<string, string> {
  const grouper = new EventGrouper(dir, runTerms);
  for (const it of order) grouper.add(it);
  const bySeq = grouper.assign();
  expect(readdirSync(dir)).toEqual([]); // its runs are removed
  return new Map(items.map((it) => [it.id, bySeq.get(it.seq)!]));
}

test('streamed grouping = in-memory grouping, in one run or in many sorted runs, whatever the input order', () => {
  const expected = assignEvents(items, 'auto');
  expect(new Set(expected.values()).size).toBeGreaterThan(5);
  expect(streamed(1e9, items)).toEqual(expected); // one run, never written
  const terms = items.reduce((n, it) => n + it.terms.length, 0);
  expect(streamed(Math.ceil(terms / 7), items)).toEqual(expected); // about 7 runs merged
  expect(streamed(1, [...items].reverse())).toEqual(expected); // one article per run
});

test('line reader: lines across refills, multi-byte characters split by a refill, empty lines, no final newline', () => {
  const path = join(dir, 'lines.jsonl');
  const lines = ['{"a":"“curly” é"}', '', 'x', '€€€€€€€€€', '{"last":true}'];
  writeFileSync(path, lines.join('\n'));
  for (const size of [1, 2, 3, 7, 1 << 20]) {
    const r = new LineReader(path, size);
    const got: string[] = [];
    const numbers: number[] = [];
    for (let l = r.next(); l !== null; l = r.next()) {
      got.push(l);
      numbers.push(r.lineNumber);
    }
    expect(got).toEqual(lines.filter(Boolean));
    expect(numbers).toEqual([1, 3, 4, 5]); // the empty line 2 counted, not returned
  }
});
