/**
 * report.html (src/export/report/): the page's data from table rows, and — where Debian's Chromium is installed —
 * the page itself in a headless browser: no console errors, nothing fetched, every one of 200 events reachable from
 * the index. Screenshots of the top, the index and one event are kept in the folder printed below, to be looked at.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReportData, formatP } from '../src/export/report/model.js';
import { renderReport } from '../src/export/report/page.js';
import { syntheticReportInput } from './helpers/report-input.js';
import { ReportRows } from '../src/engine/report-input.js';
import { haveChromium, launchChromium, watchedPage } from './helpers/browser.js';

test('an outlet without hits in an event keeps its tokens (drawn as a zero), and the frame that differs most is named', () => {
  const input = syntheticReportInput(1);
  input.frameCounts = input.frameCounts.map((r) => ({ ...r, hitsAuthor: 0, hitsQuote: 0, hitsParaphrase: 0 }));
  input.frameCounts[0] = { ...input.frameCounts[0], hitsAuthor: 4 }; // Daily Ledger, chaos
  const data = buildReportData(input);
  const e = data.events[0];
  expect(e.outlets.length).toBeGreaterThanOrEqual(2);
  expect(e.tokens.every((t) => t > 0)).toBe(true);
  expect(e.hits).toEqual([[0, 0, 4, 0, 0]]);
  expect(e.topFrame).toBe('chaos');
  const ledgerTokens = input.articles.find((a) => a.outlet === 'Daily Ledger')!.tokens;
  expect(e.topSpread).toBeCloseTo((4 / ledgerTokens) * 10_000, 4);
});

test('only contrasts with q < 0.05 are stated; p-values are written as people read them', () => {
  const data = buildReportData(syntheticReportInput(3));
  expect(data.corpus.contrasts.map((c) => c.frame)).toEqual(['chaos']);
  expect(data.corpus.contrastsTested).toBe(2);
  expect(formatP(0.00000179842)).toBe('< 0.001');
  expect(formatP(0.0123)).toBe('0.012');
  expect(formatP(null)).toBe('');
});

test('the page is self-contained: no external resources; the data cannot close its script element', async () => {
  const html = await renderReport(buildReportData(syntheticReportInput(5)));
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  expect(html).not.toMatch(/<script[^>]+src=/i);
  // Event labels hold "<", "&" and quotes: inside the JSON they are escaped, so only our own script tags close.
  expect((html.match(/<\/script>/g) ?? []).length).toBe(3);
  expect(html).toContain('\\u003c0>');
});

if (!haveChromium) console.warn('report-page.test.ts: /usr/bin/chromium not installed: the browser tests are skipped (Debian package chromium)');

(haveChromium ? test : test.skip)('in headless Chromium: no console errors, nothing fetched, every event of 200 reachable from the index; screenshots kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-report-page-'));
  const data = buildReportData(syntheticReportInput(200));
  const file = join(dir, 'report.html');
  writeFileSync(file, await renderReport(data));
  const browser = await launchChromium();
  try {
    const { page, errors, requests } = await watchedPage(browser, { width: 1200, height: 1000 });
    await page.goto(`file://${file}`);
    await page.waitForSelector('#heat svg');
    expect(await page.locator('#contrasts li').count()).toBe(1);
    expect(await page.locator('#contrasts li').innerText()).toMatch(/^Daily Ledger used chaos 12\.3 per 10k tokens more than Metro Times in the 41 events both covered, 95% CI 4\.1 to 20\.5, q < 0\.001\.$/);
    await page.screenshot({ path: join(dir, 'top.png') });
    expect(await page.locator('#index-body tr').count()).toBe(200);
    await page.locator('#index').screenshot({ path: join(dir, 'index.png') });
    // Every event, from its index link: the section opens with the event's own title and its charts. Walked inside
    // the page (one round trip, not four per event): each link clicked, then, after the hashchange that draws the
    // section, its title read and its first chart awaited; the labels of events that did not open come back.
    const walk = await page.evaluate(async () => {
      const doc = (globalThis as any).document;
      const links = [...doc.querySelectorAll('#index-body a')] as any[];
      const failed: string[] = [];
      for (const a of links) {
        const label = a.textContent;
        const drawn = new Promise((resolve) => (globalThis as any).addEventListener('hashchange', resolve, { once: true }));
        a.click();
        if ((await Promise.race([drawn, new Promise((r) => setTimeout(() => r('timeout'), 5000))])) === 'timeout') {
          failed.push(label);
          continue;
        }
        const chart = doc.querySelector('#event .chart');
        for (let t = 0; chart && !chart.querySelector('svg') && t < 500; t++) await new Promise((r) => setTimeout(r, 10));
        if (doc.getElementById('event-title')?.textContent !== label || (chart && !chart.querySelector('svg'))) failed.push(label);
      }
      return { links: links.length, failed };
    });
    expect(walk).toEqual({ links: 200, failed: [] });
    // Sorting and filtering keep every event reachable; the filter narrows the index.
    await page.locator('button[data-sort=articles]').click();
    expect(await page.locator('#index-body tr').count()).toBe(200);
    await page.fill('#index-filter', data.events[17].label);
    expect(await page.locator('#index-body tr').count()).toBe(1);
    await page.locator('#index-body a').first().click();
    await page.waitForSelector('#event .chart svg');
    expect(await page.locator('#event h3').allInnerTexts()).toEqual([
      'Headlines',
      'Frame rates by outlet and voice (frame hits per 10,000 word tokens)',
      'Over-represented terms by outlet (vs the event’s other outlets)',
      'Most-quoted speakers by outlet (quotations; name variants merged)',
      'Quotations carried by more than one outlet',
      'Keyword in context',
    ]);
    await page.locator('#event').screenshot({ path: join(dir, 'event.png') });
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    console.log(`report-page.test.ts: screenshots of report.html (top, index, event): ${dir}`);
  } finally {
    await browser.close();
  }
}, 180_000);

test('the reduce keeps for the page only the rows it shows: the same page as from every row of the tables', () => {
  const input = syntheticReportInput(6);
  // More rows than the page shows per event × outlet (and per event), unnamed speakers and terms with z ≤ 0 among them.
  input.speakers = [];
  input.terms = [];
  input.shared = [];
  for (const [event] of input.eventInfo) {
    for (const outlet of ['Daily Ledger', 'Metro Times']) {
      for (let i = 0; i < 20; i++) {
        input.speakers.push({ event, outlet, speaker: i % 5 === 0 ? 'UNKNOWN' : `Speaker ${i}`, quotes: 30 - i });
        input.terms.push({ event, outlet, term: `t${i}`, count: 20 - i, z: i % 4 === 0 ? -1 : 3 - i / 10, significant: i < 6 });
      }
    }
    for (let i = 0; i < 15; i++) input.shared.push({ event, speaker: `Speaker ${i}`, wordings: [{ outlets: ['Daily Ledger', 'Metro Times'], text: `words ${i}` }] });
  }
  const kept = new ReportRows();
  const speakerColumns = ['event', 'outlet', 'speaker', 'quotes'];
  const termColumns = ['event', 'outlet', 'term', 'count', 'z', 'significant'];
  kept.speakerRows(speakerColumns, input.speakers.map((s) => [s.event, s.outlet, s.speaker, s.quotes]));
  kept.termRows(termColumns, input.terms.map((t) => [t.event, t.outlet, t.term, t.count, t.z, t.significant]));
  for (const s of input.shared) kept.sharedQuote(s.event, s.speaker, s.wordings);
  // 6 events × 2 outlets × SPEAKERS_PER_OUTLET (8) named speakers, × TERMS_PER_OUTLET (10) terms; 6 × SHARED_PER_EVENT (10).
  expect([kept.speakers.length, kept.terms.length, kept.shared.length]).toEqual([96, 120, 60]);
  expect(buildReportData({ ...input, speakers: kept.speakers, terms: kept.terms, shared: kept.shared })).toEqual(buildReportData(input));
});
