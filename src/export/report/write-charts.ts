/**
 * `npm run charts`: compiles the report's Vega-Lite charts (charts.ts) and writes the Vega specs every run reads
 * (CHARTS_FILE). Run it after changing a chart; test/report-charts.test.ts checks the committed file is current.
 */
import { writeFileSync } from 'node:fs';
import { packageFile } from '../../paths.js';
import { CHARTS_FILE, compileCharts } from './charts.js';

writeFileSync(packageFile(CHARTS_FILE), await compileCharts());
console.log(`framelens: wrote ${CHARTS_FILE}`);
