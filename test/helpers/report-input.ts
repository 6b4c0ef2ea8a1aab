/** A made-up corpus's table rows for report tests: `events` events over three outlets, seeded so every run is alike. */
import type { ReportInput } from '../../src/export/report/model.js';
import { seededRandom } from './random.js';

export function syntheticReportInput(events: number, seed = 7): ReportInput {
  const next = seededRandom(seed);
  const random = () => next(1_000_000) / 1_000_000;
  const outlets = ['Daily Ledger', 'Metro Times', 'The Courier'];
  const frames = ['chaos', 'humane', 'cruelty', 'threat'];
  const input: ReportInput = {
    title: 'framelens report', version: 'test', frames, articles: [], frameCounts: [], corpusRates: [], contrasts: [], warnings: [],
    terms: [], speakers: [], shared: [], kwic: [], eventInfo: new Map(),
  };
  for (let e = 0; e < events; e++) {
    const id = `event-${String(e).padStart(3, '0')}`;
    const date = `2025-${String(1 + (e % 12)).padStart(2, '0')}-${String(1 + (e % 28)).padStart(2, '0')}`;
    input.eventInfo.set(id, { label: `${date} story <${e}> & "friends"`, date });
    const covering = outlets.filter((_, i) => i === 0 || random() < 0.7);
    for (const outlet of covering) {
      input.articles.push({ id: `${id}/${outlet}`, outlet, date, event: id, title: `${outlet} on story ${e}`, url: e % 2 ? `https://example.org/${e}` : '', tokens: 400 + Math.floor(random() * 800) });
      for (const frame of frames) {
        const counts = [0, 0, 0].map(() => (random() < 0.3 ? Math.floor(random() * 4) : 0));
        input.frameCounts.push({ event: id, outlet, frame, hitsAuthor: counts[0], hitsQuote: counts[1], hitsParaphrase: counts[2] });
        if (counts[0]) input.kwic.push({ event: id, frame, outlet, voice: 'author', left: 'words before the ', match: frame, right: ' and words after' });
      }
      input.terms.push({ event: id, outlet, term: `term${e}`, count: 3, z: 2.5 * random(), significant: e % 3 === 0 });
      input.speakers.push({ event: id, outlet, speaker: 'Tom Homan', quotes: 1 + (e % 4) });
    }
    if (covering.length > 1) input.shared.push({ event: id, speaker: 'Tom Homan', wordings: [{ outlets: covering.slice(0, 1), text: 'This is a targeted operation.' }, { outlets: covering.slice(1), text: 'a targeted operation' }] });
  }
  for (const frame of frames) {
    for (const outlet of outlets) input.corpusRates.push({ frame, voice: 'all', outlet, hits: 10, tokens: 100_000, ciLow: 0.5, ciHigh: 1.6 });
  }
  input.contrasts.push({ frame: 'chaos', voice: 'all', outletA: 'Daily Ledger', outletB: 'Metro Times', events: 41, diff: 12.3, ciLow: 4.1, ciHigh: 20.5, p: 0.0001, q: 0.0004 });
  input.contrasts.push({ frame: 'humane', voice: 'quote', outletA: 'Daily Ledger', outletB: 'The Courier', events: 12, diff: -1, ciLow: -3, ciHigh: 1, p: 0.4, q: 0.6 });
  return input;
}
