/**
 * report.html: one self-contained page that opens offline — the data as JSON, Vega's runtime and the page's script
 * inline, no external URL. Top: the corpus (outlets × frames heat map with CIs, the significant outlet contrasts in
 * words, lexicon-fit warnings); then an index of every event; an event's section is drawn when it is opened.
 * Deterministic: the same tables give the same bytes (no clock; the run's time is in manifest.json).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chartSpecs } from './charts.js';
import { reportApp } from './client.js';
import type { ReportData } from './model.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
const scriptJson = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c');

let vegaRuntime: string | null = null;
/** Vega's browser build, shipped in its npm package (the page draws the charts; nothing is fetched). */
function vegaSource(): string {
  // The package exports only its module build; the browser build lies beside it.
  vegaRuntime ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('vega')), 'vega.min.js'), 'utf8');
  return vegaRuntime;
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:1100px;color:#222;padding:0 1rem;line-height:1.4}
h1{font-size:1.6rem}h2{border-top:2px solid #ccc;padding-top:1rem}h3{font-size:1.05rem;margin-top:1.5rem}
.meta,.note{color:#555}.warning{background:#fff4e0;border-left:4px solid #E69F00;padding:.4rem .6rem}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0;width:100%}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
td.num{text-align:right}th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:#0072B2}
th button[aria-sort=ascending]::after{content:" ▲"}th button[aria-sort=descending]::after{content:" ▼"}
#index-wrap{max-height:32rem;overflow:auto;border:1px solid #ddd}#index-wrap table{margin:0}
a{color:#0060a0}a:focus,button:focus,select:focus,input:focus,h2:focus{outline:3px solid #E69F00;outline-offset:2px}
.chart{overflow-x:auto}svg{max-width:100%;height:auto}
.shared{border-top:1px solid #eee;margin:.6rem 0}.speaker{font-weight:bold;margin:.3rem 0}
.wordings{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.6rem}
blockquote{margin:0;padding:.4rem .6rem;background:#f6f6f6;border-left:4px solid #0072B2}blockquote p{margin:0 0 .3rem}
blockquote footer{color:#555;font-size:.85rem}.kwic p{font-family:ui-monospace,monospace;font-size:.85rem;margin:.2rem 0}
.kwic p{white-space:pre-wrap}.kwic .left{display:inline-block;min-width:28em;text-align:right;white-space:pre}mark{background:#F0E442}.voice{color:#555}
@media print{.no-print,#index-filter,select{display:none}#index-wrap{max-height:none;overflow:visible}body{max-width:none}a{color:#000}}
`;

export async function renderReport(data: ReportData): Promise<string> {
  const specs = chartSpecs();
  const voices = ['all voices', 'author (the outlet’s own words)', 'quote (inside quotation marks)', 'paraphrase (indirect speech)'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(data.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head><body>
<h1>${esc(data.title)}</h1>
<p class="meta">framelens ${esc(data.version)} · ${data.corpus.articles} article(s) · ${data.outlets.length} outlet(s) · ${data.events.length} event(s). Rates are frame hits per 10,000 word tokens; methods in codebook.md and docs/statistics.md.</p>
<noscript><p class="warning">This page draws its charts and index with JavaScript; every number is also in the CSV tables beside it.</p></noscript>
<section id="corpus"><h2>The corpus: how each outlet used each frame</h2>
<div id="warnings"></div>
<p class="no-print"><label>Voice <select id="heat-voice">${voices.map((v, i) => `<option value="${i}">${esc(v)}</option>`).join('')}</select></label></p>
<p class="note">Cells: hits per 10,000 word tokens over all the outlet’s articles; the tooltip gives the 95% bootstrap CI over articles.</p>
<div id="heat" class="chart"></div>
<h3>Outlet contrasts over the events both covered</h3>
<div id="contrasts"></div>
</section>
<section id="index"><h2>Events</h2>
<p class="no-print"><label>Filter <input id="index-filter" type="search" placeholder="label, date, outlet or frame"></label> <span id="index-count" aria-live="polite"></span></p>
<div id="index-wrap"><table><thead><tr>
<th><button data-sort="date">date</button></th><th><button data-sort="label">event</button></th><th><button data-sort="outlets">outlets</button></th><th><button data-sort="articles">articles</button></th><th><button data-sort="spread">frame that differs most (spread per 10k)</button></th>
</tr></thead><tbody id="index-body"></tbody></table></div>
</section>
<section id="event" hidden></section>
<script id="report-data" type="application/json">${scriptJson(data)}</script>
<script>${vegaSource()}</script>
<script>(${reportApp.toString()})(JSON.parse(document.getElementById('report-data').textContent), ${scriptJson(specs)}, vega);</script>
</body></html>
`;
}
