/**
 * report.html: one self-contained page (no scripts, no external URLs; opens offline) with, per event, frame rates by
 * outlet split into the outlet's own voice and quoted voice, the most-quoted speakers per outlet, and each outlet's
 * most distinctive terms. Charts are Vega-Lite specs rendered to inline SVG in Node (no browser needed to build it).
 * Deterministic: the same tables give the same bytes (no dates in the page; the run's time is in manifest.json).
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Tables } from '../engine/tables.js';
import type { Cell } from './csv.js';
import { reportRows } from './report-data.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Each chart's Vega dataflow, compiled and parsed once per thread: the charts differ only in their data. */
const parsed = new Map<string, vega.Runtime>();

/** `spec` (without data) drawn from `values` as SVG. */
async function svg(spec: Omit<TopLevelSpec, 'data'>, values: object[]): Promise<string> {
  const key = JSON.stringify(spec);
  let runtime = parsed.get(key);
  if (!runtime) {
    runtime = vega.parse(compile({ ...spec, data: { name: 'values' } } as TopLevelSpec).spec);
    parsed.set(key, runtime);
  }
  const view = new vega.View(runtime, { renderer: 'none' });
  view.data('values', values);
  const out = await view.toSVG();
  view.finalize();
  return out;
}

function rowsOf(t: { columns: string[]; rows: Cell[][] }): Record<string, Cell>[] {
  return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

/** Horizontal bars, one small chart per value of `row` (faceted rows, each with its own y scale). */
function facetedBars(values: object[], row: string, width: number, encoding: object): Promise<string> {
  return svg({
    ...FONT,
    facet: { row: { field: row, type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left' } } },
    spec: { width, height: { step: 14 }, mark: 'bar', encoding },
    resolve: { scale: { y: 'independent' } },
  } as Omit<TopLevelSpec, 'data'>, values);
}

/** One small bar chart per outlet, bars sorted by value: top speakers, distinctive terms. */
function rankedBars(values: { outlet: Cell; label: Cell; value: number }[], title: string, whole: boolean): Promise<string> {
  return facetedBars(values, 'outlet', 300, {
    y: { field: 'label', type: 'nominal', sort: '-x', title: null },
    x: { field: 'value', type: 'quantitative', title, ...(whole ? { axis: { tickMinStep: 1 } } : {}) },
  });
}

const FONT = { config: { font: 'sans-serif', view: { stroke: null } } };

export interface ReportMeta {
  title: string;
  generated: string;
  version: string;
}

/**
 * One event's section of the page: its rows of `tables` charted. `tables` may hold other events' rows too, and the
 * event's whole rows or only its `reportRows` (what the reduce hands over): the section is the same.
 */
export async function renderSection(event: string, tables: Tables): Promise<string> {
  const mine = (t: { columns: string[]; rows: Cell[][] }) => ({ columns: t.columns, rows: t.rows.filter((r) => r[0] === event) });
  const frames = rowsOf(mine(tables.frames_by_outlet));
  // The rows it draws (the reduce hands over only these; whole tables are cut the same way here).
  const speakers = rowsOf({ columns: tables.speakers_by_outlet.columns, rows: reportRows('speakers_by_outlet', mine(tables.speakers_by_outlet).rows) });
  const terms = rowsOf({ columns: tables.distinctive_terms.columns, rows: reportRows('distinctive_terms', mine(tables.distinctive_terms).rows) });
  const comparison = rowsOf(mine(tables.frame_comparison));
  const fr = frames.filter((r) => Number(r.hits) > 0);
  const parts: string[] = [`<section><h2>${esc(event)}</h2>`];
  const outlets = [...new Set(frames.map((r) => String(r.outlet)))];
  const articles = frames.filter((r) => r.frame === frames[0]?.frame).reduce((s, r) => s + Number(r.articles), 0);
  parts.push(`<p class="meta">${outlets.length} outlet(s), ${articles} article(s): ${outlets.map(esc).join(', ')}</p>`);
  if (fr.length) {
    const values = fr.flatMap((r) => [
      { frame: r.frame, outlet: r.outlet, voice: 'author', rate: Number(r.per_10k_author ?? 0) },
      { frame: r.frame, outlet: r.outlet, voice: 'quoted', rate: Number(r.per_10k_quoted ?? 0) },
    ]);
    parts.push('<h3>Frame rates by outlet (hits per 10,000 tokens; own voice vs inside quotes)</h3>');
    parts.push(
      await facetedBars(values, 'frame', 420, {
        y: { field: 'outlet', type: 'nominal', title: null },
        x: { field: 'rate', type: 'quantitative', title: 'per 10k tokens', stack: 'zero' },
        color: { field: 'voice', type: 'nominal', scale: { domain: ['author', 'quoted'], range: ['#4c78a8', '#f58518'] }, title: 'voice' },
      }),
    );
    const tests = comparison.filter((r) => r.p_value !== null && r.p_value !== undefined);
    if (tests.length) {
      parts.push('<table><thead><tr><th>frame</th><th>χ²</th><th>G²</th><th>df</th><th>p</th><th>p (Holm)</th></tr></thead><tbody>');
      for (const t of tests) parts.push(`<tr><td>${esc(String(t.frame))}</td><td>${t.chi2}</td><td>${t.g2}</td><td>${t.df}</td><td>${t.p_value}</td><td>${t.p_holm ?? ''}</td></tr>`);
      parts.push('</tbody></table>');
    }
  } else parts.push('<p>No frame hits in this event.</p>');
  const topSpeakers = outlets.flatMap((o) => speakers.filter((r) => r.outlet === o));
  if (topSpeakers.length) {
    parts.push('<h3>Most-quoted speakers by outlet (quotations)</h3>');
    parts.push(await rankedBars(topSpeakers.map((r) => ({ outlet: r.outlet, label: r.speaker, value: Number(r.quotes) })), 'quotations', true));
  }
  const topTerms = outlets.flatMap((o) => terms.filter((r) => r.outlet === o));
  if (topTerms.length) {
    parts.push('<h3>Distinctive terms by outlet (log-odds z vs the event\'s other outlets)</h3>');
    parts.push(await rankedBars(topTerms.map((r) => ({ outlet: r.outlet, label: r.term, value: Number(r.z) })), 'z', false));
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The page around the charted events' sections (in `chartedEvents` order); `eventCount`: events in the corpus. */
export function renderPage(sections: string[], meta: ReportMeta, eventCount: number): string {
  const omitted = eventCount - sections.length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(meta.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:sans-serif;margin:2rem auto;max-width:1000px;color:#222;padding:0 1rem}
h1{font-size:1.6rem}h2{border-top:2px solid #ccc;padding-top:1rem}h3{font-size:1rem;margin-top:1.5rem}
.meta{color:#555}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}
td:first-child,th:first-child{text-align:left}svg{max-width:100%;height:auto;display:block}
</style></head><body>
<h1>${esc(meta.title)}</h1>
<p class="meta">framelens ${esc(meta.version)} · ${esc(meta.generated)} · ${eventCount} event(s)${omitted ? `; charts for the ${sections.length} largest events covered by two or more outlets (${omitted} more in the CSV tables)` : ''}. Rates are frame hits per 10,000 word tokens; methods in codebook.md and docs/statistics.md.</p>
${sections.join('\n') || '<p>No articles.</p>'}
</body></html>
`;
}
