/**
 * Every coded problem framelens reports, in one place. Input problems are skipped and listed in errors.csv;
 * settings problems exit 2 before anything is written.
 */
export const CODES = {
  // input problems (errors.csv)
  E_READ: 'file could not be read',
  E_UNSUPPORTED: 'file type not recognised (expected .txt, .jsonl or .csv)',
  E_BINARY: 'file looks binary (NUL bytes or mostly control characters)',
  E_UTF8: 'invalid UTF-8',
  E_EMPTY: 'article text is empty',
  E_JSON: 'malformed JSON line',
  E_NO_TEXT: 'record has no text field',
  E_CSV: 'malformed CSV row',
  E_DUPLICATE_ID: 'duplicate article id',
  E_TOO_LONG: 'article longer than the size limit',
  E_ANALYSIS: 'analysis failed for this article',
  E_FIELD_TYPE: 'metadata field is not text or a number',
  E_LINK_LOOP: 'symbolic link leads back to a folder above it (not followed)',
  E_LINK_BROKEN: 'symbolic link points to nothing',
  E_OWN_OUTPUT: 'a framelens output folder (not read as input)',
  // notes about an analysed article (errors.csv, article kept)
  W_UNBALANCED_QUOTES: 'unbalanced quotation marks',
  // notes about an input file or row (errors.csv, articles kept)
  W_NO_OUTLET: 'no outlet column: every article of this file has outlet "unknown"',
  W_DATE: 'date not recognised: the article is kept with no date',
  W_DATE_AMBIGUOUS: 'numeric date whose day and month could be swapped: give --date-order',
  // settings problems (exit 2)
  E_OPTION: 'bad option value',
  E_LEXICON: 'lexicon could not be used',
  E_INPUT_MISSING: 'input path does not exist',
  E_OUT_LOCKED: '--out is held by another framelens run',
  E_OUT_UNUSABLE: '--out cannot be used as an output folder',
  // run outcomes (exit 1 and 3; see docs/exit-codes.md)
  E_NOTHING: 'nothing to analyse: no article was accepted',
  E_WRITE: 'the output could not be written',
  E_ENGINE_MEMORY: 'the table engine (DuckDB) ran out of its memory limit',
  // lexicon problems (framelens lexicon check; any E_LEX_* makes the lexicon unusable: exit 2)
  E_LEX_READ: 'lexicon file could not be read',
  E_LEX_FORMAT: 'lexicon format not recognised',
  E_LEX_SYNTAX: 'lexicon file does not parse',
  E_LEX_UNKNOWN_KEY: 'unknown key in lexicon',
  E_LEX_MISSING_KEY: 'required lexicon key missing',
  E_LEX_BAD_VALUE: 'lexicon value has the wrong type or form',
  E_LEX_NO_FRAMES: 'lexicon defines no frames',
  E_LEX_EMPTY_FRAME: 'frame has no terms',
  E_LEX_FRAME_NAME: 'frame name not allowed',
  E_LEX_DUPLICATE_FRAME: 'frame defined twice',
  E_LEX_EMPTY_TERM: 'empty term',
  E_LEX_PATTERN: 'term pattern cannot compile',
  E_LEX_BROAD_GLOB: 'glob would match almost every word',
  E_LEX_DIC_CATEGORY: 'LIWC category id not declared in the header',
  E_LEX_DIC_HEADER: 'malformed LIWC category header',
  E_LEX_DUPLICATE_NAME: 'two lexicons with the same name',
  W_LEX_DUPLICATE_TERM: 'term listed twice in the same frame (counted once)',
  W_LEX_BROAD_GLOB: 'glob is very broad',
  W_LEX_METADATA: 'lexicon metadata missing (name, version, description or sources)',
  W_LEX_NO_DESCRIPTION: 'frame has no description',
} as const;

export type Code = keyof typeof CODES;

/** A settings/usage error: the CLI prints `message` and exits 2 before writing anything. */
export class UsageError extends Error {
  readonly code: Code;
  constructor(code: Code, message: string) {
    super(message);
    this.code = code;
    this.name = 'UsageError';
  }
}

/**
 * A coded failure with its own exit code (see docs/exit-codes.md): 1 nothing to analyse, 3 the output could not be
 * written. The CLI prints `framelens: error CODE: message` (no stack trace) and exits with `exitCode`.
 */
export class RunError extends Error {
  readonly code: Code;
  readonly exitCode: number;
  constructor(code: Code, message: string, exitCode: number) {
    super(message);
    this.code = code;
    this.exitCode = exitCode;
    this.name = 'RunError';
  }
}

/**
 * Exit 3: DuckDB stopped at its memory limit (FRAMELENS_ENGINE_MEMORY, docs/large-corpora.md) while computing the
 * tables; undefined for any other error. The previous tables are kept; `run` keeps what it analysed for --resume.
 */
export function engineMemoryFailure(e: unknown): RunError | undefined {
  const message = String((e as Error)?.message ?? '');
  if (!/Out of Memory Error/i.test(message)) return undefined;
  const limit = process.env.FRAMELENS_ENGINE_MEMORY || '160MB';
  return new RunError(
    'E_ENGINE_MEMORY',
    `the table engine ran out of its memory limit (${limit}): set FRAMELENS_ENGINE_MEMORY higher (e.g. 1GB) and run again ("run --resume" reuses the articles it analysed). The previous tables are kept. (DuckDB: ${message.split('\n')[0]})`,
    3,
  );
}

/** Standard message for a bad option, in p-queue's style: name, expectation, what was given. */
export function optionError(option: string, expected: string, got: unknown): UsageError {
  return new UsageError('E_OPTION', `Expected \`${option}\` to be ${expected}, got ${JSON.stringify(got)}`);
}

/** Exit 1: no article was accepted. The previous tables stay; what was rejected is listed in the message. */
export function nothingToAnalyse(inputs: string[], out: string, problems: { input: string; line: number; code: string; message: string }[]): RunError {
  const shown = problems.slice(0, 10).map((p) => `\n  ${p.input}${p.line ? `:${p.line}` : ''}: ${p.code}: ${p.message}`).join('');
  const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
  const what = problems.length ? `${problems.length} input${problems.length === 1 ? '' : 's'} rejected:${shown}${more}` : 'no .txt, .jsonl or .csv file was found';
  return new RunError('E_NOTHING', `nothing to analyse in ${inputs.join(' ')}: ${what}\nThe previous tables in ${out} are kept.`, 1);
}
