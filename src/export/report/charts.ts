/**
 * The report's charts as Vega-Lite specs, compiled to Vega ahead of time (CHARTS_FILE); the page's script hands each
 * its rows (named data `values`). Palette: Okabe & Ito's colour-blind-safe colours for the voices, viridis for rates.
 */
import { readFileSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import { packageFile } from '../../paths.js';

/** Author, quote, paraphrase (Okabe–Ito blue, orange, bluish green). */
export const VOICE_COLOURS = ['#0072B2', '#E69F00', '#009E73'];
const FONT = { font: 'sans-serif', view: { stroke: null }, axis: { labelLimit: 220 } };

const heat = {
  config: FONT,
  data: { name: 'values' },
  width: { step: 64 },
  height: { step: 26 },
  layer: [
    {
      mark: 'rect',
      encoding: {
        x: { field: 'frame', type: 'nominal', title: 'frame', axis: { labelAngle: -30 } },
        y: { field: 'outlet', type: 'nominal', title: null },
        color: { field: 'rate', type: 'quantitative', title: 'per 10k tokens', scale: { scheme: 'viridis' }, legend: { format: '.1f' } },
        tooltip: [
          { field: 'outlet', type: 'nominal' },
          { field: 'frame', type: 'nominal' },
          { field: 'label', type: 'nominal', title: 'hits per 10k tokens (95% CI)' },
        ],
      },
    },
    {
      mark: { type: 'text', fontSize: 11 },
      encoding: {
        x: { field: 'frame', type: 'nominal' },
        y: { field: 'outlet', type: 'nominal' },
        text: { field: 'short', type: 'nominal' },
        color: { condition: { test: 'datum.dark', value: 'white' }, value: 'black' },
      },
    },
  ],
};

/** Frame rates by outlet, one row of bars per frame, stacked by voice; every outlet drawn, a zero included. */
const rates = {
  config: FONT,
  data: { name: 'values' },
  facet: { row: { field: 'frame', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
  spec: {
    width: 420,
    height: { step: 16 },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y: { field: 'outlet', type: 'nominal', title: null },
          x: { field: 'rate', type: 'quantitative', title: 'frame hits per 10,000 word tokens', stack: 'zero' },
          color: { field: 'voice', type: 'nominal', scale: { domain: ['author', 'quote', 'paraphrase'], range: VOICE_COLOURS }, title: 'voice' },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [{ field: 'outlet' }, { field: 'voice' }, { field: 'rate', format: '.1f', title: 'per 10k tokens' }, { field: 'hits', title: 'hits' }],
        },
      },
      {
        // The total's label is set on one voice's row of each outlet only (the others' is empty).
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        encoding: {
          y: { field: 'outlet', type: 'nominal' },
          x: { field: 'total', type: 'quantitative' },
          text: { field: 'totalLabel', type: 'nominal' },
        },
      },
    ],
  },
  // Every frame's row lists the same outlets: one shared y scale.

};

/** One small chart of ranked bars per outlet: distinctive terms (z), speakers (quotations). */
function ranked(title: string, colourField: boolean) {
  return {
    config: FONT,
    data: { name: 'values' },
    facet: { row: { field: 'outlet', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' } } },
    spec: {
      width: 300,
      height: { step: 14 },
      mark: 'bar',
      encoding: {
        y: { field: 'label', type: 'nominal', sort: '-x', title: null },
        x: { field: 'value', type: 'quantitative', title, ...(colourField ? {} : { axis: { tickMinStep: 1 } }) },
        ...(colourField
          ? { color: { field: 'marked', type: 'nominal', scale: { domain: ['significant (|z| ≥ 1.96)', 'not significant'], range: ['#D55E00', '#999999'] }, title: null } }
          : { color: { value: '#0072B2' } }),
        tooltip: [{ field: 'label', title: '' }, { field: 'value', title }],
      },
    },
    resolve: { scale: { y: 'independent' } },
  };
}

/** The charts as Vega-Lite specs, by name: what `npm run charts` compiles into CHARTS_FILE. */
function chartDefinitions(): Record<string, TopLevelSpec> {
  return {
    heat: heat as TopLevelSpec,
    rates: rates as TopLevelSpec,
    terms: ranked('log-odds z (over-representation vs the event’s other outlets)', true) as TopLevelSpec,
    speakers: ranked('quotations', false) as TopLevelSpec,
  };
}

/**
 * The compiled Vega specs, committed (compiling with vega-lite took 0.2–0.5 s of every run). `npm run charts`
 * rewrites it after a change above; test/report-charts.test.ts fails while it differs from a fresh compile.
 */
export const CHARTS_FILE = 'pipeline/report-charts.json';

let compiled: Record<string, object> | null = null;

/** The charts' Vega specs, by name (read once per process). */
export function chartSpecs(): Record<string, object> {
  compiled ??= JSON.parse(readFileSync(packageFile(CHARTS_FILE), 'utf8')) as Record<string, object>;
  return compiled;
}

/** The charts compiled now with vega-lite, as CHARTS_FILE holds them (pretty-printed JSON, a final newline). */
export async function compileCharts(): Promise<string> {
  const { compile } = await import('vega-lite');
  const specs = Object.fromEntries(Object.entries(chartDefinitions()).map(([name, spec]) => [name, compile(spec).spec]));
  return `${JSON.stringify(specs, null, 1)}\n`;
}
