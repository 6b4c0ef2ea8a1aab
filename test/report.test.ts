/**
 * report.html: self-contained (no external URLs, no scripts), one SVG chart per panel, and — where Debian's Chromium
 * is installed — it loads in a headless browser with no console errors and visible charts. A screenshot is kept in
 * the temp folder printed below, to be looked at.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { framelens } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'framelens-report-'));
const out = join(dir, 'out');
let html = '';
beforeAll(() => {
  const input = join(dir, 'more.jsonl');
  // A third outlet on the seeds' event, so the page has a three-way comparison.
  writeFileSync(input, JSON.stringify({ id: 'x1', outlet: 'Metro Ledger', event: '2025-01 ICE daily arrest quotas', date: '2025-01-28', text: '“This is chaos for families,” Sen. Maria Lopez said. The humane approach, officials said, is working. Critics called the raids cruel.' }) + '\n');
  expect(framelens(['run', 'corpora/', input, '--out', out, '--quiet']).status).toBe(0);
  html = readFileSync(join(out, 'report.html'), 'utf8');
});

test('the page is self-contained: no external resources, no scripts', () => {
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)=["']?https?:/i);
  expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
});

test('the event has its three charts (frame rates by voice, speakers, distinctive terms) as inline SVG', () => {
  expect(html).toContain('<h2>2025-01 ICE daily arrest quotas</h2>');
  expect((html.match(/<svg/g) ?? []).length).toBe(3);
  expect(html).toContain('Frame rates by outlet');
  expect(html).toContain('Most-quoted speakers by outlet');
  expect(html).toContain('Distinctive terms by outlet');
  expect(html).toContain('Metro Ledger');
});

const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) console.warn('report.test.ts: /usr/bin/chromium not installed: the browser test is skipped (Debian package chromium)');

(existsSync(chromium) ? test : test.skip)('loads in headless Chromium with no console errors and visible charts; screenshot kept', async () => {
  const { chromium: browserType } = await import('playwright-core');
  const browser = await browserType.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${join(out, 'report.html')}`);
    const sizes = await page.$$eval('svg', (els) => els.map((e) => { const b = e.getBoundingClientRect(); return [b.width, b.height]; }));
    expect(sizes).toHaveLength(3);
    for (const [w, h] of sizes) expect(w * h).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`report.test.ts: screenshot of report.html: ${shot}`);
  } finally {
    await browser.close();
  }
}, 120_000);
