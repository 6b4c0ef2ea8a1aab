/**
 * The report's compiled charts are committed (pipeline/report-charts.json, read by every run instead of compiling with
 * vega-lite each time): they must be what compiling the chart definitions in charts.ts gives now.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../src/paths.js';
import { CHARTS_FILE, chartSpecs, compileCharts } from '../src/export/report/charts.js';

test('pipeline/report-charts.json is the compiled charts.ts (after a chart change: npm run charts)', async () => {
  expect(readFileSync(packageFile(CHARTS_FILE), 'utf8')).toBe(await compileCharts());
});

test('every chart the page draws is in it, as a Vega spec reading the named data "values"', () => {
  const specs = chartSpecs() as Record<string, { $schema: string; data: { name: string }[] }>;
  expect(Object.keys(specs).sort()).toEqual(['heat', 'rates', 'speakers', 'terms']);
  for (const spec of Object.values(specs)) {
    expect(spec.$schema).toMatch(/schema\/vega\/v\d+\.json$/);
    expect(spec.data[0].name).toBe('values');
  }
});
