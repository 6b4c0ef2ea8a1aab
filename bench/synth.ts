/**
 * Synthetic corpus generator for scale benchmarks: resamples real paragraphs (from a JSONL corpus such as PolNeAR
 * train) into new articles, keeping outlets, so sizes of 10× and 100× a real corpus can be measured. Deterministic
 * (seeded), streaming: never holds the output in memory.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthSource {
  paragraphs: string[];
  outlets: string[];
  articles: number;
  meanParagraphs: number;
}

export function loadSource(path: string): SynthSource {
  const paragraphs: string[] = [];
  const outlets = new Set<string>();
  let articles = 0;
  let paraCount = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text: string; publisher?: string; outlet?: string };
    articles++;
    outlets.add(rec.outlet ?? rec.publisher ?? 'unknown');
    for (const p of rec.text.split(/\n\s*\n/)) {
      if (p.trim()) {
        paragraphs.push(p.trim());
        paraCount++;
      }
    }
  }
  return { paragraphs, outlets: [...outlets].sort(), articles, meanParagraphs: paraCount / Math.max(1, articles) };
}

/** Articles per day of the dated synthetic corpora (PolNeAR train has 840 articles over about 300 days). */
export const SYNTH_PER_DAY = 3;

/**
 * Write `factor` × the source's article count of resampled articles to `out` (JSONL). `events`: `metadata` gives
 * each article one of 50 events (`e0`…`e49`) and no date; `auto` gives no event but a date, drawn uniformly from
 * n / SYNTH_PER_DAY days from 2016-01-01 (a larger corpus covers a longer period, as an archive does), so that the
 * run groups events itself. The texts and outlets are the same either way.
 */
export function writeSynthetic(source: SynthSource, factor: number, out: string, seed = 42, events: 'metadata' | 'auto' = 'metadata'): number {
  const next = rng(seed);
  const nextDay = rng(seed + 1);
  const fd = openSync(out, 'w');
  const n = Math.round(source.articles * factor);
  const days = Math.max(1, Math.ceil(n / SYNTH_PER_DAY));
  for (let i = 0; i < n; i++) {
    const paras = Math.max(1, Math.round(source.meanParagraphs * (0.5 + next())));
    const parts: string[] = [];
    for (let j = 0; j < paras; j++) parts.push(source.paragraphs[Math.floor(next() * source.paragraphs.length)]);
    const outlet = source.outlets[Math.floor(next() * source.outlets.length)];
    const text = parts.join('\n\n');
    const meta =
      events === 'metadata'
        ? { event: `e${i % 50}` }
        : { date: new Date(Date.UTC(2016, 0, 1) + Math.floor(nextDay() * days) * 86_400_000).toISOString().slice(0, 10) };
    writeSync(fd, JSON.stringify({ id: `synth-${i}`, outlet, ...meta, text }) + '\n');
  }
  closeSync(fd);
  return n;
}
