/**
 * report.html from a real run (the page itself is tested on 200 made-up events in report-page.test.ts): one file that
 * fetches nothing, whose index leads to the event's section with its charts — where Debian's Chromium is installed,
 * loaded in a headless browser with no console errors; a screenshot of the event is kept in the folder printed below.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { framelens } from './helpers/cli.js';
import { haveChromium, launchChromium, watchedPage } from './helpers/browser.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-report-'));
const out = join(dir, 'out');
const EVENT = '2025-01 ICE daily arrest quotas';
let html = '';
beforeAll(() => {
  const input = join(dir, 'more.jsonl');
  // A third outlet on the seeds' event, so the page has a three-way comparison.
  writeFileSync(input, JSON.stringify({ id: 'x1', outlet: 'Metro Ledger', event: EVENT, date: '2025-01-28', title: 'Raids bring chaos', text: '“This is chaos for families,” Sen. Maria Lopez said. The humane approach, officials said, is working. Critics called the raids cruel.' }) + '\n');
  expect(framelens(['run', 'corpora/', input, '--out', out, '--quiet']).status).toBe(0);
  html = readFileSync(join(out, 'report.html'), 'utf8');
});

test('the page is one file that fetches nothing; its data holds every event, outlet and headline of the run', () => {
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  expect(html).not.toMatch(/<script[^>]+src=/i);
  const data = JSON.parse(/<script id="report-data" type="application\/json">(.*?)<\/script>/s.exec(html)![1]) as { outlets: string[]; events: { label: string; headlines: unknown[][] }[] };
  expect(data.outlets).toContain('Metro Ledger');
  const event = data.events.find((e) => e.label === EVENT)!;
  expect(event.headlines.map((h) => h[2])).toContain('Raids bring chaos');
});

if (!haveChromium) console.warn('report.test.ts: /usr/bin/chromium not installed: the browser test is skipped (Debian package chromium)');

(haveChromium ? test : test.skip)('in headless Chromium: the index leads to the event, whose charts are drawn; no console errors; screenshot kept', async () => {
  const browser = await launchChromium();
  try {
    const { page, errors, requests } = await watchedPage(browser, { width: 1100, height: 900 });
    await page.goto(`file://${join(out, 'report.html')}`);
    await page.waitForSelector('#heat svg');
    await page.getByRole('link', { name: EVENT }).click();
    await page.waitForSelector('#event .chart svg');
    expect(await page.locator('#event-title').innerText()).toBe(EVENT);
    const sizes = await page.$$eval('#event .chart svg', (els) => els.map((e) => { const b = e.getBoundingClientRect(); return b.width * b.height; }));
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const s of sizes) expect(s).toBeGreaterThan(10_000);
    expect(await page.locator('#event table').first().innerText()).toContain('Metro Ledger');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    const shot = join(dir, 'report-event.png');
    await page.locator('#event').screenshot({ path: shot });
    console.log(`report.test.ts: screenshot of an event in report.html: ${shot}`);
  } finally {
    await browser.close();
  }
}, 120_000);
