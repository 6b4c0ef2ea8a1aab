/**
 * The report page's script. `reportApp` runs in the browser: page.ts embeds its source (`reportApp.toString()`), so it
 * must use nothing from outside its own body but its arguments and the browser's globals. It draws the corpus summary
 * and the index at once, and an event's section only when the event is opened (`#event-N`), so a page of thousands of
 * events opens quickly.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ReportData, ReportEvent } from './model.js';

declare const document: any;
declare const window: any;

export function reportApp(data: ReportData, specs: Record<string, object>, vega: any): void {
  const VOICES = ['all', 'author', 'quote', 'paraphrase'];
  const $ = (id: string) => document.getElementById(id);
  /** An element with attributes and children (strings become text nodes: no HTML is ever parsed from the data). */
  const h = (tag: string, attrs: Record<string, any> = {}, ...kids: any[]): any => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
    for (const c of kids.flat()) if (c !== null && c !== undefined) e.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
    return e;
  };
  const rate = (hits: number, tokens: number) => (tokens ? (hits / tokens) * 10_000 : 0);
  const fix = (x: number, d = 1) => x.toFixed(d);
  const chart = (container: any, name: string, values: object[]) => {
    const view = new vega.View(vega.parse(specs[name]), { renderer: 'svg', container, hover: true });
    view.data('values', values);
    return view.runAsync();
  };
  const outletName = (i: number) => data.outlets[i];

  // The corpus: rates heat map with a voice chooser, the significant contrasts in words, warnings.
  const heatBox = $('heat');
  const drawHeat = (voice: number) => {
    const rows = data.corpus.rates.filter((r) => r[1] === voice);
    const max = Math.max(0, ...rows.map((r) => rate(r[3], r[4])));
    heatBox.textContent = '';
    if (!rows.length) {
      heatBox.append(h('p', {}, 'No frame hits in this corpus.'));
      return;
    }
    chart(
      heatBox,
      'heat',
      rows.map((r) => {
        const v = rate(r[3], r[4]);
        const ci = r[5] === null || r[6] === null ? '' : ` (${fix(r[5]!)}–${fix(r[6]!)})`;
        return { frame: data.frames[r[0]], outlet: outletName(r[2]), rate: v, short: fix(v), label: fix(v) + ci, dark: v < max * 0.55 };
      }),
    );
  };
  const voiceSelect = $('heat-voice');
  voiceSelect.addEventListener('change', () => drawHeat(Number(voiceSelect.value)));
  drawHeat(0);
  const contrasts = $('contrasts');
  if (data.corpus.contrasts.length) {
    contrasts.append(
      h('p', {}, `${data.corpus.contrasts.length} of ${data.corpus.contrastsTested} outlet contrasts have q < 0.05 (Benjamini–Hochberg over the table):`),
      h(
        'ul',
        {},
        data.corpus.contrasts.map((c) =>
          h(
            'li',
            {},
            `${c.diff >= 0 ? c.a : c.b} used `,
            h('em', {}, c.frame),
            `${c.voice === 'all' ? '' : ` (${c.voice} voice)`} ${fix(Math.abs(c.diff))} per 10k tokens more than ${c.diff >= 0 ? c.b : c.a} in the ${c.events} events both covered, 95% CI ${fix(c.diff >= 0 ? c.ciLow : -c.ciHigh)} to ${fix(c.diff >= 0 ? c.ciHigh : -c.ciLow)}, q ${c.qText}.`,
          ),
        ),
      ),
    );
  } else {
    contrasts.append(h('p', {}, `No outlet contrast reaches q < 0.05 (${data.corpus.contrastsTested} tested over events both outlets covered; see outlet_contrasts.csv).`));
  }
  for (const w of data.corpus.warnings) $('warnings').append(h('p', { class: 'warning', role: 'note' }, w));

  // The index of every event: sortable, filterable; each row links to the event's section.
  const tbody = $('index-body');
  const rowOf = (e: ReportEvent, i: number) =>
    h(
      'tr',
      {},
      h('td', {}, e.date),
      h('td', {}, h('a', { href: `#event-${i}` }, e.label)),
      h('td', {}, e.outlets.map(outletName).join(', ')),
      h('td', { class: 'num' }, e.articles),
      h('td', {}, e.topFrame ? `${e.topFrame} (${fix(e.topSpread)})` : ''),
    );
  const rows = data.events.map((e, i) => ({ e, i, tr: rowOf(e, i) }));
  let order = rows.slice();
  const keys: Record<string, (r: { e: ReportEvent }) => string | number> = {
    date: (r) => r.e.date,
    label: (r) => r.e.label.toLowerCase(),
    outlets: (r) => r.e.outlets.length,
    articles: (r) => r.e.articles,
    spread: (r) => r.e.topSpread,
  };
  const filter = $('index-filter');
  const showIndex = () => {
    const q = filter.value.trim().toLowerCase();
    tbody.textContent = '';
    let shown = 0;
    for (const r of order) {
      if (q && !(`${r.e.label} ${r.e.date} ${r.e.outlets.map(outletName).join(' ')} ${r.e.topFrame}`.toLowerCase().includes(q))) continue;
      tbody.append(r.tr);
      shown++;
    }
    $('index-count').textContent = `${shown} of ${rows.length} events`;
  };
  for (const b of document.querySelectorAll('button[data-sort]')) {
    b.addEventListener('click', () => {
      const key = keys[b.dataset.sort];
      const desc = b.getAttribute('aria-sort') === 'ascending';
      for (const o of document.querySelectorAll('button[data-sort]')) o.removeAttribute('aria-sort');
      b.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      order = rows.slice().sort((x, y) => {
        const a = key(x);
        const c = key(y);
        return (a < c ? -1 : a > c ? 1 : x.i - y.i) * (desc ? -1 : 1);
      });
      showIndex();
    });
  }
  filter.addEventListener('input', showIndex);
  showIndex();

  // One event's section, drawn when opened.
  const section = $('event');
  const open = () => {
    const m = /^#event-(\d+)$/.exec(window.location.hash);
    const e = m ? data.events[Number(m[1])] : undefined;
    section.textContent = '';
    section.hidden = !e;
    if (!e) return;
    const title = h('h2', { tabindex: '-1', id: 'event-title' }, e.label);
    section.append(
      h('p', { class: 'no-print' }, h('a', { href: '#index' }, '↑ back to the index')),
      title,
      h('p', { class: 'meta' }, `${e.date || 'undated'} · ${e.articles} article(s) · ${e.outlets.length} outlet(s): ${e.outlets.map(outletName).join(', ')}`),
      h('h3', {}, 'Headlines'),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, 'outlet'), h('th', {}, 'date'), h('th', {}, 'headline'))),
        h(
          'tbody',
          {},
          e.headlines.map(([o, d, t, u]) => h('tr', {}, h('td', {}, outletName(o)), h('td', {}, d), h('td', {}, u && /^https?:\/\//i.test(u) ? h('a', { href: u, rel: 'noopener noreferrer' }, t || u) : t || '(untitled)'))),
        ),
      ),
    );
    // Frame rates by outlet in three voices, every outlet drawn (a zero is a zero, not a gap).
    section.append(h('h3', {}, 'Frame rates by outlet and voice (frame hits per 10,000 word tokens)'));
    const framesHit = [...new Set(e.hits.map((x) => x[0]))].sort((a, b) => a - b);
    if (framesHit.length) {
      const values: object[] = [];
      for (const f of framesHit) {
        e.outlets.forEach((o, k) => {
          const hit = e.hits.find((x) => x[0] === f && x[1] === o);
          const counts = hit ? [hit[2], hit[3], hit[4]] : [0, 0, 0];
          const total = rate(counts[0] + counts[1] + counts[2], e.tokens[k]);
          ['author', 'quote', 'paraphrase'].forEach((voice, v) =>
            values.push({ frame: data.frames[f], outlet: outletName(o), voice, order: v, hits: counts[v], rate: rate(counts[v], e.tokens[k]), total, totalLabel: v === 0 ? fix(total) : '' }),
          );
        });
      }
      const box = h('div', { class: 'chart' });
      section.append(box, h('p', { class: 'note' }, `Frames with no hit in this event: ${data.frames.filter((_, f) => !framesHit.includes(f)).join(', ') || 'none'}.`));
      chart(box, 'rates', values);
    } else section.append(h('p', {}, 'No frame hits in this event.'));

    section.append(h('h3', {}, 'Over-represented terms by outlet (vs the event’s other outlets)'));
    if (!e.terms.length) section.append(h('p', {}, 'No over-represented terms (the event has one outlet, or too few words).'));
    else {
      if (!e.anySignificant) section.append(h('p', { class: 'warning' }, 'No term in this event reaches |z| ≥ 1.96: the terms below are the most over-represented, for exploration only.'));
      const box = h('div', { class: 'chart' });
      section.append(box);
      chart(box, 'terms', e.terms.map(([o, term, , z, s]) => ({ outlet: outletName(o), label: term, value: z, marked: s ? 'significant (|z| ≥ 1.96)' : 'not significant' })));
    }

    section.append(h('h3', {}, 'Most-quoted speakers by outlet (quotations; name variants merged)'));
    if (!e.speakers.length) section.append(h('p', {}, 'No named speaker in this event.'));
    else {
      const box = h('div', { class: 'chart' });
      section.append(box);
      chart(box, 'speakers', e.speakers.map(([o, s, n]) => ({ outlet: outletName(o), label: s, value: n })));
    }

    section.append(h('h3', {}, 'Quotations carried by more than one outlet'));
    if (!e.shared.length) section.append(h('p', {}, 'None found.'));
    for (const s of e.shared) {
      section.append(
        h(
          'div',
          { class: 'shared' },
          h('p', { class: 'speaker' }, s.speaker),
          h('div', { class: 'wordings' }, s.wordings.map((w) => h('blockquote', {}, h('p', {}, w.text), h('footer', {}, w.outlets.map(outletName).join(', '))))),
        ),
      );
    }

    // Keyword in context for a chosen frame and outlet.
    section.append(h('h3', {}, 'Keyword in context'));
    if (!e.kwic.length) section.append(h('p', {}, 'No frame hits in this event.'));
    else {
      const frames = [...new Set(e.kwic.map((k) => k[0]))].sort((a, b) => a - b);
      const outlets = [...new Set(e.kwic.map((k) => k[1]))].sort((a, b) => a - b);
      const fSel = h('select', { id: 'kwic-frame' }, frames.map((f) => h('option', { value: f }, data.frames[f])));
      const oSel = h('select', { id: 'kwic-outlet' }, outlets.map((o) => h('option', { value: o }, outletName(o))));
      const lines = h('div', { class: 'kwic', 'aria-live': 'polite' });
      const draw = () => {
        lines.textContent = '';
        const chosen = e.kwic.filter((k) => k[0] === Number(fSel.value) && k[1] === Number(oSel.value));
        if (!chosen.length) lines.append(h('p', {}, 'No hit of this frame in this outlet.'));
        for (const k of chosen) {
          // Contexts as the table holds them, with one space either side of the keyword where a word meets it.
          const left = k[3].replace(/\s+$/, '') + (/[\p{L}\p{N},;:]$/u.test(k[3].trimEnd()) ? ' ' : '');
          const right = (/^[\p{L}\p{N}]/u.test(k[5].trimStart()) ? ' ' : '') + k[5].replace(/^\s+/, '');
          lines.append(h('p', {}, h('span', { class: 'left' }, left), h('mark', {}, k[4]), h('span', {}, right), h('span', { class: 'voice' }, ` (${VOICES[k[2]]})`)));
        }
      };
      fSel.addEventListener('change', draw);
      oSel.addEventListener('change', draw);
      section.append(h('p', { class: 'no-print' }, h('label', {}, 'frame ', fSel), ' ', h('label', {}, 'outlet ', oSel)), lines);
      draw();
    }
    title.focus();
    section.scrollIntoView();
  };
  window.addEventListener('hashchange', open);
  open();
}
