#!/usr/bin/env node
/**
 * The command line (thin): parse options, hand them to each module's normaliser, map errors to exit codes. Each
 * command's modules are loaded when it runs (`--version` and `--help` load none; `run` starts an analysis worker
 * first, so that it loads wink's model while the rest of the program loads).
 * Exit codes (docs/exit-codes.md): 0 success; 1 `--strict` and something was rejected, or nothing to analyse; 2 usage
 * or settings error (including `--out` held by another run or unusable), nothing written; 3 the output could not be
 * written (disk full, read-only, permissions), previous tables kept; 4 internal error (a bug: the stack is printed).
 */
import { Command, CommanderError, Option } from 'commander';
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { engineMemoryFailure, RunError, UsageError } from './errors.js';
// Coded file-system errors and the removal of a failed run's temporary files
import { writeFailure } from './runtime/fs-errors.js';
import { abandonOutLocks } from './runtime/lock.js';
import { VERSION } from './version.js';
import { DEFAULT_LEXICON, normaliseRunOptions } from './commands/run-options.js';
import type { RunSummary } from './commands/run.js';
import { startAnalysisWorkers } from './analysis/workers.js';
import { limitHeapGrowth } from './runtime/heap.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "1 event", "2 events". */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function summaryLine(s: RunSummary, out: string): string {
  const c = s.counts;
  return (
    `framelens: ${count(c.articles, 'article')} (${s.analysed} analysed, ${s.reused} reused), ${c.rejected} rejected` +
    `${c.rejected ? ' (see errors.csv)' : ''}, ${count(c.quotes, 'quote')}, ${count(c.frameHits, 'frame hit')}, ${count(c.events, 'event')} (${c.eventMode})` +
    ` → ${out} in ${s.seconds.toFixed(1)} s`
  );
}

/** The end of `run` and `merge`: the summary line (unless --quiet) and the exit code. */
function finish(summary: RunSummary, settings: { quiet: boolean; out: string }): void {
  for (const line of summary.notices ?? []) if (!settings.quiet || line.includes('warning')) process.stderr.write(line + '\n');
  if (!settings.quiet) process.stderr.write(summaryLine(summary, settings.out) + '\n');
  process.exitCode = summary.exitCode;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('framelens')
    .description('How did different outlets frame the same event? Quotes, speakers and framing terms by voice, compared across outlets.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    // Every exit code, in the help (docs/exit-codes.md has the details)
    .addHelpText(
      'after',
      '\nExit codes: 0 success (rejected inputs are in errors.csv); 1 --strict and something was rejected, or nothing to analyse (previous tables kept);\n' +
        '2 usage or settings error, --out held by another run or unusable (nothing written); 3 the output could not be written (disk full, read-only,\n' +
        'permissions: previous tables kept, temporary files removed); 4 internal error (a bug: please report it).',
    );

  program
    .command('run')
    .description('analyse articles and write every table (see codebook.md in the output folder)')
    .argument('<input...>', 'files (.txt, .jsonl, .csv) or directories (walked recursively, sorted)')
    .option('--out <dir>', 'output folder (created; its tables are replaced atomically)', 'output/')
    .option('--lexicon <file>', `framing lexicon, repeatable: native YAML/JSON, quanteda YAML, LIWC .dic (default ${DEFAULT_LEXICON})`, collect)
    .option('--workers <n>', 'at most n threads: analysis, then the tables (DuckDB, statistics) (default: available cores)')
    .addOption(new Option('--events <mode>', 'event grouping: metadata | auto | none (default: metadata where every article has an event, else auto)'))
    .option('--excel', 'write CSVs with a UTF-8 BOM and CRLF, for Excel')
    .option('--resume', 'reuse per-article results from an earlier (or interrupted) run in the same --out whose input and settings match')
    .option('--shard <K/N>', 'analyse only the articles whose id falls in shard K of N (0-based, stable hash); combine with `framelens merge`')
    .option('--strict', 'exit 1 if any input was rejected')
    .option('--quiet', 'no progress bar or summary')
    .option('--cues <file>', 'reporting-cue lexicon (default pipeline/cues.yml)')
    .option('--max-chars <n>', 'reject articles longer than this many characters', '1000000')
    .option('--batch-size <n>', 'articles per batch sent to a worker', '16')
    .option('--columns <map>', 'field=column,… for .csv/.jsonl columns not recognised (fields: text, id, outlet, date, title, url, event)')
    .option('--date-order <order>', 'dmy | mdy: how to read numeric dates whose day and month could be swapped (default: reported)')
    .option('--aliases <file>', 'CSV alias,speaker: name variants forced onto one speaker before speakers are merged across the corpus')
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const settings = normaliseRunOptions({ ...opts, inputs });
      const workers = startAnalysisWorkers(settings.workers);
      const run = await import('./commands/run.js').catch(async (e) => {
        await workers.terminate();
        throw e;
      });
      finish(await run.runPipeline(settings, process.argv.slice(2), workers), settings);
    });

  program
    .command('merge')
    .description('combine the results of shard runs (--shard K/N) into the tables one run would have written (byte-identical)')
    .argument('<dir...>', 'output folders of the shard runs')
    .requiredOption('--out <dir>', 'output folder for the merged tables')
    .option('--strict', 'exit 1 if any input was rejected')
    .option('--quiet', 'no summary')
    .option('--workers <n>', 'threads of the tables (DuckDB, statistics) (default: available cores)')
    .option('--aliases <file>', 'CSV alias,speaker applied when the speakers of all shards are merged (the shards\' --aliases are not reused)')
    .action(async (dirs: string[], opts: Record<string, unknown>) => {
      const { mergeShards, normaliseMergeOptions } = await import('./commands/merge.js');
      const settings = normaliseMergeOptions({ ...opts, dirs });
      finish(await mergeShards(settings, process.argv.slice(2)), settings);
    });

  program
    .command('eval')
    .description('score quote and speaker extraction against gold attributions (PolNeAR JSONL form)')
    .requiredOption('--gold <file>', 'gold JSONL (see README: Validating quotes)')
    .option('--out <dir>', 'also write per-quote details here')
    .option('--cues <file>', 'reporting-cue lexicon (default pipeline/cues.yml)')
    .option('--speaker-labels <file>', 'also score the merged speaker column against speaker labels (JSONL)')
    .option('--aliases <file>', 'with --speaker-labels: CSV alias,speaker applied before speakers are merged')
    .action(async (opts: { gold: string; out?: string; cues?: string; speakerLabels?: string; aliases?: string }) => {
      const { loadQuoteSettings } = await import('./quotes/settings.js');
      const { evaluate, formatEvalReport, writeEvalOutputs } = await import('./eval/index.js');
      const { formatSpeakerScore, loadSpeakerLabels } = await import('./eval/speakers.js');
      const { loadEntitySettings } = await import('./entities/settings.js');
      const { loadAliases } = await import('./entities/aliases.js');
      const settings = loadQuoteSettings(opts.cues);
      const speakers = opts.speakerLabels
        ? { labels: loadSpeakerLabels(opts.speakerLabels), entities: { ...loadEntitySettings(settings.titles), aliases: opts.aliases ? loadAliases(opts.aliases) : undefined } }
        : undefined;
      const report = await evaluate(opts.gold, settings, speakers);
      process.stdout.write(formatEvalReport(report) + '\n');
      if (report.speakers) process.stdout.write(formatSpeakerScore(report.speakers, opts.speakerLabels!) + '\n');
      if (opts.out) writeEvalOutputs(report, opts.out);
    });

  const lexicon = program.command('lexicon').description('check or convert framing lexicons');
  lexicon
    .command('check')
    .description('validate a lexicon; report every problem with file:line and a code (exit 2 on any error)')
    .argument('<file>')
    .action(async (file: string) => {
      const { checkLexicon } = await import('./framing/lexicon.js');
      const problems = checkLexicon(file);
      for (const p of problems) process.stdout.write(`${p.file}:${p.line}: ${p.severity} ${p.code}: ${p.message}\n`);
      const errors = problems.filter((p) => p.severity === 'error').length;
      process.stdout.write(`${file}: ${errors} error(s), ${problems.length - errors} warning(s)\n`);
      process.exitCode = errors ? 2 : 0;
    });
  lexicon
    .command('convert')
    .description('convert a lexicon to another format (printed to stdout, or --out FILE)')
    .argument('<file>')
    .requiredOption('--to <format>', 'yaml | json | dic')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (file: string, opts: { to: string; out?: string }) => {
      if (!['yaml', 'json', 'dic'].includes(opts.to)) throw new UsageError('E_OPTION', `Expected \`--to\` to be one of yaml, json, dic, got ${JSON.stringify(opts.to)}`);
      const { convertLexicon } = await import('./framing/lexicon.js');
      const notes: string[] = [];
      const text = convertLexicon(file, opts.to as 'yaml' | 'json' | 'dic', notes);
      if (opts.out) writeFileSync(opts.out, text);
      else process.stdout.write(text);
      // What the target format cannot carry (e.g. lemma matching, descriptions in .dic) goes to stderr.
      for (const n of notes) process.stderr.write(`framelens: note: ${n}\n`);
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    const outs = abandonOutLocks();
    if (e instanceof UsageError) {
      process.stderr.write(`framelens: error ${e.code}: ${e.message}\n`);
      return 2;
    }
    const failure = e instanceof RunError ? e : (writeFailure(e, outs[0]) ?? engineMemoryFailure(e));
    if (failure) {
      process.stderr.write(`framelens: error ${failure.code}: ${failure.message}\n`);
      return failure.exitCode;
    }
    process.stderr.write(`framelens: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`);
    return 4;
  }
}

// Run only when executed (directly or through the npm bin link), not when imported by tests.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  limitHeapGrowth();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
