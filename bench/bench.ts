/**
 * `npm run bench`: throughput and memory of the whole pipeline against bare wink-nlp on the same texts.
 *
 *   npm run bench                       # PolNeAR train (840 articles), then synthetic 1x and 10x; 1 and 2 workers
 *   npm run bench -- --corpus FILE.jsonl --scales 1,10,100 --workers 1,2 --repeat 3
 *   npm run bench -- --events auto         # synthetic corpora dated and without events: auto grouping at every size
 *
 * The first row ("real") is the corpus itself (PolNeAR train has no event metadata: auto event grouping). Each scale
 * row is a synthetic corpus of scale × its article count (bench/synth.ts: its paragraphs resampled, 50 metadata
 * events; with `--events auto`, dated and without events, so each run groups them), 1x included, so that growth from
 * 1x to 10x compares like with like: same event mode, same kind of text.
 *
 * Each pipeline measurement runs the pipeline in a child process (bench/child.ts): its wall time includes node start-up,
 * reading, analysis and writing every table; its peak RSS is the child's getrusage maxRSS (worker threads included);
 * its CPU time covers every thread of the child (the workers, the main thread, the report renderer, V8's compiler and
 * GC threads), and CPU ÷ wall is how many of the machine's cores the run kept busy. "steal" is the CPU time the
 * hypervisor gave to other guests meanwhile (Linux /proc/stat, all cores; on a virtual machine a run with seconds of
 * steal was slowed by something outside it, and its time is not comparable).
 * Bare wink = `readDoc` plus reading tokens, POS and sentences, over the same texts, in this process. When the worker
 * counts include 1 and 2, each round also runs bare wink as one process over the corpus and as two processes side by
 * side over its halves (bench/bare-child.ts): their ratio is what two cores give bare wink on this machine, the ceiling
 * against which the two-worker gain is read. With `--repeat`,
 * bare wink is measured again before each round of runs, and each run is compared with the bare wink just before it
 * (the machine's speed drifts within minutes); the row gives the median of those ratios and each of them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { parse } from 'csv-parse';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadSource, writeSynthetic } from './synth.js';
import { packageFile } from '../src/paths.js';
import { LineReader } from '../src/runtime/lines.js';

interface Args {
  corpus: string;
  scales: number[];
  workers: number[];
  keep: boolean;
  /** Runs per measurement; the median is reported (this machine's timings vary by ±20% from run to run). */
  repeat: number;
  /** Event mode of the synthetic corpora (see bench/synth.ts). */
  events: 'metadata' | 'auto';
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpus: packageFile('../shared/eval/polnear/train.jsonl'), scales: [1, 10], workers: [1, 2], keep: false, repeat: 1, events: 'metadata' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') args.corpus = argv[++i];
    else if (a === '--scales') args.scales = argv[++i].split(',').map(Number);
    else if (a === '--workers') args.workers = argv[++i].split(',').map(Number);
    else if (a === '--keep') args.keep = true;
    else if (a === '--repeat') args.repeat = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--events') {
      const e = argv[++i];
      if (e !== 'metadata' && e !== 'auto') throw new Error(`bench: --events must be metadata or auto, not ${e}`);
      args.events = e;
    }
    else throw new Error(`bench: unknown argument ${a}`);
  }
  return args;
}

/** CPU seconds stolen by the hypervisor so far, all cores (/proc/stat's steal column, in USER_HZ = 1/100 s); null off Linux. */
function stealSeconds(): number | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    return f[0] === 'cpu' && f.length > 8 ? Number(f[8]) / 100 : null;
  } catch {
    return null;
  }
}

function stolenSince(before: number | null): number | null {
  const now = stealSeconds();
  return before === null || now === null ? null : now - before;
}

const fmtSteal = (s: number | null): string => (s === null ? '-' : s.toFixed(1));

/**
 * Bare wink over the corpus's texts, read from the file one line at a time, as the pipeline reads it (every text of a
 * 100× corpus held at once, ~390 MB of strings, could slow this process's garbage collection and so flatter the
 * pipeline); only wink's own work is timed, not reading or parsing the lines.
 */
function bareWink(path: string): { seconds: number; tokens: number; articles: number; steal: number | null } {
  const nlp = winkNLP(model);
  const its = nlp.its;
  const steal0 = stealSeconds();
  let seconds = 0;
  let tokens = 0;
  let articles = 0;
  const lines = new LineReader(path);
  for (let line = lines.next(); line !== null; line = lines.next()) {
    const text = (JSON.parse(line) as { text: string }).text;
    const t0 = performance.now();
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().length();
    doc.tokens().out(its.pos);
    doc.sentences().out(its.span);
    seconds += (performance.now() - t0) / 1000;
    articles++;
  }
  return { seconds, tokens, articles, steal: stolenSince(steal0) };
}

/** Wall seconds of bare wink over the corpus in one process, and in two processes side by side over its halves. */
async function bareProcesses(path: string): Promise<{ one: number; two: number }> {
  const child = (k: number, n: number) =>
    new Promise<number>((done, fail) => {
      const p = spawn(process.execPath, [packageFile('dist/bench/bare-child.js'), path, String(k), String(n)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.on('error', fail);
      p.on('close', (code) => (code === 0 ? done((JSON.parse(out) as { wall: number }).wall) : fail(new Error(`bare wink child exited ${code}`))));
    });
  const t0 = performance.now();
  await child(0, 1);
  const one = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await Promise.all([child(0, 2), child(1, 2)]);
  return { one, two: (performance.now() - t1) / 1000 };
}

/**
 * Rows of quotes.csv and frame_hits.csv that come before a row of an article earlier in articles.csv: SPEC's order
 * (input order, then text order) checked on every benchmark run, since the corpora here are larger than the tests'.
 */
async function rowsOutOfOrder(out: string): Promise<Record<string, number>> {
  const rank = new Map<string, number>();
  for await (const [id] of createReadStream(join(out, 'articles.csv')).pipe(parse({ from_line: 2 }))) rank.set(id as string, rank.size);
  const found: Record<string, number> = {};
  for (const table of ['quotes.csv', 'frame_hits.csv']) {
    let last = -1;
    let wrong = 0;
    for await (const [id] of createReadStream(join(out, table)).pipe(parse({ from_line: 2 }))) {
      const r = rank.get(id as string) ?? -1;
      if (r < last) wrong++;
      last = r;
    }
    if (wrong) found[table] = wrong;
  }
  return found;
}

interface RunResult {
  seconds: number;
  cpuSeconds: number;
  steal: number | null;
  peakRssMb: number;
  articles: number;
  timings: Record<string, number>;
}

function runPipeline(corpus: string, workers: number, out: string): RunResult {
  const steal0 = stealSeconds();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [packageFile('dist/bench/child.js'), corpus, out, String(workers)], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  const steal = stolenSince(steal0);
  if (r.status !== 0) throw new Error(`framelens run failed (${r.status}): ${r.stderr}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssKb: number; cpuSeconds: number; articles: number };
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { timings_ms: Record<string, number> };
  // Wall time of the child process: node start-up, module loading, the pool, analysis and every table written.
  return { seconds: wall, cpuSeconds: res.cpuSeconds, steal, peakRssMb: res.maxRssKb / 1024, articles: res.articles, timings: manifest.timings_ms };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'framelens-bench-'));
  const source = loadSource(args.corpus);
  console.log(`framelens bench — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${availableParallelism()} cores, ${args.corpus}${args.repeat > 1 ? `, median of ${args.repeat} runs` : ''}`);
  console.log('corpus | articles | workers | seconds | CPU s (cores busy) | steal s | articles/s | tokens/s | peak RSS MB (median; min–max) | vs bare wink (median; each run vs the bare wink just before it) | stage ms (nlp/quotes/frames/terms/tables)');
  const rows: string[] = [];
  const suffix = args.events === 'auto' ? ' auto' : '';
  const corpora = [{ label: 'real', path: args.corpus }, ...args.scales.map((scale) => ({ label: `${scale}x${suffix}`, path: join(dir, `synth-${scale}x.jsonl`), scale }))];
  for (const c of corpora) {
    if ('scale' in c) writeSynthetic(source, c.scale, c.path, 42, args.events);
    // Bare wink and the runs alternate (bare, each worker count, bare, …): this machine's speed drifts within minutes,
    // so each run is compared with the bare wink measured next to it, and the ratio reported is the median of those.
    const bares: ReturnType<typeof bareWink>[] = [];
    const processes: { one: number; two: number }[] = [];
    const runs = new Map<number, RunResult[]>(args.workers.map((w) => [w, []]));
    for (let i = 0; i < args.repeat; i++) {
      bares.push(bareWink(c.path));
      if (args.workers.includes(1) && args.workers.includes(2)) processes.push(await bareProcesses(c.path));
      for (const w of args.workers) {
        const out = join(dir, `out-${c.label}-${w}`);
        runs.get(w)!.push(runPipeline(c.path, w, out));
        for (const [table, n] of Object.entries(await rowsOutOfOrder(out))) console.log(`ORDER WRONG (${c.label}, ${w} workers): ${n} rows of ${table} before a row of an earlier article`);
        if (!args.keep && i < args.repeat - 1) rmSync(out, { recursive: true, force: true });
      }
    }
    const median = <T>(xs: T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)];
    const bare = median(bares, (b) => b.seconds);
    const bareSeconds = bares.map((b) => b.seconds.toFixed(2)).join(', ');
    console.log(`bare wink readDoc (${c.label}): ${bare.articles} articles, ${bare.tokens} tokens in ${bare.seconds.toFixed(2)} s (median${bares.length > 1 ? ` of ${bareSeconds}` : ''}) = ${Math.round(bare.tokens / bare.seconds)} tokens/s (steal ${fmtSteal(bare.steal)} s)`);
    // The ceiling for two workers: bare wink as two processes side by side against one, measured in this round too.
    const gains = processes.map((p) => p.one / p.two);
    const ourGains = runs.has(1) && runs.has(2) ? runs.get(1)!.map((r, i) => r.seconds / runs.get(2)![i].seconds) : [];
    if (gains.length) {
      const g = median(gains, (x) => x);
      const o = median(ourGains, (x) => x);
      console.log(
        `two processes (${c.label}): bare wink ${g.toFixed(2)}x one process (${gains.map((x) => x.toFixed(2)).join(', ')}); framelens 2 workers ${o.toFixed(2)}x 1 worker (${ourGains.map((x) => x.toFixed(2)).join(', ')}) = ${(o / g).toFixed(2)} of bare wink's gain`,
      );
    }
    for (const w of args.workers) {
      const mine = runs.get(w)!;
      const r = median(mine, (x) => x.seconds);
      const peak = [...mine].sort((a, b) => a.peakRssMb - b.peakRssMb);
      const ratios = mine.map((x, i) => bares[i].seconds / x.seconds);
      const ratio = median(ratios, (x) => x);
      const t = r.timings;
      rows.push(
        `${c.label} | ${r.articles} | ${w} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(1)} (${(r.cpuSeconds / r.seconds).toFixed(2)}) | ${fmtSteal(r.steal)} | ${(r.articles / r.seconds).toFixed(1)} | ${Math.round(bare.tokens / r.seconds)} | ${peak[Math.floor(peak.length / 2)].peakRssMb.toFixed(0)}${mine.length > 1 ? ` (${peak[0].peakRssMb.toFixed(0)}–${peak[peak.length - 1].peakRssMb.toFixed(0)})` : ''} | ${ratio.toFixed(2)}x${mine.length > 1 ? ` (${ratios.map((x) => x.toFixed(2)).join(', ')})` : ''} | ${t.nlp}/${t.quotes}/${t.frames}/${t.terms}/${t.tables}`,
      );
      console.log(rows[rows.length - 1]);
      if (!args.keep) rmSync(join(dir, `out-${c.label}-${w}`), { recursive: true, force: true });
    }
  }
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}

await main();
