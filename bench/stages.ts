/**
 * Where one worker's per-article time goes, stage by stage, against bare wink-nlp over the same texts.
 *
 *   npm run build && node dist/bench/stages.js [CORPUS.jsonl] [--rounds N] [--clock cpu|wall]
 *
 * CORPUS defaults to ../shared/eval/polnear/train.jsonl beside the project; --rounds to 5.
 *
 * In ONE process, rounds alternate: (a) bare wink — the default pipe `winkNLP(model)`, `readDoc` plus reading tokens,
 * POS and sentence spans, exactly as `npm run bench` measures it (bench/bench.ts, bareWink) — then (b) framelens's
 * analysis of the same texts (`createAnalyzer(...).analyze` with a StageTimes, as a worker thread runs it, then
 * `JSON.stringify` of the record, which the worker sends on). Articles are read with the pipeline's own reader
 * (readCorpus) and their resume keys computed beforehand, as the main thread does; only the analysis is timed.
 *
 * For each stage the fastest round's milliseconds are printed, with the ratio bare ÷ stage and the stage's share of
 * bare wink's time; "record" is the building of the analysis record (analyze's time outside the five stages), "json"
 * the serialising of it. The last row compares the whole per-article cost with bare wink: the speed target is
 * bare ÷ ours ≥ 0.8. A third kind of round, (c) `readText` alone over every text in a row (the nlp stage without the
 * other stages between its calls), shows how much of the nlp stage's cost comes from running among the other stages
 * (garbage they leave, caches they evict) rather than from wink and the conversion themselves.
 *
 * Only ratios measured like this — in the same process, alternated, fastest round of each — mean anything on a shared
 * or busy machine: absolute times drift by tens of percent within minutes with other jobs, and two separate runs
 * (or separate processes) cannot be compared. The clock is the process's CPU time (user + system, `process.cpuUsage`:
 * every thread of this process, so V8's garbage collection and compiler threads count too), which other jobs on the
 * machine disturb less than wall time; `--clock wall` measures wall time instead. Both sides run under the heap growth
 * limit the command line sets (src/pipeline/heap.ts), as the analysis workers do. The first round also pays for wink
 * learning every word it has not met (each side has its own wink instance); the fastest round is a warm one.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { packageFile } from '../src/paths.js';
import { expandInputs, readCorpus } from '../src/corpus/read.js';
import { loadLexicons } from '../src/framing/lexicon.js';
import { loadQuoteSettings } from '../src/quotes/settings.js';
import { articleKey, createAnalyzer, emptyStageTimes, STAGES, type AnalysisSettings, type StageTimes } from '../src/analysis/analyze.js';
import { DEFAULT_CUES, DEFAULT_LEXICON, DEFAULT_MAX_CHARS } from '../src/commands/run-options.js';
import { readText } from '../src/nlp/index.js';
import { maskBoilerplate } from '../src/corpus/clean.js';
import { limitHeapGrowth } from '../src/runtime/heap.js';
import { VERSION } from '../src/version.js';
import type { Article } from '../src/types.js';

interface Args {
  corpus: string;
  rounds: number;
  clock: 'cpu' | 'wall';
}

/** Milliseconds of CPU time used by this process so far (all its threads). */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { corpus: packageFile('../shared/eval/polnear/train.jsonl'), rounds: 5, clock: 'cpu' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rounds') args.rounds = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--clock') {
      const c = argv[++i];
      if (c !== 'cpu' && c !== 'wall') throw new Error(`stages: --clock must be cpu or wall, not ${c}`);
      args.clock = c;
    }
    else if (a.startsWith('--')) throw new Error(`stages: unknown option ${a}`);
    else args.corpus = a;
  }
  return args;
}

/** Bare wink over the texts, as bench/bench.ts's bareWink: only wink's work timed. Returns ms. */
function bareRound(nlp: ReturnType<typeof winkNLP>, texts: string[], now: () => number): { ms: number; tokens: number } {
  const its = nlp.its;
  let ms = 0;
  let tokens = 0;
  for (const text of texts) {
    const t0 = now();
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().length();
    doc.tokens().out(its.pos);
    doc.sentences().out(its.span);
    ms += now() - t0;
  }
  return { ms, tokens };
}

const ROWS = [...STAGES, 'record', 'json'] as const;
type Row = (typeof ROWS)[number];
type RoundTimes = Record<Row | 'total', number>;

function oursRound(analyze: (a: Article, t: StageTimes, key: string) => unknown, items: { article: Article; key: string }[], now: () => number): RoundTimes {
  const stages = emptyStageTimes();
  let analyzeMs = 0;
  let jsonMs = 0;
  let chars = 0;
  for (const { article, key } of items) {
    const t0 = now();
    const record = analyze(article, stages, key);
    const t1 = now();
    chars += JSON.stringify(record).length;
    const t2 = now();
    analyzeMs += t1 - t0;
    jsonMs += t2 - t1;
  }
  if (chars === 0) throw new Error('stages: nothing serialised');
  const inStages = STAGES.reduce((s, k) => s + stages[k], 0);
  return { ...stages, record: analyzeMs - inStages, json: jsonMs, total: analyzeMs + jsonMs };
}

async function main(): Promise<void> {
  limitHeapGrowth();
  const args = parseArgs(process.argv.slice(2));
  const items: { article: Article; key: string }[] = [];
  const lexicons = loadLexicons([packageFile(DEFAULT_LEXICON)]);
  const quotes = loadQuoteSettings(packageFile(DEFAULT_CUES));
  // The pipeline's settings key (src/pipeline/run.ts) is not needed for timing: any fixed string keys the records.
  const settings: AnalysisSettings = { version: VERSION, quotes, lexicons, settingsKey: 'stages' };
  for await (const item of readCorpus(expandInputs([args.corpus]), { maxChars: DEFAULT_MAX_CHARS })) {
    if (item.article) items.push({ article: item.article, key: articleKey(item.article, settings.settingsKey) });
  }
  const texts = items.map((i) => i.article.text);
  // What the nlp stage reads: the text with boilerplate masked.
  const masked = texts.map((t) => maskBoilerplate(t).masked);
  const nlp = winkNLP(model);
  const now = args.clock === 'cpu' ? cpuNow : () => performance.now();
  const analyzer = createAnalyzer(settings, now);
  const analyze = (a: Article, t: StageTimes, key: string) => analyzer.analyze(a, t, key);

  const bare: number[] = [];
  const ours: RoundTimes[] = [];
  const nlpAlone: number[] = [];
  let tokens = 0;
  for (let r = 0; r < args.rounds; r++) {
    const b = bareRound(nlp, texts, now);
    bare.push(b.ms);
    tokens = b.tokens;
    ours.push(oursRound(analyze, items, now));
    const t0 = now();
    for (const text of masked) readText(text);
    nlpAlone.push(now() - t0);
    const o = ours[ours.length - 1];
    process.stderr.write(`round ${r + 1}/${args.rounds}: bare ${b.ms.toFixed(0)} ms, ours ${o.total.toFixed(0)} ms (bare/ours ${(b.ms / o.total).toFixed(2)})\n`);
  }
  const bareMin = Math.min(...bare);
  const fastest = (row: Row | 'total') => Math.min(...ours.map((o) => o[row]));
  console.log(`${args.corpus}: ${items.length} articles, ${tokens} wink tokens; fastest of ${args.rounds} alternated rounds, ${args.clock === 'cpu' ? 'CPU' : 'wall'} time, node ${process.version}`);
  console.log('stage | ms | bare/stage | % of bare');
  console.log(`bare wink readDoc (default pipe) | ${bareMin.toFixed(0)} | 1.00 | 100%`);
  for (const row of ROWS) {
    const ms = fastest(row);
    console.log(`${row} | ${ms.toFixed(0)} | ${(bareMin / ms).toFixed(2)} | ${((100 * ms) / bareMin).toFixed(1)}%`);
  }
  const alone = Math.min(...nlpAlone);
  console.log(`(nlp alone: readText over every text in a row) | ${alone.toFixed(0)} | ${(bareMin / alone).toFixed(2)} | ${((100 * alone) / bareMin).toFixed(1)}%`);
  const total = fastest('total');
  console.log(`ours: whole analysis + json | ${total.toFixed(0)} | ${(bareMin / total).toFixed(2)} | ${((100 * total) / bareMin).toFixed(1)}%`);
  const perRound = bare.map((b, i) => (b / ours[i].total).toFixed(2)).join(', ');
  console.log(`bare/ours per round (each ours vs the bare just before it): ${perRound}`);
}

await main();
